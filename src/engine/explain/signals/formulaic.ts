/**
 * Words of the formulaic signal (src/engine/signals/formulaic.ts): its title, what it measures, and the evidence sentence
 * written from its figures (`details`) and its place among human reference texts.
 */
import type { UiLang } from '../../types';
import { percentileClause } from '../format';
import type { Measure, SignalWords } from './types';
import { plural } from '../plural';

const fmt = (x: number, lang: UiLang) => (Math.round(x * 10) / 10).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-US');

function evidence(result: Measure, lang: UiLang, percentile?: number): string {
  const d = result.details;
  const typical = d.typicalHuman;
  const rate = fmt(d.per100 ?? result.raw, lang);
  // the most frequent entries of the signal's list, as the engine found them (result.examples)
  const examples = (result.examples ?? []).map((phrase) => (lang === 'fr' ? `« ${phrase} »` : `"${phrase}"`));
  if (lang === 'fr') {
    if (!d.hits) return "Aucune des tournures toutes faites ni aucun des mots sur-employés de notre liste n'apparaît dans ce texte.";
    const n = Math.round((d.per100 ?? result.raw) * 10) / 10;
    let s = `${rate} ${plural(n, 'fr', { one: 'tournure toute faite ou mot sur-employé', other: 'tournures toutes faites ou mots sur-employés' })} pour 100 mots (pondérés), contre ${fmt(typical!, lang)} en moyenne dans les textes humains`;
    s += examples.length ? `, par exemple ${examples.join(', ')}.` : '.';
    return s + percentileClause(percentile, lang, { en: 'formulaic', fr: 'convenu' });
  }
  if (!d.hits) return 'None of the stock phrases or over-used words on our list appear in this text.';
  const n = Math.round((d.per100 ?? result.raw) * 10) / 10;
  let s = `${rate} ${plural(n, 'en', { one: 'stock phrase or over-used word', other: 'stock phrases or over-used words' })} per 100 words (weighted), against ${fmt(typical!, lang)} on average in human prose`;
  s += examples.length ? `, e.g. ${examples.join(', ')}.` : '.';
  return s + percentileClause(percentile, lang, { en: 'formulaic', fr: 'convenu' });
}

export const words: SignalWords = {
  title: { en: 'Stock phrases and over-used words', fr: 'Tournures toutes faites et mots sur-employés' },
  describe: {
    en: 'How often the text uses phrases and words that became much more frequent with chat assistants ("it is important to note", "delve", "pivotal").',
    fr: 'La fréquence des tournures et des mots devenus bien plus courants avec les assistants conversationnels (« il est important de noter », « crucial », « en outre »).',
  },
  evidence,
};
