// The streaming parser for the output format every model answers in:
//
//   <plan title="Add JWT auth">src/middleware/auth.ts create; src/index.ts modify</plan>
//   <file path="src/middleware/auth.ts">...whole file...</file>
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
//   content. A file whose text contains `</file>` cannot be written in this format.
// - Text outside blocks is reported as `prose` (trimmed, when non-empty) once the next block starts
//   or the output ends, with Markdown fence lines (```xml, ```) removed: models like to wrap the
//   whole answer in a fence, which is noise rather than something they said.
// - The same path twice: both blocks are emitted in full; the later one wins, which the runner's
//   collector decides, not the parser. Each distinct path counts once towards `maxFiles`.
// - Unsafe paths (see safe-path.ts), files past `maxFiles` and files growing past `maxFileBytes`
//   give file:rejected; the rest of that block is swallowed. An unsafe <delete> path gives
//   file:rejected too.
// - At end(), a file block that never closed gives file:truncated (not a finished file); an open
//   <plan> or <summary> is emitted with the text it got; an unfinished tag is reported as prose.
// - <plan> entries are `path action` pairs separated by `;` or newlines. Actions: create/add/new,
//   modify/update/edit/change, delete/remove. Entries with no recognisable action or an unsafe path
//   are left out of `entries`; `text` keeps the plan as written.
import { checkSafePath } from '@/shared/safe-path';
import { describeBytes, FILE_CLOSE, heldBackLength, utf8Length } from './file-block-content';
import { parsePlanEntries, type PlanAction } from './file-block-plan-entries';
import { scanTag, type Tag } from './file-block-tags';

export type ParsedBlockEvent =
  | { kind: 'plan'; title: string; entries: Array<{ path: string; action: PlanAction }>; text: string }
  | { kind: 'file:start'; path: string }
  /** Content text as it arrives; never includes tag text. */
  | { kind: 'file:chunk'; path: string; text: string }
  /** Whole file content, once the closing tag arrived. */
  | { kind: 'file:end'; path: string; content: string }
  /** Unsafe path or a limit; the block's content is swallowed, not emitted. */
  | { kind: 'file:rejected'; path: string; reason: string }
  /** From end(): the block never closed, so this is NOT a finished file. */
  | { kind: 'file:truncated'; path: string; content: string }
  | { kind: 'delete'; path: string }
  | { kind: 'summary'; text: string }
  /** Text outside any block (trimmed, non-empty), reported rather than lost. */
  | { kind: 'prose'; text: string };

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

type FileBlock = {
  path: string;
  /** False once rejected: the rest of the block is read but dropped. */
  accepted: boolean;
  /** True until the optional newline after the opening tag has been dealt with. */
  atContentStart: boolean;
  content: string;
  bytes: number;
};

type Mode =
  | { kind: 'outside' }
  | { kind: 'plan'; title: string }
  | { kind: 'summary' }
  | { kind: 'file'; file: FileBlock };

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

  /** Adds content to an open file, unless that would take it past the size limit. */
  function release(file: FileBlock, text: string): void {
    if (!file.accepted || text === '') return;
    file.bytes += utf8Length(text);
    if (file.bytes > maxFileBytes) {
      file.accepted = false;
      events.push({ kind: 'file:rejected', path: file.path, reason: `the file is larger than ${describeBytes(maxFileBytes)}` });
      return;
    }
    file.content += text;
    events.push({ kind: 'file:chunk', path: file.path, text });
  }

  function admitFile(rawPath: string | undefined): { ok: true; path: string } | { ok: false; path: string; reason: string } {
    if (rawPath === undefined) return { ok: false, path: '', reason: 'the file block has no path attribute' };
    const safe = checkSafePath(rawPath);
    if (!safe.ok) return { ok: false, path: rawPath, reason: safe.reason };
    if (!acceptedPaths.has(safe.path) && acceptedPaths.size >= maxFiles) {
      return { ok: false, path: safe.path, reason: `too many files: at most ${maxFiles} per version` };
    }
    return safe;
  }

  function openFile(tag: Tag): void {
    const admission = admitFile(tag.attributes.get('path'));
    const file: FileBlock = { path: admission.path, accepted: admission.ok, atContentStart: true, content: '', bytes: 0 };
    if (admission.ok) {
      acceptedPaths.add(file.path);
      events.push({ kind: 'file:start', path: file.path });
    } else {
      events.push({ kind: 'file:rejected', path: file.path, reason: admission.reason });
    }
    if (!tag.selfClosing) mode = { kind: 'file', file };
    else if (file.accepted) events.push({ kind: 'file:end', path: file.path, content: '' });
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

  /** One step inside a <file> block. */
  function stepFile(file: FileBlock, final: boolean): boolean {
    if (file.atContentStart) {
      const undecided = buffer === '' || buffer === '\r';
      if (undecided && !final) return false;
      if (buffer.startsWith('\n')) buffer = buffer.slice(1);
      else if (buffer.startsWith('\r\n')) buffer = buffer.slice(2);
      file.atContentStart = false;
    }
    const closeAt = buffer.indexOf(FILE_CLOSE);
    if (closeAt !== -1) {
      release(file, buffer.slice(0, closeAt));
      buffer = buffer.slice(closeAt + FILE_CLOSE.length);
      if (file.accepted) events.push({ kind: 'file:end', path: file.path, content: file.content });
      mode = { kind: 'outside' };
      return true;
    }
    if (final) {
      release(file, buffer);
      buffer = '';
      if (file.accepted) events.push({ kind: 'file:truncated', path: file.path, content: file.content });
      mode = { kind: 'outside' };
      return true;
    }
    const keep = heldBackLength(buffer);
    release(file, buffer.slice(0, buffer.length - keep));
    buffer = buffer.slice(buffer.length - keep);
    return false;
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
        case 'file':
          progressed = stepFile(mode.file, final);
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
