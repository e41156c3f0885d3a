/**
 * The trainers: one per trainable signal (its fit here in src/eval/train/<id>.ts, its runtime `computeWith` in
 * src/engine/signals/<id>.ts, which the registered signal calls with the shipped table). The leave-one-source-out
 * protocol and `npm run calibrate` refit each of them without the texts they measure (src/eval/trainable.ts), with
 * the same defaults as `npm run build:style`, which writes the shipped tables.
 * `trainersWith(overrides)`: the same trainers with some settings changed (`npm run eval -- --protocol loso
 * --style-lr vocabSize=100`, see ./overrides.ts): an evaluation aid for choosing the defaults under the protocol; the
 * shipped tables and `npm run calibrate` always use the defaults (STYLE_LR_DEFAULTS, STYLE_PROFILE_DEFAULTS).
 * word-predictability's French table (./word-predictability.ts) is not among them: the signal abstains in French
 * (README, "word-predictability's French table"); `npm run build:style` still writes that table for the word view.
 */
import { computeWith as styleLr } from '../../engine/signals/style-lr';
import { computeWith as styleProfile } from '../../engine/signals/style-profile';
import type { Trainer } from '../trainable';
import type { TrainerOverrides } from './overrides';
import { fitStyleLr } from './style-lr';
import { fitStyleProfile } from './style-profile';

/** The trainers, with `overrides` applied to their defaults (none: the shipped settings). */
export function trainersWith(overrides: TrainerOverrides = {}): readonly Trainer[] {
  const lrc = overrides['style-lr'] ?? {};
  const spc = overrides['style-profile'] ?? {};
  const lr: Trainer<ReturnType<typeof fitStyleLr>> = {
    id: 'style-lr',
    languages: ['en', 'fr'],
    ...(Object.keys(lrc).length ? { config: lrc } : {}),
    fit: (rows, lang) => fitStyleLr(rows, lang, lrc),
    computeWith: styleLr,
  };
  const profile: Trainer<ReturnType<typeof fitStyleProfile>> = {
    id: 'style-profile',
    languages: ['en', 'fr'],
    ...(Object.keys(spc).length ? { config: spc } : {}),
    fit: (rows, lang) => fitStyleProfile(rows, lang, spc),
    computeWith: styleProfile,
  };
  return [lr, profile];
}

export const TRAINERS: readonly Trainer[] = trainersWith();
