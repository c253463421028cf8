// Reading the body of one <edit path="..."> block, after its opening tag, up to `</edit>`. The
// format's rules are in file-block-parser.ts's header; this is their state machine. Pure.
//
// A decision is made only once the text already read settles it, whatever follows: so the events
// (chunks merged) are the same however the output was split.
import { describeBytes, heldBackLength, isHighSurrogate, utf8Length } from './file-block-content';
import { couldBecomeMarkerLine, EDIT_CLOSE, markerLineKind, MARKER_TEXT, type EditMarker } from './file-block-edit-markers';
import type { BlockBodyReader, BlockBodyReaderOptions, EditHunk, ParsedBlockEvent } from './file-block-events';

/** Outside a hunk, inside its SEARCH or REPLACE section, or skipping a malformed block to `</edit>`. */
type Section = 'between' | 'search' | 'replace' | 'swallow';

/** How much of an unexpected line a rejection quotes. */
const QUOTE_LIMIT = 60;

function quoteLine(line: string): string {
  if (line.length <= QUOTE_LIMIT) return JSON.stringify(line.trimEnd());
  const cut = isHighSurrogate(line.charCodeAt(QUOTE_LIMIT - 1)) ? QUOTE_LIMIT - 1 : QUOTE_LIMIT;
  return `${JSON.stringify(line.slice(0, cut))}…`;
}

const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

/** `maxBytes` limits the SEARCH and REPLACE text of the whole block together. */
export function createEditBlockReader(options: BlockBodyReaderOptions): BlockBodyReader {
  const { path, maxBytes } = options;
  let accepted = options.accepted;
  let section: Section = 'between';
  /** Line number inside the block, counting the opening tag's line as 1: what rejections name. */
  let line = 1;
  /** In a section: true when the next character starts a line (which may be a marker). */
  let atLineStart = true;
  /** Whether the open section has any text, tracked even for a refused block: an empty SEARCH is malformed. */
  let sectionHasText = false;
  let search = '';
  let replace = '';
  let bytes = 0;
  const hunks: EditHunk[] = [];

  /** The text being read and how far: set by each read(). */
  let text = '';
  let position = 0;
  let done = false;

  function emit(event: ParsedBlockEvent): void {
    if (accepted) options.emit(event);
  }

  function reject(reason: string): void {
    emit({ kind: 'file:rejected', path, reason });
    accepted = false;
    search = '';
    replace = '';
    hunks.length = 0;
  }

  /** `endsBlock`: the malformed line was itself `</edit>`, so there is nothing left to skip. */
  function malformed(detail: string, endsBlock = false): void {
    reject(`malformed edit block: ${detail}`);
    if (endsBlock) done = true;
    else section = 'swallow';
  }

  /** Adds text to the open SEARCH or REPLACE section. */
  function release(content: string): void {
    if (content === '') return;
    sectionHasText = true;
    if (!accepted) return;
    bytes += utf8Length(content);
    if (bytes > maxBytes) {
      reject(`the edit is larger than ${describeBytes(maxBytes)}`);
      return;
    }
    if (section === 'search') {
      search += content;
    } else {
      replace += content;
      emit({ kind: 'edit:chunk', path, text: content });
    }
  }

  function close(): void {
    done = true;
    if (!accepted) return;
    if (hunks.length === 0) reject('malformed edit block: it has no hunks');
    else emit({ kind: 'edit:end', path, hunks: [...hunks] });
  }

  /** Between hunks: whitespace, then `<<<<<<< SEARCH` on a line of its own, or `</edit>`. */
  function stepBetween(final: boolean): boolean {
    const start = position;
    while (position < text.length && WHITESPACE.has(text[position]!)) {
      if (text[position] === '\n') line++;
      position++;
    }
    if (position === text.length) return position > start;
    if (text.startsWith(EDIT_CLOSE, position)) {
      position += EDIT_CLOSE.length;
      close();
      return true;
    }
    const newline = text.indexOf('\n', position);
    const lineText = text.slice(position, newline === -1 ? undefined : newline);
    if (newline !== -1 && markerLineKind(lineText) === 'search') {
      position = newline + 1;
      line++;
      section = 'search';
      atLineStart = true;
      sectionHasText = false;
      return true;
    }
    if (newline === -1) {
      // Wait for a marker to complete, or for enough of the line to quote it the same way every time.
      const mayBecomeMarker = couldBecomeMarkerLine(lineText, ['search', 'close']);
      if (final || mayBecomeMarker || lineText.length <= QUOTE_LIMIT) return position > start;
    }
    malformed(`line ${line} is ${quoteLine(lineText)}, where \`${MARKER_TEXT.search}\` or \`${EDIT_CLOSE}\` was expected`);
    return true;
  }

  function onMarker(marker: EditMarker): void {
    const shown = `\`${MARKER_TEXT[marker]}\``;
    if (section === 'search') {
      if (marker !== 'divider') {
        malformed(`line ${line} is ${shown} inside a SEARCH section, where \`${MARKER_TEXT.divider}\` was expected`, marker === 'close');
      } else if (!sectionHasText) {
        malformed(`line ${line} ends an empty SEARCH section; to create a file, write it whole in a <file> block`);
      } else {
        emit({ kind: 'edit:search', path, search });
        section = 'replace';
        sectionHasText = false;
      }
      return;
    }
    if (marker !== 'replace') {
      malformed(`line ${line} is ${shown} inside a REPLACE section, where \`${MARKER_TEXT.replace}\` was expected`, marker === 'close');
      return;
    }
    if (accepted) hunks.push({ search, replace });
    emit({ kind: 'edit:hunk', path, search, replace });
    search = '';
    replace = '';
    section = 'between';
  }

  /** Inside SEARCH or REPLACE: whole lines are text or markers; a partial line is released once it cannot be a marker. */
  function stepSection(final: boolean): boolean {
    const newline = text.indexOf('\n', position);
    if (newline === -1) {
      const partial = text.slice(position);
      if (atLineStart && (final || couldBecomeMarkerLine(partial))) return false;
      // Never end a chunk on half a character.
      const end = isHighSurrogate(text.charCodeAt(text.length - 1)) ? text.length - 1 : text.length;
      if (end <= position) return false;
      release(text.slice(position, end));
      position = end;
      atLineStart = false;
      return true;
    }
    const marker = atLineStart ? markerLineKind(text.slice(position, newline)) : null;
    if (marker === null) release(text.slice(position, newline + 1));
    else onMarker(marker);
    position = newline + 1;
    line++;
    atLineStart = true;
    return true;
  }

  /** A malformed block is skipped up to the first `</edit>` anywhere: its structure is no longer known. */
  function stepSwallow(): boolean {
    const closeAt = text.indexOf(EDIT_CLOSE, position);
    if (closeAt !== -1) {
      position = closeAt + EDIT_CLOSE.length;
      done = true;
      return true;
    }
    const end = text.length - heldBackLength(text, EDIT_CLOSE);
    if (end <= position) return false;
    position = end;
    return true;
  }

  function step(final: boolean): boolean {
    switch (section) {
      case 'between':
        return stepBetween(final);
      case 'search':
      case 'replace':
        return stepSection(final);
      case 'swallow':
        return stepSwallow();
    }
  }

  return {
    read(input, final) {
      text = input;
      position = 0;
      while (!done && position < text.length && step(final)) {
        // each step consumed something or changed state; loop until it needs more input
      }
      if (final && !done) {
        // A refused or malformed block was already reported; a half hunk is never a finished edit.
        emit({ kind: 'edit:truncated', path });
        done = true;
        position = text.length;
      }
      return { used: position, done };
    },
  };
}
