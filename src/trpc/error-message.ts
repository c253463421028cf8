import { TRPCClientError } from '@trpc/client';

interface FlattenedZodError {
  formErrors: string[];
  fieldErrors: Record<string, string[] | undefined>;
}

function isFlattenedZodError(value: unknown): value is FlattenedZodError {
  return typeof value === 'object' && value !== null && 'fieldErrors' in value && 'formErrors' in value;
}

/** A sentence a person can act on, from whatever a tRPC call threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data: unknown = error.data;
    const zodError = typeof data === 'object' && data !== null && 'zodError' in data ? data.zodError : null;
    if (isFlattenedZodError(zodError)) {
      const first = [...zodError.formErrors, ...Object.values(zodError.fieldErrors).flat()].find(Boolean);
      if (first) return first;
    }
    // A fetch that never reached the server carries the browser's terse wording.
    if (!error.data && error.cause instanceof TypeError) return 'Could not reach the server. Check that it is running.';
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The tRPC error code (`NOT_FOUND`, `CONFLICT`, ...), when the server answered with one. */
export function errorCode(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  return typeof data === 'object' && data !== null && 'code' in data && typeof data.code === 'string' ? data.code : null;
}
