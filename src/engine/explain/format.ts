/**
 * format — numbers inside the signals' evidence sentences, per UI language: "0.31" / "0,31", "42%" / "42 %" (a ratio
 * or a rate: to the nearest percent), and the percentile clause every evidence ends with (a share of human reference
 * texts: rounded down and never 100%, like the headline, see `pct` in messages.ts). Pure.
 */
import type { UiLang } from '../types';
import { pct as sharePct } from './messages';

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** A number for a sentence in the UI language: "0.31" / "0,31". */
export function fmt(x: number, lang: UiLang, digits = 2): string {
  const s = x.toFixed(digits);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

/** A ratio or a rate as a whole percentage, to the nearest: "42%" / "42 %" (French puts a space before the sign). */
export function pct(x: number, lang: UiLang): string {
  const n = Math.round(x * 100);
  return lang === 'fr' ? `${n}\u00A0%` : `${n}%`;
}

/** The percentile clause shared by every signal's explanation: where the text stands among the comparable human
 * reference texts on this measure. `quality` names what the measure sees ("uniform", "predictable", ...). */
export function percentileClause(
  percentile: number | undefined,
  lang: UiLang,
  quality: Record<UiLang, string> = { en: 'uniform', fr: 'uniforme' },
): string {
  if (percentile === undefined || !Number.isFinite(percentile)) return '';
  const p = sharePct(clamp(percentile, 0, 1), lang);
  return lang === 'fr'
    ? ` Sur ce point, le texte est plus ${quality.fr} que ${p} des textes humains de référence comparables.`
    : ` On this measure the text is more ${quality.en} than ${p} of the comparable human reference texts.`;
}

