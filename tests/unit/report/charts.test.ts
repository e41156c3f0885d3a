// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { barChart, binCounts, distributionChart, percentileChart, rateBars, rocChart } from '@/src/report/charts';
import { serialize, textOf, toDom } from '@/src/report/markup';

describe('binCounts', () => {
  it.each([
    [[0, 0.05, 0.1, 0.55, 0.999, 1], 10, [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]],
    [[], 4, [0, 0, 0, 0]],
    [[-1, 2], 2, [1, 1]],
  ])('%j in %i bins', (values, bins, counts) => {
    expect(binCounts(values, bins)).toEqual(counts);
  });
});

describe('charts', () => {
  const charts = {
    bar: barChart({ title: 'Buckets', desc: 'd', bars: [{ label: 'top 10', value: 0.5 }, { label: 'rest', value: 0.25 }], format: (v) => `${v * 100}%` }),
    percentile: percentileChart({ title: 'Where', desc: 'd', rows: [{ label: 'A signal with a long name', marks: [{ value: 0.9, shape: 'circle', name: 'x' }] }, { label: 'Abstained', marks: [{ value: undefined, shape: 'circle', name: 'x' }] }], agreeAt: 0.9, axisLabel: 'axis', bandLabel: 'band' }),
    dist: distributionChart({ title: 'Dist', desc: 'd', series: [{ label: 'human', values: [0.1, 0.2], className: 'human', fill: '#00f' }, { label: 'machine', values: [0.9], className: 'machine', fill: '#f00' }], threshold: 0.5, thresholdLabel: 'threshold', axisLabel: 'score' }),
    roc: rocChart({ title: 'ROC', desc: 'd', points: [{ fpr: 0, tpr: 0 }, { fpr: 0, tpr: 1 }, { fpr: 1, tpr: 1 }], current: { fpr: 0, tpr: 1 }, xLabel: 'x', yLabel: 'y', aucText: 'AUROC 1.00' }),
    rates: rateBars({ title: 'Rates', desc: 'd', rows: [{ label: 'non-native', value: 0.5, text: '50% (1 of 2)' }, { label: 'empty', value: NaN, text: '– (0 of 0)' }] }),
  };

  it.each(Object.entries(charts))('%s: an accessible image with a title, and its figures in text', (_name, chart) => {
    const svg = toDom(chart, document) as SVGElement;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')!.textContent.length).toBeGreaterThan(1);
    expect(svg.querySelector('desc')).not.toBeNull();
    expect(serialize(chart)).toMatch(/^<svg /);
  });

  it('writes numbers as text, not colour alone', () => {
    expect(textOf(charts.bar)).toContain('50%');
    expect(textOf(charts.percentile)).toContain('90%');
    expect(textOf(charts.percentile)).toContain('–'); // no position: a dash, as in the tables (an English 'n/a' was left in French pages)
    expect(textOf(charts.percentile)).not.toContain('n/a');
    expect(textOf(charts.dist)).toContain('n = 2');
    expect(textOf(charts.dist)).toContain('threshold 50%');
    expect(textOf(charts.roc)).toContain('AUROC 1.00');
    expect(textOf(charts.rates)).toContain('50% (1 of 2)');
    expect(textOf(charts.rates)).toContain('– (0 of 0)');
  });

  it('the ROC polyline goes through the points', () => {
    expect(serialize(charts.roc)).toContain('points="54,210 54,10 254,10"');
  });

  it('the label column fits long labels', () => {
    const svg = toDom(charts.percentile, document) as SVGElement;
    const label = svg.querySelector('g.row text')!;
    expect(Number(label.getAttribute('x'))).toBeGreaterThan('A signal with a long name'.length * 6);
  });

  it('axes end at 100%, marks say what the engine says (rounded down, never 100%)', () => {
    const share = (v: number) => `${Math.min(99, Math.floor(v * 100))}%`;
    const chart = percentileChart({ title: 't', desc: 'd', rows: [{ label: 'x', marks: [{ value: 0.999, shape: 'circle', name: 'x' }] }], agreeAt: 0.9, axisLabel: 'a', bandLabel: 'b', fmt: share });
    const text = textOf(chart);
    expect(text).toContain('100%');
    expect(text).toContain('99%');
    expect(textOf(rocChart({ title: 'r', desc: 'd', points: [], xLabel: 'x', yLabel: 'y', aucText: '' }))).toContain('100%');
  });

  it.each([0.1, 0.5, 0.96, 1])('the threshold label stays inside the histogram at %d', (threshold) => {
    const svg = toDom(distributionChart({ title: 'D', desc: 'd', series: [], threshold, thresholdLabel: 'threshold', axisLabel: 's' }), document) as SVGElement;
    const label = svg.querySelector('text.threshold-label')!;
    const width = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    const x = Number(label.getAttribute('x'));
    const chars = label.textContent.length * 6.4;
    const [from, to] = label.getAttribute('text-anchor') === 'end' ? [x - chars, x] : [x, x + chars];
    expect(from).toBeGreaterThanOrEqual(0);
    expect(to).toBeLessThanOrEqual(width);
  });

  it('a bar label wider than its slot goes over two lines', () => {
    const svg = toDom(barChart({ title: 'B', desc: 'd', bars: ['top 10', 'top 100', 'top 1 000', 'plus rare ou inconnu'].map((label) => ({ label, value: 0.25 })) }), document) as SVGElement;
    const labels = [...svg.querySelectorAll('text.bar-label')];
    expect(labels[3]!.querySelectorAll('tspan')).toHaveLength(2);
    expect(labels[0]!.querySelectorAll('tspan')).toHaveLength(0);
  });
});

describe('percentileChart: long row labels', () => {
  it('wraps a label too long for two lines onto three, none wider than the label column allows', () => {
    const label = 'Prévisibilité des mots (au-delà du niveau de vocabulaire) (affiché, non compté)';
    const el = toDom(percentileChart({ title: 't', desc: 'd', rows: [{ label, marks: [{ value: 0.5, shape: 'circle', name: 'x' }] }], agreeAt: 0.9, axisLabel: 'a', bandLabel: 'b' }), document) as SVGElement;
    const spans = [...el.querySelectorAll('g.row > text:first-child tspan')].map((t) => t.textContent ?? '');
    expect(spans.length).toBe(3);
    expect(spans.join(' ')).toBe(label);
    for (const s of spans) expect(s.length).toBeLessThanOrEqual(33);
  });
});
