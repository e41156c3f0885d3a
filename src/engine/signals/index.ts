/**
 * The signal registry: every file in src/engine/signals/ (but this one) is one signal whose id is its file name, and
 * is listed here exactly once. tests/unit/registry.test.ts enforces it.
 */
import type { Signal } from '../types';
import burstiness from './burstiness';
import lexicalDiversity from './lexical-diversity';
import compression from './compression';
import wordPredictability from './word-predictability';
import formulaic from './formulaic';
import repetition from './repetition';
import functionWords from './function-words';
import styleLr from './style-lr';
import styleProfile from './style-profile';
import writerSlips from './writer-slips';

export const SIGNALS: readonly Signal[] = [
  burstiness,
  lexicalDiversity,
  compression,
  wordPredictability,
  formulaic,
  repetition,
  functionWords,
  styleLr,
  styleProfile,
  writerSlips,
];

