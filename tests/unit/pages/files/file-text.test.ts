// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ACCEPT, ACCEPT_ONE, htmlToText, MAX_FILE_BYTES, readTextFile, readTextFiles, stripMarkdown } from '@/src/pages/files/file-text';
import type { PdfjsLib, PdfjsLoader } from '@/src/pages/files/pdf';
import { moodleZip, docxOf, essayPdf, odtOf, ownText, paragraphsOf } from '../../../e2e/fixtures/teacher/make-files';

// There is no Worker here: the file worker's code (file-reader.ts) runs in-process. pdf.js's modern build needs a
// browser, so the PDF reader gets the legacy build (same parser).
vi.mock('@/src/pages/files/file-worker-client', async () => {
  const { readBytes } = await import('@/src/pages/files/file-reader');
  return { readInWorker: (kind: 'docx' | 'odt' | 'pdf' | 'zip', bytes: ArrayBuffer, onProgress?: (p: { done: number; total: number }) => void) => readBytes({ kind, bytes }, onProgress) };
});
vi.mock('@/src/pages/files/pdf', async (importOriginal) => {
  const m = await importOriginal<typeof import('@/src/pages/files/pdf')>();
  const legacy: PdfjsLoader = async () => {
    const [lib, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    return { lib: lib as unknown as PdfjsLib, worker };
  };
  return { ...m, readPdf: (bytes: Uint8Array, o: Parameters<typeof m.readPdf>[1] = {}) => m.readPdf(bytes, { ...o, load: legacy }) };
});

describe('htmlToText', () => {
  it('keeps text, drops scripts, styles and head, turns blocks into paragraphs', () => {
    const html = '<html><head><title>T</title><style>p{}</style><script>evil()</script></head><body><h1>Title</h1><p>One  <b>two</b>\nthree.</p><p>Four<br>five.</p><script>document.write("x")</script><noscript>ns</noscript></body></html>';
    expect(htmlToText(html)).toBe('Title\n\nOne two three.\n\nFour\nfive.');
  });

  it.each([
    ['&lt;img src=x onerror=alert(1)&gt;', '<img src=x onerror=alert(1)>'],
    ['a &amp; b', 'a & b'],
    ['<img src=x onerror="globalThis.__ran=1">', ''],
  ])('markup-looking text stays text: %s', (html, text) => {
    expect(htmlToText(`<p>${html}</p>`)).toBe(text);
    expect((globalThis as { __ran?: number }).__ran).toBeUndefined();
  });
});

describe('stripMarkdown', () => {
  it.each([
    ['# Title\n\nText', 'Title\n\nText'],
    ['Some **bold** and *em* and _u_ and `code`.', 'Some bold and em and u and code.'],
    ['A [link](http://x.org) and ![alt](i.png).', 'A link and alt.'],
    ['- one\n- two\n1. three', 'one\ntwo\nthree'],
    ['> quoted\n> line', 'quoted\nline'],
    ['---\ntitle: x\n---\nBody', 'Body'],
    ['```js\ncode()\n```', 'code()'],
    ['snake_case_word stays', 'snake_case_word stays'],
    ['Para one.\n\n## Heading\n\nPara two.', 'Para one.\n\nHeading\n\nPara two.'],
    ['Text\n\n- item\n\n> quote', 'Text\n\nitem\n\nquote'],
  ])('%j', (md, text) => {
    expect(stripMarkdown(md)).toBe(text);
  });
});

describe('readTextFile', () => {
  const file = (content: string, name: string) => new File([content], name);
  it.each([
    ['\uFEFFplain text', 'a.txt', 'plain text'],
    ['# H\n\nbody', 'a.md', 'H\n\nbody'],
    ['<p>para</p><script>x()</script>', 'a.HTML', 'para'],
  ])('%j from %s', async (content, name, text) => {
    expect(await readTextFile(file(content, name))).toEqual({ name, text });
  });

  it.each([
    ['a.pdf', { error: 'corrupt', detail: 'pdf' }],
    ['a.odt', { error: 'corrupt', detail: 'odt' }],
    ['a.doc', { error: 'unsupported-type', detail: 'doc' }],
    // a single-text reader (Compare) given a class set: not "cannot be read… use a .zip"
    ['a.zip', { error: 'several-texts', detail: 'zip' }],
    ['noext', { error: 'unsupported-type', detail: 'noext' }],
  ])('%s -> %j', async (name, expected) => {
    expect(await readTextFile(file('x', name))).toEqual({ name, ...expected });
  });

  const bin = (bytes: Uint8Array, name: string) => new File([bytes as Uint8Array<ArrayBuffer>], name);
  it.each([
    ['essay.docx', () => docxOf('learner-en-1'), paragraphsOf('learner-en-1').join('\n\n')],
    ['essai.odt', () => odtOf('learner-fr-1'), paragraphsOf('learner-fr-1').join('\n\n')],
    ['essay.pdf', () => essayPdf(paragraphsOf('plain-en-1'), { title: 'Title', head: 'Head' }), ['Head', 'Title', ...paragraphsOf('plain-en-1')].join('\n\n')],
  ])('%s is read (in the file worker\'s code)', async (name, make, text) => {
    expect(await readTextFile(bin(await make(), name))).toEqual({ name, text });
  });

  it('UTF-16 text files (with a byte-order mark) are read', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Élève'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(await readTextFile(bin(utf16, 'u.txt'))).toEqual({ name: 'u.txt', text: 'Élève' });
  });

  it.each([
    ['photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'txt'],
    ['notes.md', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0x41, 0x42]), 'md'],
    ['page.html', new Uint8Array([0x3c, 0x70, 0x3e, 0x41, 0, 0x42]), 'html'],
  ])('%s holding binary data (NUL bytes, no UTF-16 mark) is refused as not really that kind of file, not read as text', async (name, bytes, ext) => {
    expect(await readTextFile(bin(bytes, name))).toEqual({ name, error: 'corrupt', detail: ext });
  });

  it('a field for one text does not offer a .zip; the analysis page\'s does', () => {
    expect(ACCEPT.split(',')).toEqual(expect.arrayContaining(['.zip', 'application/zip']));
    expect(ACCEPT_ONE.split(',').filter((x) => x.includes('zip'))).toEqual([]);
    expect(ACCEPT_ONE.split(',')).toEqual(ACCEPT.split(',').filter((x) => !x.includes('zip')));
  });

  it('a file over the limit names the limit', async () => {
    const big = { name: 'big.pdf', size: MAX_FILE_BYTES + 1 } as File;
    expect(await readTextFile(big)).toEqual({ name: 'big.pdf', error: 'too-large', detail: '15' });
  });

  it('an empty file says so', async () => {
    expect(await readTextFile(file('  \n ', 'e.txt'))).toMatchObject({ error: 'empty' });
  });

  it('a broken .docx is reported as corrupt, not thrown', async () => {
    expect(await readTextFile(file('not a zip', 'broken.docx'))).toEqual({ name: 'broken.docx', error: 'corrupt', detail: 'docx' });
  });
});

describe('readTextFiles', () => {
  it('a single file gives one entry', async () => {
    expect(await readTextFiles(new File(['hello'], 'a.txt'))).toEqual([{ name: 'a.txt', text: 'hello' }]);
  });

  it('a Moodle class set: a row per student file (HTML and markdown finished here), a line per skipped file', async () => {
    const zip = new File([(await moodleZip()) as Uint8Array<ArrayBuffer>], 'class.zip');
    const progress: { done: number; total: number }[] = [];
    const out = await readTextFiles(zip, (p) => progress.push(p));
    const rows = out.filter((r) => 'text' in r);
    expect(rows.map((r) => r.name)).toEqual(['Jane Doe', 'Élodie Martin', 'Tom Lee', 'Sam Roy', 'Ana Silva · notes.txt', 'Ana Silva · draft.md']);
    expect(rows[0]).toMatchObject({ source: 'class.zip › Jane Doe_1234_assignsubmission_file_/My essay.docx' });
    const text = (n: string) => (rows.find((r) => r.name === n) as { text: string }).text;
    expect(text('Sam Roy')).toBe(paragraphsOf('learner-en-2').join('\n\n'));
    expect(text('Ana Silva · draft.md')).toBe(`Draft\n\n${ownText('learner-en-4')}`);
    const skipped = out.filter((r) => 'error' in r);
    expect(skipped).toContainEqual({ name: '.DS_Store', error: 'hidden-file', archive: 'class.zip' });
    expect(skipped).toHaveLength(7);
    expect(skipped.every((r) => r.archive === 'class.zip')).toBe(true);
    // The class set's progress reaches the page: every file it read, then done.
    expect(progress.at(-1)).toEqual({ done: progress[0]?.total, total: progress[0]?.total });
    expect(progress.length).toBeGreaterThan(rows.length);
  });

  it('a zip that is not one is one line', async () => {
    expect(await readTextFiles(new File(['nope'], 'class.zip'))).toEqual([{ name: 'class.zip', error: 'corrupt', detail: 'zip' }]);
  });
});
