/**
 * file-reader — what the file worker does with one request: the bytes of a .docx, .odt, .pdf or class-set .zip in,
 * text (or rows, or a typed refusal) out. Pure dispatch, no worker API: the worker (file-worker.ts) posts what this
 * returns, and Node tests call it directly.
 *
 * API: `readBytes({ kind, bytes }, onProgress?)` -> `FileAnswer`: a ReadResult for a document, a ClassSet (or a
 * ReadResult error) for a zip, whose reading reports `onProgress(done, total)` before each file and once at the end.
 * Never throws: an unexpected failure is `unreadable` with its message.
 */
import { readClassSet, type ClassSet } from './class-set-archive';
import { readDocx } from './docx';
import { readOdt } from './odt';
import { readPdf } from './pdf';
import type { ReadResult } from './read-result';

export type WorkerKind = 'docx' | 'odt' | 'pdf' | 'zip';
export interface FileRequest {
  id: number;
  kind: WorkerKind;
  bytes: ArrayBuffer;
}
export type FileAnswer = ReadResult | ClassSet;
export interface Progress {
  done: number;
  total: number;
}
/** The worker's messages: progress while a class set is read (any number), then one answer. */
export type FileResponse = { id: number; answer: FileAnswer } | { id: number; progress: Progress };

export async function readBytes(req: Pick<FileRequest, 'kind' | 'bytes'>, onProgress?: (p: Progress) => void): Promise<FileAnswer> {
  const bytes = new Uint8Array(req.bytes);
  try {
    switch (req.kind) {
      case 'docx':
        return await readDocx(bytes);
      case 'odt':
        return await readOdt(bytes);
      case 'pdf':
        return await readPdf(bytes);
      case 'zip':
        return await readClassSet(bytes, onProgress ? { onProgress: (done, total) => onProgress({ done, total }) } : {});
    }
  } catch (e) {
    return { error: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
  }
}
