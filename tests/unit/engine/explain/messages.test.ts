import { describe, expect, it } from 'vitest';
import { abstainReason, caveat, headline, pct, summary } from '@/src/engine/explain/messages';
import type { AbstainCode, CaveatCode } from '@/src/engine/types';

const FORBIDDEN = /\b(ai[- ]generated|written by (ai|a machine)|[ée]crit par (l'?ia|une machine)|probability|probabilit[ée])\b/i;
const codes: AbstainCode[] = ['too-short', 'too-few-sentences', 'language', 'undetermined-language', 'no-text', 'switched-off', 'error'];
const caveats: CaveatCode[] = ['base', 'weak', 'mixed-language', 'reference'];
const statuses = ['ok', 'weak', 'too-short', 'unsupported-language', 'undetermined-language', 'no-text'];

describe('engine messages', () => {
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
    }
  });

  it.each([
    [0, '0%'],
    [0.934, '93%'],
    [0.29, '29%'],
    [0.999, '99%'],
    [1, '99%'],
  ])('shows %d as %s (rounded down, never 100%%)', (p, out) => {
    expect(pct(p, 'en')).toBe(out);
    expect(pct(p, 'fr')).toBe(out.replace('%', ' %'));
  });

  it('states the score as a share of human reference texts', () => {
    const h = { status: 'ok', score: 0.934, flag: false, agree: 3, measured: 5, words: 400, needed: 150, language: 'English' };
    expect(headline(h, 'en')).toContain('More predictable than 93% of comparable human reference texts');
    expect(headline({ ...h, language: 'anglais' }, 'fr')).toContain('93 %');
  });
});
