/**
 * register — a text's register (how formal or personal it is), to compare it with human writing of the same kind.
 *
 * What: three figures that describe *how* a text is written without saying anything about who wrote it: mean word
 * length (formal, technical writing uses longer words), first-person singular words per 10 words (personal voice:
 * "I", "my", « je », « mon »), contractions per 10 words ("don't", "it's"). A text is placed among the human
 * reference texts nearest to it in these figures, so that an encyclopaedia article is compared with encyclopaedia-like
 * human writing and a forum answer with forum-like writing, not both with one pooled average. Formal genres (abstracts,
 * legal text) then stop looking "predictable" merely for being formal.
 * Why these three: on the dev set, references conditioned on them raised the leave-one-domain-out AUROC in English
 * from 0.81 to about 0.85 (scripts/calibrate.ts prints the figures), while a pooled reference flagged human academic
 * abstracts far more often than other human writing.
 * Limits: a learner's short words and frequent "I" place the text among informal human writing; a text that mixes
 * registers is compared with whichever dominates.
 */
import type { Doc } from '../types';

const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll", 'je', "j'", 'moi', 'mon', 'ma', 'mes', "m'"]);
const CONTRACTION = /^[\p{L}]+'(t|s|re|ve|ll|d|m)$/u;

/** [mean word length in characters, first-person words per 10 words, contractions per 10 words]. */
export function registerOf(doc: Doc): number[] {
  const n = doc.words.length;
  if (n === 0) return [0, 0, 0];
  let chars = 0;
  let first = 0;
  let contractions = 0;
  for (const w of doc.words) {
    chars += w.text.length;
    if (FIRST_PERSON.has(w.lower)) first++;
    else if (CONTRACTION.test(w.lower)) contractions++;
  }
  return [chars / n, (first / n) * 10, (contractions / n) * 10];
}

