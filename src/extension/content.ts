/**
 * content — the content script's message handling: a light layer over src/highlight/session.ts.
 *
 * What: `startContent(ctx)` answers the background's messages (ping, extract, paint, scroll-to, stop) for this page
 * and reports later page changes (debounced) so the background can re-analyse. It bundles no engine: scoring
 * happens in the background. Everything it adds is undone when `ctx` is invalidated (extension reloaded or
 * updated) or on `mirage:stop`.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseContentRequest, type PingResult } from '../messaging';
import { createSession, type Session } from '../highlight/session';

export function startContent(ctx: ContentScriptContext): void {
  let session: Session | undefined;
  const stop = () => {
    session?.stop();
    session = undefined;
  };

  const listener = (message: unknown): Promise<unknown> | undefined => {
    const m = parseContentRequest(message);
    if (!m) return undefined;
    switch (m.type) {
      case 'mirage:ping':
        return Promise.resolve({ ok: true, active: !!session?.active } satisfies PingResult);
      case 'mirage:extract':
        if (!session?.active) {
          session = createSession(document, {
            signal: ctx.signal,
            onContentChange: () => {
              browser.runtime.sendMessage({ type: 'mirage:content-changed' }).catch(() => undefined);
            },
          });
        }
        return Promise.resolve(session.extract(m.scope));
      case 'mirage:paint':
        return Promise.resolve(session?.active ? session.paint(m) : { ok: false, error: 'no session' });
      case 'mirage:scroll-to':
        return Promise.resolve({ ok: !!session?.scrollTo(m.analysis, m.sentence) });
      case 'mirage:stop':
        stop();
        return Promise.resolve({ ok: true });
    }
  };

  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(listener);
    stop();
  });
}
