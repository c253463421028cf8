import { Icon } from '../ui/icon';
import { queuedPromptLabel, queuedPromptPreview, type QueuedPrompt } from '@/workspace/queued-prompt';

interface QueuedPromptChipProps {
  queued: QueuedPrompt;
  /** The running version's number, for "sends when v2 ends". */
  runningNumber: number | null;
  onEdit: () => void;
  onCancel: () => void;
}

/** Above the chat box: the prompt waiting for the running version, with Edit and Cancel. */
export function QueuedPromptChip({ queued, runningNumber, onEdit, onCancel }: QueuedPromptChipProps) {
  const label = queuedPromptLabel(queued, runningNumber);
  if (queued.kind === 'none' || label === null) return null;
  return (
    <p
      data-testid="queued-prompt"
      data-state={queued.kind}
      title={queued.prompt}
      className="flex max-w-full min-w-0 items-center gap-1.5 rounded-full bg-zinc-800/80 py-0.5 pr-1 pl-2 text-zinc-300"
    >
      <span className="shrink-0">{label}</span>
      <span className="min-w-0 truncate text-zinc-400">“{queuedPromptPreview(queued.prompt)}”</span>
      {queued.kind === 'queued' && (
        <>
          <button
            type="button"
            data-testid="queued-prompt-edit"
            onClick={onEdit}
            className="shrink-0 rounded-full px-1.5 text-sky-300 hover:bg-zinc-700 hover:text-white"
          >
            Edit
          </button>
          <button
            type="button"
            data-testid="queued-prompt-cancel"
            onClick={onCancel}
            aria-label="Cancel the queued prompt"
            title="Cancel the queued prompt"
            className="shrink-0 rounded-full p-0.5 text-zinc-400 hover:bg-zinc-700 hover:text-white"
          >
            <Icon name="close" className="size-3" />
          </button>
        </>
      )}
    </p>
  );
}
