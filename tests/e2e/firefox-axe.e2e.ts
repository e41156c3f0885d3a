/**
 * Firefox, the angles the smoke test (firefox.e2e.ts) leaves: axe-core on every extension page, the settings page's
 * "Withdraw access" clicked for real, and the sidebar page's "Show more" on a page with more than 300 passages.
 *
 * What, on the shipped Firefox build (.output/firefox-mv2) in Debian's firefox-esr over WebDriver BiDi:
 * - the fixture site is granted the way a reader grants it (real click on "Always analyse" in the popup; the prompt
 *   answered by a pref), so its pages are analysed on load;
 * - axe-core (lib-firefox/axe.ts, the Chromium test's rules) finds no violation on the popup and the sidebar page
 *   about the analysed article, the settings page listing the site, the analysis page with a pasted text (sentences,
 *   words and signals views) and the lab with its sample set and a text opened; also the sidebar page with 300
 *   passages listed and the settings with no site left;
 * - the sidebar page about tests/e2e/fixtures/hard/huge.html (over 300 highlighted passages) lists 100, then 200
 *   ("Show more", focus on the first added), then 300 and hides the button, and its count says how many in all;
 * - the settings page lists a site ticked in the popup while it is open; "Withdraw access" there (real click) removes
 *   the host permission and, Firefox's grant naming no port, every site of that host (two fixture servers on
 *   127.0.0.1), none written back; the list says none (the focus moved to that note, not lost), and the next load
 *   of the site stays untouched;
 * - and Firefox contacted nothing but the local fixture server.
 * Runs twice: Firefox in English, and in French (intl.locale.requested; the extension's pages then speak French,
 * which the test checks), the French run skipping, with the reason, without Firefox's French language pack (Debian
 * firefox-esr-l10n-fr). Skips, with the reason, when /usr/bin/firefox-esr (or $FIREFOX_PATH) is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it as vit } from 'vitest';
import { FIXTURES, ROOT, serveFixtures } from './harness';
import { BiDi, evaluate } from './lib-firefox/bidi';
import { FIREFOX, launchFirefox, type FirefoxProcess } from './lib-firefox/firefox';
import { axeViolationsFirefox } from './lib-firefox/axe';
import { typeShortcutInChrome } from './lib-firefox/keys';
import { poll } from './lib-firefox/poll';
import { PASSAGES_LISTED } from '../../src/messaging';

/** The sidebar lists passages this many at a time (src/pages/render.ts PASSAGES_PAGE, which imports the browser API). */
const PASSAGES_PAGE = 100;

const EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
const ADDON_ID = 'mirage-lens@example.org';
const UUID = '5b0e6a8c-3f4d-4c1a-9e2b-7d6f1a2c3e4f';
const EXT = `moz-extension://${UUID}`;

const missing = existsSync(FIREFOX) ? undefined : `${FIREFOX} is absent (apt-get install -y firefox-esr, or set FIREFOX_PATH)`;
if (missing) console.warn(`[firefox-axe.e2e] skipped: ${missing}`);

/** Firefox shows the extension in French only with its French language pack (Debian: firefox-esr-l10n-fr). */
function hasFrenchPack(): boolean {
  try {
    return readdirSync(join(dirname(realpathSync(FIREFOX)), 'browser/extensions')).some((f) => /^langpack-fr@/.test(f));
  } catch {
    return false;
  }
}
const noFrench = missing ?? (hasFrenchPack() ? undefined : 'no French language pack for Firefox (apt-get install -y firefox-esr-l10n-fr)');
if (!missing && noFrench) console.warn(`[firefox-axe.e2e] French run skipped: ${noFrench}`);

/** A message of the shipped catalogue, its placeholders filled as browser.i18n does. */
function msg(lang: 'en' | 'fr', key: string, ...args: (string | number)[]): string {
  const cat = JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
  const m = cat[key]!;
  return m.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/, (__, i: string) => String(args[Number(i) - 1]));
  });
}

type Marks = { flagged: number; root: boolean };
const MARKS = `({ flagged: ['mirage-1', 'mirage-2', 'mirage-3'].reduce((n, k) => n + (CSS.highlights.get(k)?.size ?? 0), 0),
  root: !!document.querySelector('mirage-lens-root') })`;

describe.each([
  ['en', missing],
  ['fr', noFrench],
] as const)('Firefox ESR (WebDriver BiDi), browser in %s: axe-core, "Withdraw access", "Show more"', (lang, skip) => {
  const it = skip ? vit.skip : vit;
  let ff: FirefoxProcess | undefined;
  let bidi: BiDi;
  let fixtures: Awaited<ReturnType<typeof serveFixtures>>;
  let page: string; // the fixture tab
  let tabId: number; // its WebExtension id
  let controller: string; // an extension page that sends messages
  let chromeWindow: string; // the browser window (chrome scope)
  const onExit = () => {
    try {
      if (ff) process.kill(-ff.pid, 'SIGKILL');
    } catch {
      // gone
    }
  };
  const ev = <T>(context: string, expression: string) => evaluate<T>(bidi, context, expression);
  const newTab = async (url: string) => {
    const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
    return context;
  };
  const close = (context: string) => bidi.send('browsingContext.close', { context });
  const settings = () => ev<{ settings?: { alwaysOrigins?: string[] } }>(controller, `browser.storage.sync.get('settings')`);
  /** A real mouse click in the middle of the element `selector` matches. */
  const click = async (context: string, selector: string) => {
    const box = await ev<{ x: number; y: number }>(context, `(() => { const e = document.querySelector(${JSON.stringify(selector)});
      e.scrollIntoView({ block: 'center' }); const r = e.getBoundingClientRect();
      return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) }; })()`);
    await bidi.send('input.performActions', {
      context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', x: box.x, y: box.y }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
      ] }],
    });
  };
  const present = (context: string, selector: string) => poll(selector, () => ev<boolean>(context, `!!document.querySelector(${JSON.stringify(selector)})`), Boolean);
  const expectClean = async (context: string, what: string) => {
    const t0 = Date.now();
    const v = await axeViolationsFirefox(bidi, context);
    console.log(`[firefox-axe.e2e] ${lang} axe, ${what}: ${v.length} violations (${Date.now() - t0} ms)`);
    expect(v, what).toEqual([]);
  };

  beforeAll(async () => {
    if (skip) return;
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'inherit', timeout: 120_000 });
    }
    fixtures = await serveFixtures();
    process.once('exit', onExit);
    ff = await launchFirefox({
      args: ['--remote-allow-system-access'],
      prefs: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
        'extensions.webextOptionalPermissionPrompts': false,
        'intl.locale.requested': lang === 'fr' ? 'fr' : 'en-US',
        'intl.accept_languages': lang === 'fr' ? 'fr-FR, fr' : 'en-US, en',
      },
    });
    bidi = await BiDi.connect(ff.wsUrl);
    await bidi.send('session.new', { capabilities: {} });
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: EXTENSION_DIR } });
    const tree = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
    page = tree.contexts[0]!.context;
    await bidi.send('browsingContext.navigate', { context: page, url: `${fixtures.baseUrl}/article-en.html`, wait: 'complete' });
    const chrome = await bidi.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
    chromeWindow = chrome.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml')!.context;
    controller = await newTab(`${EXT}/options.html`);
    tabId = await ev<number>(controller, `browser.tabs.query({}).then(async (ts) => { const me = (await browser.tabs.getCurrent()).id;
      return ts.find((t) => t.id !== me).id; })`);
  }, 90_000);

  afterAll(async () => {
    bidi?.close();
    await ff?.kill();
    process.removeListener('exit', onExit);
    if (fixtures) await new Promise<void>((ok) => fixtures.server.close(() => ok()));
  }, 30_000);

  it('the site granted from the popup (real click): the article is analysed on load; axe finds nothing in the popup, the sidebar page and the settings', async () => {
    // the reader's gesture first (the keyboard shortcut, as the toolbar button would): activeTab lets the popup see
    // the tab's site, and the article is highlighted
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { commands?: Record<string, { suggested_key?: { default?: string } }> };
    await bidi.send('browsingContext.activate', { context: page });
    await ev(chromeWindow, typeShortcutInChrome(manifest.commands?.['toggle-analysis']?.suggested_key?.default ?? 'Alt+Shift+L'));
    await poll('highlights after the shortcut', () => ev<Marks>(page, MARKS), (m) => m.flagged > 0 && m.root);
    const popup = await newTab(`${EXT}/popup.html?tab=${tabId}`);
    await present(popup, '#always');
    await click(popup, '#always');
    const origin = new URL(fixtures.baseUrl).origin;
    await poll('the site saved', settings, (s) => !!s.settings?.alwaysOrigins?.includes(origin), 5_000);
    await bidi.send('browsingContext.navigate', { context: page, url: `${fixtures.baseUrl}/article-en.html`, wait: 'complete' });
    await poll('highlights on load', () => ev<Marks>(page, MARKS), (m) => m.flagged > 0 && m.root);
    await bidi.send('browsingContext.navigate', { context: popup, url: `${EXT}/popup.html?tab=${tabId}`, wait: 'complete' });
    await poll('the popup, on', () => ev<boolean>(popup, `document.querySelector('#toggle')?.checked === true && /\\S/.test(document.querySelector('#summary')?.textContent ?? '')`), Boolean);
    await expectClean(popup, 'popup');
    await close(popup);

    const panel = await newTab(`${EXT}/sidepanel.html?tab=${tabId}`);
    await present(panel, 'ol.passages li');
    await expectClean(panel, 'sidebar page');
    await close(panel);

    const options = await newTab(`${EXT}/options.html`);
    await present(options, 'fieldset ul li button');
    // the extension speaks the browser's language (the French run is French, not English again)
    expect(await ev<string>(options, 'document.documentElement.lang')).toBe(lang);
    await expectClean(options, 'settings, a site listed');
    await close(options);
  }, 60_000);

  it('the sidebar page on a page with over 300 passages: 100 at a time ("Show more"), then 300 and its count', async () => {
    await bidi.send('browsingContext.navigate', { context: page, url: `${fixtures.baseUrl}/hard/huge.html`, wait: 'complete' });
    // the page layer paints the blocks near the screen first; the passages come from the whole page's analysis
    type State = { phase: string; passagesTotal?: number; passages?: unknown[] };
    const state = await poll('huge.html analysed on load', () => ev<State>(controller,
      `browser.runtime.sendMessage({ type: 'mirage:get-state', tabId: ${tabId} })`), (v) => (v.passagesTotal ?? 0) > PASSAGES_LISTED, 30_000);
    expect((await ev<Marks>(page, MARKS)).root).toBe(true);
    expect(state.phase).toBe('on');
    const panel = await newTab(`${EXT}/sidepanel.html?tab=${tabId}`);
    await present(panel, 'ol.passages li');
    const count = () => ev<number>(panel, `document.querySelectorAll('ol.passages > li').length`);
    expect(await count()).toBe(PASSAGES_PAGE);
    const listed = state.passages!.length;
    expect(listed).toBe(PASSAGES_LISTED);
    expect(await ev<string>(panel, `document.querySelector('#passages .count').textContent`)).toBe(
      msg(lang, 'panel_passagesListed', state.passagesTotal!, listed));
    expect(state.passagesTotal).toBeGreaterThan(listed);
    expect(await ev<string>(panel, `document.querySelector('#passages-more').textContent`)).toBe(msg(lang, 'panel_passagesMore', PASSAGES_PAGE, listed - PASSAGES_PAGE));
    await click(panel, '#passages-more');
    await poll('200 listed', count, (n) => n === 2 * PASSAGES_PAGE, 5_000);
    // keyboard users land on the first passage added
    expect(await ev<boolean>(panel, `document.activeElement === document.querySelectorAll('ol.passages > li')[${PASSAGES_PAGE}].querySelector('button.show')`)).toBe(true);
    await click(panel, '#passages-more');
    await poll('300 listed', count, (n) => n === listed, 5_000);
    expect(await ev<boolean>(panel, `document.querySelector('#passages-more').hidden`)).toBe(true);
    console.log(`[firefox-axe.e2e] huge.html: ${state.passagesTotal} passages, ${listed} listed`);
    await expectClean(panel, 'sidebar page, 300 passages listed');
    await close(panel);
  }, 60_000);

  it('the settings page follows the sites; "Withdraw access" (real click) removes the permission and every site it covered, none written back; the next load stays untouched', async () => {
    const options = await newTab(`${EXT}/options.html`);
    await present(options, 'fieldset ul li button');
    const origin = new URL(fixtures.baseUrl).origin;
    const listed = () => ev<string[]>(options, `[...document.querySelectorAll('fieldset ul li span')].map((e) => e.textContent)`);
    expect(await listed()).toEqual([origin]);
    expect((await ev<{ origins: string[] }>(controller, `browser.permissions.getAll()`)).origins.length).toBe(1);

    // while the settings page is open, the reader ticks "Always analyse" on a second site of the same host (another
    // port, which Firefox's host-wide grant already covers): the page lists it too
    const other = await serveFixtures();
    try {
      const otherOrigin = new URL(other.baseUrl).origin;
      const second = await newTab(`${other.baseUrl}/article-fr.html`);
      const secondId = Math.max(...await ev<number[]>(controller, `browser.tabs.query({}).then((ts) => ts.map((t) => t.id))`));
      const popup = await newTab(`${EXT}/popup.html?tab=${secondId}`);
      await present(popup, '#always');
      await click(popup, '#always');
      await poll('the second site saved', settings, (v) => !!v.settings?.alwaysOrigins?.includes(otherOrigin), 5_000);
      await close(popup);
      await poll('both sites listed', listed, (l) => l.length === 2, 5_000);
      expect(await listed()).toEqual([origin, otherOrigin]);

      // withdrawing the first (the page opened afresh) withdraws the host's one permission, so both sites go (README:
      // "granted for its host on every port"), and none comes back once the background has seen the permission go
      // (the page used to write the second one back: listed, never analysed, no permission to withdraw)
      await bidi.send('browsingContext.navigate', { context: options, url: `${EXT}/options.html`, wait: 'complete' });
      await poll('both sites listed afresh', listed, (l) => l.length === 2, 5_000);
      await click(options, 'fieldset ul li button');
      await poll('the permission withdrawn', () => ev<{ origins: string[] }>(controller, `browser.permissions.getAll()`), (v) => v.origins.length === 0, 5_000);
      await poll('the sites removed', settings, (v) => !v.settings?.alwaysOrigins?.length, 5_000);
      await poll('the list empty', () => ev<boolean>(options, `!document.querySelector('fieldset ul') && document.querySelector('#sites p.note')?.textContent === ${JSON.stringify(msg(lang, 'options_sitesNone'))}`), Boolean, 5_000);
      await new Promise((ok) => setTimeout(ok, 1_000));
      expect((await settings()).settings?.alwaysOrigins).toEqual([]);
      expect(await listed()).toEqual([]);
      expect(await ev<string>(options, `document.querySelector('[role=status]').textContent`)).not.toBe('');
      // the button gone, the focus is on the note that says so, not lost to the page's body
      expect(await ev<string>(options, `document.activeElement === document.querySelector('#sites p.note') ? 'note' : document.activeElement.tagName`)).toBe('note');
      await expectClean(options, 'settings, no site');
      await close(second);
    } finally {
      await new Promise<void>((ok) => other.server.close(() => ok()));
    }
    await close(options);
    await bidi.send('browsingContext.navigate', { context: page, url: `${fixtures.baseUrl}/article-en.html`, wait: 'complete' });
    await new Promise((ok) => setTimeout(ok, 1_500));
    expect(await ev<Marks>(page, MARKS)).toEqual({ flagged: 0, root: false });
    // the background no longer sees the tab's address
    expect(await ev<string | null>(controller, `browser.tabs.get(${tabId}).then((t) => t.url ?? null)`)).toBeNull();
  }, 40_000);

  it('axe finds nothing in the analysis page (pasted text: sentences, words, signals) and the lab (sample set, a text opened)', async () => {
    const analysis = await newTab(`${EXT}/analysis.html`);
    await present(analysis, '#paste');
    const text = readFileSync(join(FIXTURES, 'teacher/essay-submission.md'), 'utf8');
    await ev(analysis, `(() => { const t = document.querySelector('#paste'); t.value = ${JSON.stringify(text)};
      t.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`);
    await click(analysis, '#analyse-btn');
    await present(analysis, '#result .sentence-view');
    await ev(analysis, `document.querySelector('#result mark[data-sentence]').focus(), true`);
    await expectClean(analysis, 'analysis page, sentences');
    await click(analysis, '#detail-words');
    await present(analysis, '.word-view');
    await expectClean(analysis, 'analysis page, words');
    await click(analysis, '#detail-signals');
    await present(analysis, '.signal-list');
    await expectClean(analysis, 'analysis page, signals');
    await close(analysis);

    const lab = await newTab(`${EXT}/lab.html`);
    await present(lab, '#intro');
    await expectClean(lab, 'lab, introduction');
    await click(lab, '#lab-sample');
    await present(lab, '#confusion');
    await expectClean(lab, 'lab, sample set');
    await click(lab, '#texts tbody tr button');
    await present(lab, '#text-dialog[open]');
    await expectClean(lab, 'lab, text dialog');
    await close(lab);
  }, 90_000);

  it('contacted nothing but the local fixture server', () => {
    expect(ff!.proxy.seen).toEqual([]);
  });
});

if (missing) {
  describe(`Firefox ESR axe test skipped: ${missing}`, () => {
    vit.skip('needs Debian firefox-esr', () => undefined);
  });
}
