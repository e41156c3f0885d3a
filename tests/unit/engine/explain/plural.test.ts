// Plural forms through Intl.PluralRules in the evidence sentences (issue 10, item 7: "1 stock phrases",
// "tournure(s) toute(s) faite(s)").
import { describe, expect, it } from 'vitest';
import { SIGNAL_WORDS } from '@/src/engine';
import { plural } from '@/src/engine/explain/plural';

describe('plural', () => {
  it.each([
    [0, 'en', 'other'],
    [1, 'en', 'one'],
    [2, 'en', 'other'],
    [0, 'fr', 'one'],
    [1, 'fr', 'one'],
    [1.5, 'fr', 'one'],
    [2, 'fr', 'other'],
  ] as const)('%d in %s -> %s', (n, ui, form) => expect(plural(n, ui, { one: 'one', other: 'other' })).toBe(form));
});

describe('evidence in the right number', () => {
  const formulaic = (per100: number, ui: 'en' | 'fr') => SIGNAL_WORDS.formulaic!.evidence({ raw: per100, details: { per100, hits: 3, typicalHuman: 0.4 } }, ui);
  it.each([
    [1, 'en', '1 stock phrase or over-used word per 100 words'],
    [2.5, 'en', '2.5 stock phrases or over-used words per 100 words'],
    [1, 'fr', '1 tournure toute faite ou mot sur-employé pour 100 mots'],
    [1.5, 'fr', '1,5 tournure toute faite ou mot sur-employé pour 100 mots'],
    [2.5, 'fr', '2,5 tournures toutes faites ou mots sur-employés pour 100 mots'],
  ] as const)('stock phrases: %d per 100 words in %s', (n, ui, text) => {
    const s = formulaic(n, ui);
    expect(s).toContain(text);
    expect(s).not.toContain('(s)');
  });

  it.each([
    [1, 'en', '1 of 5 sentences opens with'],
    [2, 'en', '2 of 5 sentences open with'],
    [1, 'fr', '1 phrase sur 5 commence par'],
    [2, 'fr', '2 phrases sur 5 commencent par'],
  ] as const)('recurring openers: %i in %s', (n, ui, text) => {
    const details = { recurringOpeners: n, sentences: 5, openerShare: n / 5, template: 0.1 };
    expect(SIGNAL_WORDS.repetition!.evidence({ raw: 0.5, details }, ui)).toContain(text);
  });
});
