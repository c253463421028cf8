// The streaming parser for the output format every model answers in:
//
//   <plan title="Add JWT auth">src/middleware/auth.ts create; src/index.ts modify</plan>
//   <file path="src/middleware/auth.ts">...whole file...</file>
//   <edit path="src/index.ts">
//   <<<<<<< SEARCH
//   ...lines of the file as it stands...
//   =======
//   ...the lines that replace them...
//   >>>>>>> REPLACE
//   </edit>
//   <delete path="src/old.ts"/>
//   <summary>What changed and why, for the chat.</summary>
//
// Pure: text chunks in, block events out. Chunk boundaries are arbitrary; a tag may arrive one
// character at a time. The rules below are fixed so that every model, the offline one included,
// means the same thing by the same text:
//
// - File content starts after the opening tag's `>`, minus exactly one newline (`\n` or `\r\n`) if
//   one follows it, and runs up to `</file>`. The newline before `</file>` belongs to the content:
//   `<file path="a">\ncode\n</file>` is the file `code\n`, which is how editors save text files,
//   and `<file path="a">code</file>` is `code` with no final newline.
// - file:chunk events carry content as it arrives. The parser holds back only the shortest tail
//   that could be the start of `</file>` (and a lone high surrogate, so no chunk splits a
//   character), so the chunks of a file concatenated are exactly its file:end content.
// - Content is never scanned for anything but `</file>`: tags and ``` fences inside a file are
//   content (an <edit> inside a <file> too). A file whose text contains `</file>` cannot be written
//   in this format.
// - An <edit> block is a list of hunks, each `<<<<<<< SEARCH`, `=======` and `>>>>>>> REPLACE` on
//   lines of their own (trailing spaces, tabs and `\r` allowed), with whole lines in between.
//   Between hunks only whitespace may stand. A section's text is its lines, each with its newline
//   (`a\nb\n`); an empty REPLACE is "" and deletes the lines. The hunks apply in order, each to the
//   file as the ones before left it (src/generation/edits/apply-edit-hunk.ts).
// - edit:search is emitted once a SEARCH section is complete; edit:chunk carries REPLACE text as it
//   arrives, holding back only a line start that could still become a marker line (and a lone high
//   surrogate), so a hunk's chunks concatenated are exactly its edit:hunk `replace`.
// - Marker lines are never content: a line that is exactly a marker or `</edit>` cannot be in a
//   SEARCH or REPLACE section (such a file is written whole). `</edit>` elsewhere in a line of a
//   section is content; between hunks `</edit>` closes the block wherever it starts.
// - A malformed edit (a marker out of order, a line that is not a marker where one is expected, an
//   empty SEARCH, no hunks) gives file:rejected naming the line (counted from the opening tag's
//   line as 1), and the rest of the block up to the first `</edit>` is swallowed; when the
//   offending line is `</edit>` itself, the block ends there. After edit:start, file:rejected ends
//   that edit: none of its hunks count.
// - Text outside blocks is reported as `prose` (trimmed, when non-empty) once the next block starts
//   or the output ends, with Markdown fence lines (```xml, ```) removed: models like to wrap the
//   whole answer in a fence, which is noise rather than something they said.
// - The same path twice: both blocks are emitted in full; the later one wins, which the runner's
//   collector decides, not the parser. Each distinct path of a <file> or <edit> counts once
//   towards `maxFiles`.
// - Unsafe paths (see safe-path.ts), files past `maxFiles` and files growing past `maxFileBytes`
//   give file:rejected; the rest of that block is swallowed. An edit counts its SEARCH and REPLACE
//   text together towards `maxFileBytes`. An unsafe <delete> path gives file:rejected too.
// - At end(), a file block that never closed gives file:truncated (not a finished file), an edit
//   block edit:truncated (none of it applies); an open <plan> or <summary> is emitted with the text
//   it got; an unfinished tag is reported as prose.
// - <plan> entries are `path action` pairs separated by `;` or newlines. Actions: create/add/new,
//   modify/update/edit/change, delete/remove. Entries with no recognisable action or an unsafe path
//   are left out of `entries`; `text` keeps the plan as written.
import { checkSafePath } from '@/shared/safe-path';
import { createEditBlockReader } from './file-block-edit';
import type { BlockBodyReader, ParsedBlockEvent } from './file-block-events';
import { createFileBodyReader } from './file-block-file';
import { parsePlanEntries } from './file-block-plan-entries';
import { scanTag, type Tag } from './file-block-tags';

export type { EditHunk, ParsedBlockEvent } from './file-block-events';

export interface FileBlockParser {
  push(chunk: string): ParsedBlockEvent[];
  end(): ParsedBlockEvent[];
}

export interface FileBlockParserOptions {
  maxFiles?: number;
  maxFileBytes?: number;
}

const DEFAULT_MAX_FILES = 100;
const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

type Mode =
  | { kind: 'outside' }
  | { kind: 'plan'; title: string }
  | { kind: 'summary' }
  /** Inside a <file> or <edit> block, whose reader takes its body apart. */
  | { kind: 'body'; reader: BlockBodyReader };

const FENCE_LINE = /^[ \t]*(?:```|~~~)[^\n]*$/gm;

export function createFileBlockParser(options: FileBlockParserOptions = {}): FileBlockParser {
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;

  /** Input not yet turned into events. */
  let buffer = '';
  /** Text outside blocks since the last block. */
  let prose = '';
  let mode: Mode = { kind: 'outside' };
  let ended = false;
  const acceptedPaths = new Set<string>();
  /** Events produced by the current push() or end(). */
  let events: ParsedBlockEvent[] = [];

  function flushProse(): void {
    const text = prose.replace(FENCE_LINE, '').trim();
    if (text) events.push({ kind: 'prose', text });
    prose = '';
  }

  function admitFile(rawPath: string | undefined, block: 'file' | 'edit'): { ok: true; path: string } | { ok: false; path: string; reason: string } {
    if (rawPath === undefined) return { ok: false, path: '', reason: `the ${block} block has no path attribute` };
    const safe = checkSafePath(rawPath);
    if (!safe.ok) return { ok: false, path: rawPath, reason: safe.reason };
    if (!acceptedPaths.has(safe.path) && acceptedPaths.size >= maxFiles) {
      return { ok: false, path: safe.path, reason: `too many files: at most ${maxFiles} per version` };
    }
    return safe;
  }

  /** The block's reader gets every event it emits straight into this push's events. */
  function emit(event: ParsedBlockEvent): void {
    events.push(event);
  }

  function openFile(tag: Tag): void {
    const admission = admitFile(tag.attributes.get('path'), 'file');
    if (admission.ok) {
      acceptedPaths.add(admission.path);
      events.push({ kind: 'file:start', path: admission.path });
    } else {
      events.push({ kind: 'file:rejected', path: admission.path, reason: admission.reason });
    }
    if (tag.selfClosing) {
      if (admission.ok) events.push({ kind: 'file:end', path: admission.path, content: '' });
      return;
    }
    mode = { kind: 'body', reader: createFileBodyReader({ path: admission.path, accepted: admission.ok, maxBytes: maxFileBytes, emit }) };
  }

  function openEdit(tag: Tag): void {
    const admission = admitFile(tag.attributes.get('path'), 'edit');
    if (!admission.ok || tag.selfClosing) {
      const reason = admission.ok ? 'malformed edit block: it has no hunks' : admission.reason;
      events.push({ kind: 'file:rejected', path: admission.path, reason });
      if (tag.selfClosing) return;
    } else {
      acceptedPaths.add(admission.path);
      events.push({ kind: 'edit:start', path: admission.path });
    }
    mode = { kind: 'body', reader: createEditBlockReader({ path: admission.path, accepted: admission.ok, maxBytes: maxFileBytes, emit }) };
  }

  function openBlock(tag: Tag): void {
    switch (tag.name) {
      case 'plan': {
        const title = tag.attributes.get('title') ?? '';
        if (tag.selfClosing) events.push({ kind: 'plan', title, entries: [], text: '' });
        else mode = { kind: 'plan', title };
        return;
      }
      case 'summary':
        if (tag.selfClosing) events.push({ kind: 'summary', text: '' });
        else mode = { kind: 'summary' };
        return;
      case 'delete': {
        const path = tag.attributes.get('path');
        if (path === undefined) {
          events.push({ kind: 'file:rejected', path: '', reason: 'cannot delete: the delete tag has no path attribute' });
          return;
        }
        const safe = checkSafePath(path);
        events.push(safe.ok ? { kind: 'delete', path: safe.path } : { kind: 'file:rejected', path, reason: `cannot delete: ${safe.reason}` });
        return;
      }
      case 'file':
        openFile(tag);
        return;
      case 'edit':
        openEdit(tag);
        return;
    }
  }

  /** One step outside blocks. Returns false when it needs more input. */
  function stepOutside(final: boolean): boolean {
    const tagStart = buffer.indexOf('<');
    if (tagStart === -1) {
      prose += buffer;
      buffer = '';
      return false;
    }
    prose += buffer.slice(0, tagStart);
    buffer = buffer.slice(tagStart);
    const scan = scanTag(buffer, final);
    if (scan.status === 'incomplete') return false;
    if (scan.status === 'none') {
      prose += '<';
      buffer = buffer.slice(1);
      return true;
    }
    buffer = buffer.slice(scan.tag.length);
    if (scan.tag.closing) return true; // a `</delete>` after <delete ...>: nothing to report
    flushProse();
    openBlock(scan.tag);
    return true;
  }

  /** One step inside <plan> or <summary>, which are emitted whole once closed. */
  function stepTextBlock(current: Extract<Mode, { kind: 'plan' | 'summary' }>, final: boolean): boolean {
    const closeTag = current.kind === 'plan' ? '</plan>' : '</summary>';
    const closeAt = buffer.indexOf(closeTag);
    if (closeAt === -1 && !final) return false;
    const body = closeAt === -1 ? buffer : buffer.slice(0, closeAt);
    buffer = closeAt === -1 ? '' : buffer.slice(closeAt + closeTag.length);
    const text = body.trim();
    if (current.kind === 'plan') events.push({ kind: 'plan', title: current.title, entries: parsePlanEntries(text), text });
    else events.push({ kind: 'summary', text });
    mode = { kind: 'outside' };
    return true;
  }

  /** One step inside a <file> or <edit> block (file-block-file.ts, file-block-edit.ts). */
  function stepBody(reader: BlockBodyReader, final: boolean): boolean {
    const { used, done } = reader.read(buffer, final);
    buffer = buffer.slice(used);
    if (done) mode = { kind: 'outside' };
    return used > 0 || done;
  }

  function drain(final: boolean): void {
    let progressed = true;
    while (progressed && (buffer !== '' || (final && mode.kind !== 'outside'))) {
      switch (mode.kind) {
        case 'outside':
          progressed = stepOutside(final);
          break;
        case 'plan':
        case 'summary':
          progressed = stepTextBlock(mode, final);
          break;
        case 'body':
          progressed = stepBody(mode.reader, final);
          break;
      }
    }
  }

  function takeEvents(): ParsedBlockEvent[] {
    const taken = events;
    events = [];
    return taken;
  }

  return {
    push(chunk) {
      if (ended) throw new Error('The file-block parser has ended; create a new one for the next output.');
      buffer += chunk;
      drain(false);
      return takeEvents();
    },
    end() {
      if (ended) return [];
      ended = true;
      drain(true);
      flushProse();
      return takeEvents();
    },
  };
}
