import { describe, expect, it } from 'vitest';
import { abstainReason, caveat, headline, pct, summary } from '@/src/engine/explain/messages';
import { percentileClause } from '@/src/engine/explain/format';
import type { AbstainCode, CaveatCode } from '@/src/engine/types';
import { analyse, explain } from '@/src/engine';
import { OWN_TEXTS } from '../score/own-texts';

const FORBIDDEN = /\b(ai[- ]generated|written by (ai|a machine)|[ée]crit par (l'?ia|une machine)|probability|probabilit[ée])\b/i;
const codes: AbstainCode[] = ['too-short', 'too-few-sentences', 'language', 'undetermined-language', 'no-text', 'switched-off', 'error'];
const caveats: CaveatCode[] = ['base', 'weak', 'mixed-language', 'reference'];
const statuses = ['ok', 'weak', 'too-short', 'unsupported-language', 'undetermined-language', 'no-text'];

describe('engine messages', () => {
  it('names a language in French with its article, elided before a vowel', () => {
    expect(abstainReason('language', 'fr', { language: 'allemand' })).toBe('ne fonctionne pas encore pour l\'allemand');
    expect(abstainReason('language', 'fr', { language: 'italien' })).toBe('ne fonctionne pas encore pour l\'italien');
    expect(abstainReason('language', 'fr', { language: 'néerlandais' })).toBe('ne fonctionne pas encore pour le néerlandais');
    expect(abstainReason('language', 'fr')).toBe('ne fonctionne pas encore pour cette langue');
  });


  it.each(['en', 'fr'] as const)('every abstention reason, caveat, headline and summary exists in %s', (ui) => {
    const all: string[] = [];
    for (const c of codes) all.push(abstainReason(c, ui, { words: 80, needed: 150, sentences: 2, language: 'x', message: 'm' }));
    for (const c of caveats) all.push(caveat(c, ui, { words: 200, strong: 300, share: '1/4', language: 'x' }));
    for (const status of statuses) {
      for (const flag of [true, false]) {
        const h = { status, score: 0.93, flag, agree: 3, measured: 5, words: 200, needed: 150, language: ui === 'fr' ? 'anglais' : 'English' };
        all.push(headline(h, ui), summary(h, ui));
      }
    }
    for (const s of all) {
      expect(s.trim().length).toBeGreaterThan(5);
      expect(s).not.toMatch(FORBIDDEN);
      expect(s).not.toMatch(/undefined|NaN/);
      expect(s, 'plural forms, never "(s)"').not.toMatch(/\(s\)|\(e?s\)/);
    }
  });

  it.each([
    ['en', 1, 'Too short to say anything meaningful (1 word; at least 150 needed). Statistical measures need enough text in a known language; below that they mostly reflect chance.'],
    ['en', 2, 'Too short to say anything meaningful (2 words; at least 150 needed). Statistical measures need enough text in a known language; below that they mostly reflect chance.'],
    ['fr', 1, "Trop court pour dire quoi que ce soit de sensé (1 mot ; au moins 150). Les mesures statistiques ont besoin d'assez de texte dans une langue connue ; en dessous, elles ne font que refléter le hasard."],
    ['fr', 2, "Trop court pour dire quoi que ce soit de sensé (2 mots ; au moins 150). Les mesures statistiques ont besoin d'assez de texte dans une langue connue ; en dessous, elles ne font que refléter le hasard."],
  ] as const)('%s: a too-short text of %d word(s), in words that agree with the count', (ui, words, line) => {
    expect(summary({ status: 'too-short', score: null, flag: false, agree: 0, measured: 0, words, needed: 150, language: '' }, ui)).toBe(line);
  });

  it.each([
    [0, '0%'],
    [0.934, '93%'],
    [0.29, '29%'],
    [0.999, '99%'],
    [1, '99%'],
  ])('shows %d as %s (rounded down, never 100%%)', (p, out) => {
    expect(pct(p, 'en')).toBe(out);
    expect(pct(p, 'fr')).toBe(out.replace('%', '\u00A0%'));
  });

  it('states the score as a share of human reference texts', () => {
    const h = { status: 'ok', score: 0.934, flag: false, agree: 3, measured: 5, words: 400, needed: 150, language: 'English' };
    expect(headline(h, 'en')).toContain('More predictable than 93% of comparable human reference texts');
    expect(headline({ ...h, language: 'anglais' }, 'fr')).toContain('93\u00A0%');
  });
});

describe('evidence percentile clause', () => {
  it.each([
    [0.5886, '58%'],
    [0.999, '99%'],
    [0.1, '10%'],
  ])('words %d as the headline would: %s (rounded down, never 100%%)', (p, out) => {
    expect(percentileClause(p, 'en')).toContain(`more uniform than ${out} of`);
    expect(percentileClause(p, 'fr')).toContain(`plus uniforme que ${out.replace('%', '\u00A0%')} des`);
  });
});

describe('headline: a calm reading for ordinary results (issue 10, item 3)', () => {
  const h = (score: number, flag = false, agree = 0) => ({ status: 'ok', score, flag, agree, measured: 6, words: 400, needed: 150, language: 'English' });
  it.each([
    [0.08, 'Ordinary for human writing: more predictable than only 8% of comparable human reference texts', "Ordinaire pour un texte humain : plus prévisible que seulement 8\u00A0% des textes humains de référence comparables"],
    [0.49, 'Ordinary for human writing: more predictable than only 49%', 'Ordinaire pour un texte humain : plus prévisible que seulement 49\u00A0%'],
    [0.5, 'Within the usual range of human writing: more predictable than 50%', "Dans la plage habituelle de l'écriture humaine : plus prévisible que 50\u00A0%"],
    [0.74, 'Within the usual range of human writing: more predictable than 74%', "Dans la plage habituelle de l'écriture humaine : plus prévisible que 74\u00A0%"],
    [0.75, 'In the upper part of the usual range of human writing: more predictable than 75%', "Dans le haut de la plage habituelle de l'écriture humaine : plus prévisible que 75\u00A0%"],
    [0.89, 'In the upper part of the usual range of human writing: more predictable than 89%', "Dans le haut de la plage habituelle de l'écriture humaine : plus prévisible que 89\u00A0%"],
    [0.9, 'More predictable than 90% of comparable', 'Plus prévisible que 90\u00A0% des textes'],
  ])('score %d', (score, en, fr) => {
    expect(headline(h(score), 'en')).toMatch(new RegExp('^' + en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    expect(headline(h(score), 'fr')).toMatch(new RegExp('^' + fr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('a flagged text is never given the calm words', () => {
    expect(headline(h(0.3, true, 2), 'en')).toMatch(/^More predictable than 30% .* worth a closer look$/);
  });

  it.each([
    [0, '0 of 6 signals agree', '0 signal sur 6 concorde'],
    [1, '1 of 6 signals agrees', '1 signal sur 6 concorde'],
    [2, '2 of 6 signals agree', '2 signaux sur 6 concordent'],
  ])('plural forms through Intl.PluralRules: %i agreeing', (agree, en, fr) => {
    expect(headline(h(0.95, false, agree), 'en')).toContain(en);
    expect(headline(h(0.95, false, agree), 'fr')).toContain(fr);
    expect(summary(h(0.95, false, agree), 'fr')).not.toContain('(s)');
  });
});

describe('French typography in every explanation', () => {
  it.each(['assistant-2026', 'learner-style', 'plain-human-style'] as const)('a percent sign is never split from its number by a breakable space (%s texts)', (group) => {
    const texts = OWN_TEXTS.filter((t) => t.group === group).slice(0, 6);
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      const ex = explain(analyse(t.text), 'fr');
      const all = [ex.headline, ex.summary, ...ex.signals.map((s) => `${s.evidence ?? ''} ${s.reason ?? ''}`), ...ex.caveats].join(' ');
      expect(all).toMatch(/\d\u00A0%/);
      expect(all).not.toMatch(/\d %/);
    }
  });
});
