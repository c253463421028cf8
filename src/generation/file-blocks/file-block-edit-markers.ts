// The marker lines of an <edit> block (file-block-parser.ts has the format's rules): which line is
// which marker, and whether the start of a line could still become one. Pure.

export const SEARCH_MARKER = '<<<<<<< SEARCH';
export const DIVIDER_MARKER = '=======';
export const REPLACE_MARKER = '>>>>>>> REPLACE';
export const EDIT_CLOSE = '</edit>';

export type EditMarker = 'search' | 'divider' | 'replace' | 'close';

export const MARKER_TEXT: Record<EditMarker, string> = {
  search: SEARCH_MARKER,
  divider: DIVIDER_MARKER,
  replace: REPLACE_MARKER,
  close: EDIT_CLOSE,
};

const MARKERS = Object.entries(MARKER_TEXT) as Array<[EditMarker, string]>;

/** Models and editors leave trailing spaces and CRLF line ends; neither changes what a marker means. */
const LINE_END_NOISE = /^[ \t\r]*$/;

/** Which marker `line` (without its "\n") is, or null when it is text. */
export function markerLineKind(line: string): EditMarker | null {
  for (const [kind, marker] of MARKERS) {
    if (line.startsWith(marker) && LINE_END_NOISE.test(line.slice(marker.length))) return kind;
  }
  return null;
}

/** Whether `partial`, the start of a line whose "\n" has not arrived, may still turn out to be a marker line. */
export function couldBecomeMarkerLine(partial: string, kinds: readonly EditMarker[] = ['search', 'divider', 'replace', 'close']): boolean {
  return kinds.some((kind) => {
    const marker = MARKER_TEXT[kind];
    return marker.startsWith(partial) || (partial.startsWith(marker) && LINE_END_NOISE.test(partial.slice(marker.length)));
  });
}
