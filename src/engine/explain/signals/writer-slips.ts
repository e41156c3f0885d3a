/**
 * Words of the writer-slips signal (src/engine/signals/writer-slips.ts): its title, what it measures, and the evidence
 * naming the slips found (counts per marker in `details`, example words in `examples`).
 */
import { plural } from '../plural';
import type { UiLang } from '../../types';
import { fmt } from '../format';
import type { Measure, SignalWords } from './types';

/** Marker ids (src/engine/signals/_lib/slip-markers.ts) in words. */
const MARKERS: Record<string, [en: string, fr: string]> = {
  lcstart: ['sentences starting in lower case', 'phrases commençant par une minuscule'],
  'lower-i': ['lower-case "i"', '« i » minuscule'],
  doubled: ['doubled words', 'mots répétés deux fois de suite'],
  apostrophe: ['missing apostrophes', 'apostrophes manquantes'],
  misspell: ['common misspellings', "fautes d'orthographe courantes"],
  chat: ['chat abbreviations', 'abréviations de messagerie'],
  accent: ['missing accents', 'accents manquants'],
  repeatmark: ['doubled "!!" or "??"', '« !! » ou « ?? »'],
};

function evidence(result: Measure, lang: UiLang): string {
  const d = result.details;
  const fr = lang === 'fr';
  const total = d.slips ?? 0;
  if (!total) {
    return fr
      ? "Aucune trace d'écriture non relue (minuscule en début de phrase, « i » minuscule, mot répété, apostrophe ou accent manquant, faute courante, abréviation de messagerie). Une écriture humaine relue n'en a pas non plus : leur absence ne dit rien."
      : 'No signs of unedited writing (lower-case sentence starts, lower-case "i", doubled words, missing apostrophes or accents, common misspellings, chat abbreviations). Edited human writing has none either: their absence says nothing.';
  }
  const found = Object.keys(MARKERS)
    .filter((m) => (d[m] ?? 0) > 0)
    .map((m) => `${MARKERS[m]![fr ? 1 : 0]} (${d[m]})`)
    .join(fr ? ' ; ' : ', ');
  const examples = (result.examples ?? []).map((w) => (fr ? `« ${w} »` : `"${w}"`)).join(', ');
  const rate = fmt(d.per100 ?? -result.raw, lang, 1);
  return fr
    ? `${total} ${plural(total, lang, { one: 'trace', other: 'traces' })} d'écriture non relue : ${found}${examples ? `, par exemple ${examples}` : ''} ; soit ${rate} pour 100 mots. Les textes de machine n'en ont presque jamais.`
    : `${total} ${plural(total, lang, { one: 'sign', other: 'signs' })} of unedited writing: ${found}${examples ? `, e.g. ${examples}` : ''}; ${rate} per 100 words. Machine-generated text almost never has them.`;
}

export const words: SignalWords = {
  title: { en: 'Signs of unedited writing', fr: "Traces d'écriture non relue" },
  describe: {
    en: 'Small slips that unedited human writing carries and machine-generated text almost never does (lower-case "i", missing apostrophes, doubled words, common misspellings); they point towards human writing, and their absence says nothing.',
    fr: "Les petites erreurs que porte une écriture humaine non relue et presque jamais un texte de machine (apostrophes ou accents manquants, mots répétés, fautes courantes) ; elles vont dans le sens d'une écriture humaine, et leur absence ne dit rien.",
  },
  evidence,
};
