// The validator reports a schema error as a keyword, a message and a code frame of the document it
// validated, printed as JSON with two spaces ("> 600 |     \"responses\": 5"). People need one line that
// names the place, so the frame's line number is turned back into the path of the value on that line.
import { formatLocation } from './document-location';

export interface ValidationProblem {
  where: string | null;
  message: string;
}

const FRAME_LINE = /^>\s*(\d+)\s*\|/m;
/** "TYPE must be object", "ADDITIONAL PROPERTY must NOT have ...": the keyword in capitals comes first. */
const KEYWORD_PREFIX = /^[A-Z][A-Z ]*?\s+(?=[a-z])/;

/** `validated` is the document exactly as the validator printed it (dereferenced, recursion left as $ref). */
export function describeValidationError(message: string, validated: unknown): ValidationProblem {
  const [firstLine = ''] = message.split('\n');
  const frame = FRAME_LINE.exec(message);
  if (!frame) return { where: null, message: firstLine.trim() };
  const path = pathAtLine(validated, Number(frame[1]));
  return {
    where: path ? formatLocation(path) : null,
    message: firstLine.replace(KEYWORD_PREFIX, '').trim(),
  };
}

/**
 * The path of the value that starts (or, for an object or array, ends) on `targetLine` of
 * `JSON.stringify(root, null, 2)`; null when the text has fewer lines.
 */
export function pathAtLine(root: unknown, targetLine: number): string[] | null {
  let line = 1;
  let found: string[] | null = null;

  const visit = (value: unknown, path: string[]): void => {
    if (line === targetLine) {
      found = path;
      return;
    }
    const children = typeof value === 'object' && value !== null ? Object.entries(value) : [];
    if (children.length === 0) return;
    for (const [key, child] of children) {
      if (found || line > targetLine) return;
      line += 1;
      visit(child, [...path, key]);
    }
    if (found) return;
    line += 1;
    if (line === targetLine) found = path;
  };

  visit(root, []);
  return found;
}
