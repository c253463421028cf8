// Errors the server functions throw for a person to read. The tRPC layer maps `code` to an HTTP
// status; nothing else needs to know about tRPC.
export type ForgeErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHORIZED'
  | 'PRECONDITION_FAILED'
  | 'TOO_MANY_REQUESTS'
  | 'BAD_GATEWAY'
  | 'GATEWAY_TIMEOUT';

export class ForgeError extends Error {
  constructor(
    readonly code: ForgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ForgeError';
  }
}

/** Postgres unique_violation, seen through drizzle's wrapper or the raw driver. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current) {
    if (current.code === '23505') return true;
  }
  return false;
}
