import { describe, expect, it } from 'vitest';
import { senderOf, type SenderInfo } from '@/src/shared/senders';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const ORIGIN = `chrome-extension://${ID}`;
const FF = 'moz-extension://5b0e6a8c-3f4d-4c1a-9e2b-7d6f1a2c3e4f/';
const tab = (id: number, url?: string) => ({ id, ...(url ? { url } : {}) });

// What browsers report, as observed (Chromium 156, tests/e2e/trust.e2e.ts) and documented (Firefox MessageSender).
describe('senderOf: the extension\'s own pages', () => {
  it.each<[string, SenderInfo, string]>([
    ['Chromium popup (no tab)', { id: ID, url: `${BASE}popup.html`, origin: ORIGIN }, BASE],
    ['Chromium side panel (no tab)', { id: ID, url: `${BASE}sidepanel.html`, origin: ORIGIN }, BASE],
    ['Chromium options page in a tab', { id: ID, url: `${BASE}options.html`, origin: ORIGIN, frameId: 0, tab: tab(5, `${BASE}options.html`) }, BASE],
    ['an extension page in a tab whose URL the browser hides', { id: ID, url: `${BASE}analysis.html`, frameId: 0, tab: tab(5) }, BASE],
    ['Firefox popup (no tab, no origin)', { id: ID, url: `${FF}popup.html` }, FF],
    ['Firefox sidebar', { id: ID, url: `${FF}sidepanel.html` }, FF],
    ['Firefox options page in a tab', { id: ID, url: `${FF}options.html`, frameId: 0, tab: tab(3, `${FF}options.html`) }, FF],
  ])('%s is the extension', (_name, sender, base) => expect(senderOf(sender, base, ID)).toEqual({ kind: 'extension' }));
});

describe('senderOf: content scripts', () => {
  it.each<[string, SenderInfo, number]>([
    ['top frame of tab 7', { id: ID, url: 'https://example.org/a', origin: 'https://example.org', frameId: 0, tab: tab(7, 'https://example.org/a') }, 7],
    ['top frame, the tab URL hidden (activeTab only)', { id: ID, url: 'https://example.org/a', frameId: 0, tab: tab(0) }, 0],
  ])('%s is that tab\'s page layer', (_name, sender, tabId) => expect(senderOf(sender, BASE, ID)).toEqual({ kind: 'page', tabId }));
});

describe('senderOf: everyone else', () => {
  it.each<[string, SenderInfo | undefined]>([
    ['no sender', undefined],
    ['an empty sender', {}],
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }],
    ['a subframe of a page', { id: ID, url: 'https://ads.example/f', frameId: 3, tab: tab(7) }],
    ['a page without a frame id', { id: ID, url: 'https://example.org/', tab: tab(7) }],
    ['a page sender without a tab', { id: ID, url: 'https://example.org/', frameId: 0 }],
    ['a forged negative tab', { id: ID, url: 'https://example.org/', frameId: 0, tab: tab(-1) }],
    ['an extension frame inside a web page', { id: ID, url: `${BASE}popup.html`, origin: ORIGIN, frameId: 0, tab: tab(7, 'https://example.org/') }],
    ['an extension subframe in a tab', { id: ID, url: `${BASE}popup.html`, origin: ORIGIN, frameId: 2, tab: tab(7, `${BASE}options.html`) }],
    ['a look-alike origin', { id: ID, url: `chrome-extension://${ID}x/popup.html` }],
    ['a URL on the extension with another origin', { id: ID, url: `${BASE}popup.html`, origin: 'https://example.org' }],
  ])('%s is refused', (_name, sender) => expect(senderOf(sender, BASE, ID).kind).toBe('other'));
});
