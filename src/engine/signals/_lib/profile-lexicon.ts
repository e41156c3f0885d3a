/**
 * profile-lexicon — the word lists behind the style-profile features (src/engine/signals/_lib/profile.ts): the
 * function-word lexicon's classes (assets/function-words.json), extra grammatical words and connectives, discourse
 * markers, pronouns by person, negations, and two string tests (lists of three, comma + participle clause).
 *
 * The lists are part of the shipped tables' meaning (the fitted coefficients were learnt with them): changing one
 * means rebuilding assets/style-profile-<lang>.json (`npm run build:style`).
 * Limits: closed lists miss rare forms; "first"/"second" and French "or"/"aussi" are ambiguous, so they count as
 * openers but not as discourse markers inside a sentence.
 */
import fwTable from '../../../../assets/function-words.json';
import type { StyleLang } from './style-tokens';

const FW_TABLE = fwTable as { en: Record<string, string>; fr: Record<string, string> };

/** Function-word class of a word (determiner, pronoun, preposition, conjunction, auxiliary), from the lexicon. */
export const FW_CLASS: Record<StyleLang, Map<string, string>> = {
  en: new Map(Object.entries(FW_TABLE.en)),
  fr: new Map(Object.entries(FW_TABLE.fr)),
};
export const FW_CLASSES = ['determiner', 'pronoun', 'preposition', 'conjunction', 'auxiliary'] as const;

/** Grammatical words and common adverbs/connectives the lexicon lacks. With the lexicon they form the CANDIDATE list
 * of the fw: features, so no topic word can become one. */
const EXTRA: Record<StyleLang, string[]> = {
  en: ['which', 'what', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'not', "n't", 'no', 'there', 'here', 'then', 'so', 'also', 'very', 'more', 'most', 'less', 'only', 'just', 'all', 'such', 'one', 'other', 'others', 'many', 'same', 'own', 'too', 'quite', 'rather', 'still', 'already', 'again', 'ever', 'never', 'always', 'often', 'sometimes', 'perhaps', 'maybe', 'really', 'actually', 'simply', 'especially', 'particularly', 'instead', 'indeed', 'thus', 'hence', 'moreover', 'furthermore', 'additionally', 'overall', 'ultimately', 'finally', 'first', 'well', 'like', 'something', 'anything', 'nothing', 'everything', 'someone', 'anyone', 'everyone', 'way', 'thing', 'things', 'lot', "it's", "don't", "i'm", "that's", "can't", "doesn't", "didn't", "isn't", 'yes', 'oh', 'ok', 'okay', 'while', 'almost', 'enough', 'else', 'though', 'although', 'whether', 'once', 'both', 'either', 'neither', 'further', 'thereby', 'whereas', 'within', 'without', 'upon'],
  fr: ['qui', 'que', "qu'", 'quoi', 'dont', 'où', 'quand', 'comment', 'pourquoi', 'ne', "n'", 'pas', 'plus', 'jamais', 'rien', 'non', 'oui', 'aussi', 'très', 'bien', 'encore', 'déjà', 'toujours', 'souvent', 'parfois', 'peut-être', 'alors', 'ainsi', 'donc', 'enfin', 'ensuite', 'puis', 'cependant', 'toutefois', 'néanmoins', 'pourtant', 'également', 'notamment', 'surtout', 'seulement', 'vraiment', 'plutôt', 'assez', 'trop', 'tout', 'tous', 'toute', 'toutes', 'même', 'mêmes', 'autre', 'autres', 'chaque', 'certains', 'certaines', 'plusieurs', 'beaucoup', 'peu', 'tant', 'tellement', 'si', 'comme', 'ici', 'là', 'y', 'en', 'car', 'or', 'ni', 'soit', 'lorsque', 'puisque', 'quelque', 'quelques', 'chose', 'fois', 'ça', 'cela', 'ceci', 'voilà', "c'", "d'", "l'", "j'", "s'", "m'", "t'", 'afin', 'enfin', "aujourd'hui", 'effet', 'outre', 'ailleurs', 'part', 'fait', 'bref', 'certes', 'dès', 'lors', 'mieux', 'moins', 'autant', 'ensemble', 'tôt', 'tard', 'vite'],
};

/** Candidate function words of a language: the lexicon's closed classes plus EXTRA. */
export function functionWordCandidates(lang: StyleLang): Set<string> {
  return new Set([...FW_CLASS[lang].keys(), ...EXTRA[lang]]);
}

const splitElision = (s: string) => s.replace(/'(?=\p{L})/gu, "' ");

/** Discourse markers (as openers, and, but for DM_SKIP, anywhere in a sentence). */
export const DISCOURSE: Record<StyleLang, readonly string[]> = {
  en: ['however', 'moreover', 'furthermore', 'additionally', 'overall', 'ultimately', 'finally', 'firstly', 'secondly', 'thirdly', 'lastly', 'consequently', 'therefore', 'thus', 'hence', 'meanwhile', 'nevertheless', 'nonetheless', 'similarly', 'likewise', 'instead', 'indeed', 'importantly', 'notably', 'in addition', 'in conclusion', 'in summary', 'in short', 'for example', 'for instance', 'as a result', 'on the other hand', 'in fact', 'of course', 'in particular', 'at the same time', 'to summarize', 'to sum up', 'first', 'second', 'third', 'besides', 'conversely', 'accordingly', 'subsequently', 'specifically', 'essentially', 'in other words', 'by contrast', 'in contrast', 'as such', 'that said', 'after all', 'all in all', 'in the end'],
  fr: ['cependant', 'toutefois', 'néanmoins', 'pourtant', 'ainsi', 'donc', 'enfin', 'ensuite', 'puis', "d'abord", 'premièrement', 'deuxièmement', 'troisièmement', 'de plus', 'en outre', 'par ailleurs', 'en effet', 'en conclusion', 'en somme', 'en résumé', 'par exemple', 'en revanche', 'au contraire', "d'ailleurs", 'certes', 'bref', 'finalement', 'également', 'de même', 'en fait', 'autrement dit', "c'est pourquoi", 'dès lors', 'or', 'par conséquent', 'en définitive', 'en particulier', 'notamment', 'en outre', 'à cet égard', "d'une part", "d'autre part", 'de surcroît', 'qui plus est', 'du reste', 'somme toute', 'en réalité', 'de fait', 'aussi'],
};

/** Discourse phrases as word lists, indexed by their first word: every phrase (openers), and without the ambiguous
 * single words of DM_SKIP (markers anywhere). */
const DM_SKIP = new Set(['first', 'second', 'third', 'aussi', 'or', 'puis', 'donc', 'ainsi']);
function byFirst(lang: StyleLang, skip: boolean): Map<string, string[][]> {
  const m = new Map<string, string[][]>();
  for (const phrase of DISCOURSE[lang]) {
    const p = splitElision(phrase).split(' ');
    if (skip && p.length === 1 && DM_SKIP.has(p[0]!)) continue;
    const l = m.get(p[0]!);
    if (l) l.push(p);
    else m.set(p[0]!, [p]);
  }
  return m;
}
export const OPENER_PHRASES: Record<StyleLang, Map<string, string[][]>> = { en: byFirst('en', false), fr: byFirst('fr', false) };
export const MARKER_PHRASES: Record<StyleLang, Map<string, string[][]>> = { en: byFirst('en', true), fr: byFirst('fr', true) };

const PRONOUNS: Record<StyleLang, Record<string, string[]>> = {
  en: {
    p1s: ['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"],
    p1p: ['we', 'us', 'our', 'ours', 'ourselves', "we're", "we've", "we'd", "we'll"],
    p2: ['you', 'your', 'yours', 'yourself', 'yourselves', "you're", "you've", "you'd", "you'll"],
    p3: ['he', 'him', 'his', 'she', 'her', 'hers', 'they', 'them', 'their', 'theirs', 'himself', 'herself', 'themselves', "he's", "she's", "they're"],
    it: ['it', 'its', "it's", 'itself'],
  },
  fr: {
    p1s: ['je', "j'", 'me', "m'", 'moi', 'mon', 'ma', 'mes'],
    p1p: ['nous', 'notre', 'nos'],
    p2: ['tu', 'te', "t'", 'toi', 'ton', 'ta', 'tes', 'vous', 'votre', 'vos'],
    p3: ['il', 'elle', 'ils', 'elles', 'lui', 'leur', 'leurs', 'son', 'sa', 'ses', 'eux'],
    it: ['on'],
  },
};
/** Pronoun persons, in feature order. */
export const PERSONS = ['p1s', 'p1p', 'p2', 'p3', 'it'] as const;
/** Word -> index in PERSONS. */
export const PERSON_OF: Record<StyleLang, Map<string, number>> = {
  en: new Map(PERSONS.flatMap((k, i) => PRONOUNS.en[k]!.map((w) => [w, i] as [string, number]))),
  fr: new Map(PERSONS.flatMap((k, i) => PRONOUNS.fr[k]!.map((w) => [w, i] as [string, number]))),
};

export const NEGATION: Record<StyleLang, Set<string>> = {
  en: new Set(['not', 'never', 'no', 'nothing', 'nobody', 'none', 'nor']),
  fr: new Set(['ne', "n'", 'pas', 'jamais', 'rien', 'personne', 'aucun', 'aucune', 'guère']),
};

const TRIAD_CONJ: Record<StyleLang, string[]> = { en: [' and ', ' or '], fr: [' et ', ' ou '] };
const HAS_LETTER = /\p{L}/u;
const wordsIn = (t: string) => t.split(' ').filter((x) => x.length > 0).length;

/** "A, B and C" / "A, B, and C": a coordinating conjunction preceded by a comma-separated item B of 1-3 words with
 * something (A) before that comma (string search, no backtracking regex). */
export function hasTriad(t: string, lang: StyleLang): boolean {
  for (const conj of TRIAD_CONJ[lang]) {
    for (let pos = t.indexOf(conj); pos >= 0; pos = t.indexOf(conj, pos + 1)) {
      let c1 = t.lastIndexOf(',', pos);
      if (c1 < 0) continue;
      let item = t.slice(c1 + 1, pos);
      if (!item.trim()) {
        // Oxford comma: the item sits between the previous comma and this one
        const c0 = t.lastIndexOf(',', c1 - 1);
        if (c0 < 0) continue;
        item = t.slice(c0 + 1, c1);
        c1 = c0;
      }
      const n = wordsIn(item);
      if (n >= 1 && n <= 3 && HAS_LETTER.test(t.slice(Math.max(0, c1 - 40), c1))) return true;
    }
  }
  return false;
}

/** A comma followed by a participle clause: "..., making it" / "..., en permettant". */
export const COMMA_PARTICIPLE: Record<StyleLang, RegExp> = { en: /, \p{Ll}+ing\b/u, fr: /, (?:en )?\p{Ll}{3,}ant\b/u };
