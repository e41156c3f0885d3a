/**
 * file-worker — the module Web Worker that reads the files teachers drop on the analysis page (.docx, .odt, .pdf,
 * class-set .zip), so that unpacking, XML parsing and pdf.js never run on the page's main thread. Started on demand
 * by file-worker-client.ts; pdf.js is imported inside it only when a PDF arrives.
 * Protocol: `{ id, kind, bytes }` in (the ArrayBuffer transferred); out, for a class set, `{ id, progress: { done,
 * total } }` before each file it reads, then `{ id, answer }` (file-reader.ts).
 */
import { readBytes, type FileRequest, type FileResponse } from './file-reader';

const scope = self as unknown as { onmessage: ((e: MessageEvent<FileRequest>) => void) | null; postMessage(m: FileResponse): void };

scope.onmessage = (e) => {
  const { id, kind, bytes } = e.data;
  void readBytes({ kind, bytes }, (progress) => scope.postMessage({ id, progress })).then((answer) => scope.postMessage({ id, answer }));
};
