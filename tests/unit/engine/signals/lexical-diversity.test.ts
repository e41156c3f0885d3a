import { describe, it, expect } from 'vitest';
import lexicalDiversity, { windowTtr } from '@/src/engine/signals/lexical-diversity';
import { words } from '@/src/engine/explain/signals/lexical-diversity';
import { buildDoc } from '@/src/engine/text/doc';
import { isAbstention, type SignalResult } from '@/src/engine/types';

// Texts written for these tests: one recycles a small vocabulary, the other rarely repeats a word.
const REPETITIVE = Array.from({ length: 14 }, (_, i) =>
  i % 2 ? 'The good plan is a good plan for the team and the team likes the plan.' : 'The team has a plan and the plan is good for the team.').join(' ');
const DIVERSE =
  'Autumn arrived early that year, painting orchards copper while farmers hurried harvests indoors. ' +
  'Merchants from distant ports bargained loudly over barrels, spices, woven rugs and brass lanterns. ' +
  'Children chased geese across muddy lanes; grandmothers knitted scarves beside crackling hearths. ' +
  'Meanwhile, a travelling violinist played mournful ballads outside the chapel, collecting copper coins. ' +
  'Nobody expected snowfall before November, yet frost silvered every hedge within a week. ' +
  'Shepherds guided flocks down steep ravines toward sheltered valleys where streams never froze. ' +
  'Blacksmiths hammered horseshoes, coopers bent staves, and bakers kneaded rye dough before dawn. ' +
  'Letters carried rumours about distant wars, royal weddings, bankruptcies and miraculous cures.';
const FR_DIVERSE =
  "L'automne arriva tôt cette année-là, teignant les vergers de cuivre pendant que les paysans rentraient les récoltes. " +
  'Des marchands venus de ports lointains marchandaient bruyamment tonneaux, épices, tapis tissés et lanternes de laiton. ' +
  'Les enfants poursuivaient les oies dans les ruelles boueuses ; les grand-mères tricotaient près des âtres crépitants. ' +
  'Un violoniste itinérant jouait des ballades mélancoliques devant la chapelle, récoltant quelques pièces. ' +
  'Personne ne prévoyait de neige avant novembre, pourtant le givre argenta chaque haie en une semaine. ' +
  'Les bergers guidaient leurs troupeaux vers des vallées abritées où les ruisseaux ne gelaient jamais. ' +
  'Les forgerons martelaient des fers, les tonneliers courbaient des douelles et les boulangers pétrissaient avant l’aube.';

function measure(text: string, lang: string): SignalResult {
  const r = lexicalDiversity.compute(buildDoc(text, { lang }));
  if (isAbstention(r)) throw new Error(`abstained: ${r.code}`);
  return r;
}

describe('lexical-diversity', () => {
  it.each([
    ['en', REPETITIVE, DIVERSE],
    ['fr', REPETITIVE, FR_DIVERSE],
  ])('scores a repetitive vocabulary higher than a varied one (%s)', (lang, low, high) => {
    expect(measure(low, lang).raw).toBeGreaterThan(measure(high, lang).raw);
  });

  it.each([
    ['too short', 'en', 'A few words only, far too few to measure anything at all.', 'too-short'],
    ['unsupported language', 'deu', DIVERSE, 'language'],
    ['undetermined language', 'und', DIVERSE, 'undetermined-language'],
    ['empty', 'en', '', 'no-text'],
  ])('abstains: %s', (_name, lang, text, code) => {
    const r = lexicalDiversity.compute(buildDoc(text, { lang }));
    expect(isAbstention(r) && r.code).toBe(code);
  });

  it.each([
    [[1, 2, 3, 1, 2, 3], 3, [1, 1, 1, 1]],
    [[1, 1, 1, 1], 2, [0.5, 0.5, 0.5]],
    [[1, 2], 3, []],
  ])('windowTtr(%j, %i) = %j', (ids, w, expected) => {
    expect([...windowTtr(Int32Array.from(ids), w, 4)]).toEqual(expected);
  });

  it.each([[REPETITIVE], [DIVERSE]])('gives one per-sentence value per sentence', (text) => {
    const doc = buildDoc(text, { lang: 'en' });
    const r = lexicalDiversity.compute(doc) as SignalResult;
    expect(r.sentences).toHaveLength(doc.sentences.length);
  });

  it.each([
    ['en', undefined],
    ['fr', undefined],
    ['en', 0.4],
    ['fr', 0.4],
  ] as const)('explains in plain words (%s, percentile %s)', (ui, p) => {
    for (const text of [REPETITIVE, DIVERSE]) {
      const s = words.evidence(measure(text, 'en'), ui, p);
      expect(s.length).toBeGreaterThan(20);
      expect(s).not.toMatch(/AI-generated|written by AI|probabilit|généré par (une )?IA/i);
    }
  });

  it('has titles and descriptions in both languages', () => {
    for (const ui of ['en', 'fr'] as const) expect(words.title[ui] && words.describe[ui]).toBeTruthy();
    expect(lexicalDiversity.languages).toEqual(['en', 'fr']);
  });
});
