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
    rates: rateBars({ title: 'Rates', desc: 'd', rows: [{ label: 'non-native', value: 0.5, detail: '(1/2)' }, { label: 'empty', value: NaN, detail: '(0/0)' }] }),
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
    expect(textOf(charts.percentile)).toContain('n/a');
    expect(textOf(charts.dist)).toContain('n = 2');
    expect(textOf(charts.dist)).toContain('threshold 50%');
    expect(textOf(charts.roc)).toContain('AUROC 1.00');
    expect(textOf(charts.rates)).toContain('50% (1/2)');
    expect(textOf(charts.rates)).toContain('– (0/0)');
  });

  it('the ROC polyline goes through the points', () => {
    expect(serialize(charts.roc)).toContain('points="40,210 40,10 240,10"');
  });

  it('the label column fits long labels', () => {
    const svg = toDom(charts.percentile, document) as SVGElement;
    const label = svg.querySelector('g.row text')!;
    expect(Number(label.getAttribute('x'))).toBeGreaterThan('A signal with a long name'.length * 6);
  });
});
