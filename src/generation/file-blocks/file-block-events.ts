// The events the file-block parser (file-block-parser.ts, whose header fixes the format's rules)
// turns model output into. Their own module so the block readers can share them. Pure types.
import type { PlanAction } from './file-block-plan-entries';

/** One search/replace pair of an <edit> block: whole lines, each with its newline; "" is no lines. */
export type EditHunk = { search: string; replace: string };

export type ParsedBlockEvent =
  | { kind: 'plan'; title: string; entries: Array<{ path: string; action: PlanAction }>; text: string }
  | { kind: 'file:start'; path: string }
  /** Content text as it arrives; never includes tag text. */
  | { kind: 'file:chunk'; path: string; text: string }
  /** Whole file content, once the closing tag arrived. */
  | { kind: 'file:end'; path: string; content: string }
  /**
   * Unsafe path, a limit, or a malformed <edit>; the block's content is swallowed, not emitted. After
   * edit:start it ends that edit: none of its hunks count, not even those already reported.
   */
  | { kind: 'file:rejected'; path: string; reason: string }
  /** From end(): the block never closed, so this is NOT a finished file. */
  | { kind: 'file:truncated'; path: string; content: string }
  | { kind: 'delete'; path: string }
  /** An <edit> block opened for a safe path. */
  | { kind: 'edit:start'; path: string }
  /** A hunk's SEARCH section is complete (at `=======`); its REPLACE text streams next. */
  | { kind: 'edit:search'; path: string; search: string }
  /** REPLACE text as it arrives; a hunk's chunks concatenated are exactly its edit:hunk `replace`. */
  | { kind: 'edit:chunk'; path: string; text: string }
  /** The hunk is complete (at `>>>>>>> REPLACE`). */
  | { kind: 'edit:hunk'; path: string; search: string; replace: string }
  /** `</edit>` arrived: every hunk of the block, in order. */
  | { kind: 'edit:end'; path: string; hunks: EditHunk[] }
  /** From end(): the edit block never closed, so this is NOT a finished edit; apply none of it. */
  | { kind: 'edit:truncated'; path: string }
  | { kind: 'summary'; text: string }
  /** Text outside any block (trimmed, non-empty), reported rather than lost. */
  | { kind: 'prose'; text: string };

/** Reads the body of one open block (after its opening tag) for the parser, emitting its events. */
export interface BlockBodyReader {
  /** Reads from the start of `text`: `used` characters are consumed; `done` once the block is over. */
  read(text: string, final: boolean): { used: number; done: boolean };
}

export interface BlockBodyReaderOptions {
  path: string;
  /** False when the path was refused: the block is still read to its end, silently. */
  accepted: boolean;
  /** Size limit of the block's content, in UTF-8 bytes. */
  maxBytes: number;
  emit(event: ParsedBlockEvent): void;
}
