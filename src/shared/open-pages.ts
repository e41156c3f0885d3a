/**
 * open-pages — open the analysis page or the workshop lab from the popup, the side panel or the background
 * (context menu), optionally handing the analysis page a text to check.
 *
 * The text never travels in a URL (URLs end up in history, sync and logs): it is put in `storage.session` under
 * PENDING_KEY (memory only, never written to disk, not readable by content scripts), the page is opened, and the
 * page takes it (read and delete) once on start. A pending text older than PENDING_TTL_MS is ignored.
 * Fallback when `storage.session` does not exist (older Firefox): storage.local, removed as soon as it is taken.
 *
 * `openAnalysisPageForPdf(tabId)` passes only a tab id (`?pdf-tab=ID`): the analysis page reads that tab's PDF from
 * the browser's cache itself (src/pages/analysis/pdf-tab.ts), so no document travels through storage or messages.
 * API: `openAnalysisPage({ text?, title?, source? })`, `openAnalysisPageForPdf(tabId)`, `openLabPage()`,
 * `takePendingAnalysis()` (analysis page only).
 */
import { browser } from 'wxt/browser';

export const PENDING_KEY = 'analysis:pending';
export const PENDING_TTL_MS = 5 * 60_000;
export const ANALYSIS_PATH = '/analysis.html';
export const LAB_PATH = '/lab.html';

export interface PendingAnalysis {
  text: string;
  /** Where it came from, shown on the page ("selection on example.org"). */
  title?: string;
  source?: 'selection' | 'page' | 'side-panel';
  createdAt: number;
}

type Area = { get(k: string): Promise<Record<string, unknown>>; set(o: Record<string, unknown>): Promise<void>; remove(k: string): Promise<void> };

function area(): Area {
  const session = (browser.storage as unknown as { session?: Area }).session;
  return session ?? (browser.storage.local);
}

export async function openAnalysisPage(opts: { text?: string; title?: string; source?: PendingAnalysis['source'] } = {}): Promise<void> {
  if (opts.text && opts.text.trim()) {
    const pending: PendingAnalysis = { text: opts.text, title: opts.title, source: opts.source, createdAt: Date.now() };
    await area().set({ [PENDING_KEY]: pending });
  }
  await browser.tabs.create({ url: browser.runtime.getURL(ANALYSIS_PATH) });
}

export async function openAnalysisPageForPdf(tabId: number): Promise<void> {
  await browser.tabs.create({ url: `${browser.runtime.getURL(ANALYSIS_PATH)}?pdf-tab=${tabId}` });
}

export async function openLabPage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(LAB_PATH) });
}

export async function takePendingAnalysis(now = Date.now()): Promise<PendingAnalysis | undefined> {
  const a = area();
  const got = (await a.get(PENDING_KEY))[PENDING_KEY] as PendingAnalysis | undefined;
  if (got === undefined) return undefined;
  await a.remove(PENDING_KEY);
  if (!got || typeof got.text !== 'string' || typeof got.createdAt !== 'number' || now - got.createdAt > PENDING_TTL_MS) return undefined;
  return got;
}
