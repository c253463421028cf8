// Names a place in the document the way problems show it: "paths./books.post.requestBody".

/** The segments of a JSON pointer such as "#/paths/~1books/post" (["paths", "/books", "post"]). */
export function pointerSegments(pointer: string): string[] | null {
  const match = /^#?(\/.*)?$/.exec(pointer);
  if (!match) return null;
  if (!match[1]) return [];
  return match[1]
    .slice(1)
    .split('/')
    .map((segment) => safeDecode(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function formatLocation(segments: readonly (string | number)[]): string {
  return segments.length === 0 ? 'openapi.json' : segments.join('.');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `segments` inside `root`, or undefined. */
export function valueAt(root: unknown, segments: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isRecord(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}
