// The console's colour for each class of HTTP status. Pure.
import type { StatusTone } from '@/shared/response-format';

/** Text colours per status class: 2xx emerald, 3xx sky, 4xx amber, 5xx red. */
export const STATUS_TONE_CLASSES: Record<StatusTone, string> = {
  informational: 'text-zinc-300',
  success: 'text-emerald-400',
  redirect: 'text-sky-400',
  'client-error': 'text-amber-400',
  'server-error': 'text-red-400',
};
