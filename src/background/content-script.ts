/**
 * content-script — the background's way to a page: inject the content script when needed (activeTab or the site's
 * optional host permission) and talk to it. The script's main() answers `scripting.executeScript` with
 * CONTENT_READY once it listens, so a first switch-on costs one round trip, not two (a ping stays the fallback).
 * A small first injection: the content script holds what every page needs (blocks, offsets, painting, legend);
 * Mozilla's Readability is a script of its own (READABILITY_SCRIPT), injected next only when the page answers
 * CONTENT_READY_MAIN (small enough for it, src/page/main-text.ts), so that no script evaluation is a long task and a
 * large page never evaluates it. Neither is declared for any site or web-accessible.
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

/** Readability for a page that wants it; a failure only means the whole body is read. */
async function injectReadability(tabId: number): Promise<true> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [READABILITY_SCRIPT] });
  } catch {
    // the page is read without it
  }
  return true;
}

export async function ensureContentScript(tabId: number): Promise<boolean> {
  const there = await pingPage(tabId);
  if (there) return there.main ? injectReadability(tabId) : true;
  try {
    const [r] = await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    // the script's main() answers once it listens: no second round trip to ask it
    if (r?.result === CONTENT_READY) return true;
    if (r?.result === CONTENT_READY_MAIN) return injectReadability(tabId);
  } catch {
    return false;
  }
  const later = await pingPage(tabId);
  return later ? (later.main ? injectReadability(tabId) : true) : false;
}

/** Ask the page for its blocks; undefined when it did not answer properly. */
export async function extract(tabId: number, scope: Scope): Promise<ExtractResult | undefined> {
  return parseExtractResult(await browser.tabs.sendMessage(tabId, { type: 'mirage:extract', scope }, TOP).catch(() => undefined));
}

export async function paint(tabId: number, message: PaintMessage): Promise<PaintResult | undefined> {
  return parsePaintResult(await browser.tabs.sendMessage(tabId, message, TOP).catch(() => undefined));
}

/** End the page's session (its highlights, observers and legend go). */
export async function stopPage(tabId: number): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: 'mirage:stop' }, TOP).catch(() => undefined);
}
