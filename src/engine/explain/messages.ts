/**
 * messages — the engine's sentences in English and French: headlines, summaries, abstention reasons, caveats.
 *
 * Rules every string here follows: it speaks of predictability, uniformity and formulaic phrasing, never of who
 * wrote a text; no "AI-generated", no probability of authorship; figures are percentiles against human reference
 * writing. tests/unit/engine/explain/messages.test.ts checks both languages for the forbidden wording.
 */
import type { AbstainCode, CaveatCode, Comparison, Params, UiLang } from '../types';
import { AGREE_PERCENTILE } from '../score/constants';
import { comparisonText, heldOutText, standingText } from './kinds';
import { pct } from './percent';
import { plural } from './plural';

/** Headline bands for a result that is not flagged: below ORDINARY_BELOW a text is less predictable than most
 * comparable human writing, and says so plainly; below UPPER_USUAL_FROM it sits within the usual range of human
 * writing; below USUAL_BELOW (the agreement point) in the upper part of that range — where its most predictable
 * sentences may already be highlighted (sentence levels start with documents shown at about 58%, see levels.ts), so
 * the headline must not sound like "nothing here" next to them; from there on the headline only states where it
 * stands. */
export const ORDINARY_BELOW = 0.5;
export const UPPER_USUAL_FROM = 0.75;
export const USUAL_BELOW = AGREE_PERCENTILE;

export type HeadlineBand = 'ordinary' | 'usual' | 'upper' | 'high';

/** The headline's band for a shown figure `s` (a flagged text is always 'high': only then is it stated bare). Anything
 * but 'high' is "within the usual range" of human writing, where marked sentences need a word of explanation
 * (src/pages/render.ts, result-view.ts, src/report/teacher.ts); the protocol counts highlights by band (eval/report.ts). */
export function headlineBand(s: number, flag: boolean): HeadlineBand {
  if (flag || s >= USUAL_BELOW) return 'high';
  if (s >= UPPER_USUAL_FROM) return 'upper';
  return s >= ORDINARY_BELOW ? 'usual' : 'ordinary';
}

export { pct } from './percent';

export function num(x: number, ui: UiLang, digits = 2): string {
  return x.toLocaleString(ui === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: digits });
}

/** A language's French name with its article: "l'allemand", "l'italien", "le néerlandais"; "cette langue" unnamed.
 * An initial h is not elided ("le hongrois", "le hindi"): the common usage for the names concerned. */
export function frenchLanguage(name: string | number | undefined): string {
  if (name === undefined || name === '') return 'cette langue';
  const n = String(name);
  return /^[aeiouâàéèêëîïôöûü]/i.test(n) ? `l'${n}` : `le ${n}`;
}

export function abstainReason(code: AbstainCode, ui: UiLang, p: Params = {}): string {
  const en: Record<AbstainCode, string> = {
    'switched-off': 'switched off',
    'too-short': `too little text (${p.words ?? '?'} words; needs ${p.needed ?? '?'})`,
    'too-few-sentences': `too few sentences (${p.sentences ?? '?'}; needs ${p.needed ?? '?'})`,
    language: `does not work for ${p.language ?? 'this language'} yet`,
    'undetermined-language': 'the language could not be determined',
    'no-text': 'no text to measure',
    error: `could not be measured (${p.message ?? 'internal error'})`,
  };
  const fr: Record<AbstainCode, string> = {
    'switched-off': 'désactivé',
    'too-short': `trop peu de texte (${p.words ?? '?'} mots ; il en faut ${p.needed ?? '?'})`,
    'too-few-sentences': `trop peu de phrases (${p.sentences ?? '?'} ; il en faut ${p.needed ?? '?'})`,
    language: `ne fonctionne pas encore pour ${frenchLanguage(p.language)}`,
    'undetermined-language': "la langue n'a pas pu être déterminée",
    'no-text': 'aucun texte à mesurer',
    error: `n'a pas pu être mesuré (${p.message ?? 'erreur interne'})`,
  };
  return (ui === 'fr' ? fr : en)[code];
}

export interface HeadlineInput {
  status: string;
  score: number | null;
  flag: boolean;
  agree: number;
  measured: number;
  words: number;
  needed: number;
  language: string;
  /** What the score was stated against (kinds, texts, beyond all of them); null when not scored. */
  comparison?: Comparison | null;
  /** The figure before the held-out check (Report.stated); absent in older reports. */
  stated?: number | null;
}

export function headline(h: HeadlineInput, ui: UiLang): string {
  const fr = ui === 'fr';
  switch (h.status) {
    case 'no-text':
      return fr ? 'Aucun texte lisible à analyser.' : 'No readable text to analyse.';
    case 'too-short':
      return fr
        ? `Trop court pour dire quoi que ce soit de sensé (${h.words} ${plural(h.words, ui, { one: 'mot', other: 'mots' })} ; au moins ${h.needed}).`
        : `Too short to say anything meaningful (${h.words} ${plural(h.words, ui, { one: 'word', other: 'words' })}; at least ${h.needed} needed).`;
    case 'undetermined-language':
      return fr
        ? "Langue indéterminée : Mirage Lens ne donne pas de score plutôt que de deviner."
        : 'Language undetermined: Mirage Lens gives no score rather than guess.';
    case 'unsupported-language':
      return fr
        ? `Texte en ${h.language} : seuls l'anglais et le français peuvent être mesurés pour l'instant.`
        : `${cap(h.language)} text: only English and French can be measured for now.`;
  }
  const s = h.score ?? 0;
  const agree = fr
    ? `${h.agree} ${plural(h.agree, ui, { one: 'signal', other: 'signaux' })} sur ${h.measured} ${plural(h.agree, ui, { one: 'concorde', other: 'concordent' })}`
    : `${h.agree} of ${h.measured} ${plural(h.agree, ui, { one: 'signals agrees', other: 'signals agree' })}`;
  const base = `${band(s, h.flag, h.comparison, ui)} · ${agree}`;
  const weak = h.status === 'weak' ? (fr ? ' · résultat fragile (texte court)' : ' · weak result (short text)') : '';
  const flag = h.flag ? (fr ? ' · à relire de plus près' : ' · worth a closer look') : '';
  return base + weak + flag;
}

/** Where a scored text stands (kinds.ts standingText), in a calm reading for ordinary results (see ORDINARY_BELOW,
 * USUAL_BELOW). */
function band(s: number, flag: boolean, c: Comparison | null | undefined, ui: UiLang): string {
  const fr = ui === 'fr';
  const b = headlineBand(s, flag);
  if (b === 'high') return standingText(s, c, ui);
  if (b === 'ordinary') return `${fr ? 'Ordinaire pour un texte humain : ' : 'Ordinary for human writing: '}${standingText(s, c, ui, { only: true, lower: true })}`;
  if (b === 'upper') return `${fr ? "Dans le haut de la plage habituelle de l'écriture humaine : " : 'In the upper part of the usual range of human writing: '}${standingText(s, c, ui, { lower: true })}`;
  return `${fr ? "Dans la plage habituelle de l'écriture humaine : " : 'Within the usual range of human writing: '}${standingText(s, c, ui, { lower: true })}`;
}

export function summary(h: HeadlineInput, ui: UiLang): string {
  const fr = ui === 'fr';
  if (h.status === 'no-text' || h.status === 'too-short' || h.status === 'undetermined-language' || h.status === 'unsupported-language') {
    const why = fr
      ? "Les mesures statistiques ont besoin d'assez de texte dans une langue connue ; en dessous, elles ne font que refléter le hasard."
      : 'Statistical measures need enough text in a known language; below that they mostly reflect chance.';
    return `${headline(h, ui)} ${why}`;
  }
  const s = h.score ?? 0;
  const where = h.comparison
    ? comparisonText(h.comparison, s, ui)
    : fr
      ? `Ce texte est plus prévisible, uniforme ou convenu que ${pct(s, ui)} des textes humains de référence en ${h.language} écrits dans un registre comparable.`
      : `This text is more predictable, uniform or formulaic than ${pct(s, ui)} of the human reference texts in ${h.language} written in a comparable register.`;
  const agree = fr
    ? `${h.agree} ${plural(h.agree, ui, { one: 'signal', other: 'signaux' })} sur ${h.measured} le ${plural(h.agree, ui, { one: 'place', other: 'placent' })} au-delà de la plupart des écrits humains.`
    : `${h.agree} of ${h.measured} ${plural(h.agree, ui, { one: 'signals places', other: 'signals place' })} it beyond most human writing.`;
  const meaning = h.flag
    ? fr
      ? "C'est une raison de relire attentivement et d'en parler, pas une preuve de qui l'a écrit."
      : 'That is a reason to read closely and talk about it, not proof of who wrote it.'
    : fr
      ? "Rien ici ne dit qui a écrit le texte : la prévisibilité n'est pas une intention."
      : 'Nothing here says who wrote the text: predictability is not intention.';
  const held = h.comparison ? heldOutText(h.comparison, s, h.stated, ui) : '';
  return `${where}${held ? ` ${held}` : ''} ${agree} ${meaning}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function caveat(id: CaveatCode, ui: UiLang, p: Params = {}): string {
  const en: Record<CaveatCode, string> = {
    base: 'A statistical tool measures how predictable a text is; it cannot see intention or decide authorship. Formulaic genres, non-native writers, famous texts and text polished with writing tools can score high; edited machine text, and much of what current assistants write, can score low.',
    weak: `Only ${p.words ?? '?'} words were analysed: with under ${p.strong ?? 300} words every figure here is unstable.`,
    'mixed-language': `Part of the text is in another language (${p.share ?? '?'} of paragraphs); only the ${p.language ?? ''} part was measured.`,
    reference: "The human reference texts are, in English, abstracts, encyclopaedia articles, how-to guides, forum answers, news, stories, novels, learners' essays, everyday and professional writing and the fifteen genres of the Brown corpus; in French, encyclopaedia articles, news and dissertations. A kind of writing they lack is compared with the nearest kinds they have, and the score is the most lenient of those comparisons.",
  };
  const fr: Record<CaveatCode, string> = {
    base: "Un outil statistique mesure la prévisibilité d'un texte ; il ne voit pas l'intention et ne peut pas décider qui l'a écrit. Les genres codifiés, les personnes qui écrivent dans une langue apprise, les textes célèbres et les textes retouchés par des outils d'écriture peuvent obtenir un score élevé ; un texte de machine retravaillé, et une bonne part de ce qu'écrivent les assistants actuels, peuvent obtenir un score bas.",
    weak: `Seuls ${p.words ?? '?'} mots ont été analysés : sous ${p.strong ?? 300} mots, tous les chiffres ici sont instables.`,
    'mixed-language': `Une partie du texte est dans une autre langue (${p.share ?? '?'} des paragraphes) ; seule la partie en ${p.language ?? ''} a été mesurée.`,
    reference: "Les textes humains de référence sont, en anglais, des résumés, des articles d'encyclopédie, des guides pratiques, des réponses de forum, des dépêches, des récits, des romans, des rédactions d'élèves apprenant l'anglais, des écrits courants et professionnels et les quinze genres du corpus Brown ; en français, des articles d'encyclopédie, des articles de presse et des dissertations. Un genre d'écrit qui leur manque est comparé aux genres les plus proches, et le score retient la plus indulgente de ces comparaisons.",
  };
  return (ui === 'fr' ? fr : en)[id];
}

export function sentenceReason(title: string, p: number, ui: UiLang): string {
  return ui === 'fr'
    ? `${title} : plus marqué que dans ${pct(p, ui)} des phrases humaines de référence`
    : `${title}: stronger than in ${pct(p, ui)} of human reference sentences`;
}
