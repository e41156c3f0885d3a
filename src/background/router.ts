/**
 * router — the background's message hub: every `mirage:` request from extension pages and the content script is
 * checked for who sent it (src/shared/senders.ts), then for type and shape (src/messaging.ts), and sent to the part
 * that answers it. Messages that are not ours are left to other listeners.
 * Who may ask what (SENDERS): queries and commands about a tab (`set-highlights`, `get-state`, `focus`) come only
 * from the extension's own pages (popup, side panel, options, analysis page); a page-layer report
 * (`content-changed`, `page-gone`, and the page layer's port) comes only from the content script of a tab's top
 * frame, and concerns that tab — its tab is the sender's, never a field of the message. Anything else — code in the isolated world of another tab, a
 * subframe, another extension, a malformed or oversize message — is refused with `{ ok: false, code:
 * 'bad-request', error }`, and nothing about any tab is read or changed. The router never throws.
 */
import { browser, type Browser } from 'wxt/browser';
import { isInstance, PAGE_PORT_PREFIX, parseBackgroundRequest, type BackgroundRequest } from '../messaging';
import { t } from '../shared/i18n';
import { senderOf, type Sender } from '../shared/senders';
import { focus, linkPage, pageGone } from './page-link';
import { onContentChanged } from './page-changes';
import { setHighlights } from './pipeline';
import { getView, tabs } from './tab-state';
import { warmOnConnect } from './warm';

/** Which kind of sender each request may come from. */
export const SENDERS: Record<BackgroundRequest['type'], Sender['kind']> = {
  'mirage:set-highlights': 'extension',
  'mirage:get-state': 'extension',
  'mirage:focus': 'extension',
  'mirage:content-changed': 'page',
  'mirage:page-gone': 'page',
};

function isMirage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && String((message as { type?: unknown }).type).startsWith('mirage:');
}

function refuse(why: string): Promise<{ ok: false; code: 'bad-request'; error: string }> {
  return Promise.resolve({ ok: false, code: 'bad-request', error: `${t('err_badRequest')} (${why})` });
}

/** A change report about a tab this worker knows nothing of: it restarted while the tab was on (the view comes from
 * storage.session), and the page's blocks and analyses went with the old worker, so there is nothing to follow the
 * change with. The page is read and scored again, whole, once; later changes are followed as usual. */
async function readAgain(tabId: number): Promise<{ ok: boolean }> {
  const view = await getView(tabId);
  if (view.phase !== 'on' || view.scope !== 'page' || tabs.has(tabId)) return { ok: false };
  return { ok: (await setHighlights(tabId, true, 'page')).ok };
}

/** Page changes of one tab are handled one after the other. */
function queueChange(tabId: number, req: Parameters<typeof onContentChanged>[1]): Promise<{ ok: boolean }> {
  const rec = tabs.get(tabId);
  if (!rec) return readAgain(tabId);
  if (rec.view.phase !== 'on') return Promise.resolve({ ok: false });
  const next = rec.changes.then(() => onContentChanged(tabId, req), () => onContentChanged(tabId, req));
  rec.changes = next.catch(() => undefined);
  return next;
}

/** Who sent `sender`, as this extension sees it. */
export function senderKind(sender: Browser.runtime.MessageSender | undefined): Sender {
  try {
    return senderOf(sender, browser.runtime.getURL('/'), browser.runtime.id);
  } catch {
    return { kind: 'other', why: 'sender unreadable' };
  }
}

export function route(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
  if (!isMirage(message)) return undefined; // not ours: leave it to other listeners
  if ((message as { type: string }).type === 'mirage:state-changed') return undefined;
  const from = senderKind(sender);
  const type = (message as { type: string }).type as BackgroundRequest['type'];
  const allowed = Object.prototype.hasOwnProperty.call(SENDERS, type) ? SENDERS[type] : undefined;
  if (allowed && from.kind !== allowed) {
    return refuse(from.kind === 'other' ? `not accepted from this sender: ${from.why}` : `not accepted from ${from.kind === 'page' ? 'a page' : 'an extension page'}`);
  }
  const req = parseBackgroundRequest(message);
  if ('invalid' in req) return refuse(req.invalid);
  switch (req.type) {
    case 'mirage:set-highlights':
      return setHighlights(req.tabId, req.enabled, req.scope);
    case 'mirage:get-state':
      warmOnConnect(); // the popup or side panel opened: an analysis may follow
      return getView(req.tabId);
    case 'mirage:focus':
      return focus(req.tabId, req.analysis, req.sentence);
    case 'mirage:content-changed':
      return from.kind === 'page' ? queueChange(from.tabId, req) : refuse('no tab');
    case 'mirage:page-gone':
      return from.kind === 'page' ? pageGone(from.tabId, req.instance).then((off) => ({ ok: true, off })) : refuse('no tab');
  }
}

/** A page layer's port: kept when it comes from a tab's top frame, else closed at once. */
export function connect(port: Browser.runtime.Port): void {
  if (!port.name.startsWith(PAGE_PORT_PREFIX)) return; // not ours
  const from = senderKind(port.sender);
  const instance = port.name.slice(PAGE_PORT_PREFIX.length);
  if (from.kind !== 'page' || !isInstance(instance)) {
    port.disconnect();
    return;
  }
  linkPage(from.tabId, instance, port);
}

export function startRouter(): void {
  // A listener answers by returning a Promise (webextension-polyfill), which the API's void-typed listener hides.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener(route);
  browser.runtime.onConnect.addListener(connect);
}
