// content_hash of version_files (docs/architecture.md, "Storage"). Kept apart from the browser-safe modules: node:crypto
// must never reach a client bundle through compare.ts.
import { createHash } from 'node:crypto';

/** sha256 (hex) of the content's UTF-8 bytes. */
export function hashContent(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}
