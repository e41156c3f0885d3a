import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabScorer, countedSignals } from '@/src/lab/scorer';
import { parseDataset } from '@/src/lab/dataset';
import { analyse } from '@/src/engine';
import { handle } from '@/src/pages/engine-worker';
import type { EngineResponseBody } from '@/src/pages/engine-protocol';

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
  const scorer = new LabScorer();
  const items = sample.items.slice(0, 6);
  for (const it of items) scorer.add(it.id, it.text);

  it('scores like analyse with every signal on', () => {
    const scores = scorer.rescore([]);
    for (const it of items) expect(scores.get(it.id)).toBe(analyse(it.text).score);
  });

  it.each(countedSignals().map((id) => [id]))('with %s switched off, scores like analyse(text, { disabled })', (id) => {
    const scores = scorer.rescore([id]);
    for (const it of items) {
      const expected = analyse(it.text, { disabled: [id] }).score;
      if (expected === null) expect(scores.get(it.id)).toBeNull();
      else expect(scores.get(it.id)).toBeCloseTo(expected, 3);
    }
  });

  it('with every counted signal off, nothing can be scored', () => {
    const scores = scorer.rescore(countedSignals());
    for (const it of items) expect(scores.get(it.id)).toBeNull();
  });
});

describe('engine worker protocol, lab requests (src/pages/engine-worker.ts, run in Node)', () => {
  it('lab-load -> progress and lab-loaded; lab-rescore -> lab-scores; lab-report -> a language-neutral report', () => {
    const out: EngineResponseBody[] = [];
    handle({ id: 1, type: 'lab-load', items: sample.items.slice(0, 3).map((i) => ({ id: i.id, text: i.text })) }, (m) => out.push(m));
    expect(out.map((m) => m.type)).toEqual(['progress', 'lab-loaded']);
    handle({ id: 2, type: 'lab-rescore', disabled: [] }, (m) => out.push(m));
    expect(out[2]).toMatchObject({ type: 'lab-scores' });
    handle({ id: 3, type: 'lab-report', itemId: sample.items[0]!.id, disabled: [] }, (m) => out.push(m));
    const r = out[3] as Extract<EngineResponseBody, { type: 'report' }>;
    expect(r.report!.signals.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.report)).not.toMatch(/headline|evidence/);
  });

  it('analyse, word-ranks and info answer; a failure is an error message, never a throw', () => {
    const out: EngineResponseBody[] = [];
    const text = sample.items[0]!.text;
    handle({ id: 1, type: 'analyse', text, options: {}, compact: true }, (m) => out.push(m));
    handle({ id: 2, type: 'word-ranks', text, lang: 'en' }, (m) => out.push(m));
    handle({ id: 3, type: 'info' }, (m) => out.push(m));
    handle({ id: 4, type: 'analyse', text: 'a'.repeat(5_000_001), options: {} }, (m) => out.push(m));
    const [rep, ranks, info, err] = out;
    expect(rep).toMatchObject({ type: 'report' });
    expect((rep as Extract<EngineResponseBody, { type: 'report' }>).report!.sentences).toEqual([]);
    const wr = ranks as Extract<EngineResponseBody, { type: 'word-ranks' }>;
    expect(wr.words.length).toBe(wr.ranks.length);
    expect(wr.words.length).toBeGreaterThan(150);
    expect(info?.type).toBe('info');
    expect(typeof (info as { threshold?: unknown }).threshold).toBe('number');
    expect(err).toMatchObject({ type: 'error' });
    expect((err as { message?: string }).message).toMatch(/too long/);
  });
});
