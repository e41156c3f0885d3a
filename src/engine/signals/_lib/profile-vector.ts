/**
 * profile-vector — the style-profile feature vector (names and meaning: profile.ts) of sentences [from, to) of a
 * document, from the integer counts of one `profilePass`: sums of the sentences' counts, plus the few figures that
 * are not sums (sentence-length statistics, word-length mean and sd, repeated and distinct openers), computed over
 * the range. The whole document and every per-sentence window come from the same pass.
 * Limits: sums are exact (integer counts); the order of floating-point operations follows the research prototype,
 * so the vector is bit-identical to its profile of the same sentences.
 */
import { INIT_KINDS, MISC, OPENER_WINDOW, type ProfilePass } from './profile';
import { PERSONS } from './profile-lexicon';

const q = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

interface SentenceFigures {
  /** Sentences with words (at least 1, as a divisor). */
  ns: number;
  /** The sl:* features. */
  lengths: number[];
  repeat: number;
  distinct: number;
}

/** Sentence-length and opener figures of sentences [from, to) (those with words). */
function sentenceFigures(pass: ProfilePass, from: number, to: number): SentenceFigures {
  const doc = pass.doc;
  const lens: number[] = [];
  let repeat = 0;
  let prevFirst = '';
  const firsts: string[] = [];
  for (let si = from; si < to; si++) {
    const wc = doc.sentences[si]!.wordCount;
    if (wc === 0) continue;
    lens.push(wc);
    const f = pass.firsts[si]!;
    if (f === prevFirst) repeat++;
    prevFirst = f;
    firsts.push(f);
  }
  const ns = Math.max(1, lens.length);
  let sum = 0;
  for (const l of lens) sum += l;
  const mean = sum / Math.max(1, lens.length);
  let ss = 0;
  for (const l of lens) ss += (l - mean) ** 2;
  const sd = Math.sqrt(ss / Math.max(1, lens.length));
  const sorted = [...lens].sort((a, b) => a - b);
  let diff = 0;
  let short = 0;
  let long = 0;
  for (let i = 0; i < lens.length; i++) {
    if (i > 0) diff += Math.abs(lens[i]! - lens[i - 1]!);
    if (lens[i]! <= 8) short++;
    if (lens[i]! >= 30) long++;
  }
  const lengths = [Math.log(Math.max(1, mean)), mean > 0 ? sd / mean : 0, Math.log(Math.max(1, q(sorted, 0.1) ?? 1)), Math.log(Math.max(1, q(sorted, 0.5) ?? 1)),
    Math.log(Math.max(1, q(sorted, 0.9) ?? 1)), short / ns, long / ns, lens.length > 1 && mean > 0 ? diff / (lens.length - 1) / mean : 0];
  return { ns, lengths, repeat: lens.length > 1 ? repeat / (lens.length - 1) : 0, distinct: distinctOpeners(firsts) };
}

/** Mean share of distinct first words over windows of OPENER_WINDOW consecutive sentences (sliding counts). */
function distinctOpeners(firsts: readonly string[]): number {
  const W = Math.min(OPENER_WINDOW, firsts.length);
  if (W === 0) return 0;
  const count = new Map<string, number>();
  for (let i = 0; i < W; i++) count.set(firsts[i]!, (count.get(firsts[i]!) ?? 0) + 1);
  let dsum = count.size / W;
  let dcnt = 1;
  for (let i = W; i < firsts.length; i++) {
    const out = firsts[i - W]!;
    const v = count.get(out)! - 1;
    if (v === 0) count.delete(out);
    else count.set(out, v);
    count.set(firsts[i]!, (count.get(firsts[i]!) ?? 0) + 1);
    dsum += count.size / W;
    dcnt++;
  }
  return dsum / dcnt;
}

/** Mean and sd of word lengths in letters over words [from, to) that have letters. */
function wordLengths(letters: Uint16Array, from: number, to: number): [number, number] {
  let n = 0;
  let sum = 0;
  for (let i = from; i < to; i++) {
    if (letters[i]! > 0) {
      n++;
      sum += letters[i]!;
    }
  }
  const wn = Math.max(1, n);
  const wm = sum / wn;
  let ss = 0;
  for (let i = from; i < to; i++) if (letters[i]! > 0) ss += (letters[i]! - wm) ** 2;
  return [wm, Math.sqrt(ss / wn)];
}

/** The feature vector (profileNames order) of sentences [from, to) of the pass's document. */
export function profileOf(pass: ProfilePass, from = 0, to = pass.doc.sentences.length): Float64Array {
  const { slots: sl, counts, doc } = pass;
  const K = sl.K;
  const total = new Float64Array(sl.width);
  for (let si = from; si < to; si++) {
    const o = si * sl.width;
    for (let j = 0; j < sl.width; j++) total[j]! += counts[o + j]!;
  }
  const alone = to < doc.sentences.length ? pass.aloneKind.get(to - 1) : undefined;
  if (alone !== undefined) {
    // the window's last sentence cannot see the next sentence's first word (as a Doc of these sentences alone)
    const o = (to - 1) * sl.width + sl.init;
    for (let j = 0; j < INIT_KINDS.length; j++) total[sl.init + j]! -= counts[o + j]!;
    total[sl.init + alone]! += 1;
  }
  const firstWord = from < to ? doc.sentences[from]!.firstWord : 0;
  const lastWord = from < to ? doc.sentences[to - 1]!.firstWord + doc.sentences[to - 1]!.wordCount : 0;
  const n = Math.max(1, lastWord - firstWord);
  const classes = sl.init - sl.cls;
  const out = new Float64Array(K + 7 + 2 + 8 + 5 + classes + INIT_KINDS.length + 2 + 1 + PERSONS.length + MISC.length + 2);
  const { ns, lengths, repeat, distinct } = sentenceFigures(pass, from, to);
  let at = 0;
  for (let j = 0; j < K + 7; j++) out[at++] = Math.sqrt(total[j]! / n); // fw:, p:
  out[at++] = total[sl.comma]! / ns;
  out[at++] = total[sl.early]! / ns;
  for (const x of lengths) out[at++] = x;
  const wn = Math.max(1, total[sl.lettered]!);
  const [wm, wsd] = wordLengths(pass.letters, firstWord, lastWord);
  out[at++] = wm;
  out[at++] = wsd;
  out[at++] = total[sl.le3]! / wn;
  out[at++] = total[sl.ge7]! / wn;
  out[at++] = total[sl.ge10]! / wn;
  for (let j = 0; j < classes; j++) out[at++] = Math.sqrt(total[sl.cls + j]! / n);
  for (let j = 0; j < INIT_KINDS.length; j++) out[at++] = total[sl.init + j]! / ns;
  out[at++] = repeat;
  out[at++] = distinct;
  out[at++] = total[sl.dm]! / ns;
  for (let j = 0; j < PERSONS.length; j++) out[at++] = Math.sqrt(total[sl.pron + j]! / n);
  for (let j = 0; j < MISC.length; j++) out[at++] = Math.sqrt(total[sl.misc + j]! / n);
  out[at++] = total[sl.triad]! / ns;
  out[at++] = total[sl.participle]! / ns;
  return out;
}
