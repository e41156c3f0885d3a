import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import fr from '@/public/_locales/fr/messages.json';
import { SIGNALS } from '@/src/engine/signals/index';
import { CHECKLIST, GENERAL_QUESTIONS } from '@/src/report/teacher';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const MINE = /^(analysis|report|lab|compare)_/;
const catalogues = { en: en as Catalogue, fr: fr as Catalogue };

describe('teacher and workshop messages', () => {
  it('every key exists in both languages', () => {
    const enKeys = Object.keys(en).filter((k) => MINE.test(k)).sort();
    const frKeys = Object.keys(fr).filter((k) => MINE.test(k)).sort();
    expect(frKeys).toEqual(enKeys);
    expect(enKeys.length).toBeGreaterThan(200);
  });

  it.each(['en', 'fr'] as const)('(%s) placeholders are declared and used', (lang) => {
    for (const [k, m] of Object.entries(catalogues[lang])) {
      if (!MINE.test(k)) continue;
      const used = [...m.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => x[1]!.toLowerCase());
      expect(Object.keys(m.placeholders ?? {}).sort(), k).toEqual([...new Set(used)].sort());
    }
  });

  it.each(['en', 'fr'] as const)('(%s) never says a text is machine-generated or gives a probability of authorship', (lang) => {
    const bad = /\b(is|was|looks) (ai|machine)[- ]generated|written by (an? )?(ai|machine|chatbot)|probability (that|of) (it|the text|this text|ai|machine)|est généré par|a été écrit par (une|l') ?(ia|machine)|probabilité (que|qu'il)/i;
    for (const [k, m] of Object.entries(catalogues[lang])) if (MINE.test(k)) expect(m.message, k).not.toMatch(bad);
  });

  it.each(['en', 'fr'] as const)('(%s) speaks of figures and writing, never of guilt or innocence (audit 2)', (lang) => {
    // a teacher's notes are read by the student too: no word of a trial, in either direction
    const bad = /\b(innocen\w*|guilt\w*|clears? (a|the|this) (text|student|pupil|writer)|acquit\w*|exonerat\w*|coupables?|disculp\w*|exonér\w*|blanchi\w*|caught|catch(es|ing)?|pris(es)? sur le fait)/i;
    for (const [k, m] of Object.entries(catalogues[lang])) if (MINE.test(k)) expect(m.message, k).not.toMatch(bad);
  });

  it('every signal has an open question for the report, in both languages', () => {
    for (const s of SIGNALS) {
      const key = `report_q_${s.id.replace(/[^A-Za-z0-9]/g, '_')}`;
      expect(en, key).toHaveProperty(key);
      expect(fr, key).toHaveProperty(key);
    }
    for (const id of [...CHECKLIST.map((c) => `report_check_${c}`), ...GENERAL_QUESTIONS.map((q) => `report_q_${q}`)]) {
      expect(en).toHaveProperty(id);
      expect(fr).toHaveProperty(id);
    }
  });

  it('the essay is quoted briefly and attributed', () => {
    for (const lang of ['en', 'fr'] as const) {
      for (const k of ['report_frame', 'lab_introEssay']) {
        const m = catalogues[lang][k]!.message;
        expect(m).toMatch(/Pfeiffer/);
        expect(m).toMatch(/Lassègue/);
        expect(m).toMatch(/entre-vues/);
        for (const q of m.matchAll(/«([^»]*)»/g)) if (!/générativité/.test(q[1]!)) expect(q[1]!.split(/\s+/).length, q[1]).toBeLessThan(12);
      }
    }
  });
});
