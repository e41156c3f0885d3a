/**
 * Words of the word-predictability signal (src/engine/signals/word-predictability.ts): its title, what it measures, and the evidence sentence
 * written from its figures (`details`) and its place among human reference texts.
 */
import type { UiLang } from '../../types';
import { percentileClause } from '../format';
import { count } from '../percent';
import type { Measure, SignalWords } from './types';

const pct = (x: number) => Math.round(x * 100);
const PREDICTABLE = { en: 'predictable', fr: 'prévisible' };

function evidence(result: Measure, lang: UiLang, percentile?: number): string {
  const d = result.details;
  const observed = pct(d.top100Share ?? 0);
  const expected = pct(d.expectedShare ?? (d.top100Share ?? 0) - result.raw);
  const french = d.frenchTable === 1;
  // the count the share comes from: words whose previous word is in the table's list of common words
  const n = d.scored !== undefined && d.scored > 0 ? d.scored : undefined;
  const top = n === undefined ? undefined : Math.round((d.top100Share ?? 0) * n);
  if (lang === 'fr') {
    const table = french ? "table de bigrammes de textes humains français : articles d'encyclopédie, articles de presse, dissertations" : 'table de bigrammes du corpus Brown';
    const what = n === undefined ? `${observed}\u00A0% des mots figurent` : `${count(top!, lang)} des ${count(n, lang)} mots qui suivent un mot courant (${observed}\u00A0%) figurent`;
    const s = `${what} parmi les 100 plus probables après le mot précédent, contre ${expected}\u00A0% attendus dans une prose humaine employant des mots aussi fréquents (${table}).`;
    return s + percentileClause(percentile, lang, PREDICTABLE);
  }
  const table = french ? 'bigram table of French human texts: encyclopaedia articles, news, dissertations' : 'Brown corpus bigram table';
  const what = n === undefined ? `${observed}% of words are` : `${count(top!, lang)} of the ${count(n, lang)} words that follow a common word (${observed}%) are`;
  const s = `${what} among the 100 likeliest after the previous word, against ${expected}% expected in human prose using equally frequent words (${table}).`;
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
