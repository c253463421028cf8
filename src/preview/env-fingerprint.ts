// A preview remembers which env vars it started with by a digest, never by the values themselves,
// so its status can say "the env vars changed: restart to apply them" without holding secrets.
import { createHash } from 'node:crypto';

export function envFingerprint(values: Readonly<Record<string, string>>): string {
  const entries = Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}
