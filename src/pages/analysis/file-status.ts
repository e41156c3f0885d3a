/**
 * file-status — what the analysis page says about the files it was given, besides their texts: the problems (one
 * line per file; a class set's skipped files grouped under their archive, folded when there are many) and the
 * reading progress of class-set archives.
 *
 * API: `fileNotices(perFile, lang)` -> Notice[] from the results of each dropped file (readTextFiles);
 * `noticeItem(notice)` -> the <li> the page's problem list shows; `readingStatus(reading, lang)` -> the live line
 * and <progress> bar for the archives being read (or null); `countText(key, n, lang)` picks `key_one`/`key_other`
 * by the language's plural rules (Intl.PluralRules).
 * Limits: OPEN_GROUP_MAX lines are shown open; a longer group is folded (<details>) behind its summary line.
 */
import { el } from '../dom';
import type { FileText } from '../files/file-text';
import type { Progress } from '../files/file-reader';
import type { UiLang } from '../../engine';
import { t } from '../../shared/i18n';

/** A line, or a class set's lines under one summary. */
export type Notice = string | { title: string; lines: string[] };

/** Skipped-file lines shown without unfolding: a few are read at a glance, dozens (a Mac's __MACOSX) are not. */
export const OPEN_GROUP_MAX = 5;

type FileError = Extract<FileText, { error: string }>;

export function fileProblem(f: FileError, lang: UiLang): string {
  return t(`analysis_file_${f.error.replace(/-/g, '_')}`, [f.name, f.detail ?? ''], lang);
}

/** `key_one` or `key_other` (the language's plural category for n), with n as $1. */
export function countText(key: string, n: number, lang: UiLang): string {
  const form = new Intl.PluralRules(lang).select(n) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}`, [n], lang);
}

/** One entry per dropped file: its results. A class set whose files were all read says nothing. */
export function fileNotices(perFile: readonly (readonly FileText[])[], lang: UiLang): Notice[] {
  const out: Notice[] = [];
  for (const results of perFile) {
    const errors = results.filter((r): r is FileError => 'error' in r);
    const archive = errors.find((e) => e.archive !== undefined)?.archive;
    if (archive === undefined) {
      out.push(...errors.map((e) => fileProblem(e, lang)));
      continue;
    }
    const read = results.length - errors.length;
    const title = t('analysis_archiveSummary', [archive, countText('analysis_archiveRead', read, lang), countText('analysis_archiveSkipped', errors.length, lang)], lang);
    out.push({ title, lines: errors.map((e) => fileProblem(e, lang)) });
  }
  return out;
}

export function noticeItem(n: Notice): HTMLElement {
  if (typeof n === 'string') return el('li', null, n);
  const list = el('ul', { class: 'skipped' }, n.lines.map((l) => el('li', null, l)));
  if (n.lines.length <= OPEN_GROUP_MAX) return el('li', { class: 'archive-notice' }, el('span', null, n.title), list);
  return el('li', { class: 'archive-notice' }, el('details', null, el('summary', null, n.title), list));
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
