/**
 * style-profile (fit) — fits the style-profile signal's model (src/engine/signals/style-profile.ts) from labelled
 * Docs of one language.
 *
 * `fitStyleProfile(train, lang, config?)`: keeps the rows of `lang` with at least MIN_WORDS words; in 'paired' mode
 * (the default) only the sources that have both labels; picks the K most widespread function-word candidates
 * (rows.ts dispersedVocabulary over the first 5,000 words, restricted to profile-lexicon.ts functionWordCandidates,
 * so no topic word becomes a feature); computes every row's profile (_lib/profile.ts), standardises each feature
 * over the rows, clips at +-CLIP, and fits an elastic-net logistic regression (logreg.ts; machine = 1) where every
 * (source, label) group weighs the same within its label. Also keeps each feature's median over the human rows, for
 * the evidence. Returns a JSON-serialisable `StyleProfileModel`.
 * Used by `npm run build:style` (everything available -> assets/style-profile-<lang>.json) and by the
 * leave-one-source-out protocol (per fold). Deterministic for rows in a fixed order.
 * Limits: with fewer than two labels among the selected rows (a French fold without its paired sources), the model
 * has no coefficients and the signal abstains with it ('error', "no training data").
 */
import { CLIP, MIN_WORDS, STYLE_PROFILE_DEFAULTS, type StyleProfileConfig, type StyleProfileModel } from '../../engine/signals/_lib/style-profile-model';
import { profileNames, profilePass, type ProfileConfig } from '../../engine/signals/_lib/profile';
import { profileOf } from '../../engine/signals/_lib/profile-vector';
import { functionWordCandidates } from '../../engine/signals/_lib/profile-lexicon';
import type { StyleLang } from '../../engine/signals/_lib/style-tokens';
import { fitLogreg, standardise } from './logreg';
import { balancedWeights, dispersedVocabulary, pairedRows, type TrainRow } from './rows';

/** Words ranked by dispersion before the function-word filter. */
const CANDIDATE_POOL = 5000;

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function fitStyleProfile(train: readonly TrainRow[], lang: StyleLang, config: Partial<StyleProfileConfig> = {}): StyleProfileModel {
  const c: StyleProfileConfig = { ...STYLE_PROFILE_DEFAULTS, ...config };
  const usable = train.filter((r) => r.doc.lang === lang && r.doc.words.length >= MIN_WORDS);
  const rows = c.mode === 'paired' ? pairedRows(usable) : usable;
  const candidates = functionWordCandidates(lang);
  const vocab = c.k > 0 ? dispersedVocabulary(rows, CANDIDATE_POOL).filter((w) => candidates.has(w)).slice(0, c.k) : [];
  const pc: ProfileConfig = { lang, vocab };
  const names = profileNames(pc);
  const empty: StyleProfileModel = { lang, config: c, vocab, names, mean: [], sd: [], b: 0, beta: [], human: [] };
  if (new Set(rows.map((r) => r.label)).size < 2) return empty;
  const X = rows.map((r) => profileOf(profilePass(r.doc, pc)));
  const { mean, sd } = standardise(X);
  const d = mean.length;
  const n = X.length;
  const x = new Float64Array(n * d);
  X.forEach((r, i) => r.forEach((v, j) => (x[i * d + j] = Math.max(-CLIP, Math.min(CLIP, (v - mean[j]!) / sd[j]!)))));
  const y = rows.map((r) => (r.label === 'machine' ? 1 : 0));
  const model = fitLogreg(x, n, d, y, balancedWeights(rows), { l2: c.l2, l1: c.l1 });
  const humans = X.filter((_, i) => rows[i]!.label === 'human');
  const human = names.map((_, j) => median(humans.map((h) => h[j]!)));
  return { lang, config: c, vocab, names, mean, sd, b: model.b, beta: model.beta, human };
}
