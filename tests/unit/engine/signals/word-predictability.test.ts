import { describe, expect, it } from 'vitest';
import wordPredictability, { computeWith, LM_TABLES, SUCCESSOR_TABLES, wordRanks } from '@/src/engine/signals/word-predictability';
import { words } from '@/src/engine/explain/signals/word-predictability';
import { buildDoc } from '@/src/engine/text/doc';
import { isAbstention, type SignalResult } from '@/src/engine/types';

// All texts below were written for these tests (none from the dev set).
const COLLOCATIONS_EN =
  "In today's fast-paced world, technology plays a crucial role in how we learn. It is important to note that online tools offer a wide range of benefits for students of all ages. In addition, they make it easier for people to work together, and they help teachers to keep track of the progress of each student. As a result, more and more schools are using them in the classroom. At the same time, it is necessary to take into account the risks, such as the lack of attention and the loss of contact between people. In the end, the best results come from a balance between the two.";
const NARRATIVE_EN =
  "Grandpa kept bees behind the shed, six crooked boxes painted whatever colour was left over from the barn. He never wore the veil. He said they knew him, which I took for a joke until the August a swarm hung off the plum tree like a brown beard and he walked up, talking about the price of diesel, and shook it into a cardboard box. Two stings, one on the ear. He ate his supper with the ear swelling and complained only that Mother had put too much pepper in the stew. I still can't smell creosote without seeing those boxes.";
/** Learner-style paragraphs: simple words, short sentences, small grammar slips (the population that perplexity-style
 * detectors misjudge, Liang et al. 2023). */
const LEARNER_EN = [
  'Last summer I go to visit my uncle in the countryside. He have a big farm with many cows and chickens. Every morning we wake up very early and we give food to the animals. It was very hard work but I like it so much. In the evening we eat together and my aunt cook very good soup. I think the life in the farm is more simple than the life in the city. People are more relax and they have time for talk with each other. I want to go back there next year with my sister, because she never see a farm before.',
  'In my country many young people want to study in other country. I think this is good idea but also it have some problems. First, it is very expensive, the family must pay a lot of money for the school and the house. Second, the student can feel alone because he is far from his family and friends. But there is also good things. The student learn a new language and he meet people from all the world. When he come back, he can find a better job. So I think study abroad is good if the student is ready for it.',
  'My favorite hobby is cooking. I start to cook when I was twelve years old with my mother. She teach me how to make bread and cake. Now I cook every weekend for my family. I like to try new recipes from internet, for example Italian pasta or Japanese food. Sometimes the food is not good and everybody laugh, but it is not a problem. Cooking make me happy because I can be creative and I can share with people I love. In the future maybe I will open a small restaurant in my city.',
];
const FRENCH =
  "L'été dernier je suis allé chez mon oncle à la campagne. Il a une grande ferme avec beaucoup de vaches et des poules. Chaque matin on se lève très tôt et on donne à manger aux animaux. C'était un travail très dur mais j'ai beaucoup aimé. Le soir on mange tous ensemble et ma tante fait une soupe très bonne. Je pense que la vie à la campagne est plus simple que la vie en ville.";

/** French learner-style paragraphs (written for these tests): simple words, short sentences, the slips of a learner
 * of French (agreement, tenses, "si il", missing "ne"). */
const LEARNER_FR = [
  "L'année passé je suis allé en vacance avec ma famille à la mer. Nous avons resté deux semaines dans un petit hôtel près de la plage. Chaque jours on nageait et on mangeait des glaces. Mon petit frère il a perdu sa chaussure dans l'eau et il a pleuré beaucoup. Le soir nous marchons dans le village et mon père achetait des souvenirs pour tout le monde. C'était des vacances très bien, je veux retourner là-bas l'année prochain avec mes amis.",
  "Je pense que le téléphone portable est un problème pour les jeunes. Beaucoup d'élèves utilise le téléphone pendant le cours et ils n'écoute pas le professeur. Aussi ils dorment pas assez parce que ils regardent des vidéos la nuit. Mais le téléphone a des avantages aussi, par exemple on peut appeler ses parents si il y a un problème. Pour moi il faut que les élèves utilisent le téléphone seulement à la maison et pas à l'école. Comme ça ils vont apprendre mieux.",
  "Ma passion c'est la cuisine. J'ai commencé à cuisiner quand j'avais douze ans avec ma mère. Elle m'a appris à faire le pain et les gâteaux. Maintenant je cuisine chaque week-end pour ma famille. J'aime essayer des nouvelles recettes de internet, par exemple les pâtes italiennes ou la nourriture japonaise. Parfois c'est pas bon et tout le monde rigole, mais c'est pas grave. La cuisine me rend heureux parce que je peux être créatif. Plus tard peut-être je vais ouvrir un petit restaurant dans ma ville.",
];
const FORMULAIC_FR =
  "Dans le monde d'aujourd'hui, la technologie joue un rôle essentiel dans la manière dont nous apprenons. Il est important de noter que les outils numériques offrent un large éventail d'avantages pour les élèves de tous âges. En outre, ils permettent de faciliter le travail en équipe et ils aident les enseignants à suivre les progrès de chaque élève. Par conséquent, de plus en plus d'établissements scolaires les utilisent en classe. Dans le même temps, il est nécessaire de prendre en compte les risques, tels que le manque d'attention et la perte de contact entre les personnes. En fin de compte, les meilleurs résultats proviennent d'un équilibre entre les deux.";
const NARRATIVE_FR =
  "Grand-père gardait ses abeilles derrière la remise, six caisses bancales peintes avec ce qui restait de la couleur de la grange. Il ne portait jamais de voile. Il disait qu'elles le connaissaient, ce que je prenais pour une blague jusqu'au mois d'août où un essaim pendit au prunier comme une barbe brune ; il s'approcha en parlant du prix du gazole et le secoua dans un carton. Deux piqûres, dont une à l'oreille. Il mangea sa soupe avec l'oreille enflée et se plaignit seulement que Mère avait trop poivré le ragoût. Je ne peux toujours pas sentir la créosote sans revoir ces caisses.";

/** French bounds, from the French human values measured by tables fitted without their source (the references before
 * French abstained): 90th percentile -0.005, 75th -0.023, median -0.043. The signal abstains in French (its header);
 * these tests keep the French table's behaviour pinned for the word view and for any future French reference.
 * Known limit: the plain, correct FRENCH paragraph above scores about +0.03, beyond that 90th percentile. */
const NOT_HIGH_FR = -0.005;
const FR_P75 = -0.023;

/** Upper bound for "does not score high": about the 75th percentile of the dev set's human English texts (+0.02;
 * median -0.007, 90th percentile +0.03). */
const NOT_HIGH = 0.02;

/** English: the signal; French: the shipped French table measured directly (the signal abstains in French). */
const measure = (doc: ReturnType<typeof buildDoc>) => (doc.lang === 'fr' ? computeWith(doc, SUCCESSOR_TABLES.fr) : wordPredictability.compute(doc));
const ok = (text: string, lang = 'en') => {
  const r = measure(buildDoc(text, { lang }));
  if (isAbstention(r)) throw new Error('abstained');
  return r;
};

describe('word-predictability', () => {
  it('collocation-heavy prose scores higher than idiosyncratic narrative', () => {
    expect(ok(COLLOCATIONS_EN).raw).toBeGreaterThan(ok(NARRATIVE_EN).raw);
  });

  it.each(LEARNER_EN.map((t, i) => [i + 1, t]))('learner-style paragraph %i does not score high', (_i, text) => {
    const r = ok(text);
    expect(r.raw).toBeLessThan(NOT_HIGH);
    expect(r.raw).toBeLessThanOrEqual(ok(COLLOCATIONS_EN).raw);
  });

  it.each(LEARNER_EN.map((t, i) => [i + 1, t]))(
    'learner paragraph %i: plain words are "top-10" more often than in the narrative, yet that alone does not raise the score',
    (_i, text) => {
      const learner = ok(text);
      const narrative = ok(NARRATIVE_EN);
      expect(learner.details.top10Share).toBeGreaterThan(narrative.details.top10Share!); // the naive measure would flag it
      expect(learner.raw).toBeLessThan(NOT_HIGH);
    },
  );

  it.each([
    ['too short', 'en', 'Grandpa kept bees behind the shed.', 'too-short'],
    ['French (its table measures genre more than predictability: README)', 'fr', FRENCH, 'language'],
    ['unsupported language', 'deu', 'Mein Großvater hielt Bienen hinter dem Schuppen, sechs schiefe Kisten. '.repeat(8), 'language'],
    ['undetermined language', 'und', NARRATIVE_EN, 'language'],
  ])('abstains: %s', (_name, lang, text, code) => {
    const r = wordPredictability.compute(buildDoc(text, { lang }));
    expect(isAbstention(r) && r.code).toBe(code);
  });

  it('the French table measures French directly (too short: abstains), and says so in its details', () => {
    expect(isAbstention(computeWith(buildDoc("Il ne portait jamais de voile.", { lang: 'fr' }), SUCCESSOR_TABLES.fr))).toBe(true);
    const r = ok(FRENCH, 'fr');
    expect(r.details.frenchTable).toBe(1);
    expect(r.details.scored).toBeGreaterThan(40);
    expect(ok(COLLOCATIONS_EN).details.frenchTable).toBeUndefined();
    // the same text measured with the English table: abstains (wrong language), it is never read with Brown
    expect(isAbstention(computeWith(buildDoc(FRENCH, { lang: 'fr' }), SUCCESSOR_TABLES.en))).toBe(true);
  });

  it('French: connective-heavy formulaic prose scores higher than idiosyncratic narrative', () => {
    expect(ok(FORMULAIC_FR, 'fr').raw).toBeGreaterThan(ok(NARRATIVE_FR, 'fr').raw);
  });

  it.each(LEARNER_FR.map((t, i) => [i + 1, t]))('French learner-style paragraph %i is not pushed beyond 90% of French human references', (_i, text) => {
    expect(ok(text, 'fr').raw).toBeLessThan(NOT_HIGH_FR);
  });

  it('the three French learner paragraphs together sit below the 75th percentile of French human references', () => {
    const all = ok(LEARNER_FR.join('\n\n'), 'fr');
    expect(all.details.scored).toBeGreaterThan(150);
    expect(all.raw).toBeLessThan(FR_P75);
    expect(all.raw).toBeLessThan(ok(FORMULAIC_FR, 'fr').raw);
  });

  it.each([[COLLOCATIONS_EN, 'en'], [NARRATIVE_EN, 'en'], [LEARNER_EN[0], 'en'], [NARRATIVE_FR, 'fr']])('one value per sentence, numeric details (%#)', (text, lang) => {
    const doc = buildDoc(text!, { lang: lang });
    const r = measure(doc) as SignalResult;
    expect(r.sentences).toHaveLength(doc.sentences.length);
    expect(r.sentences!.some((v) => v !== undefined)).toBe(true);
    for (const v of Object.values(r.details)) expect(typeof v).toBe('number');
  });

  it('wordRanks: one entry per word with a bucket 0..3', () => {
    const [lang, text] = ['en', 'The United States of America'];
    const doc = buildDoc(text, { lang });
    const ranks = wordRanks(doc);
    expect(ranks).toHaveLength(doc.words.length);
    for (const r of ranks) expect([0, 1, 2, 3]).toContain(r.bucket);
    expect(ranks[0]).toEqual({ bucket: 0, rank: 0 }); // "the" is the most frequent word
    expect(ranks[2]!.bucket).toBe(0); // "of" after "states"
  });

  it.each([
    ['fr', FRENCH],
    ['en', 'Zxqvb plorf wibble the cat.'],
    ['deu', 'Der Hund schläft im Garten.'],
  ])('wordRanks covers %s text', (lang, text) => {
    const doc = buildDoc(text, { lang });
    const ranks = wordRanks(doc);
    expect(ranks).toHaveLength(doc.words.length);
    if (lang === 'fr') expect(ranks.filter((r) => r.bucket === 0).length).toBeGreaterThan(5);
    if (lang === 'en') expect(ranks[0]).toEqual({ bucket: 3 }); // unknown word: no rank
    if (lang === 'deu') expect(ranks.every((r) => r.bucket === 3)).toBe(true);
  });

  it.each([
    [COLLOCATIONS_EN, undefined, 'en'],
    [NARRATIVE_EN, 0.4, 'en'],
    [NARRATIVE_FR, 0.4, 'fr'],
  ])('explains in English and French without speaking of authorship', (text, pct, lang) => {
    const r = ok(text, lang);
    for (const ui of ['en', 'fr'] as const) {
      const s = words.evidence(r, ui, pct);
      expect(s.length).toBeGreaterThan(20);
      expect(s).toMatch(/\d+\u00A0?%/);
      expect(s).not.toMatch(/AI-generated|written by AI|probabilit|généré par (une )?IA|écrit par (une )?IA/i);
    }
    expect(words.evidence(r, 'fr')).toMatch(/[éèàç]/);
    // the evidence names the table it was measured with
    for (const ui of ['en', 'fr'] as const) {
      if (lang === 'fr') expect(words.evidence(r, ui)).toMatch(/fran[cç]ais|French/);
      else expect(words.evidence(r, ui)).toMatch(/Brown/);
      if (lang === 'fr') expect(words.evidence(r, ui)).not.toMatch(/Brown/);
    }
  });

  it.each(['en', 'fr'] as const)('the share comes with the count it is taken from (%s)', (ui) => {
    const r = ok(NARRATIVE_EN, 'en');
    const n = r.details.scored!;
    const top = r.details.top100Share! * n;
    expect(Number.isInteger(Math.round(top * 1e9) / 1e9)).toBe(true); // a share of whole words
    expect(n).toBeLessThan(buildDoc(NARRATIVE_EN, { lang: 'en' }).words.length); // the first word of a sentence has no previous word
    const e = words.evidence(r, ui);
    expect(e).toContain(ui === 'fr' ? `${Math.round(top)} des ${n} mots qui suivent un mot courant (` : `${Math.round(top)} of the ${n} words that follow a common word (`);
    expect(words.evidence({ ...r, details: { ...r.details, scored: undefined as unknown as number } }, ui)).toMatch(ui === 'fr' ? /^\d+\u00A0% des mots/ : /^\d+% of words/);
  });

  it.each(['en', 'fr'] as const)('the shipped %s table loads and names its source and licence', (lang) => {
    const t = LM_TABLES[lang];
    expect(t.source).toMatch(lang === 'en' ? /Brown/ : /OpenSubtitles/);
    expect(t.licence.length).toBeGreaterThan(10);
    expect(t.vocab.split(' ').length).toBeGreaterThan(10000);
    if (lang === 'en') {
      expect(t.next!.length).toBeGreaterThan(1000);
      expect(t.expect).toHaveLength(3);
    }
  });

  it('the French successor table names its sources and licences, over the French unigram list', () => {
    const t = SUCCESSOR_TABLES.fr;
    expect(t.lang).toBe('fr');
    expect(t.source).toMatch(/French human texts/);
    expect(t.source).toMatch(/OrangeSum/i);
    expect(t.source).toMatch(/No text is included/);
    expect(t.licence).toMatch(/CC BY-SA 4\.0/);
    expect(t.next.length).toBeGreaterThan(1000);
    expect(t.expect).toHaveLength(3);
    const size = LM_TABLES.fr.vocab.split(' ').length;
    for (const list of t.next) {
      expect(list.length).toBeLessThanOrEqual(100);
      expect(new Set(list).size).toBe(list.length);
      for (const id of list) expect(id).toBeLessThan(size);
    }
  });

  it('scores 100,000 words quickly', () => {
    const doc = buildDoc(Array(200).fill(NARRATIVE_EN + ' ' + COLLOCATIONS_EN).join('\n\n'), { lang: 'en' });
    ok(NARRATIVE_EN); // tables built
    const t0 = performance.now();
    wordPredictability.compute(doc);
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('pins the public shape', () => {
    expect(wordPredictability.id).toBe('word-predictability');
    expect(wordPredictability.languages).toEqual(['en']);
    expect(wordPredictability.minWords).toBeGreaterThan(0);
    for (const ui of ['en', 'fr'] as const) {
      expect(words.title[ui]).toBeTruthy();
      expect(words.describe[ui]).toBeTruthy();
    }
  });
});
