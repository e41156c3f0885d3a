/**
 * Words of the lexical-diversity signal (src/engine/signals/lexical-diversity.ts): its title, what it measures, and the evidence sentence
 * written from its figures (`details`) and its place among human reference texts.
 */
import type { UiLang } from '../../types';
import { fmt, percentileClause } from '../format';
import type { Measure, SignalWords } from './types';

function evidence(result: Measure, lang: UiLang, percentile?: number): string {
  const d = result.details;
  const per50 = Math.round(d.mattr! * d.window!);
  const typical = Math.round(d.typicalHuman! * d.window!);
  const diff = per50 - typical;
  let first: string;
  if (lang === 'fr') {
    const cmp = Math.abs(diff) <= 1 ? 'à peu près autant que' : diff < 0 ? 'moins que' : 'plus que';
    first = `Sur ${d.window} mots consécutifs, le texte emploie en moyenne ${per50} mots différents, ${cmp} dans une prose humaine typique (environ ${typical} ; diversité ${fmt(d.mattr!, 'fr')}).`;
  } else {
    const cmp = Math.abs(diff) <= 1 ? 'about as many as' : diff < 0 ? 'fewer than' : 'more than';
    first = `In any ${d.window} consecutive words the text uses ${per50} different words on average, ${cmp} typical human prose (about ${typical}; diversity ${fmt(d.mattr!, 'en')}).`;
  }
  return first + percentileClause(percentile, lang);
}

export const words: SignalWords = {
  title: { en: 'Vocabulary variety', fr: 'Variété du vocabulaire' },
  describe: {
    en: 'How many different words appear in each stretch of 50 words; a more repetitive vocabulary scores higher.',
    fr: 'Combien de mots différents apparaissent dans chaque passage de 50 mots ; un vocabulaire plus répétitif compte davantage.',
  },
  evidence,
};
