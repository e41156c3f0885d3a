// @vitest-environment happy-dom
// The side panel's "Text analysed" row on a page of two languages: its words, sentences and blocks are one text's
// counts (the language the summary speaks of), not its words beside the whole page's sentences and blocks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '@/src/engine';
import { renderGroups, renderSummary } from '@/src/pages/render';
import type { GroupView, TabView } from '@/src/messaging';

const text = readFileSync(join(process.cwd(), 'tests/fixtures/own-texts.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; text: string })
  .find((t) => t.id === 'assistant-en-1')!.text;

const amount = (view: TabView, ui: 'en' | 'fr' = 'en') => {
  const facts = renderSummary(view, ui).querySelector('dl.facts')!;
  const dt = [...facts.querySelectorAll('dt')].find((d) => d.textContent === (ui === 'fr' ? 'Texte analysé' : 'Text analysed'))!;
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

  it.each([
    ['en', '50,044 words, 3,475 sentences, 1 block'],
    ['fr', '50\u202f044 mots, 3\u202f475 phrases, 1 bloc'],
  ] as const)('%s: a one-paragraph page of 50,044 words, its counts grouped and "1 block" singular', (ui, shown) => {
    const big = { ...report, counts: { ...report.counts, words: 50044, sentences: 3475, paragraphs: 1 } };
    const view = { phase: 'on', report: big, sentences: 3475, blocks: 1, groups: [group('en', 50044, 1)] } as unknown as TabView;
    expect(amount(view, ui)).toBe(shown);
  });

  it.each([
    ['en', ['English — 1,204 words in 1 block, 1 highlighted', 'French — 118 words in 3 blocks, 0 highlighted']],
    ['fr', ['anglais — 1\u202f204 mots en 1 bloc, 1 surligné', 'français — 118 mots en 3 blocs, 0 surligné']],
  ] as const)('%s: each language\'s line, counts grouped and nouns in their number', (ui, lines) => {
    const groups = [{ ...group('en', 1204, 1), flagged: 1 }, group('fr', 118, 3)];
    const items = [...renderGroups(groups, ui).querySelectorAll('li')].map((li) => `${li.querySelector('strong')!.textContent} — ${li.querySelector('.amount')!.textContent}`);
    expect(items).toEqual(lines);
  });
});
