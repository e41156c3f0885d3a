import { describe, it, expect } from 'vitest';
import functionWords from '@/src/engine/signals/function-words';
import { words } from '@/src/engine/explain/signals/function-words';
import table from '@/assets/function-words.json';
import { buildDoc } from '@/src/engine/text/doc';
import { isAbstention, type SignalResult } from '@/src/engine/types';

// Texts written for these tests. Plain: commas and full stops only, an even mix of small words. Lively: questions,
// asides, quotations, and passages that swing between dense noun phrases and chatty pronoun-heavy talk.
const PLAIN = Array.from({ length: 10 }, (_, i) =>
  `The report describes the role of the council in the region, and the board reviews the budget for year ${i + 1}.`).join(' ');
const LIVELY = [
  'Did you ever see it? I did, once, and I still can\'t believe what he told me: "Leave it alone!"',
  'Quarterly revenue projections, infrastructure maintenance schedules, procurement deadlines, compliance audits.',
  'We laughed (too loudly, probably) and then she asked me whether I would go back; I said no.',
  'Why would I? It was hers, not mine; they knew that, and so did you.',
  'Municipal zoning amendments, regional transport subsidies, heritage conservation grants, housing targets.',
  'Honestly, I think we all knew. You knew. He knew. She certainly knew!',
  'Anyway: the cake (lemon, of course) was gone by noon, and nobody asked who ate it.',
  'Annual environmental assessment documentation requirements remain unchanged pending ministerial review.',
].join(' ');
const FR_PLAIN = Array.from({ length: 10 }, (_, i) =>
  `Le rapport décrit le rôle du conseil dans la région, et le comité examine le budget de l'année ${i + 1}.`).join(' ');
const FR_LIVELY = [
  "Tu l'as vu ? Moi oui, une fois, et je n'en reviens toujours pas : « Laisse tomber ! »",
  'Prévisions budgétaires trimestrielles, calendriers de maintenance, échéances administratives, audits réglementaires.',
  "On a ri (trop fort, sans doute) puis elle m'a demandé si j'y retournerais ; j'ai dit non.",
  "Pourquoi donc ? C'était à elle, pas à moi ; ils le savaient, et toi aussi.",
  'Modifications du zonage municipal, subventions régionales aux transports, objectifs de logement social.',
  'Franchement, je crois que nous le savions tous. Tu le savais. Il le savait. Elle aussi !',
  "Bref : le gâteau (au citron, évidemment) avait disparu à midi, et personne n'a demandé qui l'avait mangé.",
  'Exigences documentaires relatives aux évaluations environnementales annuelles inchangées dans l’attente de validation.',
].join(' ');

function measure(text: string, lang: string): SignalResult {
  const r = functionWords.compute(buildDoc(text, { lang }));
  if (isAbstention(r)) throw new Error(`abstained: ${r.code}`);
  return r;
}

describe('function-words', () => {
  it.each([
    ['en', PLAIN, LIVELY],
    ['fr', FR_PLAIN, FR_LIVELY],
  ])('scores a narrow, steady profile higher than a lively one (%s)', (lang, plain, lively) => {
    expect(measure(plain, lang).raw).toBeGreaterThan(measure(lively, lang).raw);
  });

  it.each([
    ['too short', 'en', 'The cat sat on the mat. It was warm. The end.', 'too-short'],
    ['too few sentences', 'en', `${'the cat and the dog of the house '.repeat(15)}end.`, 'too-few-sentences'],
    ['unsupported language', 'spa', PLAIN, 'language'],
    ['undetermined language', 'und', PLAIN, 'undetermined-language'],
  ])('abstains: %s', (_name, lang, text, code) => {
    const r = functionWords.compute(buildDoc(text, { lang }));
    expect(isAbstention(r) && r.code).toBe(code);
  });

  it.each([
    ['en', 'the', 'determiner'],
    ['en', 'of', 'preposition'],
    ['en', 'and', 'conjunction'],
    ['en', 'they', 'pronoun'],
    ['en', 'would', 'auxiliary'],
    ['fr', 'les', 'determiner'],
    ['fr', 'dans', 'preposition'],
    ['fr', 'et', 'conjunction'],
    ['fr', 'nous', 'pronoun'],
    ['fr', 'sont', 'auxiliary'],
  ] as const)('the derived table knows %s "%s" as a %s', (lang, word, cls) => {
    expect((table as unknown as Record<string, Record<string, string>>)[lang]![word]).toBe(cls);
  });

  it('names its source and licence', () => {
    expect(table.source).toMatch(/compromise 14\.17\.0/);
    expect(table.source).toMatch(/fr-compromise 0\.2\.8/);
    expect(table.source).toMatch(/MIT/);
  });

  it('ignores typography: curly and straight quotes give the same value', () => {
    const curly = LIVELY.replace(/"([^"]*)"/g, '\u201C$1\u201D').replace(/'/g, '\u2019');
    expect(measure(curly, 'en').raw).toBeCloseTo(measure(LIVELY, 'en').raw, 10);
  });

  it.each([
    ['en', PLAIN],
    ['en', LIVELY],
    ['fr', FR_LIVELY],
  ])('gives one per-sentence value per sentence (%s)', (lang, text) => {
    const doc = buildDoc(text, { lang });
    const r = functionWords.compute(doc) as SignalResult;
    expect(r.sentences).toHaveLength(doc.sentences.length);
    for (const v of r.sentences!) if (v !== undefined) expect(v >= 0 && v <= 1).toBe(true);
  });

  it.each([
    ['en', undefined],
    ['fr', undefined],
    ['en', 0.6],
    ['fr', 0.6],
  ] as const)('explains in plain words (%s, percentile %s)', (ui, p) => {
    for (const text of [PLAIN, LIVELY]) {
      const s = words.evidence(measure(text, 'en'), ui, p);
      expect(s.length).toBeGreaterThan(20);
      expect(s).not.toMatch(/AI-generated|written by AI|probabilit|généré par (une )?IA/i);
    }
  });

  it('has titles and descriptions in both languages', () => {
    for (const ui of ['en', 'fr'] as const) expect(words.title[ui] && words.describe[ui]).toBeTruthy();
    expect(functionWords.languages).toEqual(['en', 'fr']);
  });
});
