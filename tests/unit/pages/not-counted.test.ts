// @vitest-environment happy-dom
// Issue 10, item 9: a signal shown but not counted (weight 0) is marked so in every list and chart of signals, so
// that the rows beside "of 6 signals" add up; and the side panel speaks of predictability like the headline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, explain } from '@/src/engine';
import { positionChart, signalList } from '@/src/pages/result-view';
import { renderSummary } from '@/src/pages/render';
import { toDom } from '@/src/report/markup';
import { buildTeacherReport, reportTree } from '@/src/report/teacher';
import { compareReports } from '@/src/report/compare';
import { formatReport } from '@/src/eval/format';
import type { TabView } from '@/src/messaging';

const text = readFileSync(join(process.cwd(), 'tests/fixtures/own-texts.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; text: string })
  .find((t) => t.id === 'assistant-en-1')!.text;

describe.each([['en', 'shown, not counted'], ['fr', 'affiché, non compté']] as const)('signals shown, not counted (%s)', (ui, words) => {
  const neutral = analyse(text);
  const report = explain(neutral, ui);
  const info = report.signals.filter((s) => s.status === 'ok' && s.weight === 0);
  const counted = report.signals.filter((s) => s.status === 'ok' && s.weight > 0);

  it('the engine reports one such signal, and counts the others', () => {
    expect(info.length).toBeGreaterThan(0);
    expect(report.agreement.measured).toBe(counted.length);
  });

  it('every view marks it', async () => {
    const title = info[0]!.title;
    const marked = `${title} (${words})`;
    const chart = toDom(positionChart(report, ui)!, document) as SVGElement;
    const labels = [...chart.querySelectorAll('g.row > text:first-child')].map((l) => (l.children.length ? [...l.children].map((c) => c.textContent).join(' ') : l.textContent));
    expect(labels).toContain(marked);
    expect(chart.querySelector('desc')!.textContent).toContain(marked);
    const list = toDom(signalList(report, ui), document) as HTMLElement;
    expect(list.querySelector(`[data-signal="${info[0]!.id}"]`)!.textContent).toContain(words);
    const printed = toDom(reportTree(await buildTeacherReport(report, text, { lang: ui })), document) as HTMLElement;
    expect(printed.querySelector('tbody')!.textContent).toContain(marked);
    expect(printed.querySelector('svg desc')!.textContent).toContain(marked);
    expect(compareReports(report, report, ['A', 'B'], ui).rows.find((r) => r.id === info[0]!.id)!.title).toBe(marked);
    expect(formatReport(report, text)).toContain(`(${words})`);
    const view = { phase: 'on', report: { ...neutral, sentences: [] } } as unknown as TabView;
    const panel = renderSummary(view, ui);
    expect(panel.querySelector('details.signals')!.textContent).toContain(`${title} (${words})`);
    // one word for one thing: the side panel's figure is "more predictable than", as in the headline — or, beyond
    // every human text it was compared with, says so (issue 9: never 100%)
    expect(panel.querySelector('dl.facts')!.textContent).toMatch(
      ui === 'en' ? /More predictable than \d+% of each of the \d+ nearest kinds|Beyond all \d+ human reference texts compared/ : /Plus prévisible que \d+\u00A0% de chacun des \d+ genres|Au-delà des \d+ textes humains de référence comparés/,
    );
    expect(panel.textContent).not.toMatch(/regular than|régulier que/);
  });
});
