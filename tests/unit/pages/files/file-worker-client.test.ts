import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileReader, STEP_TIMEOUT_MS, TIMEOUTS_MS, type WorkerLike } from '@/src/pages/files/file-worker-client';
import { readBytes, type FileRequest, type FileResponse, type Progress } from '@/src/pages/files/file-reader';
import { canvasZip, docxOf, paragraphsOf } from '../../../e2e/fixtures/teacher/make-files';

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
    const post = (data: FileResponse) => {
      if (!this.terminated) this.onmessage?.({ data } as MessageEvent<FileResponse>);
    };
    void readBytes({ kind: message.kind, bytes }, (progress) => post({ id: message.id, progress })).then((answer) => {
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

  it('a class set reports its progress, file by file, through the worker', async () => {
    const reader = createFileReader({ makeWorker: () => new FakeWorker() });
    const seen: Progress[] = [];
    const answer = await reader.read('zip', (await canvasZip()).slice().buffer, (p) => seen.push(p));
    expect('rows' in answer && answer.rows.length).toBeGreaterThan(1);
    const total = seen[0]?.total ?? 0;
    expect(total).toBeGreaterThan(1);
    expect(seen).toEqual(Array.from({ length: total + 1 }, (_, done) => ({ done, total })));
    reader.dispose();
  });

  it('progress keeps a long class set alive past its whole-read limit; a step that stalls still times out', async () => {
    vi.useFakeTimers();
    const posted: ((m: FileResponse) => void)[] = [];
    const hang = new FakeWorker('hang');
    hang.postMessage = function (this: FakeWorker, message: FileRequest) {
      posted.push((data) => this.onmessage?.({ data } as MessageEvent<FileResponse>));
      this.received.push(message);
    };
    const reader = createFileReader({ makeWorker: () => hang });
    const seen: number[] = [];
    const read = reader.read('zip', new ArrayBuffer(8), (p) => seen.push(p.done));
    const send = posted[0]!;
    // 20 files, each just under the step limit: 20 minutes in all, far past TIMEOUTS_MS.zip.
    for (let done = 0; done < 20; done++) {
      send({ id: 1, progress: { done, total: 40 } });
      await vi.advanceTimersByTimeAsync(STEP_TIMEOUT_MS - 1);
    }
    expect(20 * (STEP_TIMEOUT_MS - 1)).toBeGreaterThan(TIMEOUTS_MS.zip);
    expect(hang.terminated).toBe(false);
    expect(seen).toHaveLength(20);
    // Then the 21st file never ends.
    send({ id: 1, progress: { done: 20, total: 40 } });
    await vi.advanceTimersByTimeAsync(STEP_TIMEOUT_MS + 1);
    expect(await read).toEqual({ error: 'timed-out' });
    expect(hang.terminated).toBe(true);
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
