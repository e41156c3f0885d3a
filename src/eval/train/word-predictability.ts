/**
 * word-predictability (fit) — the French successor table of the word-predictability signal
 * (src/engine/signals/word-predictability.ts), fitted on French HUMAN running text.
 *
 * `fitWordPredictability(train, lang, config?)` keeps the HUMAN rows of `lang` (any source: this is a model of human
 * prose, not a contrast, so human-only sources such as French news count), reads each sentence's words as ranks of
 * the shipped unigram list (LM_TABLES[lang].vocab; words outside it are unknown) and returns:
 * - `insert`: the one-letter words that list lacks (its French sources omit à, a and y, 3% of French running text),
 *   placed at their frequency rank in the training text (`insertShare`);
 * - `next`: for the `prevWords` most frequent words of that list, the successors seen at least `minBigram` times
 *   after them inside a sentence, at most `maxSucc`, most frequent first (ties: lower rank first);
 * - `expect[k][prevBin][wordBin]`: the share of human words whose rank among the successors of the previous word
 *   is below 10^(k+1), measured on held-out texts (`folds`-fold cross-validation over the training texts, lists
 *   rebuilt without the held-out fold), per (previous-word bin, word bin), bin = floor(log2(1 + rank)); cells with
 *   fewer than `minCell` observations fall back to the word bin alone. Rounded to 3 decimals.
 * The same construction as the English Brown table (scripts/build-lm.ts), on the rows it is given: the protocol
 * passes the fold's rows (a text of source T is never measured by a table fitted on T) and `npm run build:style`
 * passes every French human text of ../shared/data (assets/wp-fr.json). Deterministic for rows in a fixed order.
 * Limits: a few hundred texts of news, encyclopaedia and homework dissertations: thin next to Brown's million
 * words, so most successor lists are short and the expectation table carries most of the information.
 */
import { vocabRank, type WordPredictabilityModel } from '../../engine/signals/word-predictability';
import type { Doc } from '../../engine/types';
import type { TrainRow } from './rows';

export interface WordPredictabilityConfig {
  /** Previous words (the most frequent of the unigram list) that get a successor list. */
  prevWords: number;
  /** A successor must be seen at least this often after its previous word. */
  minBigram: number;
  /** At most this many successors per word (the signal asks "top 100 or not"). */
  maxSucc: number;
  /** Cross-validation folds of the expectation table. */
  folds: number;
  /** Cells with fewer held-out observations fall back to the word's bin alone. */
  minCell: number;
  /** One-letter words missing from the unigram list are added when they make at least this share of the training
   * tokens (0 = never). */
  insertShare: number;
}

export const WORD_PREDICTABILITY_DEFAULTS: WordPredictabilityConfig = { prevWords: 4000, minBigram: 1, maxSucc: 100, folds: 5, minCell: 30, insertShare: 0 };

const bin = (rank: number) => Math.floor(Math.log2(1 + rank));
const bucketOf = (rank: number) => (rank < 10 ? 0 : rank < 100 ? 1 : rank < 1000 ? 2 : 3);

/** Sentences of a Doc as unigram ranks (-1 = unknown word). */
function sentencesOf(doc: Doc, rank: ReadonlyMap<string, number>): number[][] {
  const out: number[][] = doc.sentences.map(() => []);
  for (const w of doc.words) out[w.sentence]!.push(rank.get(w.lower) ?? -1);
  return out.filter((s) => s.length > 1);
}

function successors(sentences: readonly number[][], c: WordPredictabilityConfig): number[][] {
  const pairs = new Map<number, Map<number, number>>();
  for (const s of sentences) {
    for (let i = 1; i < s.length; i++) {
      const a = s[i - 1]!;
      const b = s[i]!;
      if (a < 0 || b < 0 || a >= c.prevWords) continue;
      let m = pairs.get(a);
      if (!m) pairs.set(a, (m = new Map<number, number>()));
      m.set(b, (m.get(b) ?? 0) + 1);
    }
  }
  const next: number[][] = [];
  for (let a = 0; a < c.prevWords; a++) {
    const m = pairs.get(a);
    next.push(m ? [...m].filter(([, n]) => n >= c.minBigram).sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, c.maxSucc).map(([b]) => b) : []);
  }
  while (next.length && next[next.length - 1]!.length === 0) next.pop();
  return next;
}

function expectation(texts: readonly number[][][], vocabSize: number, c: WordPredictabilityConfig): number[][][] {
  const nb = bin(vocabSize) + 1;
  const zero = () => Array.from({ length: nb }, () => new Array<number>(nb).fill(0));
  const hits = [zero(), zero(), zero()];
  const cnt = zero();
  const uhits = [new Array<number>(nb).fill(0), new Array<number>(nb).fill(0), new Array<number>(nb).fill(0)];
  const ucnt = new Array<number>(nb).fill(0);
  for (let f = 0; f < c.folds; f++) {
    const next = successors(texts.filter((_, i) => i % c.folds !== f).flat(), c).map((l) => new Map(l.map((b, i) => [b, i])));
    for (const s of texts.filter((_, i) => i % c.folds === f).flat()) {
      for (let i = 1; i < s.length; i++) {
        const p = s[i - 1]!;
        if (p < 0 || p >= next.length || next[p]!.size === 0) continue;
        const u = s[i]! < 0 ? vocabSize : s[i]!;
        const b = bucketOf(next[p]!.get(u) ?? next[p]!.size + u);
        const pb = bin(p);
        const ub = Math.min(bin(u), nb - 1);
        cnt[pb]![ub]!++;
        ucnt[ub]!++;
        for (let k = 0; k < 3; k++) {
          if (b <= k) {
            hits[k]![pb]![ub]!++;
            uhits[k]![ub]!++;
          }
        }
      }
    }
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return hits.map((h, k) => h.map((row, pb) => row.map((x, ub) => round(cnt[pb]![ub]! >= c.minCell ? x / cnt[pb]![ub]! : ucnt[ub]! ? uhits[k]![ub]! / ucnt[ub] : 0))));
}

const ONE_LETTER = /^\p{L}$/u;

/**
 * One-letter words the unigram list lacks (its French sources omit them: à, a, y) and that make at least
 * `insertShare` of the training tokens, each placed at its frequency rank among the list's words in the training
 * text (the number of list words seen more often), as [final rank, word] in splice order.
 */
function insertions(docs: readonly Doc[], lang: 'en' | 'fr', c: WordPredictabilityConfig): [number, string][] {
  const { rank } = vocabRank(lang);
  const count = new Map<string, number>();
  let tokens = 0;
  for (const d of docs) {
    for (const w of d.words) {
      tokens++;
      count.set(w.lower, (count.get(w.lower) ?? 0) + 1);
    }
  }
  const listed = [...count].filter(([w]) => rank.has(w)).map(([, n]) => n);
  const missing = [...count].filter(([w, n]) => !rank.has(w) && ONE_LETTER.test(w) && n >= c.insertShare * tokens);
  const est = missing.map(([w, n]) => [listed.filter((m) => m > n).length, w] as [number, string]).sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return est.map(([r, w], i) => [r + i, w]);
}

export function fitWordPredictability(train: readonly TrainRow[], lang: 'en' | 'fr', config: Partial<WordPredictabilityConfig> = {}): WordPredictabilityModel {
  const c: WordPredictabilityConfig = { ...WORD_PREDICTABILITY_DEFAULTS, ...config };
  const docs = train.filter((r) => r.label === 'human' && r.doc.lang === lang).map((r) => r.doc);
  const insert = c.insertShare > 0 ? insertions(docs, lang, c) : [];
  const { rank, size } = vocabRank(lang, insert);
  const texts = docs.map((d) => sentencesOf(d, rank));
  return { lang, ...(insert.length ? { insert } : {}), next: successors(texts.flat(), c), expect: expectation(texts, size, c) };
}
