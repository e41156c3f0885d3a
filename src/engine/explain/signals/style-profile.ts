/**
 * Words of the style-profile signal (src/engine/signals/style-profile.ts): its title, what it measures, and the evidence
 * written from the features that weigh most (`examples` = feature names, `details` c/v/h 1..3 = contribution, the
 * text's value, the human training texts' median) and its place among human reference texts. Every rate and share is
 * said with the count it comes from ("commas 1.4 times as often (84 in 1,203 words)"), read from the measure's
 * `words`, `sentences` (with words) and `lettered` (words with letters) details; a report without them (stored by an
 * older version) gets the phrases without counts.
 */
import type { UiLang } from '../../types';
import { fmt, pct, percentileClause } from '../format';
import { count } from '../percent';
import { plural } from '../plural';
import { STYLE_QUALITY } from './style-lr';
import type { Measure, SignalWords } from './types';

type Pair = [en: string, fr: string];

const MARKS: Record<string, Pair> = {
  ',': ['commas', 'virgules'], ';': ['semicolons', 'points-virgules'], ':': ['colons', 'deux-points'], '(': ['brackets', 'parenthèses'],
  '?': ['question marks', "points d'interrogation"], '!': ['exclamation marks', "points d'exclamation"], '.': ['full stops', 'points'],
};
const CLASSES: Record<string, Pair> = {
  '<num>': ['numbers', 'nombres'], '<acr>': ['acronyms', 'sigles'], '<cap>': ['capitalised words inside sentences', 'mots à majuscule en cours de phrase'],
  '<hyph>': ['hyphenated words', "mots à trait d'union"], '<w3>': ['other short words', 'autres mots courts'], '<w6>': ['other words of 4 to 6 letters', 'autres mots de 4 à 6 lettres'],
  '<w9>': ['other words of 7 to 9 letters', 'autres mots de 7 à 9 lettres'], '<w+>': ['other words of 10 letters or more', 'autres mots de 10 lettres ou plus'],
};
const PERSONS: Record<string, Pair> = {
  p1s: ['"I", "me", "my"', '« je », « me », « moi »'], p1p: ['"we", "us", "our"', '« nous », « notre »'], p2: ['"you", "your"', '« tu », « vous »'],
  p3: ['"he", "she", "they"', '« il », « elle », « ils »'], it: ['"it", "its"', '« on »'],
};
const MISC: Record<string, Pair> = {
  contractions: ["contractions (don't, it's)", 'formes contractées'], negation: ['negations (not, never)', 'négations (ne, pas, jamais)'],
  digits: ['words with digits', 'mots avec chiffres'], caps: ['capitalised words inside sentences', 'mots à majuscule en cours de phrase'],
};
/** Shares of sentences or words, said as percentages. */
const SHARES: Record<string, Pair> = {
  'p:comma-sentences': ['sentences with a comma', 'phrases avec une virgule'],
  'p:early-comma': ['sentences with a comma among their first five words', 'phrases avec une virgule dans leurs cinq premiers mots'],
  'sl:short': ['short sentences (8 words or fewer)', 'phrases courtes (8 mots ou moins)'],
  'sl:long': ['long sentences (30 words or more)', 'phrases longues (30 mots ou plus)'],
  'wl:le3': ['short words (3 letters or fewer)', 'mots courts (3 lettres ou moins)'],
  'wl:ge7': ['long words (7 letters or more)', 'mots longs (7 lettres ou plus)'],
  'wl:ge10': ['very long words (10 letters or more)', 'mots très longs (10 lettres ou plus)'],
  'init:determiner': ['sentences opening with a determiner (the, a, this…)', 'phrases commençant par un déterminant (le, un, ce…)'],
  'init:pronoun': ['sentences opening with a pronoun (I, it, they…)', 'phrases commençant par un pronom (il, on, nous…)'],
  'init:preposition': ['sentences opening with a preposition (in, for, with…)', 'phrases commençant par une préposition (dans, pour, avec…)'],
  'init:conjunction': ['sentences opening with a conjunction (and, but, while…)', 'phrases commençant par une conjonction (et, mais, si…)'],
  'init:auxiliary': ['sentences opening with an auxiliary (is, can, will…)', 'phrases commençant par un auxiliaire (est, peut, a…)'],
  'init:discourse': ['sentences opening with a linking word (however, moreover, in addition…)', 'phrases commençant par un connecteur (cependant, de plus, en outre…)'],
  'init:adverb': ['sentences opening with an adverb in -ly', 'phrases commençant par un adverbe en -ment'],
  'init:number': ['sentences opening with a number', 'phrases commençant par un nombre'],
  'init:capitalised': ['sentences opening with a name (two capitalised words)', 'phrases commençant par un nom (deux mots à majuscule)'],
  'init:other': ['sentences opening with another word', 'phrases commençant par un autre mot'],
  'init:repeat': ['sentences opening with the same word as the one before', 'phrases commençant par le même mot que la précédente'],
  'init:distinct': ['different sentence openers (over ten sentences)', 'débuts de phrase différents (sur dix phrases)'],
  'misc:triads': ['sentences with a list of three (A, B and C)', 'phrases avec une énumération de trois (A, B et C)'],
  'misc:comma-participle': ['sentences with a comma followed by an -ing clause', 'phrases avec une virgule suivie d\'un participe présent'],
};
/** Plain figures with their unit: [label, unit] per language. */
const FIGURES: Record<string, [Pair, Pair, number]> = {
  'sl:logmean': [['average sentence length', 'longueur moyenne des phrases'], ['words', 'mots'], 0],
  'sl:logp10': [['sentence length at the 10th percentile', 'longueur des phrases au 1er décile'], ['words', 'mots'], 0],
  'sl:logp50': [['median sentence length', 'longueur médiane des phrases'], ['words', 'mots'], 0],
  'sl:logp90': [['sentence length at the 90th percentile', 'longueur des phrases au 9e décile'], ['words', 'mots'], 0],
  'sl:cv': [['variation of sentence length', 'variation de la longueur des phrases'], ['', ''], 2],
  'sl:diff': [['change in length from one sentence to the next, relative to the mean', "écart de longueur d'une phrase à la suivante, rapporté à la moyenne"], ['', ''], 2],
  'wl:mean': [['average word length', 'longueur moyenne des mots'], ['letters', 'lettres'], 1],
  'wl:sd': [['spread of word length', 'dispersion de la longueur des mots'], ['letters', 'lettres'], 1],
  'dm:rate': [['linking words per sentence', 'connecteurs par phrase'], ['', ''], 2],
};

/** What a per-word rate feature is called, or undefined when the feature is not a rate. */
function rateLabel(name: string, fr: boolean): string | undefined {
  const [family, key = ''] = [name.slice(0, name.indexOf(':')), name.slice(name.indexOf(':') + 1)];
  const pick = (p: Pair | undefined) => (p ? p[fr ? 1 : 0] : undefined);
  if (family === 'fw') return fr ? `« ${key} »` : `"${key}"`;
  if (family === 'p') return pick(MARKS[key]);
  if (family === 'pr') return pick(PERSONS[key]);
  if (family === 'misc') return pick(MISC[key]);
  if (family === 'cls') {
    if (CLASSES[key]) return pick(CLASSES[key]);
    const suffix = key.replace(/^<-|>$/g, '');
    return fr ? `mots en « -${suffix} »` : `words ending in "-${suffix}"`;
  }
  return undefined;
}

/** What the text's rates and shares are counted over (the measure's details). */
export interface ProfileBase {
  words?: number;
  sentences?: number;
  lettered?: number;
}

type Unit = 'word' | 'sentence' | 'pair';
const UNITS: Record<Unit, Record<UiLang, { one: string; other: string }>> = {
  word: { en: { one: 'word', other: 'words' }, fr: { one: 'mot', other: 'mots' } },
  sentence: { en: { one: 'sentence', other: 'sentences' }, fr: { one: 'phrase', other: 'phrases' } },
  pair: { en: { one: 'sentence after the first', other: 'sentences after the first' }, fr: { one: 'phrase après la première', other: 'phrases après la première' } },
};

/** "1,203 words" / "1 203 mots". */
function many(n: number, unit: Unit, lang: UiLang): string {
  return `${count(n, lang)} ${plural(n, lang, UNITS[unit][lang])}`;
}

/** What a share or a figure is taken over (words with letters, sentences, or sentences after the first), or
 * undefined. */
function baseOf(name: string, b: ProfileBase): [total: number, unit: Unit] | undefined {
  const of = (n: number | undefined, unit: Unit): [number, Unit] | undefined => (n !== undefined && n > 0 ? [n, unit] : undefined);
  if (/^wl:/.test(name)) return of(b.lettered, 'word');
  if (name === 'init:repeat') return of(b.sentences === undefined ? undefined : b.sentences - 1, 'pair');
  if (name === 'init:distinct') return undefined; // a mean over windows of ten sentences, not a count
  return of(b.sentences, 'sentence');
}

function ratePhrase(label: string, v: number, h: number, lang: UiLang, words?: number): string {
  const fr = lang === 'fr';
  const per1000 = (x: number) => fmt(x * 1000, lang, 1);
  const n = words !== undefined && words > 0 ? words : undefined;
  const over = n === undefined ? '' : `${fr ? 'sur' : 'in'} ${many(n, 'word', lang)}`; // "in 1,250 words"
  const counted = n === undefined ? '' : `${count(Math.round(v * n), lang)} ${over}`; // "8 in 1,250 words"
  if (!(h > 0)) {
    const what = counted || (fr ? `${per1000(v)} pour 1\u202F000 mots` : `${per1000(v)} per 1,000 words`);
    return fr ? `${label} : ${what} (la plupart des textes humains n'en ont aucun)` : `${label}: ${what} (most of the human texts have none)`;
  }
  if (!(v > 0)) {
    const where = over && ` ${over}`;
    return fr ? `${label} : aucune occurrence${where} (d'ordinaire ${per1000(h)} pour 1\u202F000 mots)` : `no ${label}${where} (typically ${per1000(h)} per 1,000 words)`;
  }
  const r = v / h;
  const tail = counted && ` (${counted})`;
  if (r >= 1.15) return fr ? `${label} ${fmt(r, lang, 1)} fois plus souvent${tail}` : `${label} ${fmt(r, lang, 1)} times as often${tail}`;
  if (r <= 0.87) return fr ? `${label} ${fmt(1 / r, lang, 1)} fois moins souvent${tail}` : `${label} only ${pct(r, lang)} as often${tail}`;
  return fr ? `${label} à peu près aussi souvent${tail}` : `${label} about as often${tail}`;
}

/** One feature in words: the text's value against the human training texts' median, with the count it comes from
 * when `base` gives what it is counted over. */
export function featurePhrase(name: string, v: number, h: number, lang: UiLang, base: ProfileBase = {}): string {
  const fr = lang === 'fr';
  const rate = rateLabel(name, fr);
  if (rate) return ratePhrase(rate, v, h, lang, base.words);
  const share = SHARES[name];
  if (share) {
    const b = baseOf(name, base);
    const k = b && `${count(Math.round(v * b[0]), lang)} ${fr ? 'sur' : 'of'} ${many(b[0], b[1], lang)}`;
    // a mean over windows is no count: what it was taken over goes with its name
    const inN = name === 'init:distinct' && base.sentences ? (fr ? `, sur ${many(base.sentences, 'sentence', lang)}` : `, in ${many(base.sentences, 'sentence', lang)}`) : '';
    return fr
      ? `${share[1]}${inN} : ${pct(v, lang)}${k ? `, ${k}` : ''} (d'ordinaire ${pct(h, lang)})`
      : `${share[0]}${inN}: ${pct(v, lang)}${k ? `, ${k}` : ''} (typically ${pct(h, lang)})`;
  }
  const fig = FIGURES[name];
  if (fig) {
    const [label, unit, digits] = fig;
    const u = unit[fr ? 1 : 0] ? ` ${unit[fr ? 1 : 0]}` : '';
    const b = baseOf(name, base);
    if (name === 'dm:rate' && b) {
      const k = count(Math.round(v * b[0]), lang);
      return fr
        ? `${label[1]} : ${fmt(v, lang, digits)}, ${k} sur ${many(b[0], 'sentence', lang)} (d'ordinaire ${fmt(h, lang, digits)})`
        : `${label[0]}: ${fmt(v, lang, digits)}, ${k} in ${many(b[0], 'sentence', lang)} (typically ${fmt(h, lang, digits)})`;
    }
    // what the figure was taken over goes with its name: "24 words over 26 sentences" read as a count
    const over = b ? (fr ? `, sur ${many(b[0], b[1], lang)}` : `, over ${many(b[0], b[1], lang)}`) : '';
    return fr ? `${label[1]}${over} : ${fmt(v, lang, digits)}${u} (d'ordinaire ${fmt(h, lang, digits)})` : `${label[0]}${over}: ${fmt(v, lang, digits)}${u} (typically ${fmt(h, lang, digits)})`;
  }
  return name;
}

function evidence(result: Measure, lang: UiLang, percentile?: number): string {
  const d = result.details;
  const fr = lang === 'fr';
  const names = result.examples ?? [];
  const base: ProfileBase = { words: d.words, sentences: d.sentences, lettered: d.lettered };
  const parts = names.map((name, i) => featurePhrase(name, d[`v${i + 1}`] ?? NaN, d[`h${i + 1}`] ?? NaN, lang, base));
  const machine = (d.direction ?? 1) > 0;
  let text: string;
  if (parts.length === 0) {
    text = fr ? "Aucun trait du profil ne se distingue des textes humains d'entraînement." : 'No feature of the profile stands out from the human training texts.';
  } else if (fr) {
    text = `Par rapport aux textes humains sur lesquels le modèle a été entraîné, ce qui pèse le plus du côté des textes ${machine ? 'de machine' : 'humains'} : ${parts.join(' ; ')}.`;
  } else {
    text = `Compared with the human texts the model was trained on, what weighs most towards the ${machine ? 'machine' : 'human'} side: ${parts.join('; ')}.`;
  }
  return text + percentileClause(percentile, lang, STYLE_QUALITY);
}

export const words: SignalWords = {
  title: { en: 'Style profile', fr: 'Profil stylistique' },
  describe: {
    en: 'About 150 rates that describe how the text is built (small words, punctuation, sentence and word lengths, how sentences open, pronouns), weighed by a model of human and machine-generated texts of the same kinds.',
    fr: "Environ 150 mesures de la construction du texte (petits mots, ponctuation, longueur des phrases et des mots, débuts de phrase, pronoms), pondérées par un modèle de textes humains et de textes de machine des mêmes genres.",
  },
  evidence,
};
