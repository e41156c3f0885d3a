/**
 * language — which language a block of text is in, or 'und' when unsure.
 *
 * Uses franc-min (wooorm; trigram profiles of the ~80 most spoken languages, 56 kB gzip) rather than a home-made
 * detector. `detectLanguage` maps franc's ISO 639-3 answer to 'en' and 'fr' for the two fully supported languages
 * and keeps the three-letter code for the others; below MIN_LANG_CHARS it answers 'und' instead of guessing.
 * Detect once per block, never per sentence (STYLE 10).
 */
import { franc } from 'franc-min';
import type { Lang } from '../types';

/** franc-min is reliable from about 50 characters on prose (../shared/TOOLCHAIN.md). */
export const MIN_LANG_CHARS = 50;
/** Only the first characters of a long block are read: enough for a stable answer, bounded cost. */
export const LANG_SAMPLE_CHARS = 1200;

const TO_ISO1: Record<string, Lang> = { eng: 'en', fra: 'fr' };

export function detectLanguage(text: string): Lang {
  const sample = text.length > LANG_SAMPLE_CHARS ? text.slice(0, LANG_SAMPLE_CHARS) : text;
  if (sample.replace(/[^\p{L}]/gu, '').length < MIN_LANG_CHARS * 0.8) return 'und';
  const code = franc(sample, { minLength: MIN_LANG_CHARS });
  if (code === 'und') return 'und';
  return TO_ISO1[code] ?? code;
}

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

export function languageName(lang: Lang, ui: 'en' | 'fr'): string {
  return LANGUAGE_NAMES[lang]?.[ui] ?? lang;
}
