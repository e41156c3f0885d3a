/**
 * Words of the burstiness signal (src/engine/signals/burstiness.ts): its title, what it measures, and the evidence sentence
 * written from its figures (`details`) and its place among human reference texts.
 */
import type { UiLang } from '../../types';
import { fmt, pct, percentileClause } from '../format';
import type { Measure, SignalWords } from './types';

/** "about half as much", "about as much", "about 1.4 times as much" as typical human prose. */
function comparison(ratio: number, lang: UiLang): string {
  if (lang === 'fr') {
    if (ratio < 0.85) return `environ ${fmt(1 / ratio, 'fr', 1)} fois moins que dans une prose humaine typique`;
    if (ratio <= 1.15) return 'à peu près autant que dans une prose humaine typique';
    return `environ ${fmt(ratio, 'fr', 1)} fois plus que dans une prose humaine typique`;
  }
  if (ratio < 0.85) return `only about ${pct(ratio, 'en')} as much as in typical human prose`;
  if (ratio <= 1.15) return 'about as much as in typical human prose';
  return `about ${fmt(ratio, 'en', 1)} times as much as in typical human prose`;
}

function evidence(result: Measure, lang: UiLang, percentile?: number): string {
  const d = result.details;
  const ratio = d.variation! / d.typicalHuman!;
  const range =
    lang === 'fr'
      ? `de ${d.shortest} à ${d.longest} mots, ${fmt(d.meanLength!, 'fr', 0)} en moyenne`
      : `from ${d.shortest} to ${d.longest} words, ${fmt(d.meanLength!, 'en', 0)} on average`;
  const first =
    lang === 'fr'
      ? `La longueur et la forme des phrases varient ${comparison(ratio, 'fr')} (variation ${fmt(d.variation!, 'fr')} ; phrases ${range}).`
      : `Sentence length and shape vary ${comparison(ratio, 'en')} (variation ${fmt(d.variation!, 'en')}; sentences ${range}).`;
  return first + percentileClause(percentile, lang);
}

export const words: SignalWords = {
  title: { en: 'Sentence rhythm', fr: 'Rythme des phrases' },
  describe: {
    en: 'How much sentence length and structure vary; even, regular sentences score higher.',
    fr: 'À quel point la longueur et la structure des phrases varient ; des phrases égales et régulières comptent davantage.',
  },
  evidence,
};
