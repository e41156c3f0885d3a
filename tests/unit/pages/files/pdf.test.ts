import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_PDF_PAGES, NoFetchBinaryDataFactory, PDF_OPTIONS, readPdf, type PdfjsLib, type PdfjsLoader } from '@/src/pages/files/pdf';
import type { ReadResult } from '@/src/pages/files/read-result';
import { corruptPdf, essayPdf, FILES_DIR, manyPagesPdf, paragraphsOf, scannedPdf, twoColumnPdf } from '../../../e2e/fixtures/teacher/make-files';

// pdf.js's modern build needs browser globals (DOMMatrix...): in Node the tests use its legacy build, same code.
const legacy: PdfjsLoader = async () => {
  const [lib, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
  return { lib: lib as unknown as PdfjsLib, worker };
};
const read = (bytes: Uint8Array, maxPages?: number) => readPdf(bytes, { load: legacy, maxPages });
const fixture = (name: string) => new Uint8Array(readFileSync(join(FILES_DIR, name)));

afterEach(() => vi.restoreAllMocks());

describe('readPdf: text in reading order, one paragraph per block', () => {
  it('an essay over three pages: title and paragraphs, without running heads or page numbers', async () => {
    const paragraphs = [...paragraphsOf('plain-en-1'), ...paragraphsOf('learner-en-1')];
    const pdf = await essayPdf(paragraphs, { title: 'Three things', head: 'Jane Doe - English, year 10', linesPerPage: 12 });
    const r = await read(pdf);
    expect(r).toEqual({ text: ['Three things', ...paragraphs].join('\n\n') });
  });

  it('paragraphs marked by first-line indents instead of gaps', async () => {
    const paragraphs = paragraphsOf('learner-en-2');
    const r = await read(await essayPdf(paragraphs, { title: 'Indented', head: 'X', indent: true }));
    expect(r).toEqual({ text: ['Indented', ...paragraphs].join('\n\n') });
  });

  it.each(['columns', 'rows', 'reversed'] as const)('two columns drawn in %s order: title, left column, right column', async (order) => {
    const left = paragraphsOf('learner-fr-1');
    const right = paragraphsOf('learner-fr-2');
    const r = await read(await twoColumnPdf(left, right, 'Deux colonnes', order));
    expect(r).toEqual({ text: ['Deux colonnes', ...left, ...right].join('\n\n') });
  });

  it('the committed fixtures read as the generator wrote them', async () => {
    const r = await read(fixture('two-columns.pdf'));
    expect(r).toEqual({ text: ['Deux textes sur deux colonnes', ...paragraphsOf('learner-fr-1'), ...paragraphsOf('learner-fr-2')].join('\n\n') });
    const essay = await read(fixture('essay-3-pages.pdf'));
    expect('text' in essay && essay.text.split('\n\n')[0]).toBe('Three things I learned this year');
    expect('text' in essay && essay.text).not.toMatch(/Page \d of|Jane Doe - English/);
  });

  it('a PDF that opens without a password but forbids copying is read', async () => {
    // One page: its running head cannot be told from text (it needs two pages to repeat on), so it stays.
    expect(await read(fixture('restricted.pdf'))).toEqual({ text: ['A student', 'Locked essay', ...paragraphsOf('learner-en-5')].join('\n\n') });
  });
});

describe('readPdf: one clear answer for each problem', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, ReadResult][] = [
    ['a scan (images only)', scannedPdf, { error: 'no-text-layer' }],
    ['a password-protected PDF', () => fixture('encrypted.pdf'), { error: 'encrypted' }],
    ['a broken PDF', corruptPdf, { error: 'corrupt', detail: 'pdf' }],
    ['not a PDF at all', () => new TextEncoder().encode('hello, I am a text file'), { error: 'corrupt', detail: 'pdf' }],
    ['an empty file', () => new Uint8Array(0), { error: 'corrupt', detail: 'pdf' }],
  ];
  it.each(cases)('%s', async (_, make, expected) => {
    expect(await read(await make())).toEqual(expected);
  });

  it('the page limit is named and enforced (one page over is refused, at the limit is read)', async () => {
    expect(MAX_PDF_PAGES).toBe(200);
    expect(await read(await manyPagesPdf(4), 3)).toEqual({ error: 'too-many-pages', detail: '3' });
    const three = await read(await manyPagesPdf(3), 3);
    expect('text' in three ? three.text : three.error).toContain('Page text 3.');
  });
});

describe('readPdf: no network, no eval', () => {
  it('opens documents with eval off, fetching off, and a data factory that refuses', () => {
    expect(PDF_OPTIONS).toMatchObject({ isEvalSupported: false, useWorkerFetch: false, useSystemFonts: false, disableFontFace: true, useWasm: false, BinaryDataFactory: NoFetchBinaryDataFactory });
  });

  it('a PDF using a standard font asks for its data, is refused, and is read anyway; fetch is never called', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const factory = vi.spyOn(NoFetchBinaryDataFactory.prototype, 'fetch');
    const r = await read(await essayPdf(['A short text in Helvetica.'], { title: 'T', head: 'H' }));
    expect(r).toEqual({ text: 'H\n\nT\n\nA short text in Helvetica.' });
    expect(factory).toHaveBeenCalled();
    expect(factory.mock.calls.every(([req]) => ['standardFontDataUrl', 'cMapUrl', 'wasmUrl'].includes(req.kind))).toBe(true);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
