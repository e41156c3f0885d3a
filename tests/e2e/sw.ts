/**
 * sw — the extension's service worker seen from outside: restart it, read its heap (shared by scripts/bench-page.ts
 * and the e2e tests).
 *
 * What: `restartWorker(h)` stops every service worker (CDP `ServiceWorker.stopAllWorkers`, as Chrome does after 30 s
 * without events), wakes the extension's again with a message that no listener answers, and resolves to the new
 * worker. `workerHeap(h)` attaches to the service worker's target (CDP `Target.attachToTarget` from an extension
 * page's session, not flattened: Playwright's sessions are per page) and gives `Runtime.getHeapUsage` after two
 * forced collections: what the worker holds, V8 and Blink together.
 * `attachTarget(h, pick)` is the same kind of session to any other target (bench-page's real popup).
 * Limits: Chromium only. A worker with DevTools attached is never stopped for being idle, so the idle stop itself is
 * not observed here: `restartWorker` stands for it.
 */
import type { CDPSession, Worker } from 'playwright-core';
import type { Harness } from './harness';
import { sleep, withTimeout } from './trace';

export interface WorkerHeap {
  /** V8 heap used, bytes. */
  v8: number;
  /** Blink (embedder) heap used, bytes; 0 when not reported. */
  blink: number;
  total: number;
}

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** A raw CDP session to one target (its messages sent as `Target.sendMessageToTarget`). */
export interface TargetSession {
  send(method: string, params?: object): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** A CDP session to the extension's service worker, through an extension page's session. */
function attach(h: Harness): Promise<TargetSession> {
  const bg = `chrome-extension://${h.extensionId}/background.js`;
  return attachTarget(h, (t) => t.type === 'service_worker' && t.url === bg, 'service worker');
}

/** A CDP session to the first target `pick` accepts (waited for up to 5 s), through an extension page's session:
 * also reaches targets Playwright does not show as pages, such as the real popup `chrome.action.openPopup()` opens. */
export async function attachTarget(h: Harness, pick: (t: TargetInfo) => boolean, what: string): Promise<TargetSession> {
  const ctl = await h.controller();
  const cdp: CDPSession = await h.context.newCDPSession(ctl);
  let target: TargetInfo | undefined;
  for (let i = 0; i < 100 && !target; i++) {
    const { targetInfos } = (await cdp.send('Target.getTargets' as never)) as { targetInfos: TargetInfo[] };
    target = targetInfos.find(pick);
    if (!target) await sleep(50);
  }
  if (!target) {
    await cdp.detach().catch(() => undefined);
    throw new Error(`no ${what} target`);
  }
  const { sessionId } = (await cdp.send('Target.attachToTarget' as never, { targetId: target.targetId, flatten: false } as never)) as { sessionId: string };
  let next = 0;
  const waiting = new Map<number, (v: Record<string, unknown>) => void>();
  cdp.on('Target.receivedMessageFromTarget' as never, ((e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown>; error?: unknown };
    const ok = m.id !== undefined ? waiting.get(m.id) : undefined;
    if (!ok || m.id === undefined) return;
    waiting.delete(m.id);
    ok(m.error ? { error: m.error } : (m.result ?? {}));
  }) as never);
  return {
    send(method, params = {}) {
      const id = ++next;
      const answer = new Promise<Record<string, unknown>>((ok) => waiting.set(id, ok));
      void cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id, method, params }) } as never);
      return withTimeout(answer, 30_000, method);
    },
    async close() {
      await cdp.send('Target.detachFromTarget' as never, { sessionId } as never).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** The service worker's heap after two forced garbage collections. */
export async function workerHeap(h: Harness): Promise<WorkerHeap> {
  const s = await attach(h);
  try {
    await s.send('HeapProfiler.collectGarbage');
    await s.send('HeapProfiler.collectGarbage');
    const u = await s.send('Runtime.getHeapUsage');
    const v8 = Number(u.usedSize ?? NaN);
    const blink = Number(u.embedderHeapUsedSize ?? 0);
    return { v8, blink, total: v8 + blink };
  } finally {
    await s.close();
  }
}

const workerOf = (h: Harness) => h.context.serviceWorkers().find((w) => w.url() === `chrome-extension://${h.extensionId}/background.js`) ?? h.worker;

/** Stop the extension's service worker (as Chrome does after 30 s without events); the next event starts a new one.
 * Resolves to a function that resolves, once a new worker runs, to that worker (Playwright keeps one Worker object
 * for the extension's service worker across restarts: a mark set in the old one tells them apart). */
export async function stopWorker(h: Harness): Promise<() => Promise<Worker>> {
  const ctl = await h.controller();
  await workerOf(h).evaluate(() => {
    (self as unknown as { __mirageOld?: boolean }).__mirageOld = true;
  });
  const cdp = await h.context.newCDPSession(ctl);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  return async () => {
    for (let i = 0; i < 200; i++) {
      const old = await workerOf(h)
        .evaluate(() => (self as unknown as { __mirageOld?: boolean }).__mirageOld === true)
        .catch(() => true);
      if (!old) return workerOf(h);
      await sleep(50);
    }
    throw new Error('the service worker did not start again');
  };
}

/** Stop the extension's service worker and wake a new one with a message no listener answers; resolves to it. */
export async function restartWorker(h: Harness): Promise<Worker> {
  const started = await stopWorker(h);
  const ctl = await h.controller();
  await ctl.evaluate(() => chrome.runtime.sendMessage({ type: 'wake' }).catch(() => undefined));
  return started();
}

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
