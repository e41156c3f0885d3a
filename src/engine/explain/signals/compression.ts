/**
 * Words of the compression signal (src/engine/signals/compression.ts): its title, what it measures, and the evidence sentence
 * written from its figures (`details`) and its place among human reference texts.
 */
import type { UiLang } from '../../types';
import { percentileClause } from '../format';
import type { Measure, SignalWords } from './types';

const pct = (x: number) => Math.round(x * 100);
const PREDICTABLE = { en: 'predictable', fr: 'prévisible' };

function evidence(result: Measure, lang: UiLang, percentile?: number): string {
  const saving = pct(result.details.saving ?? result.raw);
  const typical = pct(result.details.typicalHuman!);
  if (lang === 'fr') {
    const first = `Précédé d'un échantillon de prose typique d'assistant conversationnel, ce texte se compresse ${saving}\u00A0% mieux que seul, contre ${typical}\u00A0% pour un texte humain typique.`;
    return first + percentileClause(percentile, lang, PREDICTABLE);
  }
  const first = `After a sample of typical chat-assistant prose, this text compresses ${saving}% better than on its own, against ${typical}% for typical human prose.`;
  return first + percentileClause(percentile, lang, PREDICTABLE);
}

export const words: SignalWords = {
  title: { en: 'Similarity to assistant prose (compression)', fr: "Proximité avec la prose d'assistant (compression)" },
  describe: {
    en: 'How much better the text compresses after a sample of typical chat-assistant prose: shared words and turns of phrase make it cheaper.',
    fr: "À quel point le texte se compresse mieux après un échantillon de prose typique d'assistant : mots et tournures partagés le rendent moins coûteux.",
  },
  evidence,
};
