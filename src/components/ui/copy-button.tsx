'use client';

import { useClipboardCopy } from '@/hooks/use-clipboard-copy';
import { Icon } from './icon';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const { copied, copy } = useClipboardCopy();
  return (
    <button
      type="button"
      aria-label={copied ? 'Copied' : label}
      title={label}
      onClick={() => void copy(text)}
      className="rounded-md p-1.5 text-zinc-400 hover:bg-zinc-800 hover:text-zinc-100"
    >
      <Icon name={copied ? 'check' : 'copy'} className="size-3.5" />
    </button>
  );
}
