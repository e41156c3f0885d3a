/**
 * The trainers: one per trainable signal (its fit here in src/eval/train/<id>.ts, its runtime `computeWith` in
 * src/engine/signals/<id>.ts, which the registered signal calls with the shipped table); word-predictability's trains
 * French only, on human text (its English Brown table is fixed). The leave-one-source-out
 * protocol and `npm run calibrate` refit each of them without the texts they measure (src/eval/trainable.ts), with
 * the same defaults as `npm run build:style`, which writes the shipped tables.
 */
import { computeWith as styleLr } from '../../engine/signals/style-lr';
import { computeWith as styleProfile } from '../../engine/signals/style-profile';
import { computeWith as wordPredictability } from '../../engine/signals/word-predictability';
import type { Trainer } from '../trainable';
import { fitStyleLr } from './style-lr';
import { fitStyleProfile } from './style-profile';
import { fitWordPredictability } from './word-predictability';

const lr: Trainer<ReturnType<typeof fitStyleLr>> = { id: 'style-lr', languages: ['en', 'fr'], fit: (rows, lang) => fitStyleLr(rows, lang), computeWith: styleLr };
const profile: Trainer<ReturnType<typeof fitStyleProfile>> = { id: 'style-profile', languages: ['en', 'fr'], fit: (rows, lang) => fitStyleProfile(rows, lang), computeWith: styleProfile };

/** French only, on human text; English keeps its shipped Brown table (a fixed signal there). Its references are
 * cross-fitted within each source (5 folds by text key), as a user's text of a known genre is measured by the shipped
 * table: in-genre but unseen (trainable.ts header). */
const wp: Trainer<ReturnType<typeof fitWordPredictability>> = {
  id: 'word-predictability',
  languages: ['fr'],
  training: 'human',
  fixedElsewhere: true,
  referenceFolds: 5,
  fit: (rows, lang) => fitWordPredictability(rows, lang),
  computeWith: wordPredictability,
};

export const TRAINERS: readonly Trainer[] = [lr, profile, wp];
