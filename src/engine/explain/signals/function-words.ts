/**
 * Words of the function-words signal (src/engine/signals/function-words.ts): its title, what it measures, and the evidence sentence
 * written from its figures (`details`) and its place among human reference texts.
 */
import type { UiLang } from '../../types';
import { fmt, pct, percentileClause } from '../format';
import type { Measure, SignalWords } from './types';
import { plural } from '../plural';

function evidence(result: Measure, lang: UiLang, percentile?: number): string {
  const d = result.details;
  const lo = Math.round(d.fwMin! * 100);
  const hi = Math.round(d.fwMax! * 100);
  const text =
    lang === 'fr'
      ? `${d.markedSentences} ${plural(d.markedSentences!, 'fr', { one: 'phrase', other: 'phrases' })} sur ${d.sentences} (${pct(d.marks!, 'fr')}) ${plural(d.markedSentences!, 'fr', { one: 'emploie', other: 'emploient' })} une ponctuation autre que la virgule et le point (; : ( ) ? ! guillemets), contre environ ${pct(d.typicalMarks!, 'fr')} dans une prose humaine typique. ` +
        `La part des mots-outils reste entre ${lo} et ${hi} mots sur 100 d'un passage à l'autre (écart type ${fmt(d.fwSd! * 100, 'fr', 1)} points).`
      : `${d.markedSentences} of ${d.sentences} sentences (${pct(d.marks!, 'en')}) ${plural(d.markedSentences!, 'en', { one: 'uses', other: 'use' })} punctuation other than commas and full stops (; : ( ) ? ! quotation marks), against about ${pct(d.typicalMarks!, 'en')} in typical human prose. ` +
        `Function words stay between ${lo} and ${hi} in 100 words from one passage to the next (standard deviation ${fmt(d.fwSd! * 100, 'en', 1)} points).`;
  return text + percentileClause(percentile, lang);
}

export const words: SignalWords = {
  title: { en: 'Punctuation and function words', fr: 'Ponctuation et mots-outils' },
  describe: {
    en: 'How narrow the punctuation is and how steady the share of small grammatical words stays; a narrower, steadier profile scores higher.',
    fr: 'À quel point la ponctuation est restreinte et la part des petits mots grammaticaux constante ; un profil plus restreint et plus régulier compte davantage.',
  },
  evidence,
};
