// Plain-text tables with aligned columns, for terminals and for `| grep` alike.

/** Characters as a terminal shows them: a code point each (wide CJK glyphs are rare in this data). */
function displayWidth(text: string): number {
  return [...text].length;
}

/** Columns separated by two spaces; the last column is not padded, so lines carry no trailing blanks. */
export function renderTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => displayWidth(row[column] ?? ''))));
  return all
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - displayWidth(cell))))
        .join('  '),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** Shortens text to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}
