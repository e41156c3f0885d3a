import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { CLASS_SET_LIMITS } from '@/src/pages/files/archive-guard';
import { MAX_CLASS_SET_FILES, readClassSet, isHidden, type ClassSet } from '@/src/pages/files/class-set-archive';
import { readPdf, type PdfjsLib, type PdfjsLoader } from '@/src/pages/files/pdf';
import { commonFolder, rowNames, submissionOf } from '@/src/pages/files/submission-names';
import { canvasZip, docxBomb, moodleZip, ownText, paragraphsOf } from '../../../e2e/fixtures/teacher/make-files';
import { craftZip, xmlBomb } from './zip-craft';

const legacy: PdfjsLoader = async () => {
  const [lib, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
  return { lib: lib as unknown as PdfjsLib, worker };
};
const readers = { pdf: (b: Uint8Array) => readPdf(b, { load: legacy }) };

async function classSet(bytes: Uint8Array, limits = CLASS_SET_LIMITS): Promise<ClassSet> {
  const r = await readClassSet(bytes, { readers, limits });
  if ('error' in r) throw new Error(`refused: ${r.error}`);
  return r;
}

describe('submission names', () => {
  it.each([
    ['Jane Doe_1234_assignsubmission_file_/essay.docx', 'Jane Doe', 'essay.docx', 'moodle'],
    ['Élodie Martin_1235_assignsubmission_file_/sub/dissertation.odt', 'Élodie Martin', 'sub/dissertation.odt', 'moodle'],
    ['Sam Roy_1237_assignsubmission_onlinetext_/onlinetext.html', 'Sam Roy', 'onlinetext.html', 'moodle'],
    ['Jane Doe_1234_assignsubmission_file_essay_v2.docx', 'Jane Doe', 'essay_v2.docx', 'moodle'],
    ['Group A_77_assignsubmission_file/report.pdf', 'Group A', 'report.pdf', 'moodle'],
    ['doejane_12345_67890_essay.docx', 'doejane', 'essay.docx', 'canvas'],
    ['martinelodie_late_12346_67891_Dissertation-finale.odt', 'martinelodie', 'Dissertation-finale.odt', 'canvas'],
    ['Martin Léo.docx', 'Martin Léo', 'Martin Léo.docx', 'other'],
    ['Martin Léo/essay.docx', 'Martin Léo', 'essay.docx', 'other'],
  ])('%s -> %s', (path, student, file, platform) => {
    expect(submissionOf(path)).toEqual({ student, file, platform });
  });

  it('a top folder every file shares is set aside', () => {
    const paths = ['Class 3B/Martin Léo.docx', 'Class 3B/Zoé Roux/essai.odt'];
    expect(commonFolder(paths)).toBe('Class 3B/');
    expect(rowNames(paths)).toEqual(['Martin Léo', 'Zoé Roux']);
  });

  it('a student with several files gets one row per file, named "student · file"', () => {
    expect(rowNames(['A_1_assignsubmission_file_/one.txt', 'A_1_assignsubmission_file_/two.md', 'B_2_assignsubmission_file_/x.pdf'])).toEqual(['A · one.txt', 'A · two.md', 'B']);
  });

  it.each([
    ['__MACOSX/Jane/._essay.docx', true],
    ['.DS_Store', true],
    ['Jane/.DS_Store', true],
    ['Jane/Thumbs.db', true],
    ['Jane/~$essay.docx', true],
    ['.git/config', true],
    ['Jane/essay.docx', false],
    ['Jane Doe_1_assignsubmission_file_/essay.v2.docx', false],
  ])('hidden or system file: %s -> %s', (path, hidden) => {
    expect(isHidden(path)).toBe(hidden);
  });
});

describe('readClassSet: Moodle and Canvas downloads', () => {
  it('Moodle: one row per readable file, named after the student; every other file skipped with its reason', async () => {
    const set = await classSet(await moodleZip());
    expect(set.rows.map((r) => [r.name, r.format])).toEqual([
      ['Jane Doe', 'text'],
      ['Élodie Martin', 'text'],
      ['Tom Lee', 'text'],
      ['Sam Roy', 'html'],
      ['Ana Silva · notes.txt', 'text'],
      ['Ana Silva · draft.md', 'md'],
    ]);
    const byName = Object.fromEntries(set.rows.map((r) => [r.name, r.text]));
    expect(byName['Jane Doe']).toBe(paragraphsOf('learner-en-1').join('\n\n'));
    expect(byName['Élodie Martin']).toBe(paragraphsOf('learner-fr-1').join('\n\n'));
    expect(byName['Tom Lee']).toContain(paragraphsOf('plain-en-1').join('\n\n'));
    expect(byName['Ana Silva · notes.txt']).toBe(ownText('learner-en-3'));
    expect(set.skipped.map((s) => [s.path.replace(/^.*\//, ''), s.error, s.detail])).toEqual([
      ['presentation.mp4', 'unsupported-type', 'mp4'],
      ['empty.txt', 'empty', undefined],
      ['~$My essay.docx', 'hidden-file', undefined],
      ['old-work.zip', 'nested-archive', 'zip'],
      ['essai.docx', 'corrupt', 'docx'],
      ['._My essay.docx', 'hidden-file', undefined],
      ['.DS_Store', 'hidden-file', undefined],
    ]);
  });

  it('Canvas: names from the file names; a scanned PDF is one line, the rest loads', async () => {
    const set = await classSet(await canvasZip());
    expect(set.rows.map((r) => r.name)).toEqual(['doejane', 'martinelodie', 'leetom', 'roysam']);
    expect(set.rows[1]?.text).toBe(paragraphsOf('learner-fr-2').join('\n\n'));
    expect(set.skipped).toEqual([{ path: 'silvaana_12349_67894_scan.pdf', error: 'no-text-layer' }]);
  });

  it('a student\'s 300 MB .docx bomb gets one line; the rest of the class loads, in well under a few seconds', async () => {
    const bytes = await moodleZip({ bomb: docxBomb(300) });
    const t = performance.now();
    const set = await classSet(bytes);
    expect(performance.now() - t).toBeLessThan(3000);
    expect(set.rows).toHaveLength(6);
    expect(set.skipped).toContainEqual({ path: 'Max Bomb_1240_assignsubmission_file_/essay.docx', error: 'unpacks-too-large', detail: '32' });
  });
});

describe('readClassSet: limits, each named and enforced', () => {
  const txt = (s: string) => strToU8(s);
  it('a photo renamed .txt in a class set is skipped as not really a .txt file; the others load', async () => {
    const zip = zipSync({ 'a_1_2_essay.txt': txt('A real essay.'), 'b_3_4_photo.txt': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]) });
    const set = await classSet(zip);
    expect(set.rows.map((r) => r.text)).toEqual(['A real essay.']);
    expect(set.skipped).toEqual([{ path: 'b_3_4_photo.txt', error: 'corrupt', detail: 'txt' }]);
  });
  it('a file declared over the per-file limit is skipped as too large, without inflating it', async () => {
    const bomb = xmlBomb(300);
    const zip = craftZip([{ name: 'a_1_2_essay.txt', data: txt('A real essay.') }, { name: 'b_3_4_huge.txt', compressed: bomb.compressed, size: bomb.size, crc: bomb.crc }]);
    const set = await classSet(zip);
    expect(set.rows.map((r) => r.text)).toEqual(['A real essay.']);
    expect(set.skipped).toEqual([{ path: 'b_3_4_huge.txt', error: 'too-large', detail: '15' }]);
  });

  it('a file that lies about its size is caught while inflating; the others load', async () => {
    const bomb = xmlBomb(300);
    const zip = craftZip([{ name: 'b_3_4_liar.txt', compressed: bomb.compressed, size: 2000, crc: bomb.crc }, { name: 'a_1_2_essay.txt', data: txt('A real essay.') }]);
    const set = await classSet(zip);
    expect(set.rows.map((r) => r.name)).toEqual(['a']);
    expect(set.skipped).toEqual([{ path: 'b_3_4_liar.txt', error: 'false-sizes' }]);
  });

  it('past the total unpacked size, the remaining files are skipped by name', async () => {
    const files = Object.fromEntries(['a', 'b', 'c'].map((s, i) => [`${s}_${i}_${i}_essay.txt`, txt(s.repeat(600))]));
    const set = await classSet(zipSync(files), { ...CLASS_SET_LIMITS, maxTotalBytes: 1300 });
    expect(set.rows.map((r) => r.name)).toEqual(['a', 'b']);
    expect(set.skipped).toEqual([{ path: 'c_2_2_essay.txt', error: 'unpacks-too-large', detail: '0' }]);
  });

  it(`past ${MAX_CLASS_SET_FILES} files, the rest are skipped with the limit named`, async () => {
    const files = Object.fromEntries(Array.from({ length: MAX_CLASS_SET_FILES + 2 }, (_, i) => [`s${i}.txt`, txt(`text ${i}`)]));
    const set = await classSet(zipSync(files));
    expect(set.rows).toHaveLength(MAX_CLASS_SET_FILES);
    expect(set.skipped).toEqual([
      { path: `s${MAX_CLASS_SET_FILES}.txt`, error: 'too-many-files', detail: String(MAX_CLASS_SET_FILES) },
      { path: `s${MAX_CLASS_SET_FILES + 1}.txt`, error: 'too-many-files', detail: String(MAX_CLASS_SET_FILES) },
    ]);
  });

  it.each([
    ['not a zip', () => txt('hello'), { error: 'corrupt', detail: 'zip' }],
    ['parts sharing their bytes', () => craftZip([{ name: 'a.txt', data: txt('x') }, { name: 'b.txt', data: txt('x') }], { shareFirst: true }), { error: 'overlapping-parts' }],
    ['more entries than the limit', () => zipSync(Object.fromEntries(Array.from({ length: CLASS_SET_LIMITS.maxEntries + 1 }, (_, i) => [`f${i}.txt`, txt('x')]))), { error: 'too-many-parts', detail: String(CLASS_SET_LIMITS.maxEntries) }],
  ])('the whole archive is refused when it cannot be listed safely: %s', async (_, make, expected) => {
    expect(await readClassSet(make(), { readers })).toEqual(expected);
  });

  it('the archive size limit is checked before anything else', async () => {
    expect(await readClassSet(zipSync({ 'a.txt': txt('x') }), { readers, limits: { ...CLASS_SET_LIMITS, maxArchiveBytes: 10 } })).toEqual({ error: 'too-large', detail: '0' });
  });
});
