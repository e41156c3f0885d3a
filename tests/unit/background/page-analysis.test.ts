import { describe, expect, it } from 'vitest';
import { analyseBlocks, groupBlocks, languageOfBlocks, listedPassages, mainAnalysis, paintOf, passagesOf, viewOf } from '@/src/background/page-analysis';
import { headlineOf } from '@/src/engine';
import { PASSAGES_LISTED, type BlockPayload, type Passage } from '@/src/messaging';

// Texts written for these tests.
const EN = [
  'It is important to note that community gardens offer numerous benefits for residents of every age and background.',
  'Furthermore, they provide a valuable opportunity to connect with neighbours and to learn about sustainable practices.',
  'Additionally, it is essential to recognise that such spaces can play a crucial role in fostering a sense of belonging.',
  'On Saturday we dug out the old potato bed and found a rusted spoon, two marbles and a toy car missing its wheels.',
  'My aunt swore the marbles were hers, lost in 1971, and nobody had the heart to argue with her about it at all.',
  'Overall, community gardens are a simple yet effective way to make a positive impact on the local environment today.',
];
const FR = [
  'Il est important de noter que les jardins partagés offrent de nombreux avantages pour les habitants de tout âge.',
  'De plus, ils constituent une occasion précieuse de rencontrer ses voisins et de découvrir des pratiques durables.',
  'Samedi, nous avons retourné la vieille planche de pommes de terre et trouvé une cuillère rouillée et deux billes.',
  'Ma tante jurait que les billes étaient à elle, perdues en 1971, et personne n’a eu le cœur de la contredire.',
];
const DE = 'Die Stadt liegt am Fluss und hat viele alte Häuser. Im Sommer kommen viele Besucher, die durch die engen Gassen gehen und in den kleinen Cafés sitzen.';

function blocks(texts: string[], from = 0): BlockPayload[] {
  return texts.map((text, i) => ({ id: from + i, text, lang: '' }));
}
const repeat = (xs: string[], n: number) => Array.from({ length: n }, () => xs).flat();

describe('languageOfBlocks: once per block, short blocks follow their neighbours', () => {
  it('detects English, French and German blocks, and gives a short heading its neighbour\'s language', () => {
    const bs = blocks([EN[0]!, EN[1]!, 'Résumé', FR[0]!, FR[1]!, DE, EN[3]!]);
    expect(languageOfBlocks(bs)).toEqual(['en', 'en', 'en', 'fr', 'fr', 'deu', 'en']);
  });
  it('reuses the cache (a block is never detected twice)', () => {
    const cache = new Map<number, string>([[0, 'fr']]);
    expect(languageOfBlocks(blocks([EN[0]!]), cache)).toEqual(['fr']);
  });
});

describe('analyseBlocks: one analysis per language group', () => {
  const page = [...blocks(repeat(EN, 4)), ...blocks(repeat(FR, 5), 100), ...blocks([DE, DE], 200)];
  const ids = new Map<string, number>();
  const analyses = analyseBlocks(page, { groupIds: ids });

  it('groups by language, largest first, with stable ids', () => {
    expect(groupBlocks(page).map((g) => g.lang)).toEqual(['en', 'fr', 'deu']);
    expect(analyses.map((a) => [a.lang, a.report.status])).toEqual([['en', 'ok'], ['fr', 'ok'], ['deu', 'too-short']]);
    expect([...ids]).toEqual([['en', 0], ['fr', 1], ['deu', 2]]);
    const again = analyseBlocks(page, { groupIds: ids, only: new Set(['fr']) });
    expect(again.map((a) => a.id)).toEqual([1]);
  });

  it('places every sentence inside one block, with offsets that fit that block', () => {
    const byId = new Map(page.map((b) => [b.id, b]));
    for (const a of analyses) {
      for (const s of a.located) {
        const b = byId.get(s.b)!;
        expect(a.blocks).toContain(s.b);
        expect(s.end).toBeLessThanOrEqual(b.text.length);
        expect(b.text.slice(s.start, s.end).trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('paints only scored groups, and the view lists every group', () => {
    const paint = paintOf(analyses, 'high');
    expect(paint.find((p) => p.id === 2)!.sentences).toEqual([]);
    const view = viewOf(1, analyses, 'high', { scope: 'page', ms: 5, blocks: page.length });
    expect(view.report?.lang).toBe('en');
    expect(view.groups?.map((g) => [g.lang, g.status])).toEqual([['en', 'ok'], ['fr', 'ok'], ['deu', 'too-short']]);
    expect(view.passages).toEqual(passagesOf(analyses, 'high'));
    expect(mainAnalysis(analyses)?.lang).toBe('en');
  });

  it('says "not supported" for a German page rather than scoring it', () => {
    const [de] = analyseBlocks(blocks(repeat([DE], 12)), {});
    expect(de!.report.status).toBe('unsupported-language');
    expect(headlineOf(de!.report, 'en')).toMatch(/German text: only English and French/);
    expect(paintOf([de!], 'high')[0]!.sentences).toEqual([]);
  });
});

describe('listedPassages: the most predictable, in page order', () => {
  const p = (sentence: number, score: number | null): Passage => ({ analysis: 1, sentence, level: 1, score, text: `s${sentence}`, reasons: [] });
  const page = [p(0, 0.5), p(1, 0.9), p(2, null), p(3, 0.7), p(4, 0.9), p(5, 0.6)];

  it('keeps every passage when they fit', () => {
    expect(listedPassages(page, 6)).toEqual(page);
  });

  it('keeps the highest scores, the earlier one on a tie, and gives them back in page order', () => {
    expect(listedPassages(page, 3).map((x) => x.sentence)).toEqual([1, 3, 4]);
    expect(listedPassages(page, 1).map((x) => x.sentence)).toEqual([1]);
    expect(listedPassages(page, 5).map((x) => x.sentence)).toEqual([0, 1, 3, 4, 5]);
  });

  it('a huge page: the view lists PASSAGES_LISTED passages and says how many there are in all', () => {
    const many = blocks(repeat(EN, 120));
    const analyses = analyseBlocks(many, {});
    const all = passagesOf(analyses, 'high');
    expect(all.length).toBeGreaterThan(PASSAGES_LISTED);
    const view = viewOf(1, analyses, 'high', { scope: 'page', ms: 5, blocks: many.length });
    expect(view.passages).toHaveLength(PASSAGES_LISTED);
    expect(view.passagesTotal).toBe(all.length);
    const floor = Math.min(...view.passages!.map((x) => x.score ?? -1));
    // nothing left out scores higher than what is listed
    const listed = new Set(view.passages!.map((x) => `${x.analysis}:${x.sentence}`));
    expect(all.filter((x) => !listed.has(`${x.analysis}:${x.sentence}`)).every((x) => (x.score ?? -1) <= floor)).toBe(true);
  });
});
