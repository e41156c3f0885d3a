/**
 * Words of the formulaic signal (src/engine/signals/formulaic.ts): its title, what it measures, and the evidence sentence
 * written from its figures (`details`) and its place among human reference texts.
 */
import type { UiLang } from '../../types';
import { percentileClause } from '../format';
import { count } from '../percent';
import type { Measure, SignalWords } from './types';
import { plural } from '../plural';

const fmt = (x: number, lang: UiLang) => (Math.round(x * 10) / 10).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-US');

/** The count the rate comes from: "2 occurrences in 480 words" / "2 occurrences sur 480 mots". */
function found(hits: number, words: number | undefined, lang: UiLang): string {
  const fr = lang === 'fr';
  const n = `${count(hits, lang)} ${plural(hits, lang, { one: 'occurrence', other: 'occurrences' })}`;
  if (words === undefined || !(words > 0)) return n;
  return fr ? `${n} sur ${count(words, lang)} ${plural(words, lang, { one: 'mot', other: 'mots' })}` : `${n} in ${count(words, lang)} ${plural(words, lang, { one: 'word', other: 'words' })}`;
}

/** How often an example was found: "once", "3 times" / "1 fois", "3 fois". */
function times(n: number | undefined, lang: UiLang): string {
  if (n === undefined) return '';
  if (lang === 'fr') return ` (${count(n, lang)} fois)`;
  return n === 1 ? ' (once)' : ` (${count(n, lang)} times)`;
}

function evidence(result: Measure, lang: UiLang, percentile?: number): string {
  const d = result.details;
  const typical = d.typicalHuman;
  const rate = fmt(d.per100 ?? result.raw, lang);
  // the most frequent entries of the signal's list, as the engine found them (result.examples, details top<k>Count)
  const examples = (result.examples ?? []).map((phrase, k) => (lang === 'fr' ? `« ${phrase} »` : `"${phrase}"`) + times(d[`top${k + 1}Count`], lang));
  const n = Math.round((d.per100 ?? result.raw) * 10) / 10;
  const hits = d.hits === undefined ? '' : lang === 'fr' ? ` ; ${found(d.hits, d.words, lang)}` : `; ${found(d.hits, d.words, lang)}`;
  if (lang === 'fr') {
    if (!d.hits) return "Aucune des tournures toutes faites ni aucun des mots sur-employés de notre liste n'apparaît dans ce texte.";
    let s = `${rate} ${plural(n, 'fr', { one: 'tournure toute faite ou mot sur-employé', other: 'tournures toutes faites ou mots sur-employés' })} pour 100 mots (pondérés${hits}), contre ${fmt(typical!, lang)} en moyenne dans les textes humains`;
    s += examples.length ? `, par exemple ${examples.join(', ')}.` : '.';
    return s + percentileClause(percentile, lang, { en: 'formulaic', fr: 'convenu' });
  }
  if (!d.hits) return 'None of the stock phrases or over-used words on our list appear in this text.';
  let s = `${rate} ${plural(n, 'en', { one: 'stock phrase or over-used word', other: 'stock phrases or over-used words' })} per 100 words (weighted${hits}), against ${fmt(typical!, lang)} on average in human prose`;
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
