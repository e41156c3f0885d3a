/**
 * sample-names — the names the lab's sample set (assets/lab/sample-set.jsonl) gives its groups and domains, in the
 * page's language: "non-native" reads "langue non maternelle" in the French lab. Any other name (a set the
 * participants bring) is shown as written. Words in public/_locales/*: lab_sample_<name in ASCII, _ for the rest>.
 */
import type { UiLang } from '../../engine';
import { t } from '../../shared/i18n';

/** 'formulaic genre' -> 'lab_sample_formulaic_genre', 'récit personnel' -> 'lab_sample_recit_personnel'. */
export function sampleKey(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return `lab_sample_${ascii.replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')}`;
}

export function sampleName(name: string, lang: UiLang): string {
  if (!name) return name;
  const key = sampleKey(name);
  const words = t(key, undefined, lang);
  return words === key ? name : words;
}
