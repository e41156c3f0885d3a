/**
 * Words of the repetition signal (src/engine/signals/repetition.ts): its title, what it measures, and the evidence sentence
 * written from its figures (`details`) and its place among human reference texts.
 */
import type { UiLang } from '../../types';
import { fmt, pct, percentileClause } from '../format';
import type { Measure, SignalWords } from './types';
import { plural } from '../plural';

/** Typical human share of sentences whose opener recurs: the dev-set human interquartile range in English
 * (0%..17%; French median 15%). Derived figures, for the explanation only. */
export const TYPICAL_OPENER_SHARE_MAX = 0.17;

function evidence(result: Measure, lang: UiLang, percentile?: number): string {
  const d = result.details;
  const fr = lang === 'fr';
  const openers = fr
    ? `${d.recurringOpeners} ${plural(d.recurringOpeners!, 'fr', { one: 'phrase', other: 'phrases' })} sur ${d.sentences} ${plural(d.recurringOpeners!, 'fr', { one: 'commence', other: 'commencent' })} par les mêmes deux mots qu'une autre phrase (${pct(d.openerShare!, 'fr')} ; d'ordinaire entre 0 et ${pct(TYPICAL_OPENER_SHARE_MAX, 'fr')} dans une prose humaine)`
    : `${d.recurringOpeners} of ${d.sentences} ${plural(d.recurringOpeners!, 'en', { one: 'sentences opens', other: 'sentences open' })} with the same two words as another sentence (${pct(d.openerShare!, 'en')}; human prose usually has 0 to ${pct(TYPICAL_OPENER_SHARE_MAX, 'en')})`;
  const templates = fr
    ? `${pct(d.template!, 'fr')} des petites suites de mots-outils reviennent à quelques lignes d'intervalle`
    : `${pct(d.template!, 'en')} of the short function-word patterns recur within a few lines`;
  let text = fr ? `${openers} ; ${templates}.` : `${openers}; ${templates}.`;
  if (d.paragraphCv !== undefined && Number.isFinite(d.paragraphCv)) {
    text += fr
      ? ` La longueur des ${d.paragraphCount} paragraphes varie de ${fmt(d.paragraphCv, 'fr')} (environ ${fmt(d.typicalParagraphCv!, 'fr', 1)} d'habitude).`
      : ` The ${d.paragraphCount} paragraphs vary in length by ${fmt(d.paragraphCv, 'en')} (usually about ${fmt(d.typicalParagraphCv!, 'en', 1)}).`;
  }
  return text + percentileClause(percentile, lang);
}

export const words: SignalWords = {
  title: { en: 'Repeated patterns', fr: 'Structures répétées' },
  describe: {
    en: 'Sentences that open the same way, sentence frames that recur, and paragraphs of even length.',
    fr: 'Des phrases qui commencent de la même façon, des tournures qui reviennent et des paragraphes de longueur égale.',
  },
  evidence,
};
