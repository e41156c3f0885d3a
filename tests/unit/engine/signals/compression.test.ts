import { describe, expect, it } from 'vitest';
import compression, { MAX_WINDOWS, preludeSaving } from '@/src/engine/signals/compression';
import { words } from '@/src/engine/explain/signals/compression';
import { PRELUDE_EN, PRELUDE_FR } from '@/src/engine/signals/_lib/preludes';
import { buildDoc } from '@/src/engine/text/doc';
import { isAbstention, type SignalResult } from '@/src/engine/types';

// All texts below were written for these tests (none from the dev set, none copied from the preludes).
const ASSISTANT_EN =
  "Staying productive while working from home can be challenging, but a few simple strategies can make a significant difference. First, it's important to create a dedicated workspace that helps you stay focused. Additionally, setting clear boundaries between work and personal time can help you maintain a healthy balance. Regular breaks, a consistent schedule, and open communication with your team are also essential. By incorporating these habits into your daily routine, you can improve your overall well-being and stay motivated over time. Ultimately, the key is to find an approach that works for you and to adjust it as your needs change.";
const HUMAN_EN =
  "Grandpa kept bees behind the shed, six crooked boxes painted whatever colour was left over from the barn. He never wore the veil. He said they knew him, which I took for a joke until the August a swarm hung off the plum tree like a brown beard and he walked up, talking about the price of diesel, and shook it into a cardboard box. Two stings, one on the ear. He ate his supper with the ear swelling and complained only that Mother had put too much pepper in the stew. I still can't smell creosote without seeing those boxes.";
const ASSISTANT_FR =
  "Rester productif en télétravail peut sembler difficile, mais quelques stratégies simples peuvent faire une réelle différence. Tout d'abord, il est important de créer un espace de travail dédié qui vous aide à rester concentré. Par ailleurs, fixer des limites claires entre vie professionnelle et vie personnelle permet de maintenir un bon équilibre. Des pauses régulières, des horaires cohérents et une communication ouverte avec votre équipe sont également essentiels. En intégrant ces habitudes à votre quotidien, vous pourrez améliorer votre bien-être et rester motivé sur le long terme.";
const HUMAN_FR =
  "Mon grand-père gardait des ruches derrière la remise, six caisses bancales peintes avec les restes de la grange. Il ne mettait jamais de voile. Il disait qu'elles le connaissaient, ce que je prenais pour une blague jusqu'au mois d'août où un essaim s'est accroché au prunier comme une barbe brune : il s'est approché en parlant du prix du gazole et l'a secoué dans un carton. Deux piqûres, dont une à l'oreille. Il a soupé l'oreille enflée en se plaignant seulement du poivre dans le ragoût.";

const run = (text: string, lang: string) => compression.compute(buildDoc(text, { lang }));
const ok = (text: string, lang: string) => {
  const r = run(text, lang);
  if (isAbstention(r)) throw new Error('abstained');
  return r;
};

describe('compression', () => {
  it.each([
    ['en', ASSISTANT_EN, HUMAN_EN],
    ['fr', ASSISTANT_FR, HUMAN_FR],
  ])('%s: assistant-style prose gains more from the prelude than narrative prose', (lang, hi, lo) => {
    expect(ok(hi, lang).raw).toBeGreaterThan(ok(lo, lang).raw);
  });

  it.each([
    ['too short', 'en', 'A short note about bees and a shed.', 'too-short'],
    ['unsupported language', 'deu', 'Mein Großvater hielt Bienen hinter dem Schuppen, sechs schiefe Kisten. '.repeat(8), 'language'],
    ['undetermined language', 'und', HUMAN_EN, 'language'],
  ])('abstains: %s', (_name, lang, text, code) => {
    const r = run(text, lang);
    expect(isAbstention(r) && r.code).toBe(code);
  });

  it.each([
    ['en', HUMAN_EN],
    ['fr', HUMAN_FR],
  ])('%s: raw is a fraction, no per-sentence values, numeric details', (lang, text) => {
    const r = ok(text, lang);
    expect(r.raw).toBeGreaterThan(-0.1);
    expect(r.raw).toBeLessThan(0.6);
    expect(r.sentences).toBeUndefined();
    for (const v of Object.values(r.details)) expect(typeof v).toBe('number');
  });

  it('the prelude itself saves far more than unrelated text (sanity of the measure)', () => {
    const copy = PRELUDE_EN.slice(0, 1000);
    expect(preludeSaving(copy, 'en')).toBeGreaterThan(0.8);
    expect(preludeSaving(HUMAN_EN, 'en')).toBeLessThan(0.3);
  });

  it('bounds work on long texts', () => {
    const doc = buildDoc(Array(400).fill(HUMAN_EN).join('\n\n'), { lang: 'en' });
    const t0 = performance.now();
    const r = compression.compute(doc) as SignalResult;
    expect(performance.now() - t0).toBeLessThan(100);
    expect(r.details.windows).toBe(MAX_WINDOWS);
  });

  it.each([
    ['en', ASSISTANT_EN, undefined],
    ['fr', ASSISTANT_FR, 0.8],
  ])('explains in English and French without speaking of authorship (%s)', (lang, text, pct) => {
    const r = ok(text, lang);
    for (const ui of ['en', 'fr'] as const) {
      const s = words.evidence(r, ui, pct);
      expect(s.length).toBeGreaterThan(20);
      expect(s).not.toMatch(/AI-generated|written by AI|probabilit|généré par (une )?IA|écrit par (une )?IA/i);
      expect(s).toMatch(/\d/);
    }
    expect(words.evidence(r, 'fr')).toMatch(/[éèàç]/);
  });

  it.each([
    ['en', PRELUDE_EN],
    ['fr', PRELUDE_FR],
  ])('%s prelude is shipped and long enough', (_lang, text) => {
    expect(text.length).toBeGreaterThan(4000);
    expect(text.startsWith('#')).toBe(false); // the header line is stripped
  });

  it('pins the public shape', () => {
    expect(compression.id).toBe('compression');
    expect(compression.languages).toEqual(['en', 'fr']);
    expect(compression.minWords).toBeGreaterThan(0);
    for (const ui of ['en', 'fr'] as const) {
      expect(words.title[ui]).toBeTruthy();
      expect(words.describe[ui]).toBeTruthy();
    }
  });
});
