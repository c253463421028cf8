'use client';

import { Icon } from '../ui/icon';
import { newRow, type DraftRow } from './request-draft';

interface KeyValueRowsProps {
  rows: DraftRow[];
  onChange: (rows: DraftRow[]) => void;
  /** "query parameter", "header": for labels and the add button. */
  noun: string;
  testId: string;
}

const INPUT = 'h-7 min-w-0 rounded-md border border-zinc-800 bg-zinc-900 px-2 font-mono text-xs text-zinc-200 placeholder:text-zinc-600 focus:border-sky-500/70 focus:outline-none';

/** Editable name/value rows (query parameters, headers); unticked rows stay but are not sent. */
export function KeyValueRows({ rows, onChange, noun, testId }: KeyValueRowsProps) {
  const update = (id: string, change: Partial<DraftRow>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  return (
    <div data-testid={testId} className="space-y-1.5">
      {rows.map((row) => (
        <div key={row.id} className="flex items-center gap-1.5" data-testid={`${testId}-row`} data-name={row.name}>
          <input
            type="checkbox"
            checked={row.enabled}
            onChange={(event) => update(row.id, { enabled: event.target.checked })}
            aria-label={`Send ${row.name || `this ${noun}`}`}
            className="size-3.5 accent-sky-500"
          />
          <input
            value={row.name}
            onChange={(event) => update(row.id, { name: event.target.value })}
            placeholder="name"
            aria-label={`${noun} name`}
            className={`${INPUT} w-2/5`}
          />
          <input
            value={row.value}
            onChange={(event) => update(row.id, { value: event.target.value })}
            placeholder="value"
            aria-label={`${noun} value`}
            className={`${INPUT} flex-1`}
          />
          <button
            type="button"
            onClick={() => onChange(rows.filter((other) => other.id !== row.id))}
            aria-label={`Remove ${row.name || `this ${noun}`}`}
            className="rounded-md p-1 text-zinc-500 hover:bg-zinc-800 hover:text-zinc-200"
          >
            <Icon name="close" className="size-3.5" />
          </button>
        </div>
      ))}
      <button
        type="button"
        data-testid={`${testId}-add`}
        onClick={() => onChange([...rows, newRow()])}
        className="inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs text-sky-300 hover:bg-sky-500/10"
      >
        <Icon name="plus" className="size-3" /> Add {noun}
      </button>
    </div>
  );
}
