/**
 * style-lr (fit) — fits the two n-gram models of the style-lr signal (src/engine/signals/style-lr.ts) from labelled
 * Docs of one language.
 *
 * `fitStyleLr(train, lang, config?)`: keeps the rows of `lang`; with `pairedOnly` (the default), only the sources
 * that have both labels; picks the `vocabSize` most widespread words (rows.ts dispersedVocabulary); turns every
 * sentence into style-token ids (typographic marks dropped); fits one Kneser-Ney bigram model on the human rows and
 * one on the machine rows (src/eval/train/ngram.ts), each row's counts weighted so that (source, label) groups are
 * balanced (`balance`). Returns a JSON-serialisable `StyleLrModel` that `computeWith` reads.
 * Used by `npm run build:style` (fit on everything, write assets/style-lr-<lang>.json) and by the leave-one-source-out
 * protocol (fit per fold). Deterministic for rows in a fixed order.
 * Limits: with no paired source among the rows (a fold that leaves out the only one), both models are fitted on
 * nothing and say nothing useful (every value 0): the caller should treat such a fold's values as missing.
 */
import { STYLE_LR_DEFAULTS, type StyleLrConfig, type StyleLrModel } from '../../engine/signals/_lib/style-lr-model';
import { classTokens, encodeStyle, type StyleLang } from '../../engine/signals/_lib/style-tokens';
import { fitNgram } from './ngram';
import { dispersedVocabulary, groupWeights, pairedRows, type Label, type TrainRow } from './rows';

/** The token list of a model: the vocabulary, then every class and mark of the language. */
function tokenList(vocab: readonly string[], lang: StyleLang): string[] {
  const vocabSet = new Set(vocab);
  return [...vocab, ...classTokens(lang).filter((c) => !vocabSet.has(c))];
}

export function fitStyleLr(train: readonly TrainRow[], lang: StyleLang, config: Partial<StyleLrConfig> = {}): StyleLrModel {
  const c: StyleLrConfig = { ...STYLE_LR_DEFAULTS, ...config };
  let rows = train.filter((r) => r.doc.lang === lang);
  if (c.pairedOnly) rows = pairedRows(rows);
  const vocab = dispersedVocabulary(rows, c.vocabSize);
  const tokens = tokenList(vocab, lang);
  const encoding = { lang, tokens, vocabWords: vocab.length, drop: c.dropMarks };
  const fitSide = (label: Label) => {
    const side = rows.filter((r) => r.label === label);
    const seqs: Int32Array[] = [];
    const owner: number[] = [];
    side.forEach((r, i) => {
      for (const s of encodeStyle(r.doc, encoding)) {
        if (s.length === 0) continue;
        seqs.push(s);
        owner.push(i);
      }
    });
    const rowTokens = new Array<number>(side.length).fill(0);
    seqs.forEach((s, j) => (rowTokens[owner[j]!]! += s.length + 1));
    const rw = groupWeights(side, (_, i) => rowTokens[i]!, c.balance);
    return fitNgram(seqs, { order: c.order, vocab: tokens.length, minCount: c.minCount }, owner.map((o) => rw[o]!));
  };
  return { lang, config: { ...c, dropMarks: [...c.dropMarks] }, tokens, vocabWords: vocab.length, human: fitSide('human'), machine: fitSide('machine') };
}
