/**
 * router — the background's message hub: every `mirage:` request from extension pages and the content script is
 * checked for type and shape (src/messaging.ts) and sent to the part that answers it. Messages that are not ours
 * are left to other listeners; a malformed one is refused with `{ ok: false, code: 'bad-request', error }`.
 */
import { browser, type Browser } from 'wxt/browser';
import { parseBackgroundRequest } from '../messaging';
import { t } from '../shared/i18n';
import { scrollTo } from './content-script';
import { onContentChanged, setHighlights, warmEngine } from './pipeline';
import { getView, tabs } from './tab-state';

function isMirage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && String((message as { type?: unknown }).type).startsWith('mirage:');
}

/** Page changes of one tab are handled one after the other. */
function queueChange(tabId: number, req: Parameters<typeof onContentChanged>[1]): Promise<{ ok: boolean }> {
  const rec = tabs.get(tabId);
  if (!rec || rec.view.phase !== 'on') return Promise.resolve({ ok: false });
  const next = rec.changes.then(() => onContentChanged(tabId, req), () => onContentChanged(tabId, req));
  rec.changes = next.catch(() => undefined);
  return next;
}

export function route(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
  if (!isMirage(message)) return undefined; // not ours: leave it to other listeners
  if ((message as { type: string }).type === 'mirage:state-changed') return undefined;
  const req = parseBackgroundRequest(message);
  if ('invalid' in req) return Promise.resolve({ ok: false, code: 'bad-request', error: `${t('err_badRequest')} (${req.invalid})` });
  switch (req.type) {
    case 'mirage:set-highlights':
      return setHighlights(req.tabId, req.enabled, req.scope);
    case 'mirage:get-state':
      warmEngine(); // the popup or side panel opened: an analysis may follow
      return getView(req.tabId);
    case 'mirage:focus':
      return scrollTo(req.tabId, req.analysis, req.sentence);
    case 'mirage:content-changed': {
      const id = sender.tab?.id;
      return id === undefined ? Promise.resolve({ ok: false }) : queueChange(id, req);
    }
  }
}

export function startRouter(): void {
  // A listener answers by returning a Promise (webextension-polyfill), which the API's void-typed listener hides.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener(route);
}
