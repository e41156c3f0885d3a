/**
 * Firefox smoke test: the shipped Firefox build (.output/firefox-mv2, `npm run build:firefox`) in Debian's
 * firefox-esr, driven over raw WebDriver BiDi (Playwright cannot drive Debian's Firefox).
 *
 * What it proves, on the real code path: the build installs (webExtension.install, as a temporary add-on), its
 * background script starts and answers messages, the real keyboard shortcut (Alt+Shift+L, typed into the browser
 * window) grants activeTab and makes the content script highlight the English fixture article, a second press
 * restores the page exactly, the automation message `mirage:set-highlights` and the popup's switch (real click) do
 * the same, code in the article's content-script world (tabs.executeScript) is refused when it asks about a tab
 * (only extension pages may), a tab the user never granted is refused (the shipped build asks for no host
 * permission), "Always analyse on <site>" ticked in the popup analyses the fixture site (it has a port, which
 * Firefox's match patterns cannot name) when a page loads and unticking withdraws it, and Firefox contacted nothing
 * but 127.0.0.1.
 * How: Firefox starts with `--remote-allow-system-access`, which BiDi needs to (1) evaluate in the browser window
 * (chrome scope), where the shortcut is typed with nsITextInputProcessor — the way Firefox's own tests type keys —
 * because input.performActions refuses chrome contexts and keys typed into the page never reach the browser's
 * shortcut handling; and (2) open moz-extension:// pages (options, popup) in tabs, which BiDi otherwise refuses.
 * The extension's UUID is fixed with the `extensions.webextensions.uuids` pref so those URLs are known.
 * Network: see lib-firefox/firefox.ts (prefs switch background services off; a local recording proxy refuses and
 * records anything else).
 * Skips, with the reason, when /usr/bin/firefox-esr (or $FIREFOX_PATH) is absent. Firefox is always killed
 * (afterAll, and on process exit).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, serveFixtures } from './harness';
import { BiDi, evaluate } from './lib-firefox/bidi';
import { FIREFOX, launchFirefox, type FirefoxProcess } from './lib-firefox/firefox';
import { typeShortcutInChrome } from './lib-firefox/keys';
import { poll } from './lib-firefox/poll';

const EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
const ADDON_ID = 'mirage-lens@example.org';
const UUID = '5b0e6a8c-3f4d-4c1a-9e2b-7d6f1a2c3e4f';
const EXT = `moz-extension://${UUID}`;

const missing = existsSync(FIREFOX) ? undefined : `${FIREFOX} is absent (apt-get install -y firefox-esr, or set FIREFOX_PATH)`;
if (missing) console.warn(`[firefox.e2e] skipped: ${missing}`);

type Result = { ok: true; sentences: number; flagged: number; ms: number } | { ok: false; code?: string; error: string };
type Trace = { body: string; html: string; sheets: number; styles: number };
type Marks = { sizes: number[]; root: boolean };

const TRACE = `({ body: document.body.innerHTML, html: document.documentElement.outerHTML,
  sheets: document.adoptedStyleSheets.length, styles: document.querySelectorAll('style').length })`;
const MARKS = `({ sizes: ['mirage-1', 'mirage-2', 'mirage-3', 'mirage-focus'].map((n) => CSS.highlights.get(n)?.size ?? 0),
  root: !!document.querySelector('mirage-lens-root') })`;
const flaggedOf = (m: Marks) => m.sizes[0]! + m.sizes[1]! + m.sizes[2]!;

describe.skipIf(!!missing)('Firefox ESR (WebDriver BiDi): the shipped Firefox build', () => {
  let ff: FirefoxProcess | undefined;
  let bidi: BiDi;
  let fixtures: Awaited<ReturnType<typeof serveFixtures>>;
  const fixtureHits: string[] = [];
  let chromeWindow: string;
  let page: string; // BiDi context of the article tab
  let articleUrl: string;
  let before: Trace;
  let articleTabId: number; // WebExtension tab id of the article
  const logs: { level: string; text: string; source?: string }[] = [];
  let shortcut = 'Alt+Shift+L';
  const onExit = () => {
    if (ff) {
      try {
        process.kill(-ff.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  };

  const ev = <T>(context: string, expression: string) => evaluate<T>(bidi, context, expression);
  const newTab = async (url: string) => {
    const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
    return context;
  };
  const pressShortcut = async () => {
    await bidi.send('browsingContext.activate', { context: page });
    await ev(chromeWindow, typeShortcutInChrome(shortcut));
  };
  /** runtime.sendMessage from an extension page (the options page), as the automation contract says. */
  let controller: string | undefined;
  const send = async <T>(message: unknown): Promise<T> => {
    controller ??= await newTab(`${EXT}/options.html`);
    return ev<T>(controller, `browser.runtime.sendMessage(${JSON.stringify(message)})`);
  };

  beforeAll(async () => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'inherit', timeout: 120_000 });
    }
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { commands?: Record<string, { suggested_key?: { default?: string } }> };
    shortcut = manifest.commands?.['toggle-analysis']?.suggested_key?.default ?? shortcut;
    fixtures = await serveFixtures();
    fixtures.server.on('request', (req) => fixtureHits.push(req.url ?? ''));
    articleUrl = `${fixtures.baseUrl}/article-en.html`;
    process.once('exit', onExit);
    ff = await launchFirefox({
      args: ['--remote-allow-system-access'],
      // the optional host permission's prompt is answered "allow" (the user's click is real; the doorhanger is not)
      prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }), 'extensions.webextOptionalPermissionPrompts': false },
    });
    bidi = await BiDi.connect(ff.wsUrl);
    await bidi.send('session.new', { capabilities: {} });
    await bidi.send('session.subscribe', { events: ['log.entryAdded'] });
    bidi.on('log.entryAdded', (p) => {
      const e = p as { level: string; text: string; source?: { context?: string }; type?: string };
      logs.push({ level: e.level, text: e.text, source: e.source?.context });
    });
  }, 90_000);

  afterAll(async () => {
    bidi?.close();
    await ff?.kill();
    process.removeListener('exit', onExit);
    if (fixtures) await new Promise<void>((ok) => fixtures.server.close(() => ok()));
    const errors = logs.filter((l) => l.level === 'error');
    if (errors.length) console.log('[firefox.e2e] console errors:', errors);
  }, 30_000);

  it('installs without error and its background script starts', async () => {
    const t0 = Date.now();
    const installed = await bidi.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: EXTENSION_DIR },
    });
    expect(installed.extension).toBe(ADDON_ID);
    const tree = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
    page = tree.contexts[0]!.context;
    await bidi.send('browsingContext.navigate', { context: page, url: articleUrl, wait: 'complete' });
    before = await ev<Trace>(page, TRACE);
    expect(before.body).toContain('Remote Work and the Modern Team');

    const chrome = await bidi.send<{ contexts: { context: string; url: string; children: { url: string }[] }[] }>(
      'browsingContext.getTree', { 'moz:scope': 'chrome' });
    const win = chrome.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    expect(win, 'the browser window').toBeTruthy();
    chromeWindow = win!.context;

    // nothing runs in the page before the user asks (no content script declared, no host permission)
    expect(await ev<Marks>(page, MARKS)).toEqual({ sizes: [0, 0, 0, 0], root: false });

    // the background answers: the options page is served and the message hub replies for the article's tab
    controller = await newTab(`${EXT}/options.html`);
    expect(await ev<string>(controller, 'typeof browser.runtime.sendMessage')).toBe('function');
    const ids = await ev<{ id: number; url: string | null }[]>(controller,
      `browser.tabs.query({}).then(async (ts) => { const me = (await browser.tabs.getCurrent()).id;
        return ts.filter((t) => t.id !== me).map((t) => ({ id: t.id, url: t.url ?? null })); })`);
    expect(ids.length).toBe(1); // only the article besides the options tab; its URL is hidden (no permission yet)
    articleTabId = ids[0]!.id;
    const state = await send<{ phase: string; tabId: number }>({ type: 'mirage:get-state', tabId: articleTabId });
    expect(state).toMatchObject({ phase: 'off', tabId: articleTabId });
    // Firefox opens the extension's sidebar (sidebar_action) at install: it shows the side panel page
    const sidebar = await poll('the sidebar', () => ev<string | null>(chromeWindow,
      `document.getElementById('sidebar')?.contentDocument?.getElementById('webext-panels-browser')?.currentURI?.spec ?? null`),
    (u) => u === `${EXT}/sidepanel.html`, 10_000);
    console.log(`[firefox.e2e] installed ${installed.extension}, page and options ready in ${Date.now() - t0} ms; sidebar shows ${sidebar}`);
  });

  it('the keyboard shortcut highlights the English article, and a second press restores it exactly', async () => {
    await pressShortcut();
    const on = await poll('highlights after the shortcut', () => ev<Marks>(page, MARKS), (m) => flaggedOf(m) > 0);
    expect(on.root).toBe(true);
    // the Custom Highlight API leaves the page's markup untouched while highlighting
    expect((await ev<Trace>(page, TRACE)).body).toBe(before.body);
    const view = await send<{ phase: string; summary?: unknown }>({ type: 'mirage:get-state', tabId: articleTabId });
    expect(view.phase).toBe('on');
    console.log(`[firefox.e2e] shortcut: ${flaggedOf(on)} sentences highlighted (levels ${on.sizes.slice(0, 3).join('/')})`);

    await pressShortcut();
    const off = await poll('switch-off after the second press', () => ev<Marks>(page, MARKS), (m) => flaggedOf(m) === 0 && !m.root);
    expect(off.sizes).toEqual([0, 0, 0, 0]);
    expect(await ev<Trace>(page, TRACE)).toEqual(before);
  });

  it('the automation message and the popup switch (real click) take the same path', async () => {
    // activeTab, granted by the shortcut, lasts until the tab navigates
    const on = await send<Result>({ type: 'mirage:set-highlights', tabId: articleTabId, enabled: true });
    expect(on.ok, JSON.stringify(on)).toBe(true);
    if (!on.ok) return;
    expect(on.sentences).toBeGreaterThan(20);
    expect(on.flagged).toBeGreaterThan(0);
    expect(flaggedOf(await ev<Marks>(page, MARKS))).toBe(on.flagged);
    console.log(`[firefox.e2e] message: ${on.sentences} sentences, ${on.flagged} flagged, ${on.ms} ms`);

    // the popup, opened as a tab about the article, shows it on; a real click on its switch turns it off
    const popup = await newTab(`${EXT}/popup.html?tab=${articleTabId}`);
    await poll('the popup', () => ev<boolean>(popup, `!!document.querySelector('#toggle') && /\\S/.test(document.querySelector('#summary')?.textContent ?? '')`), Boolean);
    expect(await ev<boolean>(popup, `document.querySelector('#toggle').checked`)).toBe(true);
    expect(await ev<string>(popup, `document.querySelector('#summary').textContent`)).toMatch(/predictable/i);
    const box = await ev<{ x: number; y: number }>(popup,
      `(() => { const r = document.querySelector('#toggle').getBoundingClientRect(); return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) }; })()`);
    await bidi.send('input.performActions', {
      context: popup,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', x: box.x, y: box.y }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
      ] }],
    });
    await poll('switch-off from the popup', () => ev<Marks>(page, MARKS), (m) => flaggedOf(m) === 0 && !m.root);
    expect(await ev<Trace>(page, TRACE)).toEqual(before);
    await poll('the popup switch off', () => ev<boolean>(popup, `document.querySelector('#toggle').checked`), (c) => c === false);
    await bidi.send('browsingContext.close', { context: popup });
  });

  it('trusts extension pages only: a content script asking about its tab is refused; a page ending the page layer is seen "off"', async () => {
    // activeTab, granted by the shortcut, still holds: switch on, then run code in the article's content-script world
    const on = await send<Result>({ type: 'mirage:set-highlights', tabId: articleTabId, enabled: true });
    expect(on.ok, JSON.stringify(on)).toBe(true);
    const marks = flaggedOf(await ev<Marks>(page, MARKS));
    const code = `Promise.all([
      { type: 'mirage:get-state', tabId: ${articleTabId} },
      { type: 'mirage:set-highlights', tabId: ${articleTabId}, enabled: false },
      { type: 'mirage:focus', tabId: ${articleTabId}, analysis: 0, sentence: 0 },
      { type: 'mirage:content-changed', removed: [0, 1], added: [{ id: 99999, text: 'x'.repeat(4900000), lang: 'en' }], full: true },
    ].map((m) => browser.runtime.sendMessage(m).catch((e) => ({ thrown: String(e) })))).then((r) => JSON.stringify(r))`;
    const [answers] = await ev<string[]>(controller!, `browser.tabs.executeScript(${articleTabId}, { code: ${JSON.stringify(code)} })`);
    const parsed = JSON.parse(answers!) as Record<string, unknown>[];
    expect(parsed).toHaveLength(4);
    for (const r of parsed) expect(r).toMatchObject({ ok: false, code: 'bad-request' });
    expect(answers).not.toMatch(/passage|sentences/);
    expect((await send<{ phase: string }>({ type: 'mirage:get-state', tabId: articleTabId })).phase).toBe('on');
    expect(flaggedOf(await ev<Marks>(page, MARKS))).toBe(marks);
    // (The real sidebar's own requests cannot be read from here: its document lives in another process, whose
    // contentDocument the browser window sees as null. That an extension page with no tab in its sender, as the
    // sidebar is, is answered is tested in tests/unit/shared/senders.test.ts.)

    // WXT's public "content script started" event, from the page (Firefox 153 lets it through to the content script,
    // which ends its page layer): the highlights go, and the background says "off" at once
    await ev(page, `document.dispatchEvent(new CustomEvent('${ADDON_ID}:content:wxt:content-script-started', { detail: { contentScriptName: 'content', messageId: 'page' } })), true`);
    await poll('highlights gone', () => ev<Marks>(page, MARKS), (m) => flaggedOf(m) === 0 && !m.root);
    await poll('the view off', () => send<{ phase: string }>({ type: 'mirage:get-state', tabId: articleTabId }), (v) => v.phase === 'off', 5_000);
    await send({ type: 'mirage:set-highlights', tabId: articleTabId, enabled: false });
    await poll('switch-off', () => ev<Marks>(page, MARKS), (m) => flaggedOf(m) === 0 && !m.root);
  });

  it('refuses, with a clear message, a tab the user never granted (no host permission in the shipped build)', async () => {
    const fr = await newTab(`${fixtures.baseUrl}/article-fr.html`);
    const ids = await ev<number[]>(controller!, `browser.tabs.query({}).then((ts) => ts.map((t) => t.id))`);
    const frTabId = Math.max(...ids); // the newest tab
    expect(frTabId).not.toBe(articleTabId);
    const r = await send<Result>({ type: 'mirage:set-highlights', tabId: frTabId, enabled: true });
    expect(r).toMatchObject({ ok: false, code: 'no-access' });
    if (!r.ok) expect(r.error).toMatch(/may not read this page/);
    expect(await ev<Marks>(fr, MARKS)).toEqual({ sizes: [0, 0, 0, 0], root: false });
    await bidi.send('browsingContext.close', { context: fr });
  });

  it('"Always analyse on <site>" (popup, real click) works on a site with a port: the site is analysed on load; unticking withdraws it', async () => {
    // Firefox's match patterns cannot name a port ('http://127.0.0.1:8080/*' is accepted, granted, and matches
    // nothing): the fixture server's random port is such a site. The permission prompt is answered by a pref.
    await send({ type: 'mirage:set-highlights', tabId: articleTabId, enabled: false });
    const popup = await newTab(`${EXT}/popup.html?tab=${articleTabId}`);
    await poll('the popup', () => ev<boolean>(popup, `!!document.querySelector('#always')`), Boolean);
    expect(await ev<boolean>(popup, `document.querySelector('#always').checked`)).toBe(false);
    const click = async () => {
      const box = await ev<{ x: number; y: number }>(popup,
        `(() => { const r = document.querySelector('#always').getBoundingClientRect(); return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) }; })()`);
      await bidi.send('input.performActions', {
        context: popup,
        actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
          { type: 'pointerMove', x: box.x, y: box.y }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
        ] }],
      });
    };
    await click();
    const origin = new URL(fixtures.baseUrl).origin;
    await poll('the site saved', () => ev<{ settings?: { alwaysOrigins?: string[] } }>(controller!, `browser.storage.sync.get('settings')`),
      (s) => !!s.settings?.alwaysOrigins?.includes(origin), 5_000);
    // the permission granted covers the site: the background can see the tab's address
    expect(await ev<boolean>(controller!, `browser.tabs.get(${articleTabId}).then((t) => t.url === ${JSON.stringify(articleUrl)})`)).toBe(true);
    // a page of that site that loads is analysed without being asked
    await bidi.send('browsingContext.navigate', { context: page, url: articleUrl, wait: 'complete' });
    const on = await poll('highlights on load', () => ev<Marks>(page, MARKS), (m) => flaggedOf(m) > 0 && m.root);
    expect(on.root).toBe(true);
    // unticking withdraws the permission and the site: the next load stays untouched
    await click();
    await poll('the site removed', () => ev<{ settings?: { alwaysOrigins?: string[] } }>(controller!, `browser.storage.sync.get('settings')`),
      (s) => !s.settings?.alwaysOrigins?.includes(origin), 5_000);
    await poll('the permission withdrawn', () => ev<{ origins: string[] }>(controller!, `browser.permissions.getAll()`), (p) => p.origins.length === 0, 5_000);
    await bidi.send('browsingContext.close', { context: popup });
    await bidi.send('browsingContext.navigate', { context: page, url: articleUrl, wait: 'complete' });
    await new Promise((ok) => setTimeout(ok, 1_500));
    expect(await ev<Marks>(page, MARKS)).toEqual({ sizes: [0, 0, 0, 0], root: false });
  });

  it('contacted nothing but the local fixture server', () => {
    expect(fixtureHits.some((u) => u.startsWith('/article-en.html'))).toBe(true);
    expect(ff!.proxy.seen).toEqual([]);
    // uncaught errors from the page or the extension's pages would show here
    expect(logs.filter((l) => l.level === 'error' && /moz-extension|mirage/i.test(l.text))).toEqual([]);
  });
});

if (missing) {
  describe(`Firefox ESR smoke test skipped: ${missing}`, () => {
    it.skip('needs Debian firefox-esr', () => undefined);
  });
}
