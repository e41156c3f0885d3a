// @vitest-environment happy-dom
// Issue 10, item 2: one figure per row. The evidence sentence ("more uniform than 58%"), the position chart, the
// signal list, the teacher report and the CLI show the same whole percent for the same signal, even where the
// report's rounded percentile and the unrounded one the sentence is worded from fall on two sides of a percent.
import { describe, expect, it } from 'vitest';
import { analyse, explain, type Report, type UiLang } from '@/src/engine';
import { positionChart, signalList } from '@/src/pages/result-view';
import { textOf, toDom } from '@/src/report/markup';
import { buildTeacherReport, reportTree } from '@/src/report/teacher';
import { bar, formatReport } from '@/src/eval/format';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// (read by path: happy-dom's URL cannot make a file URL, so ../engine/score/own-texts.ts cannot load here)
const text = readFileSync(join(process.cwd(), 'tests/fixtures/own-texts.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; text: string })
  .find((t) => t.id === 'assistant-en-1')!.text;

/** The report with one signal's percentile put just below a whole percent (0.5886: rounded 0.589, shown 58%; worded 59% before issue 10). */
function edgeReport(): { report: Report; id: string } {
  const report = analyse(text);
  const s = report.signals.find((x) => x.status === 'ok' && x.id === 'burstiness') ?? report.signals.find((x) => x.status === 'ok')!;
  s.exactPercentile = 0.5886;
  s.percentile = 0.589;
  s.agrees = false;
  return { report, id: s.id };
}

describe.each(['en', 'fr'] as UiLang[])('the same figure everywhere (%s)', (ui) => {
  const sign = ui === 'fr' ? '\u00A0%' : '%';
  it('evidence, position chart, signal list, teacher report and CLI agree at the edge of a percent', async () => {
    const { report, id } = edgeReport();
    const words = explain(report, ui);
    const s = words.signals.find((x) => x.id === id)!;
    expect(s.evidence).toContain(`58${sign}`);
    expect(s.evidence).not.toContain(`59${sign}`);
    const chart = toDom(positionChart(words, ui)!, document) as SVGElement;
    const row = [...chart.querySelectorAll('g.row')].find((g) => g.textContent.includes(s.title))!;
    expect(row.textContent).toContain(`58${sign}`);
    const list = toDom(signalList(words, ui), document) as HTMLElement;
    expect(list.querySelector(`[data-signal="${id}"] .signal-pos`)!.textContent).toBe(`58${sign}`);
    const model = await buildTeacherReport(words, text, { lang: ui });
    const html = textOf(reportTree(model));
    expect(html).toContain(`${s.title}: 58${sign}`);
    const cli = formatReport(words, text).split('\n').find((l) => l.includes(s.title))!;
    expect(cli).toContain(`58${sign}`);
  });
});

describe('CLI bars', () => {
  it.each([
    [0.996, 11],
    [0.5, 6],
    [0, 0],
  ])('a share of %d draws %i of 12 marks, as the figure beside it', (p, n) => {
    expect(bar(p)).toBe('#'.repeat(n) + '.'.repeat(12 - n));
  });
});
