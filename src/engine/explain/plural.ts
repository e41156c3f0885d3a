/**
 * plural — the plural form of a word for a count, by the UI language's own rules (`Intl.PluralRules`): English "1
 * signal", "0 signals"; French "0 signal", "1,5 tournure", "2 signaux". Never "signal(s)". Pure.
 */
import type { UiLang } from '../types';

const RULES = new Map<UiLang, Intl.PluralRules>();

/** `forms.one` when `n` takes the singular in `ui`, else `forms.other`. */
export function plural(n: number, ui: UiLang, forms: { one: string; other: string }): string {
  let rules = RULES.get(ui);
  if (!rules) {
    rules = new Intl.PluralRules(ui === 'fr' ? 'fr-FR' : 'en-US');
    RULES.set(ui, rules);
  }
  return rules.select(n) === 'one' ? forms.one : forms.other;
}
