/**
 * Words of the style-lr signal (src/engine/signals/style-lr.ts): its title, what it measures, and the evidence sentence
 * written from its figures (`details`) and its place among human reference texts.
 */
import { plural } from '../plural';
import type { UiLang } from '../../types';
import { fmt, percentileClause } from '../format';
import type { Measure, SignalWords } from './types';

export const STYLE_QUALITY: Record<UiLang, string> = { en: 'assistant-like in style', fr: 'proche du style des assistants' };

function evidence(result: Measure, lang: UiLang, percentile?: number): string {
  const d = result.details;
  const ratio = d.ratio ?? Math.exp(result.raw);
  const fr = lang === 'fr';
  const closer = ratio >= 1;
  const factor = fmt(closer ? ratio : 1 / ratio, lang);
  const side = fr
    ? closer
      ? `Les mots-outils et la ponctuation de ce texte ressemblent davantage aux textes de machine qu'aux textes humains sur lesquels le modèle a été entraîné : chaque mot ou signe y est en moyenne ${factor} fois plus probable selon le modèle des textes de machine.`
      : `Les mots-outils et la ponctuation de ce texte ressemblent davantage aux textes humains qu'aux textes de machine sur lesquels le modèle a été entraîné : chaque mot ou signe y est en moyenne ${factor} fois plus probable selon le modèle des textes humains.`
    : closer
      ? `The text's small words and punctuation fit the machine-generated training texts better than the human ones: each word or mark is on average ${factor} times as likely under the model of machine text.`
      : `The text's small words and punctuation fit the human training texts better than the machine-generated ones: each word or mark is on average ${factor} times as likely under the model of human text.`;
  const sentences =
    d.sentencesMeasured && d.sentencesMeasured > 0
      ? fr
        ? ` ${d.sentencesMachineward} ${plural(d.sentencesMachineward ?? 0, lang, { one: 'phrase', other: 'phrases' })} sur ${d.sentencesMeasured} ${plural(d.sentencesMachineward ?? 0, lang, { one: 'est mieux prédite', other: 'sont mieux prédites' })} par le modèle des textes de machine.`
        : ` ${d.sentencesMachineward} of ${d.sentencesMeasured} ${plural(d.sentencesMachineward ?? 0, lang, { one: 'sentences is', other: 'sentences are' })} better predicted by the model of machine text.`
      : '';
  return side + sentences + percentileClause(percentile, lang, STYLE_QUALITY);
}

export const words: SignalWords = {
  title: { en: 'Small-word and punctuation patterns', fr: 'Enchaînement des mots-outils et de la ponctuation' },
  describe: {
    en: 'Whether the sequence of small words (the, of, however…), punctuation and word shapes is better predicted by a model of machine-generated text or by one of human text of the same kinds; topic words play no part.',
    fr: "Si l'enchaînement des petits mots (le, de, cependant…), de la ponctuation et des formes de mots est mieux prédit par un modèle de textes de machine ou par un modèle de textes humains des mêmes genres ; les mots du sujet n'y jouent aucun rôle.",
  },
  evidence,
};
