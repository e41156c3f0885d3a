// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { countText, fileNotices, noticeItem, OPEN_GROUP_MAX, readingStatus } from '@/src/pages/analysis/file-status';
import type { FileText } from '@/src/pages/files/file-text';

const row = (name: string, source?: string): FileText => ({ name, text: 'Some text.', ...(source ? { source } : {}) });
const skip = (name: string, archive: string, error: 'hidden-file' | 'corrupt' | 'unsupported-type' = 'hidden-file'): FileText => ({ name, error, archive, ...(error === 'corrupt' ? { detail: 'pdf' } : {}) });

describe('fileNotices', () => {
  it('a single file that failed is one line; a file that was read says nothing', () => {
    expect(fileNotices([[{ name: 'scan.pdf', error: 'no-text-layer' }], [row('a.txt')]], 'en')).toEqual([
      'scan.pdf: no text layer: this PDF is an image (a scan or a photo). Its words cannot be read here (no text recognition).',
    ]);
  });

  it('a class set\'s skipped files come under one summary line that counts rows and skips', () => {
    const set = [row('Jane Doe', 'class.zip › Jane/essay.docx'), row('Tom Lee', 'class.zip › Tom/essay.pdf'), skip('.DS_Store', 'class.zip'), skip('Tom/broken.pdf', 'class.zip', 'corrupt')];
    expect(fileNotices([set], 'en')).toEqual([
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
    expect(fileNotices([set], lang)[0]).toMatchObject({ title });
  });

  it('an archive refused as a whole (a zip bomb) is one line, not a group', () => {
    expect(fileNotices([[{ name: 'bomb.zip', error: 'overlapping-parts' }]], 'en')).toEqual(['bomb.zip: not read: its files share the same data, as in a zip bomb.']);
  });
});

describe('noticeItem', () => {
  it('a few skipped files are shown at once; many are folded behind the summary', () => {
    const few = noticeItem({ title: 'class.zip: …', lines: Array.from({ length: OPEN_GROUP_MAX }, (_, i) => `line ${i}`) });
    expect(few.querySelector('details')).toBeNull();
    expect(few.querySelectorAll('ul.skipped li')).toHaveLength(OPEN_GROUP_MAX);
    const many = noticeItem({ title: 'class.zip: …', lines: Array.from({ length: OPEN_GROUP_MAX + 1 }, (_, i) => `line ${i}`) });
    const details = many.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('class.zip: …');
    expect(details?.querySelectorAll('li')).toHaveLength(OPEN_GROUP_MAX + 1);
    expect(noticeItem('one line').outerHTML).toBe('<li>one line</li>');
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
