// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gateNotice, plainTextView, sentenceView, signalList, summaryBlock, wordView, positionChart, TEXT_CHUNK, WORD_VIEW_MAX } from '@/src/pages/result-view';
import { textOf, toDom } from '@/src/report/markup';
import { wordRanks } from '@/src/engine';
import { fakeReport } from '../report/fixture';

const TEXT = 'First <b>sentence</b> here. Second one follows.';

describe('result view', () => {
  it.each([
    ['ok', null],
    ['weak', /Weak result\. The text has 321 words; below about 300/],
    ['too-short', /Nothing meaningful can be said about this text\. It has 321 words; at least 150 are needed/],
    ['unsupported-language', /No score\./],
  ] as const)('gate for status %s', (status, re) => {
    const g = gateNotice(fakeReport(TEXT, { status }), 'en');
    if (re === null) expect(g).toBeNull();
    else expect(textOf(g!)).toMatch(re);
  });

  it.each([
    ['en', 1, /It has 1 word; at least 150 are needed/],
    ['fr', 1, /Il compte 1 mot ; il en faut au moins 150/],
    ['en', 2, /It has 2 words; at least 150 are needed/],
    ['fr', 2, /Il compte 2 mots ; il en faut au moins 150/],
  ] as const)('%s: the gate for %d word(s) agrees with its count', (lang, words, re) => {
    const r = fakeReport(TEXT, { status: 'too-short' });
    const g = gateNotice({ ...r, counts: { ...r.counts, words } }, lang);
    expect(textOf(g!)).toMatch(re);
  });

  it('the gate speaks French', () => {
    expect(textOf(gateNotice(fakeReport(TEXT, { status: 'too-short' }), 'fr')!)).toMatch(/Rien de sensé ne peut être dit/);
  });

  it('summary gives the score as a share of human texts, not a probability', () => {
    const t = textOf(summaryBlock(fakeReport(TEXT), 'en'));
    expect(t).toContain('93%');
    expect(t).toContain('not a probability');
  });

  it.each([
    ['en', 'Beyond all 412 human reference texts it was compared with (not a probability, and not 100%).'],
    ['fr', 'Au-delà des 412 textes humains de référence auxquels il a été comparé (ni une probabilité, ni 100 %).'],
  ] as const)('%s: beyond every compared text, the summary says so instead of a percentage', (lang, line) => {
    const beyond = { kinds: [{ id: 'l2r', texts: 412, percentile: 0.9993, beyond: true }], texts: 412, beyond: true };
    const el = toDom(summaryBlock(fakeReport(TEXT, { score: 0.9993, comparison: beyond }), lang), document) as HTMLElement;
    expect(el.querySelector('.score-line')!.textContent).toBe(line);
    expect(el.querySelector('.score-figure')).toBeNull();
  });

  it('sentence view: the text, as text, with levelled marks and the legend', () => {
    const el = toDom(sentenceView(TEXT, fakeReport(TEXT), 'en'), document) as HTMLElement;
    const view = el.querySelector('.text-view')!;
    expect(view.textContent).toBe(TEXT);
    expect(view.querySelector('b')).toBeNull();
    expect(view.querySelector('mark.lvl2')!.textContent).toBe('First <b>sentence</b> here.');
    expect(el.querySelectorAll('.legend mark').length).toBe(3);
  });

  it('sentence view: a long text comes in blocks the browser may skip off screen, the same text and marks, one tab stop', () => {
    const para = 'A plain sentence of the text. Another sentence follows it here.\n\n';
    const text = para.repeat(Math.ceil((3 * TEXT_CHUNK) / para.length));
    const levelOf = (i: number): 0 | 1 => (i % 7 === 0 ? 1 : 0);
    const sentences = [...text.matchAll(/[^.\n]+\./g)].map((m, i) => ({ index: i, start: m.index, end: m.index + m[0].length, words: 5, score: 0.5, level: levelOf(i), reasons: [] }));
    const el = toDom(sentenceView(text, fakeReport(text, { sentences }), 'en'), document) as HTMLElement;
    const view = el.querySelector('.text-view')!;
    expect(view.textContent).toBe(text);
    expect(view.querySelectorAll(':scope > .text-chunk').length).toBeGreaterThanOrEqual(3);
    expect(view.querySelectorAll('mark').length).toBe(sentences.filter((s) => s.level).length);
    expect([...view.querySelectorAll('mark')].filter((m) => m.getAttribute('tabindex') === '0')).toHaveLength(1);
    // a short text stays one flow of text, as before
    expect((toDom(sentenceView(TEXT, fakeReport(TEXT), 'en'), document) as HTMLElement).querySelector('.text-chunk')).toBeNull();
  });

  it('a text with no score: as it is, in blocks when long, the text exactly', () => {
    const short = toDom(plainTextView('Ein kurzer Text.\nZweite Zeile.', 'fr'), document) as HTMLElement;
    expect(short.textContent).toBe('Ein kurzer Text.\nZweite Zeile.');
    expect(short.querySelector('.text-chunk')).toBeNull();
    expect(short.getAttribute('aria-label')).toMatch(/texte/i);
    const long = 'Eine Zeile Text, die sich wiederholt.\n'.repeat(Math.ceil((2.5 * TEXT_CHUNK) / 38));
    const el = toDom(plainTextView(long, 'en'), document) as HTMLElement;
    expect(el.textContent).toBe(long);
    expect(el.querySelectorAll(':scope > .text-chunk').length).toBe(3);
  });

  it('sentence view: marked sentences in a text within the usual range come with what they are, in the page language', () => {
    const note = (over: Parameters<typeof fakeReport>[1], lang: 'en' | 'fr') =>
      (toDom(sentenceView(TEXT, fakeReport(TEXT, over), lang), document) as HTMLElement).querySelector('.within-usual')?.textContent ?? null;
    expect(note({ score: 0.8, flag: false }, 'en')).toMatch(/^The text as a whole stays within the usual range/);
    expect(note({ score: 0.8, flag: false }, 'fr')).toMatch(/^Le texte dans son ensemble reste/);
    expect(note({ score: 0.93, flag: false }, 'en')).toBeNull();
    expect(note({ score: 0.8, flag: true }, 'en')).toBeNull();
  });

  it('word view: one shaded span per word, legend with shares, histogram', () => {
    const text = 'The cat sat on the mat because it was warm and the sun was out.';
    const { words, ranks } = wordRanks(text, 'en');
    const el = toDom(wordView(text, words, ranks, 'en'), document) as HTMLElement;
    const spans = el.querySelectorAll('.text-view .w');
    expect(spans.length).toBe(words.length);
    expect(el.querySelector('.text-view')!.textContent).toBe(text);
    expect(el.querySelectorAll('.bucket-legend li').length).toBe(4);
    expect(el.querySelector('svg.bar-chart')).not.toBeNull();
    spans.forEach((s, i) => expect(s.classList.contains(`b${ranks[i]!.bucket}`)).toBe(true));
  });

  it('word view: a text longer than WORD_VIEW_MAX words shades that many, says so, and its counts cover every word', () => {
    const sentence = 'The cat sat on the mat because it was warm and the sun was out. ';
    const text = sentence.repeat(Math.ceil((WORD_VIEW_MAX + 500) / 15));
    const { words, ranks } = wordRanks(text, 'en');
    expect(words.length).toBeGreaterThan(WORD_VIEW_MAX);
    const el = toDom(wordView(text, words, ranks, 'en'), document) as HTMLElement;
    expect(el.querySelectorAll('.text-view .w').length).toBe(WORD_VIEW_MAX);
    expect(el.querySelector('.text-view')!.textContent).toBe(text.slice(0, words[WORD_VIEW_MAX - 1]!.end));
    const counts = [...el.querySelectorAll('.bucket-legend li')].map((li) => Number(/\(([\d,]+)\)$/.exec(li.textContent ?? '')?.[1]?.replace(/,/g, '')));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(words.length);
    // a count is written as counts are everywhere else: 5,250, not 5250 (French: 5 250)
    expect(el.querySelector('.bucket-legend')!.textContent).toMatch(/\(\d{1,3},\d{3}\)/);
    expect((toDom(wordView(text, words, ranks, 'fr'), document) as HTMLElement).querySelector('.bucket-legend')!.textContent).toMatch(/\(\d{1,3}\u202f\d{3}\)/);
    expect(el.querySelector('.words-cut')!.textContent).toBe(`Only the first 10,000 of the text's ${words.length.toLocaleString('en-US')} words are shaded here, to keep the page responsive; the shares and the chart above count every word, and the Sentences view shows the whole text.`);
    const fr = toDom(wordView(text, words, ranks, 'fr'), document) as HTMLElement;
    expect(fr.querySelector('.words-cut')!.textContent).toMatch(/^Seuls les 10\u202f000 premiers des [\d\u202f]+ mots du texte sont colorés ici/);
    const short = toDom(wordView(sentence, wordRanks(sentence, 'en').words, wordRanks(sentence, 'en').ranks, 'en'), document) as HTMLElement;
    expect(short.querySelector('.words-cut')).toBeNull();
  });

  it('signal list: evidence for measured signals, the reason for abstentions', () => {
    const el = toDom(signalList(fakeReport(TEXT), 'en'), document) as HTMLElement;
    expect(el.querySelectorAll('li').length).toBe(4);
    expect(el.querySelector('[data-signal="burstiness"] .evidence')!.textContent).toMatch(/vary half as much/);
    expect(el.querySelector('[data-signal="repetition"] .evidence')!.textContent).toBe('too little text');
    expect(el.querySelectorAll('.agrees').length).toBe(2);
    expect(el.querySelector('[role="meter"]')!.getAttribute('aria-valuenow')).toBe('95');
  });

  it('position chart: combined plus each measured signal', () => {
    const chart = positionChart(fakeReport(TEXT), 'en')!;
    const svg = toDom(chart, document) as SVGElement;
    expect(svg.querySelectorAll('g.row').length).toBe(4);
  });
});
