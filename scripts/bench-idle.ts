/**
 * bench-idle — what the extension holds while unused, and what a reader's click costs once the browser has stopped
 * the idle service worker (`npm run build:e2e && npm run bench:idle`).
 *
 * Why a script of its own: Playwright attaches DevTools to every service worker it sees, and a worker with DevTools
 * attached is never stopped for being idle, so bench:page and the e2e tests stand the idle stop in with CDP's
 * `ServiceWorker.stopAllWorkers`. Here Chromium is driven over a bare DevTools pipe (`--remote-debugging-pipe`) that
 * attaches only to the pages it opens, never to the worker: the browser stops it on its own timer, as for a reader.
 *
 * Each run (a new profile, the test build `.output-e2e/chrome-mv3`, fixtures on 127.0.0.1):
 *  1. launch; wait for the worker's launch warm-up to finish (the first seconds of a session);
 *  2. open the article, switch highlights on from an extension page opened as a tab (the automation message), close
 *     that page: from then on only the worker keeps the extension's process alive;
 *  3. poll every 250 ms, without attaching to anything: whether the worker's target is still there, and the
 *     proportional memory (PSS, /proc/PID/smaps_rollup) of the extension's renderer process (`--extension-process`),
 *     until the worker is gone and the process has exited (or `--idle-max` s);
 *  4. then a reader's next article: a new tab on the article (its load wakes the worker by a tab event; the worker
 *     warms the engine once the page has loaded, src/background/warm.ts `warmOnPageLoaded`), and `--click-after` ms
 *     after its load the switch-on, timed in the extension page that sends it (round trip and the extension's own
 *     `timings`). With --click-after beyond 30 s the worker has stopped again: what a keyboard shortcut or a
 *     context-menu click meets on a page loaded earlier.
 * Prints per run and the medians, and what the worker's warm-up had done (read after the timing: attaching to the
 * worker would keep it alive). Options: --ext DIR (a test build; default .output-e2e/chrome-mv3), --runs N (3),
 * --page NAME (hard/article-2000.html), --click-after MS (1000), --idle-max S (90). Chromium only; figures depend on
 * this machine's load (printed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, EXTENSION_DIR, serveFixtures } from '../tests/e2e/harness';

interface Options {
  ext: string;
  runs: number;
  page: string;
  clickAfterMs: number;
  idleMaxS: number;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { ext: EXTENSION_DIR, runs: 3, page: 'hard/article-2000.html', clickAfterMs: 1000, idleMaxS: 90 };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${x} needs a value`);
      return v;
    };
    const num = () => {
      const v = Number(next());
      if (!Number.isFinite(v) || v < 0) fail(`${x} needs a number`);
      return v;
    };
    if (x === '--ext') o.ext = next();
    else if (x === '--runs') o.runs = Math.max(1, Math.round(num()));
    else if (x === '--page') o.page = next();
    else if (x === '--click-after') o.clickAfterMs = num();
    else if (x === '--idle-max') o.idleMaxS = num();
    else fail(`unknown option: ${x}`);
  }
  return o;
}

function fail(message: string): never {
  process.stderr.write(`bench:idle: ${message}\n`);
  process.exit(2);
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** DevTools protocol over the pipe Chromium opens on fds 3 (commands in) and 4 (answers and events out), messages
 * ending in NUL. Sessions are flat (`sessionId` on each message); nothing is attached unless asked. */
class Pipe {
  private next = 0;
  private waiting = new Map<number, { ok: (v: Record<string, unknown>) => void; ko: (e: Error) => void }>();
  private buffer = '';
  constructor(private child: ChildProcess) {
    const out = child.stdio[4] as NodeJS.ReadableStream;
    out.setEncoding('utf8');
    out.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const m = JSON.parse(this.buffer.slice(0, end)) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
        this.buffer = this.buffer.slice(end + 1);
        const w = m.id !== undefined ? this.waiting.get(m.id) : undefined;
        if (!w) continue;
        this.waiting.delete(m.id!);
        if (m.error) w.ko(new Error(m.error.message));
        else w.ok(m.result ?? {});
      }
    });
  }
  send(method: string, params: object = {}, sessionId?: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const id = ++this.next;
    const answer = new Promise<Record<string, unknown>>((ok, ko) => this.waiting.set(id, { ok, ko }));
    (this.child.stdio[3] as NodeJS.WritableStream).write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    return Promise.race([answer, sleep(timeoutMs).then(() => Promise.reject(new Error(`${method}: no answer in ${timeoutMs} ms`)))]);
  }
}

async function targets(cdp: Pipe): Promise<TargetInfo[]> {
  return ((await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos;
}

/** Evaluate `expression` (awaited) in a new tab opened on `url`, then close the tab. */
async function inPage<T>(cdp: Pipe, url: string, expression: string): Promise<T> {
  const { targetId } = (await cdp.send('Target.createTarget', { url })) as { targetId: string };
  try {
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    for (let i = 0; i < 100; i++) {
      const ready = (await cdp.send('Runtime.evaluate', { expression: 'document.readyState', returnByValue: true }, sessionId)) as { result: { value?: string } };
      if (ready.result.value === 'complete') break;
      await sleep(50);
    }
    const r = (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId, 60_000)) as {
      result: { value?: T };
      exceptionDetails?: { exception?: { description?: string } };
    };
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? 'evaluation failed');
    return r.result.value as T;
  } finally {
    await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
  }
}

/** Renderer processes of the browser `root` whose command line marks them as the extension's. */
function extensionProcesses(root: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const walk = (pid: number) => {
    if (seen.has(pid)) return;
    seen.add(pid);
    let children: string[] = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      return;
    }
    for (const c of children) {
      const child = +c;
      try {
        if (readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('--extension-process')) out.push(child);
      } catch {
        /* gone */
      }
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** Proportional set size of a process, kB (/proc/PID/smaps_rollup: its private pages plus its share of the pages it
 * shares with the browser's other processes, so the figures of several processes add up). 0 when it has gone. */
function pssKb(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? +m[1]! : 0;
  } catch {
    return 0;
  }
}

interface SwitchOn {
  ok: boolean;
  ms: number;
  timings?: Record<string, number>;
  code?: string;
}

const SWITCH_ON = (pageUrl: string, waitMs: number) => `(async () => {
  const deadline = Date.now() + 15000;
  let tab;
  while (!tab && Date.now() < deadline) {
    [tab] = await chrome.tabs.query({ url: ${JSON.stringify(pageUrl)}, status: 'complete' });
    if (!tab) await new Promise((ok) => setTimeout(ok, 20));
  }
  if (!tab) return { ok: false, ms: NaN, code: 'no-tab' };
  await new Promise((ok) => setTimeout(ok, ${waitMs}));
  const t0 = performance.now();
  const r = await chrome.runtime.sendMessage({ type: 'mirage:set-highlights', tabId: tab.id, enabled: true });
  return { ok: !!r && r.ok, ms: performance.now() - t0, timings: r && r.timings, code: r && r.code };
})()`;

interface Run {
  workerGoneS: number;
  processGoneS: number;
  pssOnMb: number;
  pssIdleMb: number;
  next: SwitchOn;
  load: number;
  /** What the worker's warm-up had done by the end of the run (read once the timing is over: attaching keeps the
   * worker alive). */
  warm?: { reason: string; passesDone: number; busyMs: number; longestMs: number };
}

async function warmRecord(cdp: Pipe, url: string): Promise<Run['warm']> {
  const sw = (await targets(cdp)).find((t) => t.type === 'service_worker' && t.url === url);
  if (!sw) return undefined;
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: true })) as { sessionId: string };
  const r = (await cdp.send('Runtime.evaluate', { expression: 'JSON.stringify(globalThis.__mirageWarm ?? null)', returnByValue: true }, sessionId)) as { result: { value?: string } };
  return (JSON.parse(r.result.value ?? 'null') as Run['warm'] | null) ?? undefined;
}

async function oneRun(o: Options, baseUrl: string, i: number): Promise<Run> {
  const profile = await mkdtemp(join(tmpdir(), 'mirage-idle-'));
  const child = spawn(CHROMIUM, [
    '--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`,
    `--disable-extensions-except=${o.ext}`, `--load-extension=${o.ext}`,
    '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync', '--lang=en-US',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const cdp = new Pipe(child);
  try {
    let id = '';
    for (let k = 0; k < 200 && !id; k++) {
      const sw = (await targets(cdp)).find((t) => t.type === 'service_worker' && t.url.endsWith('/background.js'));
      if (sw) id = new URL(sw.url).host;
      else await sleep(50);
    }
    if (!id) throw new Error('the extension did not start');
    const ext = (path: string) => `chrome-extension://${id}/${path}`;
    const swPresent = async () => (await targets(cdp)).some((t) => t.type === 'service_worker' && t.url === ext('background.js'));
    await sleep(4000); // the launch warm-up (once per session) is done by then
    const article = `${baseUrl}/${o.page}?idle=${i}`;
    const { targetId: articleTab } = (await cdp.send('Target.createTarget', { url: article })) as { targetId: string };
    const first = await inPage<SwitchOn>(cdp, ext('options.html'), SWITCH_ON(article, 300));
    if (!first.ok) throw new Error(`first switch-on failed: ${first.code}`);
    await sleep(500);
    const pssOn = extensionProcesses(child.pid!).reduce((s, p) => s + pssKb(p), 0);
    const t0 = Date.now();
    let workerGoneS = NaN;
    let processGoneS = NaN;
    let pssIdle = 0;
    while ((Date.now() - t0) / 1000 < o.idleMaxS) {
      const procs = extensionProcesses(child.pid!);
      if (Number.isNaN(workerGoneS) && !(await swPresent())) workerGoneS = (Date.now() - t0) / 1000;
      if (!Number.isNaN(workerGoneS)) {
        if (procs.length === 0) {
          processGoneS = (Date.now() - t0) / 1000;
          break;
        }
        pssIdle = procs.reduce((s, p) => s + pssKb(p), 0);
        if ((Date.now() - t0) / 1000 > workerGoneS + 10) break; // the process outlives the worker: report what it holds
      }
      await sleep(250);
    }
    await cdp.send('Target.closeTarget', { targetId: articleTab }).catch(() => undefined);
    // The reader's next article, after the idle stop: its load wakes the worker (a tab event: no warm-up).
    const nextUrl = `${baseUrl}/${o.page}?idle-next=${i}`;
    const load = loadavg()[0]!;
    await cdp.send('Target.createTarget', { url: nextUrl });
    const next = await inPage<SwitchOn>(cdp, ext('options.html'), SWITCH_ON(nextUrl, o.clickAfterMs));
    return { workerGoneS, processGoneS, pssOnMb: pssOn / 1024, pssIdleMb: pssIdle / 1024, next, load, warm: await warmRecord(cdp, ext('background.js')) };
  } finally {
    child.kill('SIGKILL');
    await new Promise((ok) => child.once('exit', ok));
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f0 = (x: number) => (Number.isFinite(x) ? String(Math.round(x)) : '–');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  if (!existsSync(join(o.ext, 'manifest.json'))) fail(`no test build at ${o.ext}: run \`npm run build:e2e\` first`);
  if (!existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  const { server, baseUrl } = await serveFixtures();
  const runs: Run[] = [];
  try {
    console.log(`bench:idle · ${o.page} · ${o.runs} browser(s) · the next article's switch-on ${o.clickAfterMs} ms after its load`);
    console.log('run  worker stopped (s idle)  extension process gone (s)  its PSS on / after the stop (MB)  next article: round trip, inject/extract/score/paint (ms)  load  warm-up (reason, passes, worker ms, longest task ms)');
    for (let i = 0; i < o.runs; i++) {
      const r = await oneRun(o, baseUrl, i);
      runs.push(r);
      const t = r.next.timings ?? {};
      console.log(`${String(i + 1).padStart(3)}  ${f1(r.workerGoneS).padStart(22)}  ${(Number.isNaN(r.processGoneS) ? 'still there' : f1(r.processGoneS)).padStart(26)}  ${`${f1(r.pssOnMb)} / ${Number.isNaN(r.processGoneS) ? f1(r.pssIdleMb) : '0 (exited)'}`.padStart(33)}  ${r.next.ok ? `${f0(r.next.ms)}, ${f0(t.inject ?? NaN)}/${f0(t.extract ?? NaN)}/${f0(t.score ?? NaN)}/${f0(t.paint ?? NaN)}` : `failed: ${r.next.code}`}  ${r.load.toFixed(1)}  ${r.warm ? `${r.warm.reason || 'none'}, ${r.warm.passesDone}, ${f0(r.warm.busyMs)}, ${f0(r.warm.longestMs)}` : '–'}`);
    }
  } finally {
    server.close();
  }
  console.log(`median: worker stopped after ${f1(median(runs.map((r) => r.workerGoneS)))} s idle; extension process gone after ${f1(median(runs.map((r) => r.processGoneS)))} s (${runs.filter((r) => !Number.isNaN(r.processGoneS)).length} of ${runs.length}); PSS while on ${f1(median(runs.map((r) => r.pssOnMb)))} MB; next article ${f0(median(runs.filter((r) => r.next.ok).map((r) => r.next.ms)))} ms (score ${f0(median(runs.map((r) => r.next.timings?.score ?? NaN)))} ms)`);
  return runs.every((r) => r.next.ok && Number.isFinite(r.workerGoneS)) ? 0 : 1;
}

main().then((code) => process.exit(code), (e: unknown) => {
  process.stderr.write(`bench:idle: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
