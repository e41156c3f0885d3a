/**
 * percent — the one way a stated share is written: a whole percentage, rounded down and kept within 0..99; and a
 * count, with the UI language's thousands separator.
 */
import type { UiLang } from '../types';

/** A share as a whole percentage, rounded down and kept within 0..99: "more than 100%" would overclaim, and the
 * stated percentile never reaches 1 (beyond the reference range the words say "beyond all N", not 100%). */
export function pct(p: number, ui: UiLang): string {
  const v = wholePercent(p);
  return ui === 'fr' ? `${v}\u00A0%` : `${v}%`; // French: a no-break space, so "97 %" never breaks across lines
}

/** The whole percentage `pct` writes for a share. */
export function wholePercent(p: number): number {
  return Math.max(0, Math.min(99, Math.floor(p * 100 + 1e-9)));
}

/** A count with the UI language's thousands separator: "1,203" / "1 203" (French: a narrow no-break space). */
export function count(n: number, ui: UiLang): string {
  return n.toLocaleString(ui === 'fr' ? 'fr-FR' : 'en-US');
}
