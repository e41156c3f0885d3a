/**
 * i18n — one source of truth for every word the extension shows: public/_locales/{en,fr}/messages.json.
 *
 * What: `t(key, substitutions?, lang?)` returns the message for `key` in `lang` (default: the browser's UI
 * language, French when it starts with "fr", else English), with Chrome-style placeholders resolved
 * ("$NAME$" -> placeholders.name.content -> "$1".."$9" -> substitutions).
 * When: in the popup, side panel, options page, background (context menu titles), content script (legend), and in
 * Node (reports, tests), because both files are bundled as JSON modules instead of being read through
 * `browser.i18n` (which can only give the browser's own language).
 * `tn(key, n, substitutions?, lang?)` is the counted form: `key_one` / `key_other` by `Intl.PluralRules`.
 * Limits: unknown keys return the key itself (visible in tests, never a crash); a missing French message falls back
 * to English. The manifest still uses `__MSG_key__`, resolved by the browser from the same files.
 */
import en from '@/public/_locales/en/messages.json';
import fr from '@/public/_locales/fr/messages.json';
import type { UiLang } from '../engine';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Catalogue = Record<string, Message>;

const CATALOGUES: Record<UiLang, Catalogue> = { en: en, fr: fr };

export type Substitutions = string | number | readonly (string | number)[];

/** The browser's UI language mapped to a language we write in. Works outside a browser (Node: 'en'). */
export function uiLanguage(): UiLang {
  const g = globalThis as {
    chrome?: { i18n?: { getUILanguage?: () => string } };
    browser?: { i18n?: { getUILanguage?: () => string } };
    navigator?: { language?: string };
  };
  let tag = '';
  try {
    tag = g.browser?.i18n?.getUILanguage?.() ?? g.chrome?.i18n?.getUILanguage?.() ?? g.navigator?.language ?? '';
  } catch {
    tag = '';
  }
  return toUiLang(tag);
}

/** 'fr', 'fr-CA', 'FR_fr' -> 'fr'; anything else -> 'en'. */
export function toUiLang(tag: string | undefined | null): UiLang {
  return typeof tag === 'string' && tag.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The other language of the two, for "read this in French / in English" switches. */
export function otherLang(lang: UiLang): UiLang {
  return lang === 'fr' ? 'en' : 'fr';
}

const PLURALS = new Map<UiLang, Intl.PluralRules>();

/** A counted message: `key_one`, `key_other` (Intl.PluralRules' category of `n` in `lang`: French "0 passage",
 * English "0 passages"), else `key` itself; substitutions as in `t`. Never "passage(s)". */
export function tn(key: string, n: number, substitutions?: Substitutions, lang: UiLang = uiLanguage()): string {
  let rules = PLURALS.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang === 'fr' ? 'fr-FR' : 'en-US');
    PLURALS.set(lang, rules);
  }
  const form = rules.select(n) === 'one' ? 'one' : 'other';
  const name = [`${key}_${form}`, `${key}_other`].find((k) => CATALOGUES[lang][k] ?? CATALOGUES.en[k]) ?? key;
  return t(name, substitutions, lang);
}

export function t(key: string, substitutions?: Substitutions, lang: UiLang = uiLanguage()): string {
  const entry = CATALOGUES[lang][key] ?? CATALOGUES.en[key];
  if (!entry) return key;
  const subs: readonly (string | number)[] = substitutions === undefined ? [] : typeof substitutions === 'object' ? substitutions : [substitutions];
  const numbered = (s: string) =>
    s.replace(/\$(\d)/g, (_m, d: string) => {
      const v = subs[Number(d) - 1];
      return v === undefined ? '' : String(v);
    });
  const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name: string) => {
    const ph = entry.placeholders?.[name.toLowerCase()];
    return ph ? numbered(ph.content) : m;
  });
  // "$$" is a literal dollar sign in the browser's own implementation.
  return withPlaceholders.replace(/\$\$/g, '$');
}

/** French elision of "que" before a word that starts with a vowel, for messages that put a name after it (a name the
 * teacher typed or a file name: "plus prévisible que Écrit antérieur" -> "qu'Écrit antérieur"). Not before "h": a name
 * may start with an aspirated h. Other languages unchanged. */
export function elideQue(text: string, lang: UiLang): string {
  return lang === 'fr' ? text.replace(/(?<![\p{L}'])(q)ue (?=[aeiouyàâæéèêëîïôœùûü])/giu, "$1u'") : text;
}
