/**
 * numbers — one rounding rule per kind of number the pages, the reports and the charts show, in English or French.
 *
 * Three kinds, three rules:
 * - a text's place among human reference texts ("more predictable than X%"): the engine's own wording,
 *   `sharePercent` from src/engine (rounded down, never 100%: a sample of human texts cannot support more). Charts,
 *   position columns and meters beside such a sentence show the same figure (`positionOf` in src/report/teacher.ts
 *   picks the same unrounded value the sentence is worded from).
 * - a rate counted over a set (false positives among 432 human texts, words in a bucket): `ratePercent`, rounded to
 *   the nearest (one decimal below 10% and above 90%: "0.7%", never "0%" beside 3 false positives); always shown
 *   with its counts (`rateWithCount`: "0.7% (3 of 432)").
 * - a setting or an axis tick (a threshold of 96%, the 0–100% axis): `exactPercent`, the value itself to the nearest
 *   tenth of a percent, whole percents without a decimal ("100%" at the end of an axis; the lab's default threshold,
 *   the extension's flag at 0.99165, "99.2%"; never "100%" below 1, which no score reaches).
 * French writes a decimal comma and a no-break space before the sign ("0,7 %").
 */
import type { UiLang } from '../engine';
import { t } from './i18n';

const NBSP = '\u00A0';

function withSign(n: string, ui: UiLang): string {
  return ui === 'fr' ? `${n.replace('.', ',')}${NBSP}%` : `${n}%`;
}

/** A rate `count / total` as a percentage, rounded to nearest: whole percents from 10% to 90%, one decimal nearer
 * the ends, where a point matters ("0.7%", "3.2%", "99.8%"; "0%" and "100%" only for none and all); '–' when there
 * is nothing to count. */
export function ratePercent(count: number, total: number, ui: UiLang): string {
  if (!(total > 0) || !Number.isFinite(count)) return '–';
  if (count <= 0) return withSign('0', ui);
  if (count >= total) return withSign('100', ui);
  const r = (count / total) * 100;
  if (r >= 10 && r <= 90) return withSign(String(Math.round(r)), ui);
  const one = Math.round(r * 10) / 10;
  if (one <= 0) return (ui === 'fr' ? '<' + NBSP : '<') + withSign('0.1', ui);
  if (one >= 100) return (ui === 'fr' ? '>' + NBSP : '>') + withSign('99.9', ui);
  return withSign(String(one), ui);
}

/** A rate with the counts it comes from: "0.7% (3 of 432)" / "0,7 % (3 sur 432)". */
export function rateWithCount(count: number, total: number, ui: UiLang): string {
  return t('number_rateWithCount', [ratePercent(count, total, ui), count, total], ui);
}

/** A setting or an axis tick, 0..1, to the nearest tenth of a percent: "96%", "99.2%", "100%" / "99,2 %". A value
 * below 1 is never written "100%" (at most "99.9%"). */
export function exactPercent(v: number, ui: UiLang): string {
  if (!Number.isFinite(v)) return '–';
  const tenth = Math.round(v * 1000) / 10;
  return withSign(String(v < 1 && tenth >= 100 ? 99.9 : tenth), ui);
}

/** A count (words, texts): digits grouped as the language groups them, "419,430" / "419 430" (a narrow no-break
 * space in French). */
export function countText(n: number, ui: UiLang): string {
  return Number.isFinite(n) ? n.toLocaleString(ui === 'fr' ? 'fr-FR' : 'en-US') : '–';
}
