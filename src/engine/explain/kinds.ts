/**
 * kinds — the names of the kinds of human writing a text is compared with (src/engine/score/kinds.ts), in English
 * and French, and the sentence that says what a score was stated against.
 *
 * What: `kindName(id, ui)` names one kind ('ellipse:learner_essay_en' -> "English learners' essays (grades 8 to 12)");
 * `comparisonText(comparison, percentile, ui)` is the long form ("more predictable than 93% of the texts of each of
 * the 7 kinds of human writing most like it: English learners' essays (grades 8 to 12), ..."), `comparisonShort` the
 * short one for narrow places ("More predictable than 93% of each of the 7 nearest kinds of human writing (556 texts)"). When the text is above every
 * text it was compared with, the words say "beyond all N human reference texts it was compared with" — never 100%.
 * Wording rules as messages.ts: predictability against human writing, never who wrote a text, never a probability.
 * Pure and table-free.
 */
import type { Comparison, UiLang } from '../types';
import { count, pct, wholePercent } from './percent';

type Names = Record<UiLang, string>;

const BROWN: Record<string, Names> = {
  adventure: { en: 'adventure and western fiction', fr: "romans d'aventure et westerns" },
  belles_lettres: { en: 'essays, biography and belles-lettres', fr: 'essais, biographies et belles-lettres' },
  editorial: { en: 'newspaper editorials and letters', fr: 'éditoriaux et courrier des lecteurs' },
  fiction: { en: 'general fiction', fr: 'fiction générale' },
  government: { en: 'government documents and reports', fr: 'documents et rapports administratifs' },
  hobbies: { en: 'hobby, craft and how-to writing', fr: 'loisirs, bricolage et savoir-faire' },
  humor: { en: 'humour', fr: 'humour' },
  learned: { en: 'learned and scientific writing', fr: 'écrits savants et scientifiques' },
  lore: { en: 'popular lore', fr: 'vulgarisation et culture populaire' },
  mystery: { en: 'mystery and detective fiction', fr: 'romans policiers' },
  news: { en: 'press reportage', fr: 'reportages de presse' },
  religion: { en: 'religious writing', fr: 'écrits religieux' },
  reviews: { en: 'press reviews', fr: 'critiques de presse' },
  romance: { en: 'romance and love stories', fr: "romans d'amour" },
  science_fiction: { en: 'science fiction', fr: 'science-fiction' },
};

const KINDS: Record<string, Names> = {
  'cdb:cs224n_abstract': { en: "students' course-project abstracts (Stanford CS224N)", fr: "résumés de projets d'étudiants (Stanford, CS224N)" },
  'm4:arxiv_abstract': { en: 'scientific abstracts (arXiv)', fr: "résumés d'articles scientifiques (arXiv)" },
  'm4:reddit_eli5': { en: 'forum answers (Reddit, "Explain like I\'m five")', fr: 'réponses de forum (Reddit, « Explain like I\'m five »)' },
  'm4:wikihow': { en: 'how-to guides (wikiHow)', fr: 'guides pratiques (wikiHow)' },
  'm4:wikipedia': { en: 'encyclopaedia articles (Wikipedia)', fr: "articles d'encyclopédie (Wikipédia)" },
  'fastdetect:news_xsum': { en: 'news reports (BBC, XSum)', fr: 'dépêches (BBC, XSum)' },
  'fastdetect:story_writingprompts': { en: 'short stories (Reddit WritingPrompts)', fr: 'nouvelles (Reddit WritingPrompts)' },
  'iu:wiki_edu': { en: 'educational encyclopaedia articles', fr: "articles d'encyclopédie éducatifs" },
  l2r: { en: 'everyday and professional writing in twenty domains (L2R)', fr: 'écrits courants et professionnels de vingt domaines (L2R)' },
  'ellipse:learner_essay_en': { en: "English learners' essays (grades 8 to 12)", fr: "rédactions d'élèves apprenant l'anglais (13 à 18 ans)" },
  'eltec:novel_en': { en: 'English novels (1840 to 1920)', fr: 'romans anglais (1840 à 1920)' },
  'orangesum:news_fr': { en: 'French news articles (OrangeSum)', fr: 'articles de presse (OrangeSum)' },
  'dissertation:dissertation_fr': { en: "French pupils' and students' dissertations", fr: "dissertations d'élèves et d'étudiants" },
};

/** Human sources with more than one kind, as a whole (a source with one kind is named by it). */
const SOURCES: Record<string, Names> = {
  m4: { en: 'abstracts, encyclopaedia articles, how-to guides and forum answers (M4)', fr: "résumés scientifiques, articles d'encyclopédie, guides pratiques et réponses de forum (M4)" },
  fastdetect: { en: 'news reports and short stories (XSum, WritingPrompts)', fr: 'dépêches et nouvelles (XSum, WritingPrompts)' },
  brown: { en: 'the Brown corpus (fifteen genres, 1961)', fr: 'le corpus Brown (quinze genres, 1961)' },
};

function unnamed(source: string, ui: UiLang): string {
  return ui === 'fr' ? `textes humains (source ${source})` : `human texts (source ${source})`;
}

/** The name of a human source as a whole (the held-out check lowers a figure for one: kinds.ts `shownPercentile`):
 * its own name, or its only kind's; an unknown one by its id. */
export function sourceName(source: string, ui: UiLang): string {
  const own = SOURCES[source];
  if (own) return own[ui];
  const kinds = Object.keys(KINDS).filter((id) => id === source || id.startsWith(`${source}:`));
  return kinds.length === 1 ? KINDS[kinds[0]!]![ui] : unnamed(source, ui);
}

/** The held-out check, when it lowered the figure: "Lowered from 91% so that it also holds for human writing the
 * reference lacks: scored as unseen writing, 14% of French pupils' and students' dissertations reach this level (of
 * 103 texts scored)."
 * For a text beyond every text of every kind compared: "It lies beyond all 265 human reference texts it was compared
 * with; the figure shown is 94% so that it also holds for …". Empty when it did not lower the figure by a whole point.
 * `stated` is the figure before the check. */
export function heldOutText(c: Comparison, shown: number, stated: number | null | undefined, ui: UiLang): string {
  const h = c.heldOut;
  if (!h || stated == null || wholePercent(stated) === wholePercent(shown)) return '';
  const name = sourceName(h.source, ui);
  // the share that reaches the level, as the complement of the whole percent shown (89% shown: 11% reach it), so the
  // two figures a reader sees add up to 100
  const reach = pct((100 - wholePercent(shown)) / 100, ui);
  // the share's denominator: how many texts of that writing were scored as unseen
  const n = ui === 'fr' ? `sur ${count(h.texts, ui)} textes notés` : `of ${count(h.texts, ui)} texts scored`;
  // Beyond every text of every kind compared, the stated figure was never a percentage a reader saw: say where the
  // text stands, then the figure shown and why (analyse.ts sets `beyond` only for a figure the check left as it was).
  if (c.kinds.length > 0 && c.kinds.every((k) => k.beyond)) {
    return ui === 'fr'
      ? `Il se situe au-delà des ${count(c.texts, ui)} textes humains de référence auxquels il a été comparé ; le chiffre affiché est ${pct(shown, ui)} pour valoir aussi pour des écrits humains absents de la référence : notés comme des textes inconnus, ${reach} des ${name} atteignent ce niveau (${n}).`
      : `It lies beyond all ${count(c.texts, ui)} human reference texts it was compared with; the figure shown is ${pct(shown, ui)} so that it also holds for human writing the reference lacks: scored as unseen writing, ${reach} of ${name} reach this level (${n}).`;
  }
  return ui === 'fr'
    ? `Chiffre abaissé (${pct(stated, ui)} avant) pour valoir aussi pour des écrits humains absents de la référence : notés comme des textes inconnus, ${reach} des ${name} atteignent ce niveau (${n}).`
    : `Lowered from ${pct(stated, ui)} so that it also holds for human writing the reference lacks: scored as unseen writing, ${reach} of ${name} reach this level (${n}).`;
}

/** Every kind id that has its own name (tests check the shipped reference's kinds against it). */
export const NAMED_KINDS: readonly string[] = [...Object.keys(KINDS), ...Object.keys(BROWN).map((g) => `brown:${g}`)];

/** The name of a kind of human writing in `ui`; a kind without a name of its own is named by its source. */
export function kindName(id: string, ui: UiLang): string {
  const named = KINDS[id];
  if (named) return named[ui];
  if (id.startsWith('brown:')) {
    const g = BROWN[id.slice(6)];
    const genre = g ? g[ui] : id.slice(6).replace(/_/g, ' ');
    return ui === 'fr' ? `corpus Brown : ${genre} (1961)` : `Brown corpus: ${genre} (1961)`;
  }
  return unnamed(id.split(':')[0] ?? id, ui);
}

/** The long form: what the score was stated against, naming the kinds. `percentile` is the report's score. */
export function comparisonText(c: Comparison, percentile: number, ui: UiLang): string {
  const k = c.kinds.length;
  const names = c.kinds.map((x) => kindName(x.id, ui)).join(ui === 'fr' ? ' ; ' : '; ');
  const one = k === 1;
  if (c.beyond) {
    return ui === 'fr'
      ? `Au-delà des ${count(c.texts, ui)} textes humains de référence auxquels il a été comparé : ${one ? "le genre d'écrits humains qui lui ressemble" : `les ${k} genres d'écrits humains qui lui ressemblent`} le plus (${names}).`
      : `Beyond all ${count(c.texts, ui)} human reference texts it was compared with: the ${one ? 'kind' : `${k} kinds`} of human writing most like it (${names}).`;
  }
  return ui === 'fr'
    ? `Plus prévisible que ${pct(percentile, ui)} des textes ${one ? "du genre d'écrits humains qui lui ressemble" : `de chacun des ${k} genres d'écrits humains qui lui ressemblent`} le plus (${count(c.texts, ui)} textes) : ${names}.`
    : `More predictable than ${pct(percentile, ui)} of the texts of ${one ? 'the kind' : `each of the ${k} kinds`} of human writing most like it (${count(c.texts, ui)} texts): ${names}.`;
}

/** The short form, for narrow places (the side panel's figure, a table cell): "More predictable than 93% of each of
 * the 7 nearest kinds of human writing (556 texts)" or "Beyond all 412 human reference texts compared". */
export function comparisonShort(c: Comparison, percentile: number, ui: UiLang): string {
  const k = c.kinds.length;
  const n = count(c.texts, ui);
  if (c.beyond) return ui === 'fr' ? `Au-delà des ${n} textes humains de référence comparés` : `Beyond all ${n} human reference texts compared`;
  const p = pct(percentile, ui);
  if (k === 1) return ui === 'fr' ? `Plus prévisible que ${p} du genre d'écrits humains le plus proche (${n} textes)` : `More predictable than ${p} of the nearest kind of human writing (${n} texts)`;
  return ui === 'fr'
    ? `Plus prévisible que ${p} de chacun des ${k} genres d'écrits humains les plus proches (${n} textes)`
    : `More predictable than ${p} of each of the ${k} nearest kinds of human writing (${n} texts)`;
}

/** Where a scored text stands, for a headline: "More predictable than 93% of each of the 7 kinds of human writing
 * most like it" or "Beyond all 412 human reference texts it was compared with". Without a comparison (a report from
 * an older engine), the plain reading. `only` adds "only" before the figure; `lower` starts in lower case (after a
 * band's words: "Ordinary for human writing: more predictable than only 8% of ..."). */
export function standingText(percentile: number, c: Comparison | null | undefined, ui: UiLang, o: { only?: boolean; lower?: boolean } = {}): string {
  const fr = ui === 'fr';
  const p = `${o.only ? (fr ? 'seulement ' : 'only ') : ''}${pct(percentile, ui)}`;
  const k = c?.kinds.length ?? 0;
  let text: string;
  if (!c) text = fr ? `Plus prévisible que ${p} des textes humains de référence comparables` : `More predictable than ${p} of comparable human reference texts`;
  else if (c.beyond) text = fr ? `Au-delà des ${count(c.texts, ui)} textes humains de référence auxquels il a été comparé` : `Beyond all ${count(c.texts, ui)} human reference texts it was compared with`;
  else if (k === 1) text = fr ? `Plus prévisible que ${p} des textes du genre d'écrits humains le plus proche` : `More predictable than ${p} of the kind of human writing most like it`;
  else text = fr ? `Plus prévisible que ${p} des textes de chacun des ${k} genres d'écrits humains les plus proches` : `More predictable than ${p} of each of the ${k} kinds of human writing most like it`;
  return o.lower ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
