// JSON files are the server's to format (docs/architecture.md, "Model output"): whitespace means
// nothing in JSON and costs tokens, so the model writes a .json file compact, or edits one without
// its indentation, and the file is saved formatted with two-space indents. Pure.

function formatted(text: string): string | null {
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  } catch {
    return null;
  }
}

/**
 * A .json file written on one line, formatted; null when it is not JSON, or already has line
 * breaks (formatted by the model, which is left as it is).
 */
export function formatCompactJson(path: string, content: string): string | null {
  if (!path.endsWith('.json')) return null;
  const body = content.replace(/\r?\n$/, '');
  if (body.includes('\n') || body.trim() === '') return null;
  return formatted(body);
}

/**
 * A .json file after edits, formatted again when it was saved formatted before them (so hunks may
 * leave out indentation); null when it is not JSON, was formatted some other way, or is unchanged.
 */
export function formatEditedJson(path: string, before: string, after: string): string | null {
  if (!path.endsWith('.json') || formatted(before) !== before) return null;
  const result = formatted(after);
  return result === null || result === after ? null : result;
}
