/**
 * harness — run the built extension in Debian's Chromium against local fixture pages.
 *
 * What: `startHarness()` serves tests/e2e/fixtures/ on 127.0.0.1 (random free port, node:http), launches
 * /usr/bin/chromium through playwright-core with the test build `.output-e2e/chrome-mv3` loaded (build it first:
 * `npm run build:e2e`), finds the extension id from its service worker, and records every request made by any page
 * or worker of the browser context. A request whose URL is neither on 127.0.0.1 nor chrome-extension:// is a
 * network violation: `networkViolations()` lists them, and the DNS of everything but 127.0.0.1 is mapped to nowhere
 * so a violation can never leave the machine.
 * When: every *.e2e.ts file (vitest.e2e.config.ts). One harness per file; `close()` in afterAll.
 * API: `fixtureUrl(name)`, `openFixture(name)`, `openExtensionPage('popup.html?tab=1')`, `send(message)` (runs
 * `chrome.runtime.sendMessage` from an extension page, exactly as the automation contract says), `tabIdOf(url)`,
 * `screenshot(page, name)` -> test-results/screenshots/<name>.png, `served()` (every path the fixture server answered,
 * in order). Fixtures are served with `Cache-Control: no-store`, except with `?cacheable` in the URL (max-age=600:
 * the browser keeps the response in its HTTP cache, as it does for most real PDFs).
 * Limits: Chromium only (Playwright cannot drive Debian's Firefox; see tests/e2e/firefox.e2e.ts). Extension
 * pages opened as tabs are not real popups/side panels: their size is set by the harness.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'tests/e2e/fixtures');
export const EXTENSION_DIR = join(ROOT, '.output-e2e/chrome-mv3');
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.zip': 'application/zip',
};

export interface RecordedRequest {
  url: string;
  /** 'page' (a tab or extension page) or 'worker' (the service worker). */
  from: 'page' | 'worker';
  frame?: string;
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  baseUrl: string;
  fixtureUrl(name: string): string;
  openFixture(name: string): Promise<Page>;
  /** Open an extension page (e.g. 'popup.html', 'sidepanel.html?tab=3') as a tab. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** A long-lived extension page used to send runtime messages (opened on first use). */
  controller(): Promise<Page>;
  /** `chrome.runtime.sendMessage(message)` from an extension page; resolves to the response. */
  send<T = unknown>(message: unknown): Promise<T>;
  /** The tab id of the (first) tab showing `url`. */
  tabIdOf(url: string): Promise<number>;
  screenshot(page: Page, name: string, fullPage?: boolean): Promise<string>;
  /** Paths (with query) the fixture server has answered, in order. */
  served(): string[];
  requests(): RecordedRequest[];
  networkViolations(): RecordedRequest[];
  close(): Promise<void>;
}

export function isAllowedUrl(url: string): boolean {
  if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:')) return true;
  if (url === 'about:blank' || url.startsWith('chrome://') || url.startsWith('devtools://')) return true;
  try {
    const u = new URL(url);
    return u.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

export function serveFixtures(dir = FIXTURES): Promise<{ server: Server; baseUrl: string; served: string[] }> {
  const served: string[] = [];
  const server = createServer((req, res) => void (async () => {
    served.push(req.url ?? '/');
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname);
      const file = normalize(join(dir, path.endsWith('/') ? path + 'index.html' : path));
      if (!file.startsWith(dir + sep) || !(await stat(file)).isFile()) throw new Error('not found');
      const cache = url.searchParams.has('cacheable') ? 'max-age=600' : 'no-store';
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  })());
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      if (!addr || typeof addr === 'string') return fail(new Error('no port'));
      ok({ server, baseUrl: `http://127.0.0.1:${addr.port}`, served });
    });
  });
}

export interface HarnessOptions {
  extensionDir?: string;
  /** Browser UI language, e.g. 'fr' (sets --lang and Accept-Language). */
  locale?: string;
  headless?: boolean;
  /** The colour scheme the pages are told the system prefers (prefers-color-scheme); the browser's default when unset. */
  colorScheme?: 'light' | 'dark';
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionDir}: run \`npm run build:e2e\` first.`);
  }
  await mkdir(SCREENSHOTS, { recursive: true });
  const { server, baseUrl, served } = await serveFixtures();
  const profile = await mkdtemp(join(tmpdir(), 'mirage-e2e-'));
  // Service worker requests are only reported with this flag on some Playwright versions.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const lang = options.locale ?? 'en-US';
  // The browser's own UI language (chrome.i18n.getUILanguage(), what the background reads) comes on Linux from
  // LANGUAGE / LANG, not from --lang; Playwright's `locale` only emulates navigator.language in the pages it drives.
  // Both are set so that the service worker and the pages agree, as in a real French browser.
  const posix = `${lang.replace('-', '_')}${lang.includes('-') ? '' : `_${lang.toUpperCase()}`}.UTF-8`;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    locale: lang,
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: posix, LC_ALL: posix },
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      `--lang=${lang}`,
      // Nothing but the fixture server resolves: a stray request can be seen, never sent.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });

  const recorded: RecordedRequest[] = [];
  context.on('request', (r) => {
    const sw = (r as unknown as { serviceWorker?: () => Worker | null }).serviceWorker?.();
    recorded.push({ url: r.url(), from: sw ? 'worker' : 'page', frame: sw ? undefined : safeFrameUrl(r) });
  });

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  let controllerPage: Page | undefined;

  const h: Harness = {
    context,
    extensionId,
    worker,
    baseUrl,
    fixtureUrl: (name) => `${baseUrl}/${name}`,
    async openFixture(name) {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/${name}`, { waitUntil: 'load' });
      return page;
    },
    async openExtensionPage(path, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`chrome-extension://${extensionId}/${path}`, { waitUntil: 'load' });
      return page;
    },
    async controller() {
      if (!controllerPage || controllerPage.isClosed()) {
        controllerPage = await h.openExtensionPage('options.html');
      }
      return controllerPage;
    },
    async send<T>(message: unknown) {
      const page = await h.controller();
      return (await page.evaluate((m) => chrome.runtime.sendMessage(m), message as never)) as T;
    },
    async tabIdOf(url) {
      const page = await h.controller();
      const id = await page.evaluate(async (u) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((tab) => tab.url === u)?.id;
      }, url);
      if (typeof id !== 'number') throw new Error(`no tab for ${url}`);
      return id;
    },
    async screenshot(page, name, fullPage = false) {
      const path = join(SCREENSHOTS, `${name}.png`);
      // caret: 'initial' — Playwright's default caret hiding writes a style attribute into editable elements,
      // which would change the very DOM the tests compare.
      await page.screenshot({ path, fullPage, caret: 'initial' });
      return path;
    },
    requests: () => [...recorded],
    networkViolations: () => recorded.filter((r) => !isAllowedUrl(r.url)),
    served: () => [...served],
    async close() {
      await context.close().catch(() => undefined);
      await new Promise<void>((ok) => server.close(() => ok()));
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
  return h;
}

function safeFrameUrl(r: { frame(): { url(): string } }): string | undefined {
  try {
    return r.frame().url();
  } catch {
    return undefined;
  }
}

declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
};
