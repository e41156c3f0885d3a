import { describe, expect, it } from 'vitest';
import { comparisonShort, comparisonText, heldOutText, kindName, NAMED_KINDS, standingText } from '@/src/engine/explain/kinds';
import { headline, summary } from '@/src/engine/explain/messages';
import { REFERENCE } from '@/src/engine/score/analyse';
import type { Comparison } from '@/src/engine/types';

const FORBIDDEN = /\b(ai[- ]generated|written by|[ée]crit par (l'?ia|une machine)|probability|probabilit[ée]|100 ?%)/i;

const seven: Comparison = {
  kinds: [
    { id: 'ellipse:learner_essay_en', texts: 198, percentile: 0.93, beyond: false },
    { id: 'brown:learned', texts: 40, percentile: 0.97, beyond: false },
    { id: 'm4:wikihow', texts: 50, percentile: 0.95, beyond: false },
    { id: 'l2r', texts: 119, percentile: 0.99, beyond: false },
    { id: 'brown:hobbies', texts: 40, percentile: 0.96, beyond: false },
    { id: 'iu:wiki_edu', texts: 49, percentile: 0.94, beyond: false },
    { id: 'eltec:novel_en', texts: 60, percentile: 0.99, beyond: false },
  ],
  texts: 556,
  beyond: false,
};
const beyond: Comparison = { kinds: seven.kinds.map((k) => ({ ...k, beyond: true })), texts: 412, beyond: true };
const one: Comparison = { kinds: [{ id: 'orangesum:news_fr', texts: 115, percentile: 0.6, beyond: false }], texts: 115, beyond: false };

describe('what a score was stated against, in words', () => {
  it.each([
    ['en', seven, 0.93, "More predictable than 93% of the texts of each of the 7 kinds of human writing most like it (556 texts): English learners' essays (grades 8 to 12); Brown corpus: learned and scientific writing (1961); how-to guides (wikiHow);"],
    ['fr', seven, 0.93, "Plus prévisible que 93\u00A0% des textes de chacun des 7 genres d'écrits humains qui lui ressemblent le plus (556 textes) : rédactions d'élèves apprenant l'anglais (13 à 18 ans) ; corpus Brown : écrits savants et scientifiques (1961) ;"],
    ['en', beyond, 0.9995, 'Beyond all 412 human reference texts it was compared with: the 7 kinds of human writing most like it ('],
    ['fr', beyond, 0.9995, "Au-delà des 412 textes humains de référence auxquels il a été comparé : les 7 genres d'écrits humains qui lui ressemblent le plus ("],
    ['en', one, 0.6, 'More predictable than 60% of the texts of the kind of human writing most like it (115 texts): French news articles (OrangeSum).'],
    ['fr', one, 0.6, "Plus prévisible que 60\u00A0% des textes du genre d'écrits humains qui lui ressemble le plus (115 textes) : articles de presse (OrangeSum)."],
  ] as const)('%s: the long form names the kinds and the count', (ui, c, p, start) => {
    const text = comparisonText(c, p, ui);
    expect(text.startsWith(start)).toBe(true);
    expect(text).not.toMatch(FORBIDDEN);
  });

  it.each(['en', 'fr'] as const)('%s: beyond the range it says "beyond all N", never 100%% or 99%%', (ui) => {
    for (const text of [comparisonText(beyond, 0.99999, ui), comparisonShort(beyond, 0.99999, ui), standingText(0.99999, beyond, ui)]) {
      expect(text).toMatch(/412/);
      expect(text).not.toMatch(/\d+ ?%/);
    }
  });

  it.each(['en', 'fr'] as const)('%s: never more than 99%% below that point', (ui) => {
    expect(standingText(0.99999, seven, ui)).toMatch(/99\s?%/);
    expect(comparisonShort(seven, 0.999, ui)).toMatch(/99\s?%/);
    expect(comparisonShort(seven, 0.93, ui)).toBe(ui === 'en' ? 'More predictable than 93% of each of the 7 nearest kinds of human writing (556 texts)' : 'Plus prévisible que 93\u00A0% de chacun des 7 genres d\'écrits humains les plus proches (556 textes)');
  });

  it.each(['en', 'fr'] as const)('%s: the headline and summary carry it, and claim nothing about authorship', (ui) => {
    const h = { status: 'ok', score: 0.93, flag: false, agree: 2, measured: 5, words: 400, needed: 150, language: 'x', comparison: seven };
    expect(headline(h, ui)).toContain(standingText(0.93, seven, ui));
    expect(summary(h, ui)).toContain(comparisonText(seven, 0.93, ui));
    const b = { ...h, score: 0.9999, flag: true, comparison: beyond };
    expect(headline(b, ui)).toMatch(ui === 'en' ? /^Beyond all 412 human reference texts it was compared with/ : /^Au-delà des 412 textes humains de référence/);
    for (const t of [headline(h, ui), summary(h, ui), headline(b, ui), summary(b, ui)]) expect(t).not.toMatch(FORBIDDEN);
  });

  it('every kind of the shipped reference has its own name in both languages', () => {
    for (const ref of Object.values(REFERENCE.langs)) {
      for (const k of ref.kinds) {
        expect(NAMED_KINDS).toContain(k.id);
        expect(kindName(k.id, 'en')).not.toBe(kindName(k.id, 'fr'));
      }
    }
  });

  it('a kind without a name of its own is named by its source, not left as an id', () => {
    expect(kindName('newsource:blogs', 'en')).toBe('human texts (source newsource)');
    expect(kindName('brown:unknown_genre', 'fr')).toBe('corpus Brown : unknown genre (1961)');
  });
});

describe('the held-out check, in words', () => {
  const lowered: Comparison = { ...seven, heldOut: { source: 'dissertation', lang: 'fr', texts: 103, percentile: 0.86 } };
  it.each([
    ['en', "Lowered from 93% so that it also holds for human writing the reference lacks: scored as unseen writing, 14% of French pupils' and students' dissertations reach this level (of 103 texts scored)."],
    ['fr', "Chiffre abaissé (93\u00A0% avant) pour valoir aussi pour des écrits humains absents de la référence : notés comme des textes inconnus, 14\u00A0% des dissertations d'élèves et d'étudiants atteignent ce niveau (sur 103 textes notés)."],
  ] as const)('%s: says what was lowered, from what, and by which human writing', (ui, text) => {
    expect(heldOutText(lowered, 0.86, 0.93, ui)).toBe(text);
    const h = { status: 'ok', score: 0.86, stated: 0.93, flag: false, agree: 2, measured: 5, words: 400, needed: 150, language: 'English', comparison: lowered };
    expect(summary(h, ui)).toContain(text);
    expect(summary(h, ui)).not.toMatch(FORBIDDEN);
  });

  it('a text beyond every reference text but lowered: the headline gives the figure shown, the summary says it lies beyond all', () => {
    const beyondAll: Comparison = {
      kinds: seven.kinds.map((k) => ({ ...k, percentile: 0.995, beyond: true })),
      texts: seven.texts,
      beyond: false, // analyse.ts: the check lowered the whole figure
      heldOut: { source: 'l2r', lang: 'en', texts: 119, percentile: 0.94 },
    };
    for (const ui of ['en', 'fr'] as const) {
      const h = { status: 'ok', score: 0.94, stated: 0.989, flag: false, agree: 2, measured: 5, words: 400, needed: 150, language: 'English', comparison: beyondAll };
      expect(headline(h, ui)).toContain(ui === 'fr' ? '94\u00A0%' : '94%');
      expect(headline(h, ui)).not.toMatch(/Beyond all|Au-delà des/);
      const said = heldOutText(beyondAll, 0.94, 0.989, ui);
      expect(said).toBe(ui === 'fr'
        ? `Il se situe au-delà des ${seven.texts} textes humains de référence auxquels il a été comparé ; le chiffre affiché est 94\u00A0% pour valoir aussi pour des écrits humains absents de la référence : notés comme des textes inconnus, 6\u00A0% des écrits courants et professionnels de vingt domaines (L2R) atteignent ce niveau (sur 119 textes notés).`
        : `It lies beyond all ${seven.texts} human reference texts it was compared with; the figure shown is 94% so that it also holds for human writing the reference lacks: scored as unseen writing, 6% of everyday and professional writing in twenty domains (L2R) reach this level (of 119 texts scored).`);
      expect(summary(h, ui)).toContain(said);
      expect(summary(h, ui)).not.toMatch(/98\s?%/); // the stated figure, never a percentage a reader saw, is not given
    }
  });

  it('says nothing when the check did not lower the whole figure, or without the figure before it (older reports)', () => {
    expect(heldOutText(seven, 0.93, 0.93, 'en')).toBe('');
    expect(heldOutText({ ...seven, heldOut: { source: 'iu', lang: 'en', texts: 49, percentile: 0.931 } }, 0.931, 0.938, 'en')).toBe('');
    expect(heldOutText({ ...seven, heldOut: { source: 'iu', lang: 'en', texts: 49, percentile: 0.8 } }, 0.8, undefined, 'en')).toBe('');
  });

  it('gives the share that reaches the level as the complement of the whole percent shown (they add up to 100)', () => {
    const c: Comparison = { ...seven, heldOut: { source: 'iu', lang: 'fr', texts: 47, percentile: 0.8912 } };
    expect(heldOutText(c, 0.8912, 0.96, 'fr')).toContain('(96\u00A0% avant)');
    expect(heldOutText(c, 0.8912, 0.96, 'fr')).toContain(", 11\u00A0% des articles d'encyclopédie éducatifs atteignent ce niveau");
    expect(heldOutText(c, 0.8912, 0.96, 'en')).toContain('11% of educational encyclopaedia articles reach this level (of 47 texts scored)');
  });

  it('names every source the shipped reference checks against', () => {
    for (const g of REFERENCE.heldOut ?? []) expect(heldOutText({ ...seven, heldOut: { ...g, texts: g.values.length, percentile: 0.5 } }, 0.5, 0.9, 'en')).not.toMatch(/\(source /);
  });
});
