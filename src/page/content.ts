/**
 * content — the content script's message handling: a light layer over src/page/session.ts.
 *
 * What: `startContent(ctx)` answers the background's messages (ping, extract, paint, scroll-to, stop) for this page
 * and reports later page changes (blocks removed and added, debounced) so the background can re-analyse only what
 * changed. It bundles no engine (scoring happens in the background) and no Readability (injected on its own, only
 * into a page small enough for it: main-text.ts; main() and ping say when it is wanted). Everything it adds is
 * undone when `ctx` is invalidated (extension reloaded or updated, or a page dispatching WXT's public "content script
 * started" event) or on `mirage:stop`; an invalidation also tells the background (link.ts), which switches the tab
 * off at once.
 * Errors: every handler catches; a failure answers `{ ok: false, code: 'engine', error }` (shown in the side panel),
 * takes the highlights away, and never throws into the page.
 * Test build only (`__MIRAGE_E2E__`, see wxt.config.ts): `mirage:debug` reports what the session holds, and a page
 * whose <html> carries `data-mirage-test-fail="extract|paint"` makes that step fail, to test the error path.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CONTENT_READY, CONTENT_READY_MAIN, parseContentRequest, type DebugResult, type ExtractResult, type PaintResult, type PingResult } from '../messaging';
import { createLink } from './link';
import { readabilityClass, wantsMainText, whenReadability } from './main-text';
import { createSession, type PageChange, type Session } from './session';

declare const __MIRAGE_E2E__: boolean;
const E2E = typeof __MIRAGE_E2E__ !== 'undefined' && __MIRAGE_E2E__;

function testFailure(step: 'extract' | 'paint'): void {
  if (E2E && document.documentElement.getAttribute('data-mirage-test-fail') === step) {
    throw new Error(`test failure in ${step} (test build only)`);
  }
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 300);
}

/** Whether this page wants Readability and does not have it yet (the background then injects it). */
const wantsReadability = () => !readabilityClass() && wantsMainText(document);

export function startContent(ctx: ContentScriptContext): typeof CONTENT_READY | typeof CONTENT_READY_MAIN {
  let session: Session | undefined;
  const link = createLink();
  link.ensure(); // the background learns of this page layer now, and of its end when the port closes
  const stop = async () => {
    const s = session;
    session = undefined;
    await s?.stop();
  };

  const onChange = (change: PageChange) => {
    link.ensure();
    browser.runtime.sendMessage({ type: 'mirage:content-changed', ...change }).catch(() => undefined);
  };
  const extract = async (scope: 'page' | 'selection', main = false): Promise<ExtractResult> => {
    try {
      if (main && scope === 'page') await whenReadability(); // sent alongside this request (bounded wait)
      if (!session?.active) session = createSession(document, { signal: ctx.signal, onChange });
      testFailure('extract');
      return await session.extract(scope);
    } catch (e) {
      await stop().catch(() => undefined);
      return { ok: false, code: 'engine', error: message(e) };
    }
  };

  const paint = async (m: Parameters<Session['paint']>[0]): Promise<PaintResult> => {
    if (!session?.active) return { ok: false, error: 'no session' };
    try {
      testFailure('paint');
      return await session.paint(m);
    } catch (e) {
      await stop().catch(() => undefined);
      return { ok: false, error: message(e) };
    }
  };

  const listener = (raw: unknown): Promise<unknown> | undefined => {
    const m = parseContentRequest(raw);
    if (!m) return undefined;
    link.ensure(); // the background is awake and talks to this page: hold a port again if a restart closed it
    switch (m.type) {
      case 'mirage:ping':
        return Promise.resolve({ ok: true, active: !!session?.active, ...(wantsReadability() ? { main: true } : {}) } satisfies PingResult);
      case 'mirage:extract':
        return extract(m.scope, m.main);
      case 'mirage:paint':
        return paint(m);
      case 'mirage:scroll-to':
        try {
          return Promise.resolve({ ok: !!session?.scrollTo(m.analysis, m.sentence), active: !!session?.active });
        } catch {
          return Promise.resolve({ ok: false, active: !!session?.active });
        }
      case 'mirage:stop':
        return stop().then(() => ({ ok: true }), (e) => ({ ok: false, error: message(e) }));
      case 'mirage:debug':
        if (!E2E) return undefined;
        return Promise.resolve({
          sessions: session?.active ? 1 : 0,
          ...(session?.debug() ?? { observers: 0, timers: 0, blocks: 0, items: 0, styles: 0 }),
        } satisfies DebugResult);
    }
  };

  // A listener answers by returning a Promise (webextension-polyfill), which the API's void-typed listener hides.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => {
    const had = !!session?.active;
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the same listener as above
    browser.runtime.onMessage.removeListener(listener);
    void stop();
    link.end(had); // the background marks the tab off at once: the popup and side panel say so
  });
  return wantsReadability() ? CONTENT_READY_MAIN : CONTENT_READY;
}
