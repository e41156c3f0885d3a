import { describe, expect, it } from 'vitest';
import formulaic, { formulaicEntry, formulaicHits, LISTS } from '@/src/engine/signals/formulaic';
import { words } from '@/src/engine/explain/signals/formulaic';
import { buildDoc } from '@/src/engine/text/doc';
import { isAbstention, type SignalResult } from '@/src/engine/types';

// All texts below were written for these tests.
const PLAIN_EN =
  'We left the house at seven and drove north along the river. The road was empty. Near the bridge my brother saw a heron standing in the shallow water, and we stopped to watch it for a while. Then it rained, so we ate our sandwiches in the car and listened to the radio until the storm passed over the hills.';
const FORMULAIC_EN =
  "In today's fast-paced world, technology plays a crucial role in how we learn. It is important to note that online tools offer a wide range of benefits. Additionally, they foster collaboration and showcase the intricate realm of digital learning. Overall, this pivotal shift underscores the need for a comprehensive approach.";
const PLAIN_FR =
  "Nous sommes partis de la maison à sept heures et nous avons longé la rivière vers le nord. La route était vide. Près du pont, mon frère a vu un héron immobile dans l'eau peu profonde, et nous nous sommes arrêtés pour le regarder. Ensuite il a plu, alors nous avons mangé nos sandwichs dans la voiture en écoutant la radio.";
const FORMULAIC_FR =
  "Dans le monde d'aujourd'hui, la technologie joue un rôle crucial dans l'apprentissage. Il est important de noter que les outils numériques offrent un large éventail d'avantages. En outre, ils favorisent la collaboration et mettent en lumière des pratiques innovantes. En conclusion, il est essentiel de adopter une approche globale et durable.";

const run = (text: string, lang: string) => formulaic.compute(buildDoc(text, { lang }));
const ok = (text: string, lang: string) => {
  const r = run(text, lang);
  if (isAbstention(r)) throw new Error('abstained');
  return r;
};

describe('formulaic', () => {
  it.each([
    ['en', FORMULAIC_EN, PLAIN_EN],
    ['fr', FORMULAIC_FR, PLAIN_FR],
  ])('%s: formulaic text scores higher than plain text', (lang, hi, lo) => {
    expect(ok(hi, lang).raw).toBeGreaterThan(ok(lo, lang).raw + 5);
    expect(ok(lo, lang).raw).toBeLessThan(2);
  });

  it.each([
    ['too short', 'en', 'It is important to note that this is short.', 'too-short'],
    ['unsupported language', 'deu', 'Wir sind um sieben Uhr losgefahren und dem Fluss nach Norden gefolgt. '.repeat(6), 'language'],
    ['undetermined language', 'und', PLAIN_EN, 'language'],
  ])('abstains: %s', (_name, lang, text, code) => {
    const r = run(text, lang);
    expect(isAbstention(r) && r.code).toBe(code);
  });

  it.each([
    ['en', 'It is important to note the rain.', ['it is important to note']],
    ['en', 'Overall, the day went well. We liked it overall.', ['overall', 'overall']],
    ['en', 'THE TEAM PLAYS A CRUCIAL ROLE.', ['plays a crucial role']],
    ['en', 'He delved into the archive. She will delve into it.', ['delved into', 'delve into']],
    ['en', 'We must not only run. Only then.', ['not only']],
    ['fr', "Dans le monde d'aujourd'hui, tout change.", ["dans le monde d'aujourd'hui"]],
    ['fr', 'En outre, il faut partir. Il joue un rôle crucial.', ['en outre', 'joue un rôle crucial']],
  ])('%s: finds the longest entries, case-insensitive: %s', (lang, text, expected) => {
    const doc = buildDoc(text, { lang });
    const found = formulaicHits(doc, lang as 'en' | 'fr').map((h) => formulaicEntry(lang as 'en' | 'fr', h.entry)?.replace(/^\^/, ''));
    expect(found).toEqual(expected);
  });

  it('sentence-initial entries only count at a sentence start', () => {
    const doc = buildDoc('In conclusion, we left. We talked about the word moreover in class.', { lang: 'en' });
    const found = formulaicHits(doc, 'en').map((h) => formulaicEntry('en', h.entry));
    expect(found).toEqual(['in conclusion', 'moreover']); // the second "moreover" is the weight-0.5 word, not the opener
    expect(formulaicHits(doc, 'en')[1]!.weight).toBe(0.5);
  });

  it.each([
    ['en', FORMULAIC_EN],
    ['fr', FORMULAIC_FR],
    ['en', PLAIN_EN],
  ])('%s: one value per sentence, numeric details', (lang, text) => {
    const doc = buildDoc(text, { lang });
    const r = formulaic.compute(doc) as SignalResult;
    expect(r.sentences).toHaveLength(doc.sentences.length);
    for (const v of Object.values(r.details)) expect(typeof v).toBe('number');
  });

  it.each([
    ['en', FORMULAIC_EN, undefined],
    ['fr', FORMULAIC_FR, 0.93],
    ['en', PLAIN_EN, undefined],
  ])('explains in English and French without speaking of authorship (%s)', (lang, text, pct) => {
    const r = ok(text, lang);
    for (const ui of ['en', 'fr'] as const) {
      const s = words.evidence(r, ui, pct);
      expect(s.length).toBeGreaterThan(20);
      expect(s).not.toMatch(/AI-generated|written by AI|probabilit|généré par (une )?IA|écrit par (une )?IA/i);
    }
    expect(words.evidence(r, 'fr')).toMatch(/[éèàç]/);
  });

  it.each(['en', 'fr'] as const)('the rate comes with the count it is taken from, and each example with how often it was found (%s)', (ui) => {
    const text = `${PLAIN_EN} It is important to note that this plays a crucial role. It is important to note the rest.`;
    const r = ok(text, 'en');
    const doc = buildDoc(text, { lang: 'en' });
    const hits = formulaicHits(doc, 'en').length;
    const e = words.evidence(r, ui);
    expect(e).toContain(ui === 'fr' ? `${hits} occurrences sur ${doc.words.length} mots` : `${hits} occurrences in ${doc.words.length} words`);
    expect(e).toContain(ui === 'fr' ? '« it is important to note » (2 fois)' : '"it is important to note" (2 times)');
    expect(e).toMatch(ui === 'fr' ? /« plays a crucial role » \(1 fois\)/ : /"plays a crucial role" \(once\)/);
  });

  it('explanations quote phrases found in the text', () => {
    const r = ok(FORMULAIC_EN, 'en');
    expect(words.evidence(r, 'en')).toMatch(/"(in today's fast-paced world|plays a crucial role|it is important to note)"/);
  });

  it.each(['en', 'fr'] as const)('%s list loads, names its sources and has no chat artefacts', (lang) => {
    const list = LISTS[lang];
    expect(list.sources.length).toBeGreaterThan(0);
    const all = list.groups.flatMap((g) => g.entries).join('|').toLowerCase();
    expect(all).not.toMatch(/as an ai|language model|sure, here|here's|i hope this helps|voici/);
  });

  it('matches 100,000 words quickly', () => {
    const doc = buildDoc(Array(300).fill(FORMULAIC_EN + ' ' + PLAIN_EN).join('\n\n'), { lang: 'en' });
    const t0 = performance.now();
    formulaic.compute(doc);
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('pins the public shape', () => {
    expect(formulaic.id).toBe('formulaic');
    expect(formulaic.languages).toEqual(['en', 'fr']);
    expect(formulaic.minWords).toBeGreaterThan(0);
    for (const ui of ['en', 'fr'] as const) {
      expect(words.title[ui]).toBeTruthy();
      expect(words.describe[ui]).toBeTruthy();
    }
  });
});
