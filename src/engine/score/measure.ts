/**
 * measure — run the signals on a Doc, and turn what they measured into the figures rank.ts reads.
 *
 * `measure(doc, signals)` runs every applicable signal (a signal outside its languages, below its minimum or failing
 * abstains, never throws); `measuresOf(measured)` keeps the register, each raw value and per-sentence values.
 * Kept apart from analyse.ts so that the evaluation's feature cache (src/eval/features.ts) depends on exactly what
 * measures a text, not on how the engine words or combines it.
 */
import { SIGNALS } from '../signals/index';
import { isAbstention, type Abstention, type Doc, type Signal, type SignalResult } from '../types';
import { registerOf } from './register';
import type { Measures } from './rank';

export interface Measured {
  doc: Doc;
  results: Map<string, SignalResult | Abstention>;
}

/** Run every applicable signal on a Doc. A signal outside its languages, below its minimum, or failing abstains. */
export function measure(doc: Doc, signals: readonly Signal[] = SIGNALS): Measured {
  const results = new Map<string, SignalResult | Abstention>();
  const words = doc.words.length;
  for (const s of signals) {
    let r: SignalResult | Abstention;
    if (s.languages !== 'any' && !(s.languages as readonly string[]).includes(doc.lang)) {
      r = { abstained: true, code: doc.lang === 'und' ? 'undetermined-language' : 'language', params: { language: doc.lang } };
    } else if (words < s.minWords) {
      r = { abstained: true, code: 'too-short', params: { words, needed: s.minWords } };
    } else {
      try {
        r = s.compute(doc);
      } catch (e) {
        r = { abstained: true, code: 'error', params: { message: e instanceof Error ? e.message : String(e) } };
      }
    }
    results.set(s.id, r);
  }
  return { doc, results };
}

/** A measured Doc as the figures rank.ts reads: register, raw values, per-sentence values. */
export function measuresOf(m: Measured): Measures {
  const raw: Record<string, number> = {};
  const sentences: Measures['sentences'] = m.doc.sentences.map((s) => ({ words: s.wordCount, values: {} }));
  for (const [id, r] of m.results) {
    if (isAbstention(r) || !Number.isFinite(r.raw)) continue;
    raw[id] = r.raw;
    r.sentences?.forEach((v, i) => {
      const s = sentences[i];
      if (s && v !== undefined && Number.isFinite(v)) s.values[id] = v;
    });
  }
  return { reg: registerOf(m.doc), raw, sentences };
}

