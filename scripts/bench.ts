/**
 * `npm run bench` — engine throughput in Node on long texts, and its ratio to a bare Intl.Segmenter sentence + word
 * pass over the same text in the same run (the floor any segmentation-based analysis pays).
 *
 * Texts: human texts of the dev set (../shared/data/dev.jsonl) joined into a 2,000-word and a 100,000-word English
 * document when it is available — read at run time, never stored; otherwise the project's own fixture articles
 * (tests/e2e/fixtures) repeated. Figures: median wall time of warm runs (after warm-up), per-signal breakdown.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { analyse } from '../src/engine/score/analyse';
import { buildDoc } from '../src/engine/text/doc';
import { SIGNALS } from '../src/engine/signals/index';
import { dataAvailable } from '../src/eval/dataset';
import { DATA_DIR, readJsonl } from '../src/eval/sources';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function corpus(): { text: string; from: string } {
  if (dataAvailable()) {
    const paras = readJsonl(join(DATA_DIR, 'dev.jsonl')).items.filter((i) => i.lang === 'en' && i.label === 'human').map((i) => i.text.trim());
    return { text: paras.join('\n\n'), from: 'dev set human English texts (read at run time)' };
  }
  const dir = join(root, 'tests/e2e/fixtures');
  const texts = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(dir, f), 'utf8').replace(/<[^>]+>/g, ' ').replace(/[ \t]+/g, ' '))
    : [];
  return { text: texts.join('\n\n') || 'The quick brown fox jumps over the lazy dog. '.repeat(200), from: 'project fixture pages' };
}

function takeWords(src: string, n: number): string {
  const paras = src.split(/\n\s*\n/);
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < n; i = (i + 1) % paras.length) {
    const w = paras[i]!.split(/\s+/).filter(Boolean);
    const take = w.slice(0, n - count);
    out.push(take.join(' '));
    count += take.length;
  }
  return out.join('\n\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void, runs: number, warm = 2): number {
  for (let i = 0; i < warm; i++) fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

const sentSeg = new Intl.Segmenter('en', { granularity: 'sentence' });
const wordSeg = new Intl.Segmenter('en', { granularity: 'word' });
function bareSegmentation(text: string): number {
  let n = 0;
  for (const para of text.split(/\n\s*\n/)) {
    for (const s of sentSeg.segment(para)) {
      for (const w of wordSeg.segment(s.segment)) if (w.isWordLike) n++;
    }
  }
  return n;
}

const { text: src, from } = corpus();
console.log(`Mirage Lens engine benchmark · Node ${process.version} · texts from ${from}`);
for (const [label, words, runs] of [['2,000 words', 2000, 31], ['100,000 words', 100_000, 5]] as const) {
  const text = takeWords(src, words);
  const tEngine = time(() => analyse(text), runs);
  const tBare = time(() => bareSegmentation(text), runs);
  const doc = buildDoc(text);
  const tDoc = time(() => buildDoc(text), runs);
  console.log(`\n${label} (${doc.words.length} words, ${doc.sentences.length} sentences): analyse ${tEngine.toFixed(1)} ms median of ${runs} warm runs` +
    ` · ${Math.round(doc.words.length / (tEngine / 1000)).toLocaleString('en-US')} words/s`);
  console.log(`  bare Intl.Segmenter sentence+word pass ${tBare.toFixed(1)} ms · ratio engine/bare ${(tEngine / tBare).toFixed(2)}`);
  console.log(`  of which: segmentation + language (buildDoc) ${tDoc.toFixed(1)} ms`);
  for (const s of SIGNALS) console.log(`    ${s.id.padEnd(20)} ${time(() => s.compute(doc), runs).toFixed(2)} ms`);
}
