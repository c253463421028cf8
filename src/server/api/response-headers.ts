// Response headers by procedure, for the tRPC route. Pure.

/**
 * Long-poll answers are small and come several times a second while a version streams. Gzip cost
 * the server a deflate stream per answer, and its memory brought on a full garbage collection
 * about every 14 s of a generation, for a few hundred bytes saved. `no-transform` is what Next's
 * compression leaves alone.
 */
const UNCOMPRESSED_PROCEDURES = new Set(['stream.since']);

/** Extra headers for an answer to `paths` (several when the client batched calls). */
export function responseHeadersFor(paths: readonly string[] | undefined): Record<string, string> {
  const uncompressed = paths !== undefined && paths.length > 0 && paths.every((path) => UNCOMPRESSED_PROCEDURES.has(path));
  return uncompressed ? { 'cache-control': 'no-store, no-transform' } : {};
}
