// What the browser knows about one version's generation, built only from its stream events.
// Pure, so the order/duplicate/gap rules are tested without React or a network.
import type { StepName, StopReason, StreamEvent } from '@/types/streaming';
import type { FileMap, ValidationCheck, VersionStatus } from '@/types/versioning';
import { emptyFile, withChunk, withHunk, type LiveEdit, type StreamedFile } from './streamed-file';

export type { LiveEdit, StreamedFile } from './streamed-file';

/** A check as its event told it; `skipped` always set. */
export type StreamedValidationResult = Omit<ValidationCheck, 'skipped' | 'durationMs'> & { skipped: boolean };

export type StreamEnding =
  /** `title`: the version's saved title, which the versions list shows only once it is fetched again. */
  | { kind: 'complete'; summary: string; filesChanged: number; title?: string }
  | { kind: 'failed'; message: string; reason: StopReason | null };

export interface GenerationStreamState {
  versionId: string;
  /** The highest seq applied; every event up to it has been applied exactly once. */
  lastSeq: number;
  versionNumber: number | null;
  /** `undefined` until `version:start` says; `null` for a version built from nothing. */
  baseVersionId: string | null | undefined;
  step: StepName | null;
  planMessage: string | null;
  /** What the model did before planning, in the server's words ("Read src/index.ts, package.json and 10 more files"). */
  notes: string[];
  plannedFiles: string[];
  files: Record<string, StreamedFile>;
  /** The file being written right now. */
  currentFile: string | null;
  validating: boolean;
  validation: StreamedValidationResult[];
  ended: StreamEnding | null;
  /** When things happened (the events' `at`), for the activity lines: "Thought for 4s". */
  timing: StreamTiming;
}

export interface StreamTiming {
  startedAt: string | null;
  firstFileAt: string | null;
  /** The latest `file:complete`: with firstFileAt, the observed pace of writing files. */
  lastFileDoneAt: string | null;
  validationStartedAt: string | null;
  /** The last validation result's time. */
  validationEndedAt: string | null;
}

export function initialStreamState(versionId: string): GenerationStreamState {
  return {
    versionId,
    lastSeq: 0,
    versionNumber: null,
    baseVersionId: undefined,
    step: null,
    planMessage: null,
    notes: [],
    plannedFiles: [],
    files: {},
    currentFile: null,
    validating: false,
    validation: [],
    ended: null,
    timing: { startedAt: null, firstFileAt: null, lastFileDoneAt: null, validationStartedAt: null, validationEndedAt: null },
  };
}

function applyOne(state: GenerationStreamState, event: StreamEvent): GenerationStreamState {
  const next = { ...state, lastSeq: event.seq };
  switch (event.type) {
    case 'version:start':
      return {
        ...next,
        versionNumber: event.versionNumber,
        baseVersionId: event.baseVersionId,
        timing: { ...state.timing, startedAt: event.at },
      };
    case 'step':
      return { ...next, step: event.name };
    case 'planning':
      // A plan lists its files; a message without files reports work done on the way to one.
      return event.files
        ? { ...next, planMessage: event.message, plannedFiles: event.files }
        : { ...next, planMessage: event.message, notes: [...state.notes, event.message] };
    case 'file:generating':
    case 'file:editing':
      // A whole file starts from empty, even a modified one, and even one whose edit failed and is
      // asked for again; an edit starts from the file as it stands. Either counts as a file started.
      return {
        ...next,
        currentFile: event.filePath,
        files: {
          ...state.files,
          [event.filePath]: event.type === 'file:editing' ? emptyFile('edit', event.content) : emptyFile('write'),
        },
        timing: state.timing.firstFileAt ? state.timing : { ...state.timing, firstFileAt: event.at },
      };
    case 'edit:hunk':
      return { ...next, files: { ...state.files, [event.filePath]: withHunk(state.files[event.filePath], event.startLine, event.deletedLines) } };
    case 'code:chunk': {
      const file = state.files[event.filePath] ?? emptyFile('write');
      return { ...next, files: { ...state.files, [event.filePath]: withChunk(file, event.chunk) } };
    }
    case 'file:complete': {
      const file = state.files[event.filePath] ?? emptyFile('write');
      // `content` comes when the saved file differs from what streamed (compact JSON saved formatted).
      const content = event.operation === 'deleted' ? '' : (event.content ?? file.content);
      return {
        ...next,
        currentFile: state.currentFile === event.filePath ? null : state.currentFile,
        files: { ...state.files, [event.filePath]: { ...file, content, state: 'done', operation: event.operation, editCursor: null } },
        timing: { ...state.timing, lastFileDoneAt: event.at },
      };
    }
    case 'validation:start':
      return {
        ...next,
        validating: true,
        validation: [],
        timing: { ...state.timing, validationStartedAt: event.at, validationEndedAt: null },
      };
    case 'validation:result':
      return {
        ...next,
        validation: [...state.validation, validationResult(event)],
        timing: { ...state.timing, validationEndedAt: event.at },
      };
    case 'version:complete':
      return {
        ...next,
        step: 'complete',
        currentFile: null,
        validating: false,
        ended: { kind: 'complete', summary: event.summary, filesChanged: event.filesChanged, title: event.title },
      };
    case 'error':
      return {
        ...next,
        currentFile: null,
        // Nothing more will be written; a file cut off mid-way stays as far as it got.
        files: Object.fromEntries(
          Object.entries(state.files).map(([path, file]) => [
            path,
            file.state === 'writing' ? { ...file, state: 'done' as const, editCursor: null } : file,
          ]),
        ),
        validating: false,
        ended: { kind: 'failed', message: event.message, reason: event.reason ?? null },
      };
  }
}

function sameFileStates(a: GenerationStreamState['files'], b: GenerationStreamState['files']): boolean {
  if (a === b) return true;
  const paths = Object.keys(a);
  return (
    paths.length === Object.keys(b).length &&
    paths.every(
      (path) =>
        b[path] !== undefined &&
        a[path]!.state === b[path]!.state &&
        a[path]!.operation === b[path]!.operation &&
        // A card says "being edited" or "being written".
        a[path]!.mode === b[path]!.mode,
    )
  );
}

/**
 * Equal in all but the text of the files and the exact seq: what the chat shows of a run (its
 * steps, files, checks, ending) is then the same, so a version card skips the code chunks' renders.
 * Relies on applyStreamEvents keeping the identity of the parts an event does not touch.
 */
export function sameStreamOutline(a: GenerationStreamState | null, b: GenerationStreamState | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.versionId === b.versionId &&
    a.lastSeq > 0 === b.lastSeq > 0 &&
    a.versionNumber === b.versionNumber &&
    a.baseVersionId === b.baseVersionId &&
    a.step === b.step &&
    a.planMessage === b.planMessage &&
    a.notes === b.notes &&
    a.plannedFiles === b.plannedFiles &&
    a.currentFile === b.currentFile &&
    a.validating === b.validating &&
    a.validation === b.validation &&
    a.ended === b.ended &&
    a.timing === b.timing &&
    sameFileStates(a.files, b.files)
  );
}

/**
 * Applies events in seq order. Events at or below `lastSeq` are duplicates and dropped; an event
 * past a gap is not applied (nor anything after it), so the caller asks again from `lastSeq`.
 * Returns the same object when nothing applied.
 */
export function applyStreamEvents(state: GenerationStreamState, events: readonly StreamEvent[]): GenerationStreamState {
  const ordered = events
    .filter((event) => event.versionId === state.versionId && event.seq > state.lastSeq)
    .sort((a, b) => a.seq - b.seq);
  let next = state;
  for (const event of ordered) {
    if (next.ended) break;
    if (event.seq === next.lastSeq) continue;
    if (event.seq !== next.lastSeq + 1) break;
    next = applyOne(next, event);
  }
  return next;
}

/**
 * The server says the version ended but the buffer holds no terminal event (it was pruned, or the
 * version ended before it streamed anything): end it by its status.
 */
export function endByStatus(state: GenerationStreamState, status: VersionStatus): GenerationStreamState {
  if (state.ended) return state;
  if (status === 'complete') return { ...state, currentFile: null, step: 'complete', ended: { kind: 'complete', summary: '', filesChanged: 0 } };
  if (status === 'failed') return { ...state, currentFile: null, ended: { kind: 'failed', message: 'The version ended without finishing.', reason: null } };
  return state;
}

/** The version's files as streamed so far: its base version's files with the streamed changes laid over. */
export function composeStreamedFiles(baseFiles: FileMap, state: GenerationStreamState): FileMap {
  const files: FileMap = { ...baseFiles };
  for (const [path, file] of Object.entries(state.files)) {
    if (file.operation === 'deleted') delete files[path];
    else files[path] = file.content;
  }
  return files;
}

/** The edit the model is typing now, once its first hunk opened; null while it writes a whole file or between files. */
export function liveEdit(state: Pick<GenerationStreamState, 'currentFile' | 'files'>): LiveEdit | null {
  const file = state.currentFile ? state.files[state.currentFile] : undefined;
  if (!state.currentFile || !file || file.mode !== 'edit' || file.editCursor === null || !file.editedLines) return null;
  return { path: state.currentFile, cursor: file.editCursor, lines: file.editedLines };
}

/** The version's status as its stream shows it, ahead of the next `versions.list`. */
export function streamStatus(state: GenerationStreamState): VersionStatus {
  if (state.ended) return state.ended.kind === 'complete' ? 'complete' : 'failed';
  if (state.validating || state.step === 'validating') return 'validating';
  return state.lastSeq > 0 ? 'generating' : 'pending';
}

/**
 * The status to show: the stream's once it has said anything, which runs ahead of the list;
 * before its first answer (a slow server, a page just opened) the list's.
 */
export function shownStatus(state: GenerationStreamState | null, listed: VersionStatus): VersionStatus {
  return state && (state.lastSeq > 0 || state.ended) ? streamStatus(state) : listed;
}

/** The check an event carries, without the event's own fields. */
function validationResult(event: Extract<StreamEvent, { type: 'validation:result' }>): StreamedValidationResult {
  const { check, ok, skipped, detail, kind, resource, savedCheckId, exchange, regression } = event;
  return {
    check,
    ok,
    skipped: skipped ?? false,
    detail,
    ...(kind ? { kind } : {}),
    ...(resource ? { resource } : {}),
    ...(savedCheckId ? { savedCheckId } : {}),
    ...(exchange ? { exchange } : {}),
    ...(regression ? { regression } : {}),
  };
}
