/**
 * The words of every signal, by id: one file per signal in this folder, named like the signal's file in
 * src/engine/signals/ (tests/unit/engine/registry.test.ts checks that both lists match).
 */
import type { SignalWords } from './types';
import { words as burstiness } from './burstiness';
import { words as lexicalDiversity } from './lexical-diversity';
import { words as compression } from './compression';
import { words as wordPredictability } from './word-predictability';
import { words as formulaic } from './formulaic';
import { words as repetition } from './repetition';
import { words as functionWords } from './function-words';
import { words as styleLr } from './style-lr';
import { words as styleProfile } from './style-profile';
import { words as writerSlips } from './writer-slips';

export type { Measure, SignalWords } from './types';

export const SIGNAL_WORDS: Readonly<Record<string, SignalWords>> = {
  burstiness,
  'lexical-diversity': lexicalDiversity,
  compression,
  'word-predictability': wordPredictability,
  formulaic,
  repetition,
  'function-words': functionWords,
  'style-lr': styleLr,
  'style-profile': styleProfile,
  'writer-slips': writerSlips,
};
