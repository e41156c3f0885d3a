/**
 * file-worker-client — the page's side of the file worker: send a file's bytes, get its text back, never block.
 *
 * The worker (file-worker.ts) starts on the first file that needs it and stops after IDLE_MS without work, so a
 * page that never receives a .docx, .odt, .pdf or .zip never loads mammoth, xmldom or pdf.js. A read that takes
 * longer than its TIMEOUTS_MS entry stops the worker (the only way to stop pdf.js or mammoth mid-file) and answers
 * `timed-out`; the next file starts a fresh worker. A class set reports its progress (one message per file it
 * reads): each message restarts its clock at STEP_TIMEOUT_MS, so a large set is never cut short while a single stuck
 * file still is. A worker that fails to start answers `unreadable`: files are never read on the page's main thread
 * instead.
 *
 * API: `createFileReader({ makeWorker?, timeouts?, stepMs?, idleMs? })` -> `{ read(kind, bytes, onProgress?),
 * dispose() }`; `readInWorker` is the page's shared one. The bytes' ArrayBuffer is transferred (the caller's copy becomes empty). There is no
 * in-page fallback, on purpose (the Node unit tests mock this module to call file-reader.ts directly).
 */
import type { FileAnswer, FileRequest, FileResponse, Progress, WorkerKind } from './file-reader';

/** Longest a read may take: documents parse in well under a second; a class set reads up to 500 files. */
export const TIMEOUTS_MS: Readonly<Record<WorkerKind, number>> = { docx: 30_000, odt: 30_000, pdf: 60_000, zip: 300_000 };
/** After a progress message, the longest the next one (or the answer) may take: one file, as long as a PDF may. */
export const STEP_TIMEOUT_MS = TIMEOUTS_MS.pdf;
/** The worker (and pdf.js in it) is let go after this long without work. */
export const IDLE_MS = 30_000;

export interface WorkerLike {
  onmessage: ((e: MessageEvent<FileResponse>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: FileRequest, transfer: Transferable[]): void;
  terminate(): void;
}

export interface FileReaderClient {
  read(kind: WorkerKind, bytes: ArrayBuffer, onProgress?: (p: Progress) => void): Promise<FileAnswer>;
  dispose(): void;
}

const startWorker = (): WorkerLike => new Worker(new URL('./file-worker.ts', import.meta.url), { type: 'module' });

interface Pending {
  done: (a: FileAnswer) => void;
  timer: ReturnType<typeof setTimeout>;
  onProgress?: (p: Progress) => void;
}

interface ReaderOptions {
  makeWorker?: () => WorkerLike;
  timeouts?: Readonly<Record<WorkerKind, number>>;
  stepMs?: number;
  idleMs?: number;
}

export function createFileReader(options: ReaderOptions = {}): FileReaderClient {
  const makeWorker = options.makeWorker ?? startWorker;
  const timeouts = options.timeouts ?? TIMEOUTS_MS;
  const stepMs = options.stepMs ?? STEP_TIMEOUT_MS;
  const idleMs = options.idleMs ?? IDLE_MS;
  let worker: WorkerLike | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let next = 1;
  const pending = new Map<number, Pending>();

  const stop = (answer: FileAnswer) => {
    worker?.terminate();
    worker = undefined;
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.done(answer);
    }
    pending.clear();
  };
  const settle = (id: number, answer: FileAnswer) => {
    const p = pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    pending.delete(id);
    p.done(answer);
    if (!pending.size) {
      clearTimeout(idle);
      idle = setTimeout(() => {
        if (!pending.size) stop({ error: 'unreadable' });
      }, idleMs);
    }
  };
  // Only stopping the worker stops a parser mid-file; anything else it was reading is answered too.
  const deadline = (ms: number) => setTimeout(() => stop({ error: 'timed-out' }), ms);
  const progress = (id: number, p: Progress) => {
    const entry = pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.timer = deadline(stepMs);
    entry.onProgress?.(p);
  };
  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (e) => {
      const m = e.data;
      if ('progress' in m) progress(m.id, m.progress);
      else settle(m.id, m.answer);
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      stop({ error: 'unreadable', detail: 'file worker failed' });
    };
    worker = w;
    return w;
  };

  return {
    read(kind, bytes, onProgress) {
      clearTimeout(idle);
      return new Promise<FileAnswer>((done) => {
        const id = next++;
        let w: WorkerLike;
        try {
          w = ensure();
        } catch (e) {
          done({ error: 'unreadable', detail: e instanceof Error ? e.message : String(e) });
          return;
        }
        pending.set(id, { done, timer: deadline(timeouts[kind]), ...(onProgress ? { onProgress } : {}) });
        w.postMessage({ id, kind, bytes }, [bytes]);
      });
    },
    dispose() {
      clearTimeout(idle);
      stop({ error: 'unreadable', detail: 'closed' });
    },
  };
}

let shared: FileReaderClient | undefined;

export function readInWorker(kind: WorkerKind, bytes: ArrayBuffer, onProgress?: (p: Progress) => void): Promise<FileAnswer> {
  shared ??= createFileReader();
  return shared.read(kind, bytes, onProgress);
}
