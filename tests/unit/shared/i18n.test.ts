import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import fr from '@/public/_locales/fr/messages.json';
import { elideQue, t, tn, toUiLang, otherLang } from '@/src/shared/i18n';

describe('i18n', () => {
  it.each([
    ['fr', 'fr'], ['fr-CA', 'fr'], ['FR', 'fr'], ['en-US', 'en'], ['de', 'en'], ['', 'en'], [undefined, 'en'],
  ])('toUiLang(%s) = %s', (tag, lang) => expect(toUiLang(tag as string)).toBe(lang));

  it('resolves placeholders in both languages', () => {
    expect(t('panel_amountValue', [120, 8, 3], 'en')).toBe('120 words, 8 sentences, 3 blocks');
    expect(t('panel_amountValue', [120, 8, 3], 'fr')).toBe('120 mots, 8 phrases, 3 blocs');
    expect(t('popup_always', 'example.org', 'fr')).toBe('Toujours analyser sur example.org');
    expect(t('menu_analysePage', undefined, 'fr')).toBe('Analyser cette page');
    expect(otherLang('fr')).toBe('en');
  });

  it('returns the key for an unknown message', () => {
    expect(t('no_such_key', undefined, 'en')).toBe('no_such_key');
  });

  it('has the same keys and placeholders in English and French', () => {
    const e = en as Record<string, { message: string; placeholders?: Record<string, unknown> }>;
    const f = fr as typeof e;
    expect(Object.keys(f).sort()).toEqual(Object.keys(e).sort());
    for (const k of Object.keys(e)) {
      expect(Object.keys(f[k]!.placeholders ?? {}).sort(), k).toEqual(Object.keys(e[k]!.placeholders ?? {}).sort());
      expect(f[k]!.message.length, k).toBeGreaterThan(0);
    }
  });

  it('never claims a text is machine-generated or gives a probability of authorship', () => {
    const banned = [
      /\bis (ai|machine)[- ]generated\b/i, /\bwritten by (an? )?(ai|machine)\b/i, /probability (of|that)/i,
      /généré par (une |l')?(ia|machine)/i, /probabilité (que|d'être)/i, /\b\d+ ?% (ai|ia)\b/i,
    ];
    for (const cat of [en, fr] as Record<string, { message: string }>[]) {
      for (const [k, m] of Object.entries(cat)) for (const re of banned) expect(m.message, k).not.toMatch(re);
    }
  });

  it('counts with plural forms, never "(s)" (issue 10, item 7)', () => {
    for (const cat of [en, fr] as Record<string, { message: string }>[]) {
      for (const [k, m] of Object.entries(cat)) expect(m.message, k).not.toMatch(/\((s|e?s|x)\)/);
    }
    expect(tn('panel_passagesCount', 1, 1, 'en')).toBe('1 passage at the current sensitivity');
    expect(tn('panel_passagesCount', 0, 0, 'en')).toBe('0 passages at the current sensitivity');
    expect(tn('panel_passagesCount', 0, 0, 'fr')).toBe('0 passage à la sensibilité choisie');
    expect(tn('panel_passagesCount', 2, 2, 'fr')).toBe('2 passages à la sensibilité choisie');
    expect(tn('lab_unscored', 1, 1, 'en')).toMatch(/^\(1 text could not be scored/);
    expect(tn('lab_unscored', 3, 3, 'fr')).toMatch(/^\(3 textes non mesurés/);
    expect(tn('page_legendSummary', 1, [1, 30], 'fr')).toBe('1 phrase surlignée sur 30');
    expect(tn('page_legendSummary', 1, [1, 30], 'en')).toBe('1 of 30 sentences highlighted');
  });
});

describe('elideQue', () => {
  it.each([
    ["plus prévisible que Écrit antérieur", "plus prévisible qu'Écrit antérieur"],
    ['le même texte que essai.docx', "le même texte qu'essai.docx"],
    ['que Devoir rendu', 'que Devoir rendu'],
    ['que Hugo', 'que Hugo'], // an aspirated h is possible in a name: left as it is
    ['Que un', "Qu'un"],
    ['presque entier', 'presque entier'], // "que" inside a word is not the conjunction
  ])('fr: %s', (text, out) => {
    expect(elideQue(text, 'fr')).toBe(out);
  });
  it('leaves English alone', () => {
    expect(elideQue('que Écrit', 'en')).toBe('que Écrit');
  });
});
