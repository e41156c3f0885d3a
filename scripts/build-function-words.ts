/**
 * build-function-words — derive the function-word lists of the `function-words` signal from the compromise and
 * fr-compromise lexicons, and write them to assets/function-words.json.
 *
 * `npx tsx scripts/build-function-words.ts`. Run it again only when the compromise versions change.
 *
 * Why a build step: POS-tagging every text with compromise at run time is far too slow for the speed budget (all
 * signals together: 2,000 words in 20 ms). The lexicons already tag the closed word classes, so a word look-up in a
 * small table gives nearly the same function-word profile for a fraction of the cost.
 *
 * What it keeps: single-word lexicon entries (multi-word entries such as "as long as" can not be matched word by word)
 * tagged with one of the closed classes below, lower-cased. A word keeps the first class found in CLASS_ORDER.
 * Entries of the English lexicon that are French or Spanish articles ("de", "le", "el") are dropped from English.
 * Otherwise the lists are the lexicons' view, oddities included (fr-compromise 0.2.8 tags "qui" as a preposition),
 * apart from the additions in ADD, for frequent function words a lexicon does not tag as a closed class, and the two
 * French fixes at the end of `build` (each with its reason).
 * Licence: compromise and fr-compromise are MIT (Spencer Kelly); the derived lists keep that attribution.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import nlp from 'compromise';
import fr from 'fr-compromise';

/** Our classes and the lexicon tags that feed each, in priority order (a word belongs to the first that matches). */
const CLASS_ORDER = {
  determiner: ['Determiner'],
  pronoun: ['Pronoun', 'Possessive', 'Reflexive'],
  preposition: ['Preposition'],
  conjunction: ['Conjunction', 'Condition'],
  auxiliary: ['Copula', 'Modal', 'Auxiliary'],
} as const;
type FwClass = keyof typeof CLASS_ORDER;

/** Foreign articles that the English lexicon carries (for names like "de Gaulle"); not English function words. */
const DROP: Record<'en' | 'fr', string[]> = { en: ['de', 'des', 'du', 'le', 'les', 'el', 'elle', 'il', 'tha'], fr: ['because', 'ol'] };

/** Additions: frequent closed-class words missing from a lexicon's closed-class tags (checked by hand). */
const ADD: Record<'en' | 'fr', Partial<Record<FwClass, string[]>>> = {
  en: {
    // compromise tags "be/been/being/has/have/had/do/does/did" as verbs; they work as auxiliaries
    auxiliary: ['be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did'],
    pronoun: ['its', 'our', 'my'],
  },
  fr: {
    // fr-compromise 0.2.8 has no closed-class tag for these very frequent forms
    determiner: ['du', 'des', 'ce', 'cet', 'chaque', 'plusieurs', 'quelques', 'aucune', 'certains', 'certaines'],
    pronoun: ['qui', 'que', 'qu', 'dont', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'cela', 'ça', 'ceci', 'celui', 'celle', 'ceux', 'celles', 'tu', 'l', 's', 'm'],
    // the lexicon spells some prepositions without their accents; texts have them
    preposition: ['après', 'auprès', 'près', 'derrière', 'malgré', 'grâce', 'excepté', 'dès', 'jusqu'],
    conjunction: ['or', 'ni', 'lorsque', 'lorsqu', 'puisque', 'puisqu', 'quand', 'si', 'comme'],
    auxiliary: ['a', 'as', 'avons', 'avez', 'avait', 'avaient', 'avoir', 'eu', 'sera', 'serait', 'était', 'étaient', 'peut', 'peuvent', 'doit', 'doivent'],
  },
};

function build(lexicon: Record<string, string | string[]>, lang: 'en' | 'fr'): Record<string, FwClass> {
  const out: Record<string, FwClass> = {};
  const drop = new Set(DROP[lang]);
  for (const [cls, tags] of Object.entries(CLASS_ORDER) as [FwClass, readonly string[]][]) {
    for (const [word, t] of Object.entries(lexicon)) {
      if (word.includes(' ') || drop.has(word) || out[word]) continue;
      if (!/^[\p{L}']+$/u.test(word)) continue;
      const wordTags = Array.isArray(t) ? t : [t];
      if (wordTags.some((x) => tags.includes(x))) out[word.replace(/'$/, '')] = cls;
    }
  }
  for (const [cls, words] of Object.entries(ADD[lang]) as [FwClass, string[]][]) for (const w of words) out[w] ??= cls;
  // the French "a" is the verb avoir (the lexicon lists it as "à" without its accent); "se" is a reflexive pronoun
  // (the lexicon tags it Auxiliary)
  if (lang === 'fr') {
    out.a = 'auxiliary';
    out.se = 'pronoun';
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

const enLex = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
const frLex = (fr as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;

const json = {
  source:
    'Derived by scripts/build-function-words.ts from the lexicons of compromise 14.17.0 (English) and fr-compromise 0.2.8 ' +
    '(French), both MIT licence, (c) Spencer Kelly; closed-class tags Determiner, Pronoun/Possessive/Reflexive, ' +
    'Preposition, Conjunction/Condition, Copula/Modal/Auxiliary, plus a few additions listed in the script.',
  classes: Object.keys(CLASS_ORDER),
  en: build(enLex, 'en'),
  fr: build(frLex, 'fr'),
};
const here = dirname(fileURLToPath(import.meta.url));
const path = resolve(here, '../assets/function-words.json');
writeFileSync(path, JSON.stringify(json, null, 1) + '\n');
console.log(`wrote ${path}: en ${Object.keys(json.en).length} words, fr ${Object.keys(json.fr).length} words`);
