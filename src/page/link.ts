/**
 * link — the page layer's line to the background: while the content script lives it holds a `runtime.Port` named
 * PAGE_PORT_PREFIX + its instance id, so that the background learns at once when it goes (the port disconnects:
 * src/background/page-link.ts), and as it ends it also says so (`mirage:page-gone`).
 *
 * `createLink()`; `ensure()` connects when not connected (at start, and whenever the background talks to the page
 * or the page reports a change: a restarted service worker closed the old port, and connecting only then never keeps
 * the worker awake); `end(say)` closes the port and, when `say` (the page had a session), sends the last word, which
 * also reaches a service worker that was restarted meanwhile. Never throws (an extension reloaded under the page has
 * no background left to talk to).
 */
import { browser, type Browser } from 'wxt/browser';
import { PAGE_PORT_PREFIX } from '../messaging';

export interface PageLink {
  readonly instance: string;
  readonly connected: boolean;
  ensure(): void;
  end(say: boolean): void;
}

export function createLink(): PageLink {
  const instance = Math.random().toString(36).slice(2, 12) || 'page';
  let port: Browser.runtime.Port | undefined;
  let ended = false;
  return {
    instance,
    get connected() {
      return port !== undefined;
    },
    ensure() {
      if (port || ended) return;
      try {
        const p = browser.runtime.connect({ name: PAGE_PORT_PREFIX + instance });
        p.onDisconnect.addListener(() => {
          if (port === p) port = undefined;
        });
        port = p;
      } catch {
        port = undefined;
      }
    },
    end(say) {
      if (ended) return;
      ended = true;
      const p = port;
      port = undefined;
      try {
        p?.disconnect();
        if (say) browser.runtime.sendMessage({ type: 'mirage:page-gone', instance }).catch(() => undefined);
      } catch {
        // no background to tell
      }
    },
  };
}
