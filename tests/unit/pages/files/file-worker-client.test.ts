import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileReader, TIMEOUTS_MS, type WorkerLike } from '@/src/pages/files/file-worker-client';
import { readBytes, type FileRequest, type FileResponse } from '@/src/pages/files/file-reader';
import { docxOf, paragraphsOf } from '../../../e2e/fixtures/teacher/make-files';

/** A stand-in for the module worker: answers with the real reader, or never (`hang`), or fails to start. */
class FakeWorker implements WorkerLike {
  static started = 0;
  onmessage: ((e: MessageEvent<FileResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  received: FileRequest[] = [];
  constructor(private mode: 'answer' | 'hang' | 'broken' = 'answer') {
    FakeWorker.started++;
    if (mode === 'broken') setTimeout(() => this.onerror?.({ preventDefault() {} } as ErrorEvent), 0);
  }
  postMessage(message: FileRequest, transfer: Transferable[]) {
    // Transferring detaches the sender's buffer, as a real worker does.
    const bytes = structuredClone(message.bytes, { transfer: transfer as ArrayBuffer[] });
    this.received.push({ ...message, bytes });
    if (this.mode !== 'answer') return;
    void readBytes({ kind: message.kind, bytes }).then((answer) => {
      if (!this.terminated) this.onmessage?.({ data: { id: message.id, answer } } as MessageEvent<FileResponse>);
    });
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.useRealTimers();
  FakeWorker.started = 0;
});

describe('file worker client', () => {
  it('sends the bytes (transferred, not copied) and gets the text back', async () => {
    let w: FakeWorker | undefined;
    const reader = createFileReader({ makeWorker: () => (w = new FakeWorker()) });
    const bytes = docxOf('learner-en-2').slice().buffer;
    const answer = await reader.read('docx', bytes);
    expect(answer).toEqual({ text: paragraphsOf('learner-en-2').join('\n\n') });
    expect(bytes.byteLength).toBe(0);
    expect(w!.received[0]?.kind).toBe('docx');
    reader.dispose();
  });

  it('starts one worker for many files, and none before the first file', async () => {
    const reader = createFileReader({ makeWorker: () => new FakeWorker() });
    expect(FakeWorker.started).toBe(0);
    await Promise.all([reader.read('docx', docxOf('learner-en-1').slice().buffer), reader.read('docx', docxOf('learner-en-2').slice().buffer)]);
    expect(FakeWorker.started).toBe(1);
    reader.dispose();
  });

  it('a read past its time limit stops the worker and answers timed-out; the next read starts a fresh worker', async () => {
    vi.useFakeTimers();
    const workers: FakeWorker[] = [];
    let mode: 'hang' | 'answer' = 'hang';
    const reader = createFileReader({ makeWorker: () => (workers.push(new FakeWorker(mode)), workers[workers.length - 1]!) });
    const stuck = reader.read('pdf', new ArrayBuffer(8));
    await vi.advanceTimersByTimeAsync(TIMEOUTS_MS.pdf + 1);
    expect(await stuck).toEqual({ error: 'timed-out' });
    expect(workers[0]?.terminated).toBe(true);
    mode = 'answer';
    vi.useRealTimers();
    const answer = await reader.read('docx', docxOf('learner-en-1').slice().buffer);
    expect('text' in answer && answer.text.length).toBeGreaterThan(0);
    expect(workers).toHaveLength(2);
    reader.dispose();
  });

  it('a worker that cannot start answers unreadable (files are never read on the page instead)', async () => {
    const reader = createFileReader({ makeWorker: () => new FakeWorker('broken') });
    expect(await reader.read('docx', new ArrayBuffer(8))).toEqual({ error: 'unreadable', detail: 'file worker failed' });
  });

  it('an idle worker is let go', async () => {
    vi.useFakeTimers();
    let w: FakeWorker | undefined;
    const reader = createFileReader({ makeWorker: () => (w = new FakeWorker()), idleMs: 1000 });
    const p = reader.read('odt', new ArrayBuffer(4));
    await vi.advanceTimersByTimeAsync(10);
    await p;
    expect(w!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1001);
    expect(w!.terminated).toBe(true);
  });
});
