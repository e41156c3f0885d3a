// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { countText, fileNotices, noticeItem, OPEN_GROUP_MAX, readingStatus, type Notice } from '@/src/pages/analysis/file-status';
import type { FileText } from '@/src/pages/files/file-text';

const row = (name: string, source?: string): FileText => ({ name, text: 'Some text.', ...(source ? { source } : {}) });
const skip = (name: string, archive: string, error: 'hidden-file' | 'corrupt' | 'unsupported-type' = 'hidden-file'): FileText => ({ name, error, archive, ...(error === 'corrupt' ? { detail: 'pdf' } : error === 'unsupported-type' ? { detail: 'mp4' } : {}) });

/** The words of each notice, as the page shows them: a line, or a summary and its lines. */
const words = (notices: Notice[], lang: 'en' | 'fr' = 'en') =>
  notices.map((n) => {
    const li = noticeItem(n, lang);
    if (!li.classList.contains('archive-notice')) return li.textContent;
    return { title: li.querySelector('span, summary')?.textContent, lines: [...li.querySelectorAll('ul.skipped li')].map((l) => l.textContent) };
  });

describe('fileNotices', () => {
  it('a single file that failed is one line; a file that was read says nothing', () => {
    expect(words(fileNotices([[{ name: 'scan.pdf', error: 'no-text-layer' }], [row('a.txt')]]))).toEqual([
      'scan.pdf: no text layer: this PDF is an image (a scan or a photo). Its words cannot be read here (no text recognition).',
    ]);
  });

  it('a class set\'s skipped files come under one summary line that counts rows and skips', () => {
    const set = [row('Jane Doe', 'class.zip › Jane/essay.docx'), row('Tom Lee', 'class.zip › Tom/essay.pdf'), skip('.DS_Store', 'class.zip'), skip('Tom/broken.pdf', 'class.zip', 'corrupt')];
    expect(words(fileNotices([set]))).toEqual([
      { title: 'class.zip: 2 texts read, 2 files skipped:', lines: ['.DS_Store: a system file, skipped.', 'Tom/broken.pdf: the file is damaged, or is not really a .pdf file.'] },
    ]);
  });

  it.each([
    ['en', 1, 1, 'class.zip: 1 text read, 1 file skipped:'],
    ['fr', 1, 1, 'class.zip : 1 texte lu, 1 fichier ignoré :'],
    ['fr', 0, 3, 'class.zip : 0 texte lu, 3 fichiers ignorés :'],
    ['en', 0, 3, 'class.zip: 0 texts read, 3 files skipped:'],
  ] as const)('plural forms by the language\'s rules: %s, %i read, %i skipped', (lang, read, skipped, title) => {
    const set = [...Array.from({ length: read }, (_, i) => row(`S${i}`, `class.zip › ${i}.txt`)), ...Array.from({ length: skipped }, (_, i) => skip(`x${i}.exe`, 'class.zip'))];
    expect(words(fileNotices([set]), lang)[0]).toMatchObject({ title });
  });

  it('an archive refused as a whole (a zip bomb) is one line, not a group', () => {
    expect(words(fileNotices([[{ name: 'bomb.zip', error: 'overlapping-parts' }]]))).toEqual(['bomb.zip: not read: its files share the same data, as in a zip bomb.']);
  });

  it('notices are worded when shown: the same notices in French', () => {
    const notices = fileNotices([[{ name: 'scan.pdf', error: 'encrypted' }], [row('A', 'c.zip › a.txt'), skip('b.mp4', 'c.zip', 'unsupported-type')]]);
    expect(words(notices, 'fr')).toEqual([
      'scan.pdf : le fichier est protégé par un mot de passe. Enregistrez-en une copie sans mot de passe et réessayez.',
      { title: 'c.zip : 1 texte lu, 1 fichier ignoré :', lines: ['b.mp4 : ce type de fichier ne peut pas être lu (.mp4). Utilisez .txt, .md, .html, .docx, .odt, .pdf, ou un .zip de ces fichiers.'] },
    ]);
  });
});

describe('noticeItem', () => {
  const group = (n: number): Notice => ({ archive: 'class.zip', read: 1, skipped: Array.from({ length: n }, (_, i) => ({ name: `f${i}`, error: 'hidden-file' as const, archive: 'class.zip' })) });
  it('a few skipped files are shown at once; many are folded behind the summary', () => {
    const few = noticeItem(group(OPEN_GROUP_MAX), 'en');
    expect(few.querySelector('details')).toBeNull();
    expect(few.querySelectorAll('ul.skipped li')).toHaveLength(OPEN_GROUP_MAX);
    const many = noticeItem(group(OPEN_GROUP_MAX + 1), 'en');
    const details = many.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('class.zip: 1 text read, 6 files skipped:');
    expect(details?.querySelectorAll('li')).toHaveLength(OPEN_GROUP_MAX + 1);
    expect(noticeItem('one line', 'en').outerHTML).toBe('<li>one line</li>');
  });
});

describe('readingStatus', () => {
  it('nothing being read: no element', () => {
    expect(readingStatus(new Map(), 'en')).toBeNull();
  });

  it('one live line and bar per archive', () => {
    const el = readingStatus(new Map([['class.zip', { done: 2, total: 10 }], ['other.zip', { done: 10, total: 10 }]]), 'fr')!;
    expect(el.getAttribute('role')).toBe('status');
    expect([...el.querySelectorAll('li > span')].map((s) => s.textContent)).toEqual(['Lecture de class.zip : fichier 3 sur 10…', 'Lecture de other.zip : fichier 10 sur 10…']);
    const bar = el.querySelector('progress')!;
    expect([bar.getAttribute('value'), bar.getAttribute('max'), bar.getAttribute('aria-label')]).toEqual(['2', '10', 'Lecture de class.zip : fichier 3 sur 10…']);
  });
});

describe('countText', () => {
  it.each([
    ['en', 0, '0 files skipped'],
    ['en', 1, '1 file skipped'],
    ['en', 2, '2 files skipped'],
    ['fr', 0, '0 fichier ignoré'],
    ['fr', 1, '1 fichier ignoré'],
    ['fr', 2, '2 fichiers ignorés'],
  ] as const)('%s %i', (lang, n, text) => {
    expect(countText('analysis_archiveSkipped', n, lang)).toBe(text);
  });
});

describe('a .zip where one text is expected (Compare)', () => {
  it.each([
    ['en', 'class.zip: a .zip holds several texts; choose one file here (a whole class set opens under Analyse).'],
    ['fr', 'class.zip : un .zip contient plusieurs textes ; choisissez ici un seul fichier (une classe entière s’ouvre dans Analyser).'],
  ] as const)('%s: one line that does not send the teacher back to a .zip', (lang, line) => {
    expect(noticeItem({ file: { name: 'class.zip', error: 'several-texts', detail: 'zip' } }, lang).textContent).toBe(line);
  });
});
