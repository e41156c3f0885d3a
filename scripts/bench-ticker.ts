/**
 * bench-ticker — what a page that never stops changing costs while analysis is on (issue 11, item 4).
 *
 * What: launches the e2e test build in Debian's Chromium through the e2e harness and opens
 * tests/e2e/fixtures/hard/ticker.html: the 100,000-word page with an "updated N s ago" line inside its article,
 * rewritten every 100 ms (its words change once a second), in the front tab (as a reader sees it: a tab in the
 * background gets next to no frames). Two windows of `--seconds` each:
 *   off — analysis off, the ticker ticking: what the page costs by itself;
 *   on  — analysis on (switched on, then `--settle` seconds left to pass), the ticker still ticking.
 * For each window it reads, from /proc, the CPU time (user + system) of the browser's processes: the extension's
 * process (`--extension-process`: its service worker, where the engine runs, and its pages), the page renderers,
 * the browser process, and the rest (GPU, utility, zygote) — every thread, garbage collection included. For the
 * "on" window it also reads how often the background scored (`globalThis.__mirageStats` in the test build:
 * engine runs, one per language group analysed, and the characters they read). At the end it checks that the page
 * still carries highlights and that the ticker still ticks.
 * When: `npm run build:e2e && npm run bench:ticker` (or `npx tsx scripts/bench-ticker.ts --extension DIR` for
 * another build, e.g. an older commit's `.output-e2e/chrome-mv3`).
 * Options: --seconds 60  --settle 5  --mode text|data (the ticker replaces its text node, or changes its data)
 *   --extension .output-e2e/chrome-mv3
 * Limits: Linux only (/proc); CPU figures include whatever else the browser does in the window (nothing else is
 * open but the tests' idle controller page); the machine is shared, so figures move between runs — compare runs
 * made one after the other.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_DIR, startHarness, type Harness } from '../tests/e2e/harness';
import { sleep, withTimeout } from '../tests/e2e/trace';

interface Options {
  seconds: number;
  settle: number;
  mode: 'text' | 'data';
  extension: string;
}

function parseOptions(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, fallback: number) => {
    const v = Number(get(name));
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return {
    seconds: num('seconds', 60),
    settle: num('settle', 5),
    mode: get('mode') === 'data' ? 'data' : 'text',
    extension: resolve(get('extension') ?? EXTENSION_DIR),
  };
}

// ---------------------------------------------------------------- processes and CPU from /proc

const TICKS = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

interface Proc {
  pid: number;
  ppid: number;
  args: string[];
  cpuS: number;
}

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
    // Chromium's child processes rewrite their command line as one string: split on NUL and on spaces
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/).filter(Boolean);
    return { pid, ppid: Number(rest[1]), args, cpuS: (Number(rest[11]) + Number(rest[12])) / TICKS };
  } catch {
    return undefined; // gone meanwhile
  }
}

type Kind = 'extension' | 'pages' | 'browser' | 'other';
const KINDS: Kind[] = ['extension', 'pages', 'browser', 'other'];

/** The browser started with our extension, and all its descendants, by kind. */
function browserProcs(extensionDir: string): Map<number, Kind> {
  const all = readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map((n) => readProc(Number(n))).filter((p): p is Proc => !!p);
  const root = all.filter((p) => !p.args.some((a) => a.startsWith('--type=')) && p.args.includes(`--load-extension=${extensionDir}`)).sort((a, b) => b.pid - a.pid)[0];
  const out = new Map<number, Kind>();
  if (!root) return out;
  out.set(root.pid, 'browser');
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if (out.has(p.pid) || !out.has(p.ppid)) continue;
      const renderer = p.args.includes('--type=renderer');
      out.set(p.pid, renderer ? (p.args.includes('--extension-process') ? 'extension' : 'pages') : 'other');
      grew = true;
    }
  }
  return out;
}

function cpuByKind(procs: Map<number, Kind>): Record<Kind, number> {
  const out: Record<Kind, number> = { extension: 0, pages: 0, browser: 0, other: 0 };
  for (const [pid, kind] of procs) out[kind] += readProc(pid)?.cpuS ?? 0;
  return out;
}

/** CPU seconds by kind over `seconds`, as a share of one core. */
async function window(extensionDir: string, seconds: number): Promise<Record<Kind, number>> {
  const procs = browserProcs(extensionDir);
  if (!procs.size) throw new Error('browser process not found in /proc');
  const a = cpuByKind(procs);
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const b = cpuByKind(browserProcs(extensionDir)); // processes that started meanwhile count from zero
  const wall = (performance.now() - t0) / 1000;
  return Object.fromEntries(KINDS.map((k) => [k, Math.max(0, b[k] - a[k]) / wall])) as Record<Kind, number>;
}

// ---------------------------------------------------------------- the bench

type Stats = { runs: number; chars: number };

async function scoringStats(h: Harness): Promise<Stats> {
  const s = await h.worker.evaluate(() => (globalThis as { __mirageStats?: Stats }).__mirageStats);
  if (!s) throw new Error('no __mirageStats in the service worker: is this the e2e test build (npm run build:e2e)?');
  return { runs: s.runs, chars: s.chars };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  if (!existsSync(join(o.extension, 'manifest.json'))) {
    console.error(`No test build at ${o.extension}: run \`npm run build:e2e\` first.`);
    return 2;
  }
  console.log(`bench-ticker: ${o.extension}; windows of ${o.seconds} s; ticker mode '${o.mode}'`);
  const h = await withTimeout(startHarness({ extensionDir: o.extension }), 60_000, 'start Chromium');
  try {
    const page = await h.openFixture(`hard/ticker.html?ticker=off`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 30_000 });
    const words = await page.evaluate(() => document.body.innerText.split(/\s+/).filter(Boolean).length);
    await page.evaluate((mode) => (window as unknown as { __ticker: { start(ms: number, mode: string): void } }).__ticker.start(100, mode), o.mode);
    const tabId = await h.tabIdOf(page.url());
    // the tests' controller page (which sends the messages) took the front: the reader looks at the page, and a tab
    // in the background gets next to no frames
    await page.bringToFront();
    console.log(`  ${words} words on the page; ticker every 100 ms`);

    await sleep(o.settle * 1000);
    const off = await window(o.extension, o.seconds);
    console.log(`  off: ${KINDS.map((k) => `${k} ${pct(off[k])}`).join(', ')}`);

    const r = await withTimeout(h.send<{ ok: boolean; flagged?: number; ms?: number }>({ type: 'mirage:set-highlights', tabId, enabled: true }), 120_000, 'switch on');
    if (!r.ok) throw new Error(`switch on failed: ${JSON.stringify(r)}`);
    console.log(`  on: ${r.flagged} sentences highlighted in ${r.ms} ms`);
    await page.bringToFront();
    await sleep(o.settle * 1000);
    const s0 = await scoringStats(h);
    const on = await window(o.extension, o.seconds);
    const s1 = await scoringStats(h);
    const perMin = (x: number) => (x * 60) / o.seconds;
    const runs = perMin(s1.runs - s0.runs);
    const chars = perMin(s1.chars - s0.chars);
    console.log(`  on: ${KINDS.map((k) => `${k} ${pct(on[k])}`).join(', ')}`);

    const check = await page.evaluate(() => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      return {
        highlights: ['mirage-1', 'mirage-2', 'mirage-3'].reduce((n, k) => n + (reg.get(k)?.size ?? 0), 0),
        ticks: (window as unknown as { __ticker: { ticks(): number } }).__ticker.ticks(),
        ticker: document.getElementById('ticker')?.textContent,
      };
    });
    const view = await h.send<{ phase: string }>({ type: 'mirage:get-state', tabId });
    await h.send({ type: 'mirage:set-highlights', tabId, enabled: false });

    const rows: [string, string, string][] = [
      ['', 'analysis off', 'analysis on'],
      ['engine runs (re-scores) per minute', '—', runs.toFixed(1)],
      ['characters scored per minute', '—', Math.round(chars).toLocaleString('en')],
      ['extension process CPU (service worker + its pages)', pct(off.extension), pct(on.extension)],
      ['page renderer CPU', pct(off.pages), `${pct(on.pages)} (×${(on.pages / Math.max(off.pages, 1e-9)).toFixed(1)})`],
      ['browser process CPU', pct(off.browser), pct(on.browser)],
      ['other processes (GPU, utility)', pct(off.other), pct(on.other)],
    ];
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[1].length));
    console.log(`\n=== A page that never stops changing (ticker every 100 ms, ${words} words), ${o.seconds} s windows ===\n`);
    for (const x of rows) console.log(`${x[0].padEnd(w0)}  ${x[1].padStart(w1)}  ${x[2]}`);
    console.log(`\nCPU = user + system time from /proc over the window, as a share of one core. At the end: view '${view.phase}', ${check.highlights} highlight ranges on the page, ticker "${check.ticker}" after ${check.ticks} ticks.`);
    const violations = h.networkViolations();
    console.log(violations.length ? `NETWORK: ${violations.map((v) => v.url).join(', ')}` : 'Network: no request beyond 127.0.0.1.');
    return 0;
  } finally {
    await withTimeout(h.close(), 20_000, 'close').catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`bench-ticker failed: ${(e as Error)?.stack ?? e}`);
    process.exit(1);
  },
);
