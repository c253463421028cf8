// What the CLI says when something goes wrong, and with which exit code: 1 for errors, 2 for a
// command line that could not be understood.
import { TRPCClientError } from '@trpc/client';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/** The command line is wrong; the usage text follows the message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A command could not do what it was asked, for a reason the message gives in full. */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
}

interface FlattenedZodError {
  formErrors: string[];
  fieldErrors: Record<string, string[] | undefined>;
}

function zodErrorOf(data: unknown): FlattenedZodError | null {
  if (typeof data !== 'object' || data === null || !('zodError' in data)) return null;
  const zodError = data.zodError;
  return typeof zodError === 'object' && zodError !== null && 'fieldErrors' in zodError ? (zodError as FlattenedZodError) : null;
}

/** The first `code` in the cause chain: ECONNREFUSED, ENOTFOUND ... (Node's fetch nests them). */
function networkCodeOf(error: unknown): string | undefined {
  for (let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === 'string') return current.code;
    current = current.cause as typeof current;
  }
  return undefined;
}

function describeServerError(error: TRPCClientError<never>): string {
  const data = error.data as { code?: string } | undefined;
  const zodError = zodErrorOf(data);
  if (zodError) {
    const fieldProblems = Object.entries(zodError.fieldErrors).flatMap(([field, messages]) => (messages ?? []).map((message) => `${field}: ${message}`));
    const problems = [...zodError.formErrors, ...fieldProblems];
    if (problems.length > 0) return problems.join('\n');
  }
  if (data?.code === 'UNAUTHORIZED') return `${error.message}\nPass --token <access token> or set FORGE_ACCESS_TOKEN.`;
  return error.message;
}

/** The message and exit code for anything a command threw. */
export function describeFailure(error: unknown, serverUrl: string): { message: string; exitCode: number } {
  if (error instanceof UsageError) return { message: error.message, exitCode: EXIT_USAGE };
  if (error instanceof CommandFailure) return { message: error.message, exitCode: EXIT_ERROR };
  if (error instanceof TRPCClientError) {
    if (error.data) return { message: describeServerError(error as TRPCClientError<never>), exitCode: EXIT_ERROR };
    const code = networkCodeOf(error.cause);
    if (code === 'ECONNREFUSED') {
      return { message: `Could not connect to ${serverUrl} (connection refused). Is the server running? Start it with npm run dev`, exitCode: EXIT_ERROR };
    }
    if (code) return { message: `Could not reach ${serverUrl} (${code}). Check --url or FORGE_URL.`, exitCode: EXIT_ERROR };
    // An answer that is not tRPC's: another program on that port, or a proxy's error page.
    return { message: `${serverUrl} did not answer like an API Forge server (${error.message}). Check --url or FORGE_URL.`, exitCode: EXIT_ERROR };
  }
  return { message: error instanceof Error ? error.message : String(error), exitCode: EXIT_ERROR };
}
