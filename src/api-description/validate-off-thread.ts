// The parser's validate() builds and compiles a fresh ajv for the OpenAPI schema on every call: 270
// to 600 ms of CPU here. On the server's own thread that would stall every other request (a
// stream's long-poll, a console request) for as long, so it runs in a worker thread of its own.
import { Worker } from 'node:worker_threads';
import type { ParserOptions, ValidationResult } from '@readme/openapi-parser';

export interface OffThreadValidation {
  result: ValidationResult;
  /** The document as the validator left it (dereferenced in place), which its messages' code frames print. */
  validated: unknown;
}

/** Plain JS, evaluated in the worker: it loads the parser from node_modules itself, so no bundler is involved. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
let parser;
parentPort.on('message', async ({ id, document, options }) => {
  try {
    parser ??= await import('@readme/openapi-parser');
    const result = await parser.validate(document, options);
    parentPort.postMessage({ id, result, validated: document });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

/** A document that takes longer than this is given up on (the worker is replaced). */
const VALIDATION_TIMEOUT_MS = 15_000;

interface Pending {
  resolve: (value: OffThreadValidation) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const [id, waiting] of pending) {
    clearTimeout(waiting.timer);
    waiting.reject(error);
    pending.delete(id);
  }
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(WORKER_SOURCE, { eval: true });
  // An idle worker must not keep a script or a test run alive.
  started.unref();
  started.on('message', (message: { id: number; result?: ValidationResult; validated?: unknown; error?: string }) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    clearTimeout(waiting.timer);
    if (message.error !== undefined || !message.result) waiting.reject(new Error(message.error ?? 'the validator gave no result'));
    else waiting.resolve({ result: message.result, validated: message.validated });
  });
  started.on('error', (error) => {
    worker = null;
    failAll(error);
  });
  started.on('exit', () => {
    if (worker === started) worker = null;
    failAll(new Error('the validator stopped'));
  });
  worker = started;
  return started;
}

/** Validates `document` (not changed here) in the worker thread. */
export function validateOffThread(document: Record<string, unknown>, options: ParserOptions): Promise<OffThreadValidation> {
  const id = nextId++;
  const target = ensureWorker();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`validation took longer than ${VALIDATION_TIMEOUT_MS / 1000} s`));
      // Whatever it is stuck on, the next document gets a fresh worker.
      if (worker === target) worker = null;
      void target.terminate();
    }, VALIDATION_TIMEOUT_MS);
    pending.set(id, { resolve, reject, timer });
    target.postMessage({ id, document, options });
  });
}
