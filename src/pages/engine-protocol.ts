/**
 * engine-protocol — the messages between extension pages and the one engine worker (src/pages/engine-worker.ts).
 *
 * Every request carries an `id`; every answer carries the id of its request. Reports are language-neutral: the
 * pages word them with the engine's `explain`, so a language switch never goes back to the worker.
 *   { type: 'analyse', text, options, compact? }  -> { type: 'report', report }   (compact: no per-sentence list)
 *   { type: 'word-ranks', text, lang? }           -> { type: 'word-ranks', words, ranks }
 *   { type: 'info' }                              -> { type: 'info', threshold, weights }
 *   { type: 'lab-load', items }                   -> { type: 'progress', done, total }..., { type: 'lab-loaded', results }
 *   { type: 'lab-rescore', disabled }             -> { type: 'lab-scores', scores }
 *   { type: 'lab-report', itemId, disabled }      -> { type: 'report', report }
 * Any failure: { type: 'error', message }.
 */
import type { AnalyseOptions, Report, Span, WordRank } from '../engine';
import type { LabResult } from '../lab/scorer';

export type EngineRequestBody =
  | { type: 'analyse'; text: string; options: AnalyseOptions; compact?: boolean }
  | { type: 'word-ranks'; text: string; lang?: string }
  | { type: 'info' }
  | { type: 'lab-load'; items: { id: string; text: string }[] }
  | { type: 'lab-rescore'; disabled: string[] }
  | { type: 'lab-report'; itemId: string; disabled: string[] };

export type EngineRequest = EngineRequestBody & { id: number };

export type EngineResponseBody =
  | { type: 'report'; report: Report | undefined }
  | { type: 'word-ranks'; words: Span[]; ranks: WordRank[] }
  | { type: 'info'; threshold: number; weights: Record<string, number> }
  | { type: 'progress'; done: number; total: number }
  | { type: 'lab-loaded'; results: LabResult[] }
  | { type: 'lab-scores'; scores: [string, number | null][] }
  | { type: 'error'; message: string };

export type EngineResponse = EngineResponseBody & { id: number };
