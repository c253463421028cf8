// One version, start to finish (docs/architecture.md, "Flow of one version"): generate → publish → persist → validate → finish.
// The local queue and the Trigger.dev task both call this; it never imports Next or React.
import type { StopReason, StreamEvent } from '@/types/streaming';
import type { Database } from '@/db/client';
import { insertChatMessage, listChatMessages } from '@/db/stores/chat-store';
import { insertStreamEvents, lastStreamSeq } from '@/db/stores/stream-buffer-store';
import { readVersionFiles, writeVersionFiles } from '@/db/stores/version-files-store';
import {
  claimPendingVersion,
  markFirstChunk,
  recordGenerationOutput,
  recordUsage,
  recordValidation,
  setVersionStatus,
  type VersionLease,
  type VersionRow,
} from '@/db/stores/versions-store';
import { ENDED_BY_STOP, registerGeneration, unregisterGeneration } from './active-generations';
import { createActivityRecorder } from './activity-recorder';
import { baseReadNote } from './base-read-note';
import { announceEnding, endVersionWithEvents } from './end-version';
import { validateVersion, type PreviewOffer } from './validate-version';
import { createInstallAhead } from './install-ahead';
import { keepLease } from './version-lease';
import { applyCollectedChanges, assistantMessage, versionTitle } from './output-collector';
import { GenerationFailure, describeModelError, streamModelOutput } from './stream-model-output';
import { estimateCostUsd, type ModelPriceTable } from '@/shared/model-prices';
import { createPublisher } from './publisher';
import type { ChatTurn, ModelAdapter, ModelUsage, RunningApi, SandboxAdapter } from './ports';

export interface GenerationDeps {
  db: Database;
  model: ModelAdapter;
  /** null when validation is switched off; `sandboxSkipReason` then says why. */
  sandbox: SandboxAdapter | null;
  sandboxSkipReason?: string;
  /** Called after each durable write of events (wakes long-polls in this process). */
  onEventsWritten?: (versionId: string) => void;
  /** Connected mode: a best-effort copy of each batch to the project's realtime channel. */
  broadcast?: (projectId: string, events: StreamEvent[]) => Promise<void>;
  flushIntervalMs?: number;
  /** How long the model may stream before the version fails with `timeout`. */
  modelTimeoutMs?: number;
  /** Called once a version has ended failed at validation (the automatic Fix hooks in here). */
  onValidationFailed?: (version: VersionRow) => Promise<void>;
  /**
   * Offered the server validation started and checked, to keep as the version's preview; true takes
   * it over. Only where the previews live in this same process (the local queue of the web server).
   */
  offerPreview?: (offer: PreviewOffer, api: RunningApi) => boolean;
  /**
   * Several processes on one Postgres (the Postgres job backend): the run claims the version under
   * this lease and renews it every `seconds / 3` (src/generation/version-lease.ts). A renewal that
   * finds the version no longer this run's (ended elsewhere) stops the run as `versions.stop` does.
   */
  lease?: VersionLease;
  /** Prompt + completion tokens a version's model calls may use (FORGE_MAX_TOKENS_PER_VERSION); over it the version stops with `budget`. */
  maxTokensPerVersion?: number;
  /** False turns the behaviour checks off (FORGE_BEHAVIOUR_CHECKS=off); saved checks still run. */
  behaviourChecks?: boolean;
  /** False turns install-ahead off (FORGE_INSTALL_AHEAD=off): validation then installs after the last file. */
  installAhead?: boolean;
  /** The price table that turns usage into an estimated cost (src/shared/model-prices.ts). */
  prices?: ModelPriceTable;
}

export type GenerationOutcome = { status: 'complete' | 'failed' | 'skipped'; stopReason?: StopReason; error?: string };

const HISTORY_TURNS = 10;

async function recentHistory(db: Database, version: VersionRow): Promise<ChatTurn[]> {
  const messages = await listChatMessages(db, version.projectId);
  return messages
    .filter((message) => message.versionId !== version.id && message.role !== 'system')
    .slice(-HISTORY_TURNS)
    .map((message) => ({ role: message.role as ChatTurn['role'], content: message.content }));
}

/**
 * Runs a pending version. Idempotent: a version that another worker already claimed, or that has
 * ended, is left alone (`skipped`), so a retried task or a re-queued id does no harm.
 */
export async function runGeneration(versionId: string, deps: GenerationDeps): Promise<GenerationOutcome> {
  // Reachable by `versions.stop` before the claim: a stop that comes between the claim and the
  // registration would otherwise end the version in the database while this run went on unseen.
  const controller = registerGeneration(versionId);
  if (!controller) return { status: 'skipped' };
  const version = await claimPendingVersion(deps.db, versionId, deps.lease).catch((error: unknown) => {
    unregisterGeneration(versionId, controller);
    throw error;
  });
  if (!version) {
    unregisterGeneration(versionId, controller);
    return { status: 'skipped' };
  }

  const timeout = setTimeout(() => controller.abort('timeout'), deps.modelTimeoutMs ?? 10 * 60_000);
  const publisher = createPublisher(
    versionId,
    {
      write: async (events) => {
        await insertStreamEvents(deps.db, events);
        deps.onEventsWritten?.(versionId);
      },
      broadcast: deps.broadcast ? (events) => deps.broadcast!(version.projectId, events) : undefined,
    },
    {
      startAfterSeq: await lastStreamSeq(deps.db, versionId),
      flushIntervalMs: deps.flushIntervalMs,
      onBroadcastError: (error) => console.warn(`[realtime] broadcast failed for ${versionId}:`, error),
    },
  );

  const activity = createActivityRecorder(deps.db, versionId);
  // Installing starts in the sandbox once package.json is final, while the other files stream.
  const installAhead = createInstallAhead(deps.installAhead === false ? null : deps.sandbox, { signal: controller.signal });
  let usage: ModelUsage | null = null;
  const priced = (reported: ModelUsage | null): ModelUsage | null => {
    if (!reported) return null;
    const costUsd = deps.prices ? estimateCostUsd(deps.model.name, reported, deps.prices) : undefined;
    return costUsd === undefined ? reported : { ...reported, costUsd };
  };
  // Whoever ended the version elsewhere (a stop in another process, or the sweeper after this lease
  // ran out) has written its ending and chat message: this run writes nothing more.
  const releaseLease = deps.lease ? keepLease(deps.db, versionId, deps.lease, () => controller.abort(ENDED_BY_STOP)) : () => {};

  try {
    publisher.emit({ type: 'version:start', versionNumber: version.versionNumber, baseVersionId: version.baseVersionId });
    publisher.emit({ type: 'step', name: 'planning' });
    const base = version.baseVersionId ? await readVersionFiles(deps.db, version.baseVersionId) : { files: {}, problems: [] };
    const baseFiles = base.files;
    // Most iterations keep package.json: its install can start before the model has said a word.
    if (baseFiles['package.json'] !== undefined) installAhead.offer(baseFiles['package.json']);
    publisher.emit({ type: 'step', name: 'analyzing' });
    if (version.baseVersionId) {
      const readNote = baseReadNote(Object.keys(baseFiles));
      publisher.emit({ type: 'planning', message: readNote });
      activity.record({ readNote });
    }

    const request = { versionNumber: version.versionNumber, prompt: version.prompt, baseFiles, history: await recentHistory(deps.db, version) };
    const modelDeps = {
      model: deps.model,
      maxTokensPerVersion: deps.maxTokensPerVersion,
      onFirstChunk: () => markFirstChunk(deps.db, versionId, new Date()).catch(() => {}),
      onPackageJson: (content: string) => installAhead.offer(content),
    };
    const streamed = await streamModelOutput(modelDeps, version, request, publisher, activity, controller);
    clearTimeout(timeout);
    const { output, notices } = streamed;
    usage = priced(streamed.usage);
    const message = [assistantMessage(output), ...notices].filter(Boolean).join('\n\n');

    if (output.failedEdits.length > 0) {
      const failed = output.failedEdits.map((edit) => `${edit.path} (${edit.reason})`).join('; ');
      throw new GenerationFailure('invalid_output', `The model's edits did not apply, so nothing was saved: ${failed}. Try again.`);
    }
    if (output.truncatedFiles.length > 0) {
      throw new GenerationFailure(
        'invalid_output',
        `The model's output ended in the middle of ${output.truncatedFiles.join(', ')} and could not be continued, so nothing was saved. Try again.` +
          (message ? `\n\n${message}` : ''),
      );
    }
    const changed = Object.keys(output.writtenFiles).length + output.deletedFiles.length;
    if (changed === 0) {
      throw new GenerationFailure('invalid_output', message || 'The model answered without any files, so no version was made.');
    }

    const files = applyCollectedChanges(baseFiles, output);
    const summary = output.summary ?? `Wrote ${changed} file(s).`;
    const title = versionTitle(output, version.prompt, version.versionNumber);
    // Validation starts as soon as the files are final and runs while they, the summary and the chat
    // message are saved, so a reload shows them; a failed save stops it.
    await setVersionStatus(deps.db, versionId, 'validating');
    const validation = validateVersion(deps, version, files, publisher, controller.signal, installAhead);
    validation.catch(() => {}); // observed below; this only keeps an early rejection from going unhandled
    let written: Awaited<ReturnType<typeof writeVersionFiles>>;
    try {
      written = await writeVersionFiles(deps.db, { versionId, baseVersionId: version.baseVersionId, baseFiles, targetFiles: files });
      await recordGenerationOutput(deps.db, versionId, {
        title,
        summary,
        aiResponse: message || summary,
        model: deps.model.name,
        usage,
        isSnapshot: written.isSnapshot,
      });
      await insertChatMessage(deps.db, { projectId: version.projectId, versionId, role: 'assistant', content: message || summary });
    } catch (error) {
      controller.abort('persist-failed');
      await validation.catch(() => {});
      throw error;
    }
    // Stopped while validating: the same "stopped" as during generation, not a crash.
    const report = await validation.catch((error: unknown) => {
      throw controller.signal.aborted ? describeModelError(error, controller.signal) : error;
    });
    await recordValidation(deps.db, versionId, report);
    if (!report.ok) {
      const failed = report.checks.filter((check) => !check.ok && !check.skipped).map((check) => check.check);
      throw new GenerationFailure('validation_failed', `Validation failed: ${failed.join(', ')}. Use Fix to ask for a repair.`);
    }

    await activity.settled();
    await publisher.close();
    const completion = await endVersionWithEvents(
      deps.db,
      versionId,
      { status: 'complete', stopReason: 'completed' },
      [
        { type: 'step', name: 'complete' },
        { type: 'version:complete', summary, filesChanged: written.changedFiles.length, title },
      ],
      publisher.lastSeq,
    );
    await announceEnding(deps, version.projectId, versionId, completion);
    return { status: 'complete', stopReason: 'completed' };
  } catch (error) {
    if (controller.signal.reason === ENDED_BY_STOP) {
      // versions.stop (here or, via the lease or its signal, in another process) or the lease
      // sweeper has already ended the version and said so in the chat; events after its ending
      // would only follow the terminal event in the buffer.
      publisher.discard();
      await activity.settled();
      return { status: 'failed', stopReason: 'stopped' };
    }
    const failure =
      error instanceof GenerationFailure
        ? error
        : new GenerationFailure('model_error', `Generation failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof GenerationFailure)) console.error(`[generation] ${versionId} failed:`, error);
    // What the calls cost is kept for a failed version too: it was paid for.
    const spent = usage ?? priced(failure.usage);
    if (spent) await recordUsage(deps.db, versionId, spent).catch((usageError: unknown) => console.warn(`[generation] ${versionId}: usage not saved:`, usageError));
    if (failure.reason !== 'validation_failed') {
      await insertChatMessage(deps.db, { projectId: version.projectId, versionId, role: 'assistant', content: failure.message });
    }
    await activity.settled();
    await publisher.close().catch((flushError: unknown) => console.error(`[generation] ${versionId}: events lost:`, flushError));
    const ending = await endVersionWithEvents(
      deps.db,
      versionId,
      { status: 'failed', stopReason: failure.reason, error: failure.message },
      [{ type: 'error', message: failure.message, reason: failure.reason }],
    );
    await announceEnding(deps, version.projectId, versionId, ending);
    if (failure.reason === 'validation_failed' && deps.onValidationFailed) {
      await deps.onValidationFailed(version).catch((fixError: unknown) => console.warn(`[generation] automatic fix of ${versionId} not started:`, fixError));
    }
    return { status: 'failed', stopReason: failure.reason, error: failure.message };
  } finally {
    await installAhead.dispose();
    releaseLease();
    clearTimeout(timeout);
    unregisterGeneration(versionId, controller);
  }
}
