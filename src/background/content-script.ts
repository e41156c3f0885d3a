/**
 * content-script — the background's way to a page: inject the content script when needed (activeTab or the site's
 * optional host permission) and talk to it. The script's main() answers `scripting.executeScript` with
 * CONTENT_READY once it listens, so a first switch-on costs one round trip, not two (a ping stays the fallback).
 * A small first injection: the content script holds what every page needs (blocks, offsets, painting, legend);
 * Mozilla's Readability is a script of its own (READABILITY_SCRIPT), injected only into a page that answers
 * CONTENT_READY_MAIN (small enough for it, src/page/main-text.ts), so that no script evaluation is a long task and a
 * large page never evaluates it. It is injected alongside the request to read (`extract(…, main)`), which waits for
 * it in the page, so it costs no round trip of its own. Neither is declared for any site or web-accessible.
 */
import { browser } from 'wxt/browser';
import { CONTENT_READY, CONTENT_READY_MAIN, parseExtractResult, parsePaintResult, type ExtractResult, type PaintMessage, type PaintResult, type PingResult, type Scope } from '../messaging';

export const CONTENT_SCRIPT = '/content-scripts/content.js';
export const READABILITY_SCRIPT = '/readability.js';
/** The page layer lives in a tab's top frame only (executeScript targets it): messages go there and nowhere else. */
const TOP = { frameId: 0 };

async function pingPage(tabId: number): Promise<Partial<PingResult> | undefined> {
  try {
    const r = await browser.tabs.sendMessage<unknown, Partial<PingResult> | undefined>(tabId, { type: 'mirage:ping' }, TOP);
    return r?.ok === true ? r : undefined;
  } catch {
    return undefined;
  }
}

export async function ping(tabId: number): Promise<boolean> {
  return (await pingPage(tabId)) !== undefined;
}

/** Readability for a page that wants it (READABILITY_SCRIPT); a failure only means the whole body is read. */
export async function injectReadability(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [READABILITY_SCRIPT] });
  } catch {
    // the page is read without it
  }
}

/** Tabs whose top document started loading while this worker ran, and that nothing was injected into since: no page
 * layer can be there, so a switch-on injects at once instead of first asking a page layer that cannot answer (a
 * round trip of 1-10 ms on a fresh tab, bench:page). A worker that did not see the load (it started later) asks. If
 * a page layer were there after all (a same-document navigation also reports 'loading'), the new one takes over and
 * the old one ends (WXT's context), as it would after any second injection: the answer is the same. */
const newDocuments = new Set<number>();

/** tabs.onUpdated reported that the tab's document is loading (sites.ts). */
export function documentLoading(tabId: number): void {
  newDocuments.add(tabId);
}

/** The tab is gone. */
export function forgetDocument(tabId: number): void {
  newDocuments.delete(tabId);
}

/** The page layer is there: 'main' when the page also wants Readability, which is not injected yet. */
export type PageLayer = 'ready' | 'main';

/** Make sure the tab's top frame has the page layer (inject it when needed; without asking first in a tab whose
 * document this worker saw start loading); false when that is not possible. */
export async function ensureContentScript(tabId: number): Promise<PageLayer | false> {
  const layer = (r: Partial<PingResult> | undefined): PageLayer | false => (r ? (r.main ? 'main' : 'ready') : false);
  const fresh = newDocuments.delete(tabId); // a later load of the tab adds it again
  const there = fresh ? undefined : await pingPage(tabId);
  if (there) return layer(there);
  try {
    const [r] = await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    // the script's main() answers once it listens: no second round trip to ask it
    if (r?.result === CONTENT_READY) return 'ready';
    if (r?.result === CONTENT_READY_MAIN) return 'main';
  } catch {
    return false;
  }
  return layer(await pingPage(tabId));
}

/** Ask the page for its blocks; undefined when it did not answer properly. `main`: Readability is being injected
 * alongside (injectReadability, not awaited first): the page layer waits for it before reading. */
export async function extract(tabId: number, scope: Scope, main = false): Promise<ExtractResult | undefined> {
  const m = { type: 'mirage:extract', scope, ...(main ? { main: true } : {}) };
  return parseExtractResult(await browser.tabs.sendMessage(tabId, m, TOP).catch(() => undefined));
}

export async function paint(tabId: number, message: PaintMessage): Promise<PaintResult | undefined> {
  return parsePaintResult(await browser.tabs.sendMessage(tabId, message, TOP).catch(() => undefined));
}

/** End the page's session (its highlights, observers and legend go). */
export async function stopPage(tabId: number): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: 'mirage:stop' }, TOP).catch(() => undefined);
}
