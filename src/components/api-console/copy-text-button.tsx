'use client';

import { useClipboardCopy } from '@/hooks/use-clipboard-copy';
import { Icon } from '../ui/icon';

/** A labelled button that copies `text` and says so for a moment ("Copy as curl" → "Copied"). */
export function CopyTextButton({ text, label, testId }: { text: string; label: string; testId: string }) {
  const { copied, copy } = useClipboardCopy();
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={() => void copy(text)}
      className="inline-flex h-7 items-center gap-1.5 rounded-md border border-zinc-800 px-2 text-zinc-300 hover:border-zinc-600 hover:text-white"
    >
      <Icon name={copied ? 'check' : 'copy'} className="size-3.5" />
      <span aria-live="polite">{copied ? 'Copied' : label}</span>
    </button>
  );
}
