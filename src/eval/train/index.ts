/**
 * The trainers: one per trainable signal (its fit here in src/eval/train/<id>.ts, its runtime `computeWith` in
 * src/engine/signals/<id>.ts). The leave-one-source-out protocol and `npm run calibrate` refit each of them without
 * the texts they measure (src/eval/trainable.ts). Empty until the trainable signals are registered.
 */
import type { Trainer } from '../trainable';

export const TRAINERS: readonly Trainer[] = [];
