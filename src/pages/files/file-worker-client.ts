/**
 * file-worker-client — the page's side of the file worker: send a file's bytes, get its text back, never block.
 *
 * The worker (file-worker.ts) starts on the first file that needs it and stops after IDLE_MS without work, so a
 * page that never receives a .docx, .odt, .pdf or .zip never loads mammoth, xmldom or pdf.js. A read that takes
 * longer than its TIMEOUTS_MS entry stops the worker (the only way to stop pdf.js or mammoth mid-file) and answers
 * `timed-out`; the next file starts a fresh worker. A worker that fails to start answers `unreadable`: files are
 * never read on the page's main thread instead.
 *
 * API: `createFileReader({ makeWorker?, timeouts?, idleMs? })` -> `{ read(kind, bytes), dispose() }`; `readInWorker`
 * is the page's shared one. The bytes' ArrayBuffer is transferred (the caller's copy becomes empty). There is no
 * in-page fallback, on purpose (the Node unit tests mock this module to call file-reader.ts directly).
 */
import type { FileAnswer, FileRequest, FileResponse, WorkerKind } from './file-reader';

/** Longest a read may take: documents parse in well under a second; a class set reads up to 500 files. */
export const TIMEOUTS_MS: Readonly<Record<WorkerKind, number>> = { docx: 30_000, odt: 30_000, pdf: 60_000, zip: 300_000 };
/** The worker (and pdf.js in it) is let go after this long without work. */
export const IDLE_MS = 30_000;

export interface WorkerLike {
  onmessage: ((e: MessageEvent<FileResponse>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: FileRequest, transfer: Transferable[]): void;
  terminate(): void;
}

export interface FileReaderClient {
  read(kind: WorkerKind, bytes: ArrayBuffer): Promise<FileAnswer>;
  dispose(): void;
}

const startWorker = (): WorkerLike => new Worker(new URL('./file-worker.ts', import.meta.url), { type: 'module' });

export function createFileReader(options: { makeWorker?: () => WorkerLike; timeouts?: Readonly<Record<WorkerKind, number>>; idleMs?: number } = {}): FileReaderClient {
  const makeWorker = options.makeWorker ?? startWorker;
  const timeouts = options.timeouts ?? TIMEOUTS_MS;
  const idleMs = options.idleMs ?? IDLE_MS;
  let worker: WorkerLike | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let next = 1;
  const pending = new Map<number, { done: (a: FileAnswer) => void; timer: ReturnType<typeof setTimeout> }>();

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
  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (e) => settle(e.data.id, e.data.answer);
    w.onerror = (e) => {
      e.preventDefault?.();
      stop({ error: 'unreadable', detail: 'file worker failed' });
    };
    worker = w;
    return w;
  };

  return {
    read(kind, bytes) {
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
        const timer = setTimeout(() => {
          // Only stopping the worker stops a parser mid-file; anything else it was reading is answered too.
          stop({ error: 'timed-out' });
        }, timeouts[kind]);
        pending.set(id, { done, timer });
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

export function readInWorker(kind: WorkerKind, bytes: ArrayBuffer): Promise<FileAnswer> {
  shared ??= createFileReader();
  return shared.read(kind, bytes);
}
