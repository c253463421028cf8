// A console request kept as a saved check: its default name, the form's expected status and
// expected JSON read from their text, and the `savedChecks.save` input. Pure.
import { MAX_SAVED_CHECK_BODY_BYTES, MAX_SAVED_CHECK_NAME_LENGTH } from '@/shared/saved-check-limits';
import { defaultSavedCheckName, expectJsonProblem } from '@/shared/saved-check-rules';
import { CHECK_BODY_CHARS, type NewSavedCheck, type SavedCheck } from '@/types/api-checks';
import { requestFromDraft, resolvedPath, type RequestDraft } from './request-draft';

/** What `savedChecks.save` takes: the server names the check when no name is given. */
export type SaveCheckInput = Omit<NewSavedCheck, 'name' | 'savedOn'> & { name?: string; savedOn?: NonNullable<SavedCheck['savedOn']> };

/** The save form as typed. */
export interface SaveCheckFields {
  name: string;
  expectStatus: string;
  /** JSON text, or blank for "any body". */
  expectJson: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** "GET /books → 200": what the check sends and what it expects, without the query (the server's default too). */
export function defaultCheckName(draft: Pick<RequestDraft, 'method' | 'pathTemplate' | 'pathParams'>, status: number): string {
  return defaultSavedCheckName(draft.method, resolvedPath(draft), status);
}

/** The form's first values for an answer just shown. */
export function initialSaveCheckFields(draft: RequestDraft, status: number): SaveCheckFields {
  return { name: defaultCheckName(draft, status), expectStatus: String(status), expectJson: '' };
}

/** A three-digit HTTP status, as the validation compares it. */
export function parseExpectedStatus(text: string): Parsed<number> {
  const trimmed = text.trim();
  const status = Number(trimmed);
  if (!/^\d{3}$/.test(trimmed) || status < 100 || status > 599) return { ok: false, problem: 'The expected status is a number from 100 to 599.' };
  return { ok: true, value: status };
}

/**
 * The JSON that must appear within the answer, or null for none (a blank field). `null` typed in
 * the field means none as well: the check stores no expectation as null.
 */
export function parseExpectedJson(text: string): Parsed<unknown> {
  if (text.trim() === '') return { ok: true, value: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `The expected JSON fields are not valid JSON (${reason}). Write a JSON value such as {"title": "Dune"}, or leave the field empty.` };
  }
  // The server's rule, so the form says it before Save does.
  const problem = expectJsonProblem(value);
  return problem ? { ok: false, problem } : { ok: true, value };
}

/**
 * The `savedChecks.save` input for the request that got the answer (the draft as it was sent, not
 * as edited since), or the first thing in the form to fix.
 */
export function saveCheckInput(
  projectId: string,
  sentDraft: RequestDraft,
  fields: SaveCheckFields,
  answer?: { versionId: string; status: number; body: string },
): Parsed<SaveCheckInput> {
  const request = requestFromDraft(sentDraft);
  if (!request.ok) return { ok: false, problem: request.problem };
  if (new TextEncoder().encode(request.request.body ?? '').length > MAX_SAVED_CHECK_BODY_BYTES) {
    return { ok: false, problem: `A saved check's body may be at most ${MAX_SAVED_CHECK_BODY_BYTES / 1024} KB; this request's is larger.` };
  }
  const status = parseExpectedStatus(fields.expectStatus);
  if (!status.ok) return status;
  const json = parseExpectedJson(fields.expectJson);
  if (!json.ok) return json;
  const name = fields.name.trim();
  if (name.length > MAX_SAVED_CHECK_NAME_LENGTH) return { ok: false, problem: `Keep the name under ${MAX_SAVED_CHECK_NAME_LENGTH} characters.` };
  return {
    ok: true,
    value: {
      projectId,
      ...(name !== '' ? { name } : {}),
      method: request.request.method,
      path: request.request.path,
      query: request.request.query ?? {},
      headers: request.request.headers ?? {},
      body: request.request.body ?? null,
      expectStatus: status.value,
      expectJson: json.value,
      // The answer it is saved from is its result on that version: a later version failing it has regressed.
      ...(answer ? { savedOn: { versionId: answer.versionId, response: { status: answer.status, body: answer.body.slice(0, CHECK_BODY_CHARS) } } } : {}),
    },
  };
}
