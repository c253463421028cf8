'use client';

import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '@/trpc/error-message';
import { Icon } from '../ui/icon';
import type { RequestDraft } from './request-draft';
import { initialSaveCheckFields, parseExpectedJson, parseExpectedStatus, saveCheckInput, type SaveCheckFields, type SaveCheckInput } from './saved-check-draft';

interface SaveCheckPanelProps {
  projectId: string;
  /** The request as it was sent for the answer shown, not as edited since. */
  sentDraft: RequestDraft;
  /** The answer's status: what the check expects unless changed. */
  status: number;
  /** The version that answered and the answer's body: the check's result there (SavedCheck.savedOn). */
  answeredBy?: { versionId: string; body: string };
  /** Rejects with the server's error. */
  onSave: (input: SaveCheckInput) => Promise<{ name: string }>;
}

const INPUT =
  'w-full rounded-lg border border-zinc-800 bg-zinc-950 px-2.5 py-1.5 font-mono text-xs text-zinc-100 placeholder:text-zinc-600 focus:border-sky-600 focus:outline-none aria-[invalid=true]:border-red-800';
const SMALL_BUTTON = 'rounded-md px-2 py-1 text-[11px] text-zinc-400 hover:bg-zinc-800 hover:text-zinc-100 disabled:opacity-50';

/** "Save as check" beside an answer, opening a small form: the name, the expected status and, optionally, JSON the answer must hold. */
export function SaveCheckPanel({ projectId, sentDraft, status, answeredBy, onSave }: SaveCheckPanelProps) {
  const [open, setOpen] = useState(false);
  const [savedName, setSavedName] = useState<string | null>(null);

  return (
    <div className="shrink-0 space-y-2 border-b border-zinc-800 px-3 py-1.5 text-xs">
      {!open && (
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            data-testid="save-check"
            onClick={() => setOpen(true)}
            title="Keep this request as a check that every new version's validation sends"
            className="inline-flex items-center gap-1.5 rounded-md border border-zinc-700 px-2 py-0.5 text-zinc-200 hover:border-zinc-500 hover:text-white"
          >
            <Icon name="check" className="size-3.5" />
            Save as check
          </button>
          {savedName && (
            <span role="status" data-testid="save-check-saved" className="flex min-w-0 items-center gap-1 text-emerald-300">
              <span className="truncate">Saved “{savedName}”: every new version&apos;s validation sends it.</span>
            </span>
          )}
        </div>
      )}
      {open && (
        <SaveCheckForm
          projectId={projectId}
          sentDraft={sentDraft}
          status={status}
          {...(answeredBy ? { answeredBy } : {})}
          onSave={onSave}
          onSaved={(name) => {
            setSavedName(name);
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </div>
  );
}

export interface SaveCheckFormProps extends SaveCheckPanelProps {
  onSaved: (name: string) => void;
  onCancel: () => void;
}

/** The open form; exported for its render test. */
export function SaveCheckForm({ projectId, sentDraft, status, answeredBy, onSave, onSaved, onCancel }: SaveCheckFormProps) {
  const [fields, setFields] = useState<SaveCheckFields>(() => initialSaveCheckFields(sentDraft, status));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const statusId = useId();
  const jsonId = useId();

  const statusProblem = parseExpectedStatus(fields.expectStatus);
  const jsonProblem = parseExpectedJson(fields.expectJson);
  const outcome = saveCheckInput(projectId, sentDraft, fields, answeredBy && { ...answeredBy, status });
  // Status and JSON problems show under their fields; anything else (a name too long) on its own line.
  const otherProblem = !outcome.ok && statusProblem.ok && jsonProblem.ok ? outcome.problem : null;
  const update = (change: Partial<SaveCheckFields>) => setFields((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!outcome.ok || busy) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await onSave(outcome.value);
      onSaved(saved.name);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <form data-testid="save-check-form" aria-label="Save as check" onSubmit={submit} className="space-y-2 rounded-lg border border-zinc-800 bg-zinc-900/50 p-2.5">
      <div className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_7rem]">
        <div className="space-y-1">
          <label htmlFor={nameId} className="text-[11px] text-zinc-500">Name</label>
          <input
            id={nameId}
            data-testid="save-check-name"
            autoComplete="off"
            spellCheck={false}
            // Opened by a click on Save as check: the name is what comes next.
            autoFocus
            value={fields.name}
            onChange={(event) => update({ name: event.target.value })}
            className={INPUT}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={statusId} className="text-[11px] text-zinc-500">Expected status</label>
          <input
            id={statusId}
            data-testid="save-check-status"
            inputMode="numeric"
            autoComplete="off"
            value={fields.expectStatus}
            onChange={(event) => update({ expectStatus: event.target.value })}
            aria-invalid={!statusProblem.ok}
            className={INPUT}
          />
        </div>
      </div>
      {!statusProblem.ok && <p role="alert" className="text-red-300">{statusProblem.problem}</p>}
      <div className="space-y-1">
        <label htmlFor={jsonId} className="text-[11px] text-zinc-500">
          Expected JSON fields <span className="text-zinc-600">(optional: JSON that must appear within the answer)</span>
        </label>
        <textarea
          id={jsonId}
          data-testid="save-check-json"
          value={fields.expectJson}
          onChange={(event) => update({ expectJson: event.target.value })}
          spellCheck={false}
          rows={Math.min(8, Math.max(2, fields.expectJson.split('\n').length))}
          placeholder='{"title": "Dune"}'
          aria-invalid={!jsonProblem.ok}
          className={`${INPUT} resize-y leading-5`}
        />
        {!jsonProblem.ok && (
          <p role="alert" data-testid="save-check-json-problem" className="text-red-300">
            {jsonProblem.problem}
          </p>
        )}
      </div>
      {otherProblem && <p role="alert" className="text-red-300">{otherProblem}</p>}
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="submit"
          data-testid="save-check-submit"
          disabled={!outcome.ok || busy}
          className="inline-flex items-center gap-1.5 rounded-lg bg-sky-500 px-2.5 py-1 font-medium text-zinc-950 hover:bg-sky-400 disabled:opacity-50"
        >
          <Icon name="check" className="size-3.5" />
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy} className={SMALL_BUTTON}>
          Cancel
        </button>
        {error && <span role="alert" className="text-red-300">{error}</span>}
      </div>
    </form>
  );
}
