/**
 * content-script — the background's way to a page: inject the content script when needed (activeTab or the site's
 * optional host permission) and talk to it. The script's main() answers `scripting.executeScript` with
 * CONTENT_READY once it listens, so a first switch-on costs one round trip, not two (a ping stays the fallback).
 */
import { browser } from 'wxt/browser';
import { CONTENT_READY, parseExtractResult, parsePaintResult, type ExtractResult, type PaintMessage, type PaintResult, type Scope } from '../messaging';

export const CONTENT_SCRIPT = '/content-scripts/content.js';
/** The page layer lives in a tab's top frame only (executeScript targets it): messages go there and nowhere else. */
const TOP = { frameId: 0 };

export async function ping(tabId: number): Promise<boolean> {
  try {
    const r = await browser.tabs.sendMessage<unknown, { ok?: boolean } | undefined>(tabId, { type: 'mirage:ping' }, TOP);
    return r?.ok === true;
  } catch {
    return false;
  }
}

export async function ensureContentScript(tabId: number): Promise<boolean> {
  if (await ping(tabId)) return true;
  try {
    const [r] = await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    // the script's main() answers CONTENT_READY once it listens: no second round trip to ask it
    if (r?.result === CONTENT_READY) return true;
  } catch {
    return false;
  }
  return ping(tabId);
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
