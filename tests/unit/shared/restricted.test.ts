import { describe, expect, it } from 'vitest';
import { restrictedReason } from '@/src/shared/restricted';

describe('restrictedReason: pages no extension may read', () => {
  it.each([
    ['chrome://version', 'browser'],
    ['chrome-extension://abc/popup.html', 'browser'],
    ['about:blank', 'browser'],
    ['view-source:https://example.org/', 'browser'],
    ['edge://settings', 'browser'],
    ['https://chromewebstore.google.com/detail/x', 'store'],
    ['https://chrome.google.com/webstore/category/extensions', 'store'],
    ['https://addons.mozilla.org/fr/firefox/', 'store'],
    ['https://example.org/report.PDF', 'pdf'],
    ['https://example.org/article', undefined],
    ['https://chrome.google.com/search', undefined],
    ['http://127.0.0.1:8080/hard/huge.html', undefined],
    ['file:///tmp/page.html', undefined],
    [undefined, undefined],
    ['not a url', undefined],
  ])('%s -> %s', (url, expected) => expect(restrictedReason(url)).toBe(expected));
});
