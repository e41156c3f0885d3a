// @vitest-environment happy-dom
// The side panel's "Text analysed" row on a page of two languages: its words, sentences and blocks are one text's
// counts (the language the summary speaks of), not its words beside the whole page's sentences and blocks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '@/src/engine';
import { renderSummary } from '@/src/pages/render';
import type { GroupView, TabView } from '@/src/messaging';

const text = readFileSync(join(process.cwd(), 'tests/fixtures/own-texts.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; text: string })
  .find((t) => t.id === 'assistant-en-1')!.text;

const amount = (view: TabView) => {
  const facts = renderSummary(view, 'en').querySelector('dl.facts')!;
  const dt = [...facts.querySelectorAll('dt')].find((d) => d.textContent === 'Text analysed')!;
  return dt.nextElementSibling!.textContent;
};

describe('side panel: text analysed', () => {
  const report = { ...analyse(text), sentences: [] };
  const { words, sentences, paragraphs } = report.counts;
  const group = (lang: string, w: number, blocks: number) => ({ id: 0, lang, status: 'ok', head: report, words: w, blocks, flagged: 0 }) as unknown as GroupView;

  it('one language: the page\'s sentences and blocks, as the legend counts them', () => {
    const view = { phase: 'on', report, sentences, blocks: paragraphs, groups: [group('en', words, paragraphs)] } as unknown as TabView;
    expect(amount(view)).toBe(`${words} words, ${sentences} sentences, ${paragraphs} blocks`);
  });

  it('two languages: the summarised text\'s own words, sentences and blocks, which its language line repeats', () => {
    const view = { phase: 'on', report, sentences: sentences + 12, blocks: paragraphs + 3, groups: [group('en', words, paragraphs), group('fr', 118, 3)] } as unknown as TabView;
    expect(amount(view)).toBe(`${words} words, ${sentences} sentences, ${paragraphs} blocks`);
  });
});
