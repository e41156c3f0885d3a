/**
 * bench-cold — what the engine's first run costs in a new process, part by part (issue 12: the first click of a
 * cold worker).
 *
 * What: `--runs` times, a Node process of its own (nothing warm, as in a service worker that just started) does,
 * in order and timed one by one:
 *   - the engine's import (module evaluation, with the reference tables as object literals; under tsx, so the
 *     figure includes transpiling and is not the worker's);
 *   - for English, then French, on a short text of each (src/engine/warm.ts's texts): building the document (the
 *     first `Intl.Segmenter` of the language, language detection), each signal on its own (each builds its tables
 *     at first use), then the whole analysis (placing among the references) and its explanation; each part is
 *     timed cold (first call) and warm (the same call again right after), so cold minus warm is what building the
 *     tables and compiling the code cost;
 *   - then, in a second process per run, the 2,000-word article (tests/e2e/fixtures/hard/article-2000.html, its
 *     paragraphs) analysed once cold and then warm (median of 10): the first request's engine cost in Node; and in
 *     a third, the same after the warm-up's steps (what a request meets in a worker that warmed up first).
 * Prints the median of each part over the runs.
 * When: `npx tsx scripts/bench-cold.ts [--runs 7] [--json] [--compare DIR]` (DIR: another copy of the project, e.g.
 *   `git archive` of an older commit with node_modules linked; its processes alternate with this tree's). Figures move with the machine's load (printed).
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(import.meta.url);
const ROOT = join(HERE, '..', '..');
const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

type Parts = Record<string, number>;

function articleText(): string {
  const html = readFileSync(join(ROOT, 'tests/e2e/fixtures/hard/article-2000.html'), 'utf8');
  const paras = [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
  return paras.filter(Boolean).join('\n\n');
}

async function childParts(): Promise<Parts> {
  const out: Parts = {};
  const time = (name: string, fn: () => unknown) => {
    const t0 = performance.now();
    fn();
    out[name] = performance.now() - t0;
  };
  const t0 = performance.now();
  const engine = await import('../src/engine/index');
  const { SIGNALS } = await import('../src/engine/signals/index');
  const { buildDoc } = await import('../src/engine/text/doc');
  const { WARM_TEXTS } = await import('../src/engine/warm');
  out['import'] = performance.now() - t0;
  for (const lang of ['en', 'fr'] as const) {
    const text = WARM_TEXTS[lang];
    let doc: ReturnType<typeof buildDoc> | undefined;
    for (const phase of ['cold', 'warm']) {
      time(`${lang} doc ${phase}`, () => (doc = buildDoc(text)));
      for (const s of SIGNALS) time(`${lang} ${s.id} ${phase}`, () => engine.measure(doc!, [s]));
      let report: ReturnType<typeof engine.analyse> | undefined;
      time(`${lang} analyse ${phase}`, () => (report = engine.analyse(text)));
      time(`${lang} explain ${phase}`, () => engine.explain(report!, lang));
    }
  }
  return out;
}

async function childArticle(mode: string): Promise<Parts> {
  const text = articleText();
  const t0 = performance.now();
  const { analyse } = await import('../src/engine/index');
  const out: Parts = { 'article import': performance.now() - t0 };
  let t = performance.now();
  if (mode === 'article-after-warm') {
    // what the worker's warm-up leaves: its steps run first (their time is not counted here)
    const { warmSteps } = await import('../src/engine/index');
    for (const step of warmSteps()) step();
  }
  t = performance.now();
  analyse(text);
  out[`${mode} first analyse`] = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < 10; i++) {
    t = performance.now();
    analyse(text);
    warm.push(performance.now() - t);
  }
  out[`${mode} warm analyse (median of 10)`] = median(warm);
  out['article words'] = text.split(/\s+/).length;
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function runChild(mode: string, script = HERE): Promise<Parts> {
  return new Promise((ok, fail) => {
    const child = fork(script, ['--child', mode], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m) => ok(m as Parts));
    child.once('exit', (code) => (code ? fail(new Error(`child ${mode} exited ${code}`)) : undefined));
  });
}

async function main(): Promise<void> {
  const mode = arg('child');
  if (mode) {
    process.send!(mode === 'parts' ? await childParts() : await childArticle(mode));
    process.exit(0);
  }
  const runs = Number(arg('runs') ?? 7);
  // --compare DIR: another copy of the project (e.g. `git archive` of an older commit, node_modules linked), its
  // processes alternating with this one's, so both see the same machine load
  const other = arg('compare');
  const trees = [HERE, ...(other ? [join(other, 'scripts/bench-cold.ts')] : [])];
  console.log(`bench-cold: ${runs} runs${other ? ` of this tree and of ${other}, alternating` : ''}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} at the start`);
  const all: Parts[][] = trees.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [t, script] of trees.entries()) {
      all[t]!.push({ ...(await runChild('parts', script)), ...(await runChild('article', script)), ...(await runChild('article-after-warm', script)) });
    }
  }
  const keys = Object.keys(all[0]![0]!);
  const meds = all.map((a) => Object.fromEntries(keys.map((k) => [k, median(a.map((p) => p[k]!))])));
  if (argv.includes('--json')) console.log(JSON.stringify(meds));
  const f = (x: number | undefined) => (x === undefined ? '' : x.toFixed(1));
  const names = other ? ['this tree', other] : ['this tree'];
  console.log(`\nimport ${meds.map((m) => f(m['import'])).join(' / ')} ms (under tsx)`);
  console.log(`\n| part | ${names.map((n) => `${n}: cold ms | warm ms | cold - warm`).join(' | ')} |\n|---|${names.map(() => '---|---|---').join('|')}|`);
  const sums = names.map(() => 0);
  for (const k of keys.filter((x) => x.endsWith(' cold'))) {
    const base = k.slice(0, -5);
    const cells = meds.map((med, t) => {
      const c = med[k]!;
      const w = med[`${base} warm`]!;
      sums[t]! += c - w;
      return `${f(c)} | ${f(w)} | ${f(c - w)}`;
    });
    console.log(`| ${base} | ${cells.join(' | ')} |`);
  }
  console.log(`| total of cold - warm | ${sums.map((x) => `| | ${f(x)}`).join(' | ')} |`);
  for (const [t, med] of meds.entries()) {
    for (const m of ['article', 'article-after-warm']) {
      console.log(`\n${names[t]}: 2,000-word article (${med['article words']} words), ${m === 'article' ? 'nothing warm' : "after the warm-up's steps"}: first analyse ${f(med[`${m} first analyse`])} ms, then ${f(med[`${m} warm analyse (median of 10)`])} ms (medians of ${runs} processes)`);
    }
  }
  console.log(`load average at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

void main();
