// Turns the parser's edit-block events into stream events while applying the hunks to the file as it
// stands (docs/architecture.md, "Model output"): a hunk is located as soon as its SEARCH text is
// complete, so the viewer can type its replacement in place, and applied exactly once complete.
// A hunk that matches nowhere, or in several places, is never guessed: the file's edit fails and
// run-generation asks for the whole file instead. Pure.
import type { StreamEventBody } from '@/types/streaming';
import type { ParsedBlockEvent } from './file-blocks/file-block-parser';
import { countNewlines } from './file-blocks/file-block-content';
import { applyLocatedHunk, locateEditHunk, type HunkLocation } from './edits/apply-edit-hunk';

type EditEvent = Extract<ParsedBlockEvent, { kind: 'edit:start' | 'edit:search' | 'edit:chunk' | 'edit:hunk' }>;

interface OpenEdit {
  /** The file with the hunks so far applied. */
  content: string;
  /** Why the edit failed; the rest of its hunks are ignored. */
  failure: string | null;
  /** The line the next replacement chunk starts on, while a hunk's replacement streams. */
  nextLine: number | null;
  /** Where the hunk whose replacement streams goes, found when its SEARCH text was complete. */
  location: HunkLocation | null;
}

export interface EditCollector {
  accept(event: EditEvent): StreamEventBody[];
  /** `</edit>` arrived: the edited file, or why the edit failed. */
  end(path: string): { ok: true; content: string } | { ok: false; reason: string };
  /** The parser rejected the block midway (malformed, too large): none of its hunks count. */
  discard(path: string): void;
}

/** `currentContent(path)`: the file as this version has it so far (undefined: there is no such file). */
export function createEditCollector(currentContent: (path: string) => string | undefined): EditCollector {
  const open = new Map<string, OpenEdit>();

  return {
    accept(event) {
      switch (event.kind) {
        case 'edit:start': {
          const content = currentContent(event.path);
          if (content === undefined) {
            open.set(event.path, { content: '', failure: `there is no file ${event.path} to edit`, nextLine: null, location: null });
            return [];
          }
          open.set(event.path, { content, failure: null, nextLine: null, location: null });
          return [{ type: 'file:editing', filePath: event.path, content }];
        }
        case 'edit:search': {
          const edit = open.get(event.path);
          if (!edit || edit.failure) return [];
          const located = locateEditHunk(edit.content, event.search);
          if (!located.ok) {
            edit.failure = located.reason;
            return [];
          }
          edit.nextLine = located.startLine;
          edit.location = located;
          return [{ type: 'edit:hunk', filePath: event.path, startLine: located.startLine, deletedLines: located.deletedLines }];
        }
        case 'edit:chunk': {
          const edit = open.get(event.path);
          if (!edit || edit.failure || edit.nextLine === null) return [];
          const startLine = edit.nextLine;
          edit.nextLine += countNewlines(event.text);
          return [{ type: 'code:chunk', filePath: event.path, chunk: event.text, startLine }];
        }
        case 'edit:hunk': {
          const edit = open.get(event.path);
          if (!edit || edit.failure || !edit.location) return [];
          edit.content = applyLocatedHunk(edit.content, edit.location, event.replace).content;
          edit.nextLine = null;
          edit.location = null;
          return [];
        }
      }
    },
    discard(path) {
      open.delete(path);
    },
    end(path) {
      const edit = open.get(path);
      open.delete(path);
      if (!edit) return { ok: false, reason: 'the edit block was not opened' };
      return edit.failure ? { ok: false, reason: edit.failure } : { ok: true, content: edit.content };
    },
  };
}
