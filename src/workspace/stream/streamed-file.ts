// One file as its stream events build it: written whole, or edited hunk by hunk
// (docs/architecture.md, "Events"). Pure; generation-stream-state.ts applies it per event.
import type { FileOperation } from '@/types/streaming';
import { openHunk, typeIntoHunk, type EditedLines } from './streamed-edit';

export interface StreamedFile {
  content: string;
  /** `writing` until its `file:complete` arrives. */
  state: 'writing' | 'done';
  operation: FileOperation | null;
  /**
   * `write`: typed whole from empty (`file:generating`); `edit`: search/replace hunks typed into the
   * file as it stood (`file:editing`, then `edit:hunk`s).
   */
  mode: 'write' | 'edit';
  /** In an edit, the character offset where the next code:chunk inserts; null before the first hunk and once the file is done. */
  editCursor: number | null;
  /**
   * In an edit, the lines of the current hunk's replacement (then the last hunk's), growing as it
   * types; after a pure deletion, the line where the lines went. Null before the first hunk.
   */
  editedLines: EditedLines | null;
}

/** The file the model is editing and where: what the code view highlights and follows. */
export interface LiveEdit {
  path: string;
  cursor: number;
  lines: EditedLines;
}

export function emptyFile(mode: StreamedFile['mode'], content = ''): StreamedFile {
  return { content, state: 'writing', operation: null, mode, editCursor: null, editedLines: null };
}

/** A code:chunk goes at the open hunk's cursor in an edit, else at the end (a whole file, or an edit before any hunk). */
export function withChunk(file: StreamedFile, chunk: string): StreamedFile {
  if (file.editCursor === null || !file.editedLines) return { ...file, content: file.content + chunk };
  const typed = typeIntoHunk(file.content, file.editCursor, file.editedLines.from, chunk);
  return { ...file, content: typed.content, editCursor: typed.cursor, editedLines: typed.lines };
}

/** The next hunk, applied to the file as already edited. A file not known to be in an edit becomes one at its current text. */
export function withHunk(file: StreamedFile | undefined, startLine: number, deletedLines: number): StreamedFile {
  const base = file && file.state === 'writing' ? file : emptyFile('edit', file?.content ?? '');
  const opened = openHunk(base.content, startLine, deletedLines);
  return { ...base, mode: 'edit', content: opened.content, editCursor: opened.cursor, editedLines: opened.lines };
}
