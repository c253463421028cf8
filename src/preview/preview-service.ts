// What the preview handlers work with: this process's previews, the console's limits and the
// per-user rate limit. Built once per process in app-services.ts.
import type { PreviewManager } from './preview-manager';
import type { ForwardLimits } from './forward-request';
import type { RateLimiter } from './rate-limiter';

export interface PreviewService {
  manager: PreviewManager;
  limits: ForwardLimits;
  rateLimiter: RateLimiter;
}
