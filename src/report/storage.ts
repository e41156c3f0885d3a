/**
 * storage — the teacher's saved reports, in `browser.storage.local` only (never sync: texts and results about
 * students must not leave the device through the browser's account).
 *
 * What: nothing is stored unless the teacher presses "Save". Each saved report is one key `SAVED_PREFIX + id`, so
 * two pages saving at once never overwrite each other, and deleting one item is one `remove`.
 * API: `saveReport(model)` -> SavedReport, `listSaved()` (newest first), `getSaved(id)`, `deleteSaved(id)`,
 * `deleteAllSaved()` (removes every saved report and nothing else), `countUnreadable()`.
 * An entry this version cannot read (an older report shape, a damaged entry) is neither listed nor opened: it is
 * counted (`countUnreadable`, which the page says) and "delete all" removes it.
 * Limits: storage.local holds ~10 MB in Chrome without the unlimitedStorage permission; a report with its text is a
 * few tens of kB. A failed write rejects, and the page says so.
 */
import { browser } from 'wxt/browser';
import { REPORT_SCHEMA, type TeacherReport } from './teacher';

export const SAVED_PREFIX = 'teacher:saved:';

export interface SavedReport {
  id: string;
  savedAt: string;
  report: TeacherReport;
}

function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Date.now().toString(36) + '-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A report of this version's shape, as far as the list of saved reports reads it. */
function isReport(x: unknown): x is TeacherReport {
  const r = x as Partial<TeacherReport> | null;
  return !!r && typeof r === 'object' && r.schema === REPORT_SCHEMA && (r.lang === 'en' || r.lang === 'fr')
    && !!r.fingerprint && typeof r.fingerprint.sha256 === 'string' && typeof r.fingerprint.words === 'number'
    && (r.score === null || typeof r.score === 'number');
}

function isSaved(x: unknown): x is SavedReport {
  const o = x as SavedReport | null;
  return !!o && typeof o.id === 'string' && typeof o.savedAt === 'string' && isReport(o.report);
}

export async function saveReport(report: TeacherReport, now = new Date()): Promise<SavedReport> {
  const item: SavedReport = { id: newId(), savedAt: now.toISOString(), report };
  await browser.storage.local.set({ [SAVED_PREFIX + item.id]: item });
  return item;
}

export async function listSaved(): Promise<SavedReport[]> {
  const all = await browser.storage.local.get(null);
  return Object.entries(all)
    .filter(([k, v]) => k.startsWith(SAVED_PREFIX) && isSaved(v))
    .map(([, v]) => v as SavedReport)
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** How many entries under SAVED_PREFIX this version cannot read. */
export async function countUnreadable(): Promise<number> {
  const all = await browser.storage.local.get(null);
  return Object.entries(all).filter(([k, v]) => k.startsWith(SAVED_PREFIX) && !isSaved(v)).length;
}

export async function getSaved(id: string): Promise<SavedReport | undefined> {
  const key = SAVED_PREFIX + id;
  const got = await browser.storage.local.get(key);
  return isSaved(got[key]) ? (got[key]) : undefined;
}

export async function deleteSaved(id: string): Promise<void> {
  await browser.storage.local.remove(SAVED_PREFIX + id);
}

export async function deleteAllSaved(): Promise<number> {
  const all = await browser.storage.local.get(null);
  const keys = Object.keys(all).filter((k) => k.startsWith(SAVED_PREFIX));
  if (keys.length) await browser.storage.local.remove(keys);
  return keys.length;
}
