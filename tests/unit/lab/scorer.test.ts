import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabScorer, countedSignals } from '@/src/lab/scorer';
import { parseDataset } from '@/src/lab/dataset';
import { analyse } from '@/src/engine/score/analyse';
import { handle, type LabResponse } from '@/src/lab/lab-handler';

const sample = parseDataset(readFileSync(resolve(__dirname, '../../../assets/lab/sample-set.jsonl'), 'utf8'), 'sample.jsonl');

describe('the lab sample set', () => {
  it('loads cleanly: 12 self-written texts, both labels, groups, sources naming what they imitate', () => {
    expect(sample.problems).toEqual([]);
    expect(sample.items).toHaveLength(12);
    expect(new Set(sample.items.map((i) => i.label))).toEqual(new Set(['human', 'machine']));
    for (const it of sample.items) {
      expect(it.group).toBeTruthy();
      expect(it.source).toMatch(/written for Mirage Lens/);
      expect(it.text.split(/\s+/).length).toBeGreaterThan(150);
    }
  });
});

describe('LabScorer', () => {
  const scorer = new LabScorer('en');
  const items = sample.items.slice(0, 6);
  for (const it of items) scorer.add(it.id, it.text);

  it('scores like analyse with every signal on', () => {
    const scores = scorer.rescore([]);
    for (const it of items) expect(scores.get(it.id)).toBe(analyse(it.text, { ui: 'en' }).score);
  });

  it.each(countedSignals().map((id) => [id]))('with %s switched off, scores like analyse(text, { disabled })', (id) => {
    const scores = scorer.rescore([id]);
    for (const it of items) {
      const expected = analyse(it.text, { ui: 'en', disabled: [id] }).score;
      if (expected === null) expect(scores.get(it.id)).toBeNull();
      else expect(scores.get(it.id)).toBeCloseTo(expected, 3);
    }
  });

  it('with every counted signal off, nothing can be scored', () => {
    const scores = scorer.rescore(countedSignals());
    for (const it of items) expect(scores.get(it.id)).toBeNull();
  });
});

describe('lab worker protocol (main-thread path)', () => {
  it('load -> progress and loaded; rescore -> scores; report -> report', () => {
    const out: LabResponse[] = [];
    handle({ id: 1, type: 'load', ui: 'fr', items: sample.items.slice(0, 3).map((i) => ({ id: i.id, text: i.text })) }, (m) => out.push(m));
    expect(out.map((m) => m.type)).toEqual(['progress', 'loaded']);
    handle({ id: 2, type: 'rescore', disabled: [] }, (m) => out.push(m));
    expect(out[2]).toMatchObject({ id: 2, type: 'scores' });
    handle({ id: 3, type: 'report', itemId: sample.items[0].id, disabled: [] }, (m) => out.push(m));
    const r = out[3] as Extract<LabResponse, { type: 'report' }>;
    expect(r.report!.ui).toBe('fr');
  });
});
