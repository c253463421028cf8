// Behaviour checks and saved checks (docs/architecture.md, "API checks"): the shapes validation,
// the workspace and scripts share. No I/O.
import type { PreviewMethod, PreviewQuery } from './preview';

/** One HTTP exchange as a check shows it: what was sent, and what came back (bodies cut short). */
export interface CheckExchange {
  request: {
    method: string;
    /** The path with its query string, as sent: "/books/3?expand=author". */
    path: string;
    /** The body as sent; absent when none was. */
    body?: string;
  };
  /** Absent when no response came; `summary` then says why. */
  response?: {
    status: number;
    /** The body's text, cut to CHECK_BODY_CHARS. */
    body: string;
  };
}

/** Bodies kept in a check's exchange: enough to read, small enough for every version row. */
export const CHECK_BODY_CHARS = 2_000;

/**
 * A request from the console kept as a check: the validation of every later version of its project
 * sends it and expects `expectStatus`, and, when given, `expectJson` within the JSON answer. A saved
 * check that fails does not fail the version (a change may be meant); one that passed on the base
 * version and fails now is flagged as a regression, and Fix is offered.
 */
export interface SavedCheck {
  id: string;
  projectId: string;
  /** "GET /books → 200", or what the person named it. */
  name: string;
  method: PreviewMethod;
  /** Starts with "/", no query string (that is in `query`). */
  path: string;
  query: PreviewQuery;
  headers: Record<string, string>;
  body: string | null;
  expectStatus: number;
  /**
   * Expected within the answer's JSON: every key of an object must be there with a matching value
   * (nested objects alike), and every element of an array must match some element of the answer's.
   */
  expectJson: unknown;
  /**
   * The version whose preview answered when the check was saved, and that answer. A check saved on
   * v1's answer passed there, so v2 failing it is a regression although v1's validation never ran it.
   */
  savedOn: { versionId: string; response: { status: number; body: string } } | null;
  createdAt: Date;
}

/** What the console sends to save a check; the server fills in the id and the time. */
export type NewSavedCheck = Omit<SavedCheck, 'id' | 'createdAt' | 'savedOn'> & { savedOn?: SavedCheck['savedOn'] };

/** A check that passed on the base version and fails on this one, with the base's answer to compare. */
export interface CheckRegression {
  baseVersionNumber: number;
  baseResponse?: CheckExchange['response'];
}

/** The steps of a resource's behaviour round, in the order the card shows them. */
export const BEHAVIOUR_STEPS = ['create', 'read', 'update', 'delete', 'bad body'] as const;
export type BehaviourStep = (typeof BEHAVIOUR_STEPS)[number];

/** Prefix of the check name a saved check has in a validation report: "saved: GET /books → 200". */
export const SAVED_CHECK_PREFIX = 'saved: ';

export type { PreviewMethod };
