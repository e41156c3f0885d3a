/**
 * restricted — pages no extension may read, recognised from their URL before trying.
 *
 * What: `restrictedReason(url)` answers 'browser' (chrome://, about:, extension pages, view-source:...), 'store'
 * (the Chrome Web Store, Edge Add-ons, addons.mozilla.org: browsers forbid scripts there), 'pdf' (a PDF shown in
 * the browser's own viewer), or undefined when the page may be readable (the injection can still fail, e.g. for
 * file:// without "Allow access to file URLs"). `RESTRICTED_MESSAGE` gives the message key for each reason
 * (public/_locales, prefix popup_). The popup shows the message and disables its switch; the background answers
 * the automation message with the same words.
 * Pure: tested in tests/unit/extension/restricted.test.ts.
 */
import type { RestrictedReason } from '../messaging';

export type { RestrictedReason } from '../messaging';

const STORE_HOSTS: readonly [host: string, path: string][] = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['microsoftedge.microsoft.com', '/addons'],
  ['addons.mozilla.org', '/'],
];

export const RESTRICTED_MESSAGE: Record<RestrictedReason, string> = {
  browser: 'popup_restrictedBrowser',
  store: 'popup_restrictedStore',
  pdf: 'popup_restrictedPdf',
};

export function restrictedReason(url: string | undefined): RestrictedReason | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') return 'browser';
  if (STORE_HOSTS.some(([host, path]) => u.hostname === host && u.pathname.startsWith(path))) return 'store';
  if (/\.pdf$/i.test(u.pathname)) return 'pdf';
  return undefined;
}
