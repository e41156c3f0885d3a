/**
 * pdf — the text of a PDF, read in the file worker with Mozilla's pdf.js (pdfjs-dist), paragraphs in reading order.
 *
 * How: pdf.js and its worker code are imported on demand (`import()`: nothing of pdf.js loads until a PDF
 * arrives) from the extension's own files, and pdf.js runs in this thread — the file worker — as its own "fake
 * worker", so no second worker and no URL to load code from. Options close every door to the network and to
 * eval: `isEvalSupported: false` (the extension's CSP has no unsafe-eval), `useWorkerFetch: false` with a
 * BinaryDataFactory that refuses every request (no CMap, standard-font or wasm file is fetched: text extraction
 * needs none for Latin-script PDFs), no system fonts, no font faces, no wasm, no XFA, no range or stream requests
 * (the bytes are all there). Each page's `getTextContent()` runs go to pdf-layout.ts (reading order, two columns,
 * one paragraph per block, running heads and page numbers dropped).
 *
 * API: `readPdf(bytes, { maxPages?, load? })` -> ReadResult. `load` supplies pdf.js (the unit tests pass the
 * legacy build, which runs in Node; the extension uses the modern build).
 * Answers: `too-many-pages` (over MAX_PDF_PAGES, detail the limit), `no-text-layer` (no page has any text: a scan or
 * a photo), `encrypted` (a password is needed to open it; a PDF that only restricts printing or copying opens and
 * is read), `corrupt` (pdf.js cannot parse it), `empty`.
 * Limits: MAX_PDF_PAGES; no OCR; PDFs whose fonts need Adobe's CJK CMaps come out with missing characters.
 */
import { layoutPages, type PageRuns, type Run } from './pdf-layout';
import { textOrEmpty, type ReadResult } from './read-result';

/**
 * A 100-page thesis fits twice over; a book does not. About 5–20 ms of parsing per page in the worker, so the limit
 * also bounds the time one PDF can take (a few seconds).
 */
export const MAX_PDF_PAGES = 200;

/** The parts of pdf.js used here (typed loosely so that the modern and legacy builds both fit). */
export interface PdfjsLib {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface PdfPage {
  view: number[];
  getTextContent(params?: Record<string, unknown>): Promise<{ items: unknown[] }>;
  cleanup(): boolean;
}
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  dir?: string;
}

export type PdfjsLoader = () => Promise<{ lib: PdfjsLib; worker: unknown }>;

const loadModern: PdfjsLoader = async () => {
  const [lib, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.mjs')]);
  return { lib: lib as unknown as PdfjsLib, worker };
};

/** CMaps, standard fonts and wasm would be fetched through this: every request is refused, nothing is fetched. */
export class NoFetchBinaryDataFactory {
  constructor(_: unknown) {}
  fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    return Promise.reject(new Error(`${kind} ${filename}: not bundled, and nothing is fetched`));
  }
}

/** The options every document is opened with: nothing fetched, nothing evaluated, nothing rendered. */
export const PDF_OPTIONS = {
  isEvalSupported: false,
  useWorkerFetch: false,
  BinaryDataFactory: NoFetchBinaryDataFactory,
  useSystemFonts: false,
  disableFontFace: true,
  useWasm: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  enableXfa: false,
  disableAutoFetch: true,
  disableStream: true,
  disableRange: true,
  stopAtErrors: false,
  verbosity: 0,
} as const;

function toRun(item: unknown): Run | undefined {
  const it = item as Partial<TextItem>;
  if (typeof it.str !== 'string' || !Array.isArray(it.transform) || it.transform.length < 6) return undefined;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = it.transform;
  const size = Math.hypot(c, d) || it.height || 0;
  const rotated = Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0 || it.dir === 'ttb';
  return { str: it.str, x: e, y: f, width: it.width ?? 0, size, rotated };
}

export async function readPdf(bytes: Uint8Array, options: { maxPages?: number; load?: PdfjsLoader } = {}): Promise<ReadResult> {
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  const { lib, worker } = await (options.load ?? loadModern)();
  // pdf.js uses worker code found here instead of starting a worker of its own.
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= worker;
  // pdf.js hands the buffer to its worker side (detaching it): give it a copy.
  const task = lib.getDocument({ ...PDF_OPTIONS, data: bytes.slice() });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    const name = (e as { name?: string } | null)?.name;
    if (name === 'PasswordException') return { error: 'encrypted' };
    return { error: 'corrupt', detail: 'pdf' };
  }
  try {
    if (doc.numPages > maxPages) return { error: 'too-many-pages', detail: String(maxPages) };
    const pages: PageRuns[] = [];
    let withText = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs = content.items.map(toRun).filter((r): r is Run => r !== undefined);
      if (runs.some((r) => r.str.trim())) withText++;
      const [, y0 = 0, , y1 = 0] = page.view;
      pages.push({ runs, height: Math.abs(y1 - y0), bottom: Math.min(y0, y1) });
      page.cleanup();
    }
    if (withText === 0) return { error: 'no-text-layer' };
    return textOrEmpty(layoutPages(pages));
  } catch {
    return { error: 'corrupt', detail: 'pdf' };
  } finally {
    await doc.destroy().catch(() => {});
  }
}
