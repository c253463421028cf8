// The automatic Fix: with a model connected, a version that fails validation is followed by one
// version that repairs it, asked with the failing checks' output. Never a fix of a fix, so a model
// that cannot repair its code stops after one try, and never for a version that fails exactly as
// its base version did: the same request would only buy the same answer. Runs wherever the generation ran: the web
// server's queue or a Trigger.dev worker (docs/architecture.md, "Jobs").
import type { Database } from '@/db/client';
import { queueVersion, type VersionEnqueuer } from '@/db/stores/queued-version-store';
import { findVersion } from '@/db/stores/versions-store';
import { isUniqueViolation } from '@/shared/forge-error';
import { buildFixRequest, isSameFailure } from './fix-request';

/** Starts the fix of a version that ended; returns the fix's id, or null when none is due. */
export async function startAutomaticFix(db: Database, versionId: string, jobs: VersionEnqueuer): Promise<string | null> {
  // Read again: the caller's row is from before the run, without its validation report.
  const failed = await findVersion(db, versionId);
  if (!failed || failed.fixOfVersionId) return null;
  if (failed.status !== 'failed' || failed.stopReason !== 'validation_failed') return null;
  const base = failed.baseVersionId ? await findVersion(db, failed.baseVersionId) : null;
  if (base && isSameFailure(failed.validation, base.validation)) return null;
  try {
    const fix = await queueVersion(
      db,
      { projectId: failed.projectId, prompt: buildFixRequest(failed.versionNumber, failed.validation), baseVersionId: failed.id, fixOfVersionId: failed.id },
      jobs,
    );
    return fix.versionId;
  } catch (error) {
    // The person started another version meanwhile: theirs goes first, and Fix stays on the card.
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
