/**
 * Words of the word-predictability signal (src/engine/signals/word-predictability.ts): its title, what it measures, and the evidence sentence
 * written from its figures (`details`) and its place among human reference texts.
 */
import type { UiLang } from '../../types';
import { percentileClause } from '../format';
import type { Measure, SignalWords } from './types';

const pct = (x: number) => Math.round(x * 100);
const PREDICTABLE = { en: 'predictable', fr: 'prévisible' };

function evidence(result: Measure, lang: UiLang, percentile?: number): string {
  const d = result.details;
  const observed = pct(d.top100Share ?? 0);
  const expected = pct(d.expectedShare ?? (d.top100Share ?? 0) - result.raw);
  const french = d.frenchTable === 1;
  if (lang === 'fr') {
    const table = french ? "table de bigrammes de textes humains français : articles d'encyclopédie, articles de presse, dissertations" : 'table de bigrammes du corpus Brown';
    const s = `${observed} % des mots figurent parmi les 100 plus probables après le mot précédent, contre ${expected} % attendus dans une prose humaine employant des mots aussi fréquents (${table}).`;
    return s + percentileClause(percentile, lang, PREDICTABLE);
  }
  const table = french ? 'bigram table of French human texts: encyclopaedia articles, news, dissertations' : 'Brown corpus bigram table';
  const s = `${observed}% of words are among the 100 likeliest after the previous word, against ${expected}% expected in human prose using equally frequent words (${table}).`;
  return s + percentileClause(percentile, lang, PREDICTABLE);
}

export const words: SignalWords = {
  title: { en: 'Word predictability (beyond vocabulary level)', fr: 'Prévisibilité des mots (au-delà du niveau de vocabulaire)' },
  describe: {
    en: 'How often each word is among the likeliest after the previous one, compared with human prose that uses words of the same frequencies, so that plain vocabulary alone does not count as predictable.',
    fr: "À quelle fréquence chaque mot figure parmi les plus probables après le précédent, comparé à une prose humaine de mots aussi fréquents, pour qu'un vocabulaire simple ne compte pas à lui seul comme prévisible.",
  },
  evidence,
};
