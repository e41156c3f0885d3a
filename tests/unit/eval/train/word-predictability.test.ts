// The French successor table's fit (src/eval/train/word-predictability.ts): human text only, deterministic, and the
// fitted table measures as the runtime expects. Made-up sentences; no data needed.
import { describe, expect, it } from 'vitest';
import { computeWith, vocabRank } from '@/src/engine/signals/word-predictability';
import { fitWordPredictability } from '@/src/eval/train/word-predictability';
import type { TrainRow } from '@/src/eval/train/rows';
import { buildDoc } from '@/src/engine/text/doc';
import { isAbstention } from '@/src/engine/types';

const HUMAN = [
  "Le chat dort sur le lit de la chambre. Il fait beau dans le jardin de la maison. Nous allons à la plage avec nos amis.",
  "Le chien court dans le jardin de la voisine. Elle prend le train pour aller en ville. Le matin il boit un café noir.",
  "La pluie tombe sur le toit de la grange. Mon père lit le journal dans la cuisine. Les enfants jouent dans la cour de l'école.",
  "Le vent souffle sur la mer et les bateaux rentrent au port. Elle ouvre la fenêtre de la chambre. Il marche dans la rue.",
  "Le soleil se lève sur la ville et les gens vont au travail. Le chat dort sur le lit. Ma mère fait la cuisine le soir.",
];
const MACHINE = ['Il est important de noter que la technologie joue un rôle essentiel. En outre, elle offre un large éventail de possibilités.'];
const rows = (texts: string[], label: 'human' | 'machine', source: string): TrainRow[] => texts.map((t) => ({ doc: buildDoc(t, { lang: 'fr' }), label, source }));

describe('fitWordPredictability', () => {
  const human = [...rows(HUMAN.slice(0, 3), 'human', 'a'), ...rows(HUMAN.slice(3), 'human', 'b')];
  const model = fitWordPredictability(human, 'fr');

  it('fits on human text only: machine rows change nothing', () => {
    expect(fitWordPredictability([...human, ...rows(MACHINE, 'machine', 'a')], 'fr')).toEqual(model);
  });

  it('is deterministic and JSON-serialisable', () => {
    expect(JSON.stringify(fitWordPredictability(human, 'fr'))).toBe(JSON.stringify(model));
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('lists what followed each word, likeliest first, over the unigram list ranks', () => {
    const { rank } = vocabRank('fr');
    const le = model.next[rank.get('le')!]!;
    // "le chat", "le jardin" and "le lit" twice each, "le train" once: the pairs seen twice come first
    const at = (w: string) => le.indexOf(rank.get(w)!);
    for (const w of ['chat', 'jardin', 'lit']) expect(at(w)).toBeGreaterThanOrEqual(0);
    expect(Math.max(at('chat'), at('jardin'), at('lit'))).toBeLessThan(at('train'));
    expect(model.next[rank.get('dort')!]).toEqual([rank.get('sur')]);
    // sentences are not crossed: "chambre. Il" is not a pair
    expect(model.next[rank.get('chambre')!] ?? []).not.toContain(rank.get('il'));
  });

  it('holds three expectation tables of shares', () => {
    expect(model.expect).toHaveLength(3);
    for (const t of model.expect) for (const row of t) for (const x of row) expect(x >= 0 && x <= 1).toBe(true);
  });

  it('the fitted table measures a French text with the runtime, and a text of its own words more predictable', () => {
    const seen = buildDoc(Array(6).fill('Le chat dort sur le lit de la chambre. Le chien court dans le jardin de la voisine.').join(' '), { lang: 'fr' });
    const other = buildDoc(Array(6).fill('Le toit de la gare est sur la colline dans le brouillard. Elle court dans la ville de la mer.').join(' '), { lang: 'fr' });
    const a = computeWith(seen, model);
    const b = computeWith(other, model);
    if (isAbstention(a) || isAbstention(b)) throw new Error('abstained');
    expect(a.raw).toBeGreaterThan(b.raw);
    expect(a.details.frenchTable).toBe(1);
  });
});
