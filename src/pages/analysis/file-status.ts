/**
 * file-status — what the analysis page says about the files it was given, besides their texts: the problems (one
 * line per file; a class set's skipped files grouped under their archive, folded when there are many) and the
 * reading progress of class-set archives.
 *
 * Notices are kept as what happened, not as words: they are worded when shown, so a language switch words them again.
 * API: `fileNotices(perFile)` -> Notice[] from the results of each dropped file (readTextFiles);
 * `noticeItem(notice, lang)` -> the <li> the page's problem list shows (a string notice is shown as it is); `readingStatus(reading, lang)` -> the live line
 * and <progress> bar for the archives being read (or null); `countText(key, n, lang)` picks `key_one`/`key_other`
 * by the language's plural rules (Intl.PluralRules).
 * Limits: OPEN_GROUP_MAX lines are shown open; a longer group is folded (<details>) behind its summary line.
 */
import { el } from '../dom';
import type { FileText } from '../files/file-text';
import type { Progress } from '../files/file-reader';
import type { UiLang } from '../../engine';
import { t, tn } from '../../shared/i18n';

type FileError = Extract<FileText, { error: string }>;

/** Words already chosen; a message by key; a file that could not be read; a class set's skipped files under one
 * summary. */
export type Notice = string | { key: string } | { file: FileError } | { archive: string; read: number; skipped: FileError[] };

/** Skipped-file lines shown without unfolding: a few are read at a glance, dozens (a Mac's __MACOSX) are not. */
export const OPEN_GROUP_MAX = 5;

export function fileProblem(f: FileError, lang: UiLang): string {
  return t(`analysis_file_${f.error.replace(/-/g, '_')}`, [f.name, f.detail ?? ''], lang);
}

/** `key_one` or `key_other` (the language's plural category for n), with n as $1. */
export function countText(key: string, n: number, lang: UiLang): string {
  return tn(key, n, [n], lang);
}

/** One entry per dropped file: its results. A class set whose files were all read says nothing. */
export function fileNotices(perFile: readonly (readonly FileText[])[]): Notice[] {
  const out: Notice[] = [];
  for (const results of perFile) {
    const errors = results.filter((r): r is FileError => 'error' in r);
    const archive = errors.find((e) => e.archive !== undefined)?.archive;
    if (archive === undefined) out.push(...errors.map((file) => ({ file })));
    else out.push({ archive, read: results.length - errors.length, skipped: errors });
  }
  return out;
}

export function noticeItem(n: Notice, lang: UiLang): HTMLElement {
  if (typeof n === 'string') return el('li', null, n);
  if ('key' in n) return el('li', null, t(n.key, undefined, lang));
  if ('file' in n) return el('li', null, fileProblem(n.file, lang));
  const title = t('analysis_archiveSummary', [n.archive, countText('analysis_archiveRead', n.read, lang), countText('analysis_archiveSkipped', n.skipped.length, lang)], lang);
  const list = el('ul', { class: 'skipped' }, n.skipped.map((e) => el('li', null, fileProblem(e, lang))));
  if (n.skipped.length <= OPEN_GROUP_MAX) return el('li', { class: 'archive-notice' }, el('span', null, title), list);
  return el('li', { class: 'archive-notice' }, el('details', null, el('summary', null, title), list));
}

/** The archives being read: one line each, with a bar. Null when none is. */
export function readingStatus(reading: ReadonlyMap<string, Progress>, lang: UiLang): HTMLElement | null {
  if (!reading.size) return null;
  const lines = [...reading].map(([name, p]) => {
    const text = t('analysis_reading', [name, Math.min(p.done + 1, p.total), p.total], lang);
    return el('li', null, el('span', null, text), ' ', el('progress', { max: p.total, value: p.done, 'aria-label': text }));
  });
  return el('div', { id: 'file-progress', class: 'progress', role: 'status', 'aria-live': 'polite' }, el('ul', { class: 'plain' }, lines));
}
