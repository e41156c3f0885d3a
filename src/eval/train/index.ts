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
import type { Trainer, TrainingSelection } from '../trainable';
import { fitStyleLr } from './style-lr';
import { fitStyleProfile } from './style-profile';

// EXPERIMENT (H28): MIRAGE_TRAIN_LR / MIRAGE_TRAIN_SP (or MIRAGE_TRAIN for both) = "<selection>[;balance=x][;w.<source>=x]"
function parse(v: string | undefined): { selection: TrainingSelection; opts: Record<string, number>; weights: Record<string, number> } {
  const spec = (v ?? 'paired').split(';');
  const opts: Record<string, number> = {};
  for (const kv of spec.slice(1)) {
    const [k, x] = kv.split('=');
    opts[k!] = Number(x);
  }
  const weights: Record<string, number> = {};
  for (const [k, x] of Object.entries(opts)) if (k.startsWith('w.')) weights[k.slice(2)] = x;
  return { selection: spec[0] as TrainingSelection, opts, weights };
}
const L = parse(process.env.MIRAGE_TRAIN_LR ?? process.env.MIRAGE_TRAIN);
const S = parse(process.env.MIRAGE_TRAIN_SP ?? process.env.MIRAGE_TRAIN);
const lrCfg = { ...(L.selection === 'paired' ? {} : { pairedOnly: false }), ...(L.opts.balance !== undefined ? { balance: L.opts.balance } : {}), ...(Object.keys(L.weights).length ? { sourceWeights: L.weights } : {}) };
const spCfg = { ...(S.selection === 'paired' ? {} : { mode: 'all' as const }), ...(Object.keys(S.weights).length ? { sourceWeights: S.weights } : {}) };

const lr: Trainer<ReturnType<typeof fitStyleLr>> = { id: 'style-lr', languages: ['en', 'fr'], training: L.selection, options: lrCfg, ...(L.opts.folds ? { referenceFolds: L.opts.folds } : {}), fit: (rows, lang) => fitStyleLr(rows, lang, lrCfg), computeWith: styleLr };
const profile: Trainer<ReturnType<typeof fitStyleProfile>> = { id: 'style-profile', languages: ['en', 'fr'], training: S.selection, options: spCfg, ...(S.opts.folds ? { referenceFolds: S.opts.folds } : {}), fit: (rows, lang) => fitStyleProfile(rows, lang, spCfg), computeWith: styleProfile };

export const TRAINERS: readonly Trainer[] = [lr, profile];
