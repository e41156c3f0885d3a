/**
 * The trainers: one per trainable signal (its fit here in src/eval/train/<id>.ts, its runtime `computeWith` in
 * src/engine/signals/<id>.ts, which the registered signal calls with the shipped table). The leave-one-source-out
 * protocol and `npm run calibrate` refit each of them without the texts they measure (src/eval/trainable.ts), with
 * the same defaults as `npm run build:style`, which writes the shipped tables.
 * word-predictability's French table (./word-predictability.ts) is not among them: the signal abstains in French
 * (README, "word-predictability's French table"); `npm run build:style` still writes that table for the word view.
 */
import { computeWith as styleLr } from '../../engine/signals/style-lr';
import { computeWith as styleProfile } from '../../engine/signals/style-profile';
import type { Trainer } from '../trainable';
import { fitStyleLr } from './style-lr';
import { fitStyleProfile } from './style-profile';

const lr: Trainer<ReturnType<typeof fitStyleLr>> = { id: 'style-lr', languages: ['en', 'fr'], fit: (rows, lang) => fitStyleLr(rows, lang), computeWith: styleLr };
const profile: Trainer<ReturnType<typeof fitStyleProfile>> = { id: 'style-profile', languages: ['en', 'fr'], fit: (rows, lang) => fitStyleProfile(rows, lang), computeWith: styleProfile };

export const TRAINERS: readonly Trainer[] = [lr, profile];
