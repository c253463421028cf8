// The chat input's character count, shown only near the server's cap (MAX_PROMPT_LENGTH). Pure.

/** The count appears once a prompt reaches this share of the cap. */
const SHOW_FROM_SHARE = 0.8;

const count = new Intl.NumberFormat('en');

export function promptLengthHint(length: number, max: number): { text: string; over: boolean } | null {
  if (length < max * SHOW_FROM_SHARE) return null;
  return { text: `${count.format(length)} / ${count.format(max)}`, over: length > max };
}
