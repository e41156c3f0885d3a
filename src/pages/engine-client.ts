/**
 * engine-client — the extension pages' one way to the engine: a typed client of the engine worker
 * (src/pages/engine-worker.ts), so that no page bundles the engine or runs it on its main thread.
 *
 * API: `createEngineClient()` -> EngineClient:
 * - `analyse(text, options?, compact?)` -> Promise<Report> (language-neutral; word it with the engine's `explain`);
 * - `analyseMany(texts, options, { compact?, onProgress?, signal? })` -> Promise<(Report | Error)[]>, in order, a
 *   failure on one text being an Error in its slot; an aborted signal stops it;
 * - `wordRanks(text, lang?)` -> the words of the text with their GLTR-style rank buckets;
 * - `info()` -> the shipped threshold and signal weights;
 * - `labLoad(items, onProgress?)`, `labRescore(disabled)`, `labReport(itemId, disabled)` — the workshop lab's set,
 *   kept in the worker between requests (src/lab/scorer.ts);
 * - `dispose()`.
 * No fallback: when the worker cannot start or dies, every pending and later request rejects with an Error (the
 * page says the analysis failed) rather than running the engine on the page's main thread.
 */
import type { AnalyseOptions, Report, Span, WordRank } from '../engine';
import type { LabResult } from '../lab/scorer';
import type { EngineRequestBody, EngineResponse, EngineResponseBody } from './engine-protocol';

export interface EngineClient {
  analyse(text: string, options?: AnalyseOptions, compact?: boolean): Promise<Report>;
  analyseMany(
    texts: readonly string[],
    options: AnalyseOptions,
    o?: { compact?: boolean; onProgress?: (done: number, total: number) => void; signal?: AbortSignal },
  ): Promise<(Report | Error)[]>;
  wordRanks(text: string, lang?: string): Promise<{ words: Span[]; ranks: WordRank[] }>;
  info(): Promise<{ threshold: number; weights: Record<string, number> }>;
  labLoad(items: { id: string; text: string }[], onProgress?: (done: number, total: number) => void): Promise<LabResult[]>;
  labRescore(disabled: string[]): Promise<Map<string, number | null>>;
  labReport(itemId: string, disabled: string[]): Promise<Report | undefined>;
  dispose(): void;
}

/** Requests kept in flight by analyseMany: the worker never idles, and thousands of texts are not queued at once. */
const IN_FLIGHT = 4;

type Pending = { done: (m: EngineResponseBody) => void; fail: (e: Error) => void; progress?: (d: number, t: number) => void };

/** The worker and the requests waiting for it; once the worker fails, every request fails with the same Error. */
class WorkerLink {
  private worker: Worker | undefined;
  private broken: Error | undefined;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor() {
    try {
      this.worker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      this.broken = new Error('engine worker unavailable');
      return;
    }
    this.worker.onmessage = (e: MessageEvent<EngineResponse>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.failAll(new Error(`engine worker failed${e.message ? `: ${e.message}` : ''}`));
    };
  }

  private receive(m: EngineResponse): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') return p.progress?.(m.done, m.total);
    this.pending.delete(m.id);
    if (m.type === 'error') p.fail(new Error(m.message));
    else p.done(m);
  }

  failAll(e: Error): void {
    this.broken = e;
    for (const p of this.pending.values()) p.fail(e);
    this.pending.clear();
    this.worker?.terminate();
    this.worker = undefined;
  }

  ask(body: EngineRequestBody, progress?: (d: number, t: number) => void): Promise<EngineResponseBody> {
    return new Promise((done, fail) => {
      const w = this.worker;
      if (this.broken || !w) return fail(this.broken ?? new Error('engine worker unavailable'));
      const id = this.next++;
      this.pending.set(id, { done, fail, progress });
      w.postMessage({ ...body, id });
    });
  }
}

function unexpected(m: EngineResponseBody): never {
  throw new Error(`unexpected answer from the engine worker: ${m.type}`);
}

/** Many texts, in order, a few in flight at a time; a failure on one text is an Error in its slot. */
async function analyseMany(
  analyse: (text: string, options: AnalyseOptions, compact?: boolean) => Promise<Report>,
  texts: readonly string[],
  options: AnalyseOptions,
  o: { compact?: boolean; onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<(Report | Error)[]> {
  const out: (Report | Error)[] = new Array<Report | Error>(texts.length);
  let done = 0;
  let at = 0;
  const run = async (): Promise<void> => {
    while (at < texts.length) {
      if (o.signal?.aborted) return;
      const i = at++;
      out[i] = await analyse(texts[i] ?? '', options, o.compact).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      done++;
      o.onProgress?.(done, texts.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, texts.length) }, run));
  return out;
}

export function createEngineClient(): EngineClient {
  const link = new WorkerLink();
  const analyse = async (text: string, options: AnalyseOptions = {}, compact = false): Promise<Report> => {
    const m = await link.ask({ type: 'analyse', text, options, compact });
    return m.type === 'report' && m.report ? m.report : unexpected(m);
  };
  return {
    analyse,
    analyseMany: (texts, options, o) => analyseMany(analyse, texts, options, o),
    async wordRanks(text, lang) {
      const m = await link.ask({ type: 'word-ranks', text, lang });
      return m.type === 'word-ranks' ? { words: m.words, ranks: m.ranks } : unexpected(m);
    },
    async info() {
      const m = await link.ask({ type: 'info' });
      return m.type === 'info' ? { threshold: m.threshold, weights: m.weights } : unexpected(m);
    },
    async labLoad(items, onProgress) {
      const m = await link.ask({ type: 'lab-load', items }, onProgress);
      return m.type === 'lab-loaded' ? m.results : unexpected(m);
    },
    async labRescore(disabled) {
      const m = await link.ask({ type: 'lab-rescore', disabled });
      return m.type === 'lab-scores' ? new Map(m.scores) : unexpected(m);
    },
    async labReport(itemId, disabled) {
      const m = await link.ask({ type: 'lab-report', itemId, disabled });
      return m.type === 'report' ? m.report : unexpected(m);
    },
    dispose() {
      link.failAll(new Error('disposed'));
    },
  };
}
