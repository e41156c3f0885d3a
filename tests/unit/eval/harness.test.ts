// The evaluation harness's pieces: the Brown-corpus detokeniser and chunks, source ids, the report's definitions.
import { describe, expect, it, test } from 'vitest';
import { brownDir, chunkSentences, CHUNK_MAX, CHUNK_MIN, detokeniseParagraph, loadBrown, readTagged, untag } from '@/src/eval/brown';
import { bandOf, displayed, pooledFigures, runFigures, sourceFigures } from '@/src/eval/report';
import { sourceId, type Item } from '@/src/eval/sources';
import { kindOf } from '@/src/eval/rows';
import type { TextFeatures } from '@/src/eval/features';

describe('brown detokeniser', () => {
  test.each([
    ['Atlanta\'s/np$', "Atlanta's"],
    ['1/2/cd', '1/2'],
    ['./.', '.'],
  ])('untag %s -> %s', (tok, word) => expect(untag(tok)).toBe(word));

  test.each([
    [[['``/``', 'Only/rb', 'a/at', 'handful/nn', "''/''", ',/,', 'the/at', 'jury/nn', 'said/vbd', './.']], '"Only a handful", the jury said.'],
    [[['Why/wrb', 'not/*', '?/.', '?/.'], ['?/.', 'Fine/jj', './.']], 'Why not? | Fine.'],
    [[['one/cd', ';/.', ';/.'], ['two/cd', './.']], 'one; | two.'],
    [[['a/at', 'system/nn', '--/--', 'or/cc', 'not/*', '(/(', 'see/vb', 'below/rb', ')/)', './.']], 'a system\u2014or not (see below).'],
    [[['he/pps', 'said/vbd', "'/'", 'no/rb', "'/'", './.']], "he said 'no'."],
  ])('paragraph %j', (sents, text) => expect(detokeniseParagraph(sents).map((s) => s.text).join(' | ')).toBe(text));

  it('counts words, not punctuation', () => {
    expect(detokeniseParagraph([['The/at', 'jury/nn', ',/,', 'said/vbd', './.']])[0]!.words).toBe(3);
  });

  it('cuts chunks within the length bounds at sentence ends', () => {
    const sents = Array.from({ length: 400 }, (_, i) => ({ text: `Sentence ${i} has a few words in it.`, words: 8 + (i % 7), paragraphEnd: i % 5 === 4 }));
    const chunks = chunkSentences('test', sents);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.words).toBeGreaterThanOrEqual(CHUNK_MIN);
      expect(c.words).toBeLessThanOrEqual(CHUNK_MAX);
      expect(c.text.endsWith('.')).toBe(true);
    }
  });

  it('reads paragraphs from blank lines', () => {
    const s = readTagged('\n\n\tThe/at cat/nn sat/vbd ./.\nIt/pps slept/vbd ./.\n\n\n\tA/at dog/nn came/vbd ./.\n');
    expect(s.map((x) => [x.text, x.paragraphEnd])).toEqual([
      ['The cat sat.', false],
      ['It slept.', true],
      ['A dog came.', true],
    ]);
  });

  it.skipIf(!brownDir())('gives every genre, deterministically, in clean text', () => {
    const a = loadBrown();
    const b = loadBrown();
    expect(a.map((c) => c.id)).toEqual(b.map((c) => c.id));
    expect(new Set(a.map((c) => c.genre)).size).toBe(15);
    for (const c of a) {
      expect(c.words).toBeGreaterThanOrEqual(CHUNK_MIN);
      expect(c.words).toBeLessThanOrEqual(CHUNK_MAX);
      expect(c.text).not.toMatch(/``|\/(nn|vb|at|in)\b/); // '' stays where the corpus means inches
    }
  });
});

describe('sources', () => {
  test.each([
    ['ChatGPT-Detector-Bias', 'cdb'],
    ['M4 (llama2 example subset)', 'm4'],
    ['fast-detect-gpt exp_gpt3to4', 'fastdetect'],
    ['iu human-AI-generatedTextCorpus', 'iu'],
    ['L2R data (ranhli/l2r_data)', 'l2r'],
    ['plagiarism-checker dissertations (valentinefleith)', 'dissertation'],
    ['OrangeSum source documents', 'orangesum'],
    ['ELTeC-eng level1', 'eltec'],
    ['ELLIPSE English-learner essays (scrosseye/ELLIPSE-Corpus)', 'ellipse'],
    ['Something New!', 'something-new'],
  ])('%s -> %s', (s, id) => expect(sourceId(s)).toBe(id));
});

describe('sources', () => {
  test.each([
    ['ChatGPT-Detector-Bias', 'cdb'],
    ['M4 (llama2 example subset)', 'm4'],
    ['fast-detect-gpt exp_gpt3to4', 'fastdetect'],
    ['iu human-AI-generatedTextCorpus', 'iu'],
    ['L2R data (ranhli/l2r_data)', 'l2r'],
    ['plagiarism-checker dissertations (valentinefleith)', 'dissertation'],
    ['OrangeSum source documents', 'orangesum'],
    ['ELTeC-eng level1', 'eltec'],
    ['ELLIPSE English-learner essays (scrosseye/ELLIPSE-Corpus)', 'ellipse'],
    ['Something New!', 'something-new'],
  ])('%s -> %s', (s, id) => expect(sourceId(s)).toBe(id));
});

describe('kinds of writing', () => {
  test.each([
    [{ source: 'ellipse', domain: 'learner_essay_en' }, 'ellipse:learner_essay_en'],
    [{ source: 'l2r', domain: 'l2r_legaldocument' }, 'l2r'],
    [{ source: 'brown', domain: 'brown_learned' }, 'brown:learned'],
  ])('%j -> %s', (item, id) => expect(kindOf(item)).toBe(id));
});

describe('report', () => {
  test.each([
    [0.899, 0.89],
    [0.9, 0.9],
    [0.9996, 0.99],
    [1, 0.99],
    [0, 0],
  ])('displayed(%d) = %d', (p, d) => expect(displayed(p)).toBe(d));

  const feat = (key: string): TextFeatures => ({ key, lang: 'en', words: 200, reg: [4, 0, 0], sentWords: [10, 3], signals: {} });
  const out = (source: string, label: 'human' | 'machine', lang: 'en' | 'fr', score: number, stated: number, flag = false, levels: (0 | 1 | 2 | 3)[] = [0, 3]) => ({
    row: { item: { id: `${source}${score}`, text: '', label, lang, domain: 'd', source } as Item, f: { ...feat(`${source}${label}${score}`), lang } },
    applied: { stated, flag, beyond: false, agree: 0, levels },
  });

  it('calibration counts displayed percentiles of human texts', () => {
    const xs = [0.2, 0.5, 0.85, 0.9, 0.96, 0.999].map((p, i) => out('h', 'human', 'en', i, p));
    const g = pooledFigures('ALL', xs);
    // >=50%: five; >=80%: 0.85, 0.9, 0.96, 0.999; >=90%: 0.9, 0.96, 0.999; >=95%: 0.96, 0.999; >=99%: 0.999 (shown 99%)
    expect(g.calibration).toEqual([5 / 6, 4 / 6, 3 / 6, 2 / 6, 1 / 6]);
  });

  it('sentence rates ignore sentences under 5 words', () => {
    const g = pooledFigures('ALL', [out('h', 'human', 'en', 1, 0.5, false, [3, 3])]);
    expect(g.human.sentences).toBe(1);
    expect(g.human.l3).toBe(1);
    expect(g.human.docsL3).toBe(1);
  });

  it('a source without both labels is ranked against the other label of other sources, in its language only', () => {
    const all = [
      out('a', 'human', 'en', 1, 0.2),
      out('a', 'human', 'en', 2, 0.3),
      out('b', 'machine', 'en', 3, 0.8),
      out('b', 'machine', 'fr', 0, 0.1), // French: never paired with English humans
    ];
    const g = sourceFigures('a', all);
    expect(g.aurocKind).toBe('cross');
    expect(g.auroc).toBe(1);
  });

  it('headline bands follow the headline\'s words; a flag always makes a text "high"', () => {
    expect([0.49, 0.5, 0.749, 0.75, 0.899, 0.9].map((stated) => bandOf({ stated, flag: false }))).toEqual(['ordinary', 'usual', 'usual', 'upper', 'upper', 'high']);
    expect(bandOf({ stated: 0.3, flag: true })).toBe('high');
  });

  it('counts highlighted documents per headline band, humans and machine texts apart', () => {
    const outcomes = [
      out('h', 'human', 'en', 1, 0.8, false, [1, 0]),
      out('h', 'human', 'en', 2, 0.85, false, [0, 0]),
      out('h', 'human', 'en', 3, 0.2, false, [0, 0]),
      out('m', 'machine', 'en', 4, 0.8, false, [3, 3]),
    ];
    const run = { gate: 150, counted: [], outcomes, folds: [], ms: 0 };
    const upper = runFigures(run).bands.find((b) => b.band === 'upper')!;
    expect(upper.human.docs).toBe(2);
    expect(upper.human.docsL1).toBe(0.5);
    expect(upper.human.docsL3).toBe(0);
    expect(upper.machine.docs).toBe(1);
    expect(upper.machine.docsL3).toBe(1);
    expect(runFigures(run).bands.find((b) => b.band === 'ordinary')!.human.docs).toBe(1);
  });
});
