// What the preview handlers work with: this process's previews, the console's limits and the
// per-user rate limit. Built once per process in app-services.ts.
import type { PreviewManager } from './preview-manager';
import type { ForwardLimits } from './forward-request';
import type { RateLimiter } from './rate-limiter';
import type { LruCache } from '@/versioning/lru-cache';

/** What a console request needs to know of its version; none of it ever changes. */
export interface OwnedVersion {
  id: string;
  projectId: string;
  versionNumber: number;
}

export interface PreviewService {
  manager: PreviewManager;
  limits: ForwardLimits;
  rateLimiter: RateLimiter;
  /**
   * "<userId> <versionId>" → the version, once its ownership was checked: a version never moves to
   * another project, nor a project to another owner, so the answer stays true and a console request
   * skips the lookup. Refusals are never kept.
   */
  ownedVersions: LruCache<string, OwnedVersion>;
}
