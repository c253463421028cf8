'use client';

import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNow } from '@/hooks/use-now';
import { useProjectEnv } from '@/hooks/use-project-env';
import { envNameProblem, envValueProblem, MAX_ENV_VARS_PER_PROJECT } from '@/shared/project-env-rules';
import { errorMessage } from '@/trpc/error-message';
import type { ProjectEnvVarSummary } from '@/types/preview';
import { Icon } from '../ui/icon';
import { formatRelativeTime } from '../ui/relative-time';

/** The server never sends a value back, so every row shows the same mask whatever its length. */
const MASK = '••••••••';
/** How long "Remove NAME?" waits for the second click. */
const REMOVE_CONFIRM_MS = 3_000;
const CLOCK_TICK_MS = 30_000;
const SAVED_NOTE_MS = 2_500;

const INPUT =
  'w-full rounded-lg border border-zinc-800 bg-zinc-950 px-2.5 py-1.5 font-mono text-xs text-zinc-100 placeholder:text-zinc-600 focus:border-sky-600 focus:outline-none';
const SMALL_BUTTON = 'rounded-md px-2 py-1 text-[11px] text-zinc-400 hover:bg-zinc-800 hover:text-zinc-100 disabled:opacity-50';

/** The project's env vars: names listed, values written or replaced but never shown again. */
export function EnvVarsPanel({ projectId }: { projectId: string }) {
  const env = useProjectEnv(projectId);
  const titleId = useId();
  const now = useNow(CLOCK_TICK_MS);

  return (
    <section data-testid="env-vars-panel" aria-labelledby={titleId} className="space-y-3 p-3 text-xs">
      <header className="space-y-1">
        <h3 id={titleId} className="text-sm font-medium text-zinc-100">Environment variables</h3>
        <p className="text-zinc-500">
          Given to this project&apos;s API when it is validated and when its preview starts. Values are never shown again. Restart a
          running preview to apply changes.
        </p>
      </header>

      {env.error ? (
        <p role="alert" className="rounded-lg border border-red-900/60 bg-red-950/30 px-2.5 py-2 text-red-200">
          {errorMessage(env.error)}
        </p>
      ) : env.isLoading ? (
        <p role="status" className="text-zinc-500">Loading variables…</p>
      ) : env.vars.length === 0 ? (
        <p className="text-zinc-500">No variables yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-800 rounded-lg border border-zinc-800">
          {env.vars.map((variable) => (
            <EnvVarRow
              key={variable.name}
              variable={variable}
              now={now}
              onReplace={(value) => env.setVar(variable.name, value)}
              onRemove={() => env.removeVar(variable.name)}
            />
          ))}
        </ul>
      )}

      <AddEnvVarForm existingNames={env.vars.map((variable) => variable.name)} onSave={env.setVar} />
    </section>
  );
}

interface EnvVarRowProps {
  variable: ProjectEnvVarSummary;
  now: Date;
  onReplace: (value: string) => Promise<unknown>;
  onRemove: () => Promise<unknown>;
}

function EnvVarRow({ variable, now, onReplace, onRemove }: EnvVarRowProps) {
  const [replacing, setReplacing] = useState(false);
  const [newValue, setNewValue] = useState('');
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!confirmingRemove) return;
    const timer = setTimeout(() => setConfirmingRemove(false), REMOVE_CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [confirmingRemove]);

  async function run(action: () => Promise<unknown>, after: () => void) {
    setBusy(true);
    setError(null);
    try {
      await action();
      after();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  function closeReplace() {
    setReplacing(false);
    setNewValue('');
    setError(null);
  }

  function saveReplacement() {
    const problem = envValueProblem(newValue);
    if (problem) return setError(problem);
    void run(() => onReplace(newValue), closeReplace);
  }

  function onReplaceKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      saveReplacement();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      closeReplace();
    }
  }

  function clickRemove() {
    if (!confirmingRemove) return setConfirmingRemove(true);
    setConfirmingRemove(false);
    void run(onRemove, () => {});
  }

  return (
    <li data-testid="env-var" data-name={variable.name} className="space-y-1.5 px-2.5 py-2">
      <div className="flex items-center gap-2">
        <span className="min-w-0 truncate font-mono text-zinc-100" title={variable.name}>{variable.name}</span>
        <span aria-label="value hidden" className="shrink-0 font-mono text-zinc-500">{MASK}</span>
        <span className="ml-auto shrink-0 text-[11px] text-zinc-600">updated {formatRelativeTime(variable.updatedAt, now)}</span>
        {!replacing && (
          <button type="button" data-testid="env-replace" onClick={() => setReplacing(true)} disabled={busy} className={SMALL_BUTTON}>
            Replace
          </button>
        )}
        <button
          type="button"
          data-testid="env-remove"
          onClick={clickRemove}
          disabled={busy}
          className={`${SMALL_BUTTON} ${confirmingRemove ? 'bg-red-950/60 text-red-200 hover:bg-red-900/60 hover:text-red-100' : 'hover:text-red-300'}`}
        >
          {confirmingRemove ? `Remove ${variable.name}?` : 'Remove'}
        </button>
      </div>
      {replacing && (
        <div className="flex items-center gap-1.5">
          <input
            type="password"
            data-testid="env-replace-input"
            aria-label={`New value for ${variable.name}`}
            placeholder="New value · Enter saves, Escape cancels"
            autoComplete="new-password"
            spellCheck={false}
            // Opened by a click on Replace: the value is what comes next.
            autoFocus
            value={newValue}
            onChange={(event) => setNewValue(event.target.value)}
            onKeyDown={onReplaceKey}
            disabled={busy}
            className={INPUT}
          />
          <button type="button" data-testid="env-replace-save" onClick={saveReplacement} disabled={busy} className={SMALL_BUTTON}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" data-testid="env-replace-cancel" onClick={closeReplace} disabled={busy} className={SMALL_BUTTON}>
            Cancel
          </button>
        </div>
      )}
      {error && <p role="alert" className="text-red-300">{error}</p>}
    </li>
  );
}

interface AddEnvVarFormProps {
  existingNames: readonly string[];
  onSave: (name: string, value: string) => Promise<unknown>;
}

function AddEnvVarForm({ existingNames, onSave }: AddEnvVarFormProps) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const nameId = useId();
  const valueId = useId();

  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(null), SAVED_NOTE_MS);
    return () => clearTimeout(timer);
  }, [saved]);

  const nameProblem = name === '' ? null : envNameProblem(name);
  const valueProblem = envValueProblem(value);
  const replaces = existingNames.includes(name);
  const full = !replaces && existingNames.length >= MAX_ENV_VARS_PER_PROJECT;
  const canSave = name !== '' && !nameProblem && !valueProblem && !full && !busy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSave) return;
    setBusy(true);
    setError(null);
    try {
      await onSave(name, value);
      setSaved(name);
      setName('');
      setValue('');
      setRevealed(false);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  let nameHint: string | null = null;
  if (!nameProblem && replaces) nameHint = `Saving replaces the current value of ${name}.`;
  else if (!nameProblem && name !== name.toUpperCase()) nameHint = 'Names are usually uppercase, e.g. JWT_SECRET.';

  return (
    <form onSubmit={submit} aria-label="Add a variable" className="space-y-2 rounded-lg border border-zinc-800 bg-zinc-900/50 p-2.5">
      <div className="grid gap-2 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={nameId} className="text-[11px] text-zinc-500">Name</label>
          <input
            id={nameId}
            data-testid="env-name-input"
            placeholder="JWT_SECRET"
            autoComplete="off"
            spellCheck={false}
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={nameProblem !== null}
            className={INPUT}
          />
          {nameProblem && <p data-testid="env-name-problem" className="text-red-300">{nameProblem}</p>}
          {nameHint && <p className="text-zinc-500">{nameHint}</p>}
        </div>
        <div className="space-y-1">
          <label htmlFor={valueId} className="text-[11px] text-zinc-500">Value</label>
          <div className="flex items-center gap-1.5">
            {/* Shown only on request, and only what was typed here: stored values never come back. */}
            <input
              id={valueId}
              data-testid="env-value-input"
              type={revealed ? 'text' : 'password'}
              autoComplete="new-password"
              spellCheck={false}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              aria-invalid={valueProblem !== null}
              className={INPUT}
            />
            <button
              type="button"
              data-testid="env-value-toggle"
              aria-pressed={revealed}
              onClick={() => setRevealed((shown) => !shown)}
              className={SMALL_BUTTON}
            >
              {revealed ? 'Hide' : 'Show'}
            </button>
          </div>
          {valueProblem && <p className="text-red-300">{valueProblem}</p>}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="submit"
          data-testid="env-save"
          disabled={!canSave}
          className="inline-flex items-center gap-1.5 rounded-lg bg-sky-500 px-2.5 py-1 font-medium text-zinc-950 hover:bg-sky-400 disabled:opacity-50"
        >
          <Icon name="plus" className="size-3.5" />
          {busy ? 'Saving…' : 'Save'}
        </button>
        {full && <span className="text-amber-300">A project can have at most {MAX_ENV_VARS_PER_PROJECT} variables.</span>}
        {error && <span role="alert" className="text-red-300">{error}</span>}
        {saved && !error && (
          <span role="status" className="flex items-center gap-1 text-emerald-300">
            <Icon name="check" className="size-3.5" /> Saved {saved}.
          </span>
        )}
      </div>
    </form>
  );
}
