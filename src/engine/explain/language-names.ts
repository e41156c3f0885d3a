/**
 * language-names — a language code as a word of the UI language ("German", « allemand »), for messages such as
 * "German is not supported yet". Codes without a name are shown as they are.
 */
import type { Lang, UiLang } from '../types';

/** Names for the languages users meet most, for messages ("German is not supported yet"). */
export const LANGUAGE_NAMES: Record<string, { en: string; fr: string }> = {
  en: { en: 'English', fr: 'anglais' },
  fr: { en: 'French', fr: 'français' },
  deu: { en: 'German', fr: 'allemand' },
  spa: { en: 'Spanish', fr: 'espagnol' },
  ita: { en: 'Italian', fr: 'italien' },
  por: { en: 'Portuguese', fr: 'portugais' },
  nld: { en: 'Dutch', fr: 'néerlandais' },
  pol: { en: 'Polish', fr: 'polonais' },
  rus: { en: 'Russian', fr: 'russe' },
  ukr: { en: 'Ukrainian', fr: 'ukrainien' },
  arb: { en: 'Arabic', fr: 'arabe' },
  cmn: { en: 'Chinese', fr: 'chinois' },
  jpn: { en: 'Japanese', fr: 'japonais' },
  kor: { en: 'Korean', fr: 'coréen' },
  tur: { en: 'Turkish', fr: 'turc' },
  heb: { en: 'Hebrew', fr: 'hébreu' },
  und: { en: 'undetermined', fr: 'indéterminée' },
};

export function languageName(lang: Lang, ui: UiLang): string {
  return LANGUAGE_NAMES[lang]?.[ui] ?? lang;
}
