/**
 * senders — who sent a runtime message: one of the extension's own pages, a tab's content script, or someone the
 * extension does not take orders from.
 *
 * What: `senderOf(sender, base)` reads a `runtime.MessageSender` (or a Port's `sender`) with `base` =
 * `runtime.getURL('/')` (the extension's origin and a slash) and answers
 * - `{ kind: 'extension' }`: a document of the extension itself — the popup and the side panel (Chromium 156 reports
 *   `url` and `origin` on the extension's origin and no `tab`; Firefox reports the moz-extension `url` and no `tab`
 *   for its popup and sidebar), or an extension page opened as a tab (the analysis page, options, the tests'
 *   controller: `tab` present, its top frame, `tab.url` on the extension's origin when the browser says it);
 * - `{ kind: 'page', tabId }`: the content script of a tab's top frame (`url` is the page's, `tab.id` its tab,
 *   `frameId` 0) — the only place Mirage Lens injects its page layer;
 * - `{ kind: 'other', why }`: anything else (another extension, a subframe, an extension document framed inside a
 *   web page, a sender without a tab or URL).
 * The URL a sender reports is set by the browser, never by the script that sends: a content script cannot claim the
 * extension's origin, and `tab.id` is the tab it runs in. Checked with forged senders in
 * tests/unit/shared/senders.test.ts and, in Chromium, from a real content script in tests/e2e/trust.e2e.ts.
 * Pure: no browser API (the caller passes `base` and `id`).
 */

/** The fields of `runtime.MessageSender` this module reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export type Sender = { kind: 'extension' } | { kind: 'page'; tabId: number } | { kind: 'other'; why: string };

function onBase(url: string | undefined, base: string): boolean {
  return typeof url === 'string' && url.startsWith(base);
}

/** The extension's origin without its trailing slash ('chrome-extension://abc'), as `sender.origin` spells it. */
function originOfBase(base: string): string {
  return base.endsWith('/') ? base.slice(0, -1) : base;
}

/** See the module comment. `id`: the extension's id (`runtime.id`); a sender with another id is 'other'. */
export function senderOf(sender: SenderInfo | undefined, base: string, id?: string): Sender {
  if (!sender || typeof sender !== 'object') return { kind: 'other', why: 'no sender' };
  if (id !== undefined && sender.id !== undefined && sender.id !== id) return { kind: 'other', why: 'another extension' };
  const fromExtension = onBase(sender.url, base);
  if (sender.origin !== undefined && sender.origin !== originOfBase(base) && fromExtension) {
    return { kind: 'other', why: 'origin and url disagree' };
  }
  if (fromExtension) {
    if (!sender.tab) return { kind: 'extension' };
    if (sender.frameId !== undefined && sender.frameId !== 0) return { kind: 'other', why: 'an extension frame inside a tab' };
    if (sender.tab.url !== undefined && !onBase(sender.tab.url, base)) return { kind: 'other', why: 'an extension frame inside a web page' };
    return { kind: 'extension' };
  }
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return { kind: 'other', why: 'not a tab' };
  if (sender.frameId !== 0) return { kind: 'other', why: 'not the top frame of its tab' };
  if (typeof sender.url !== 'string') return { kind: 'other', why: 'no url' };
  return { kind: 'page', tabId };
}
