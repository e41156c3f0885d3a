// Detection quality on the dev set beside the repository (../shared/data/dev.jsonl). Skips cleanly where it is
// absent (a user's clone); runs in CI. The figures are the acceptance bars of the engine, not tuned constants.
import { describe, expect, it } from 'vitest';
import { analyse } from '@/src/engine/score/analyse';
import { auroc, type Scored } from '@/src/engine/score/metrics';
import { devSetAvailable, loadLabelled } from '@/src/eval/devset';
import { crossValidate, figures, measureAll } from '@/src/eval/fit';
import { SIGNALS } from '@/src/engine/signals/index';
import { REFERENCE, MIN_WORDS } from '@/src/engine/score/analyse';

const available = devSetAvailable();

describe.skipIf(!available)('dev set figures', () => {
  const items = available ? loadLabelled() : [];
  const reports = items.map((it) => ({ it, r: analyse(it.text, { lang: it.lang }) }));
  const scored = (lang: string): Scored[] =>
    reports.filter(({ it, r }) => it.lang === lang && r.score !== null).map(({ it, r }) => ({ score: r.score!, positive: it.label === 'machine' }));

  it('combined score: AUROC >= 0.85 in English and >= 0.80 in French', () => {
    expect(auroc(scored('en'))).toBeGreaterThanOrEqual(0.85);
    expect(auroc(scored('fr'))).toBeGreaterThanOrEqual(0.8);
  });

  it('the default flag marks at most 5% of the human texts', () => {
    const humans = reports.filter(({ it, r }) => it.label === 'human' && r.score !== null);
    const fpr = humans.filter(({ r }) => r.flag).length / humans.length;
    expect(fpr).toBeLessThanOrEqual(0.05);
  });

  it('held-out domains keep AUROC >= 0.85 (en) and the flag under 6% false positives', () => {
    const rows = measureAll(items, SIGNALS, MIN_WORDS);
    const ids = SIGNALS.map((s) => s.id).filter((id) => (REFERENCE.weights[id] ?? 0) > 0);
    const held = crossValidate(rows, ids, REFERENCE.method ?? 'equal', REFERENCE.threshold).flatMap((f) => f.scored);
    const en = figures(held.filter((h) => h.row.item.lang === 'en'));
    expect(en.auroc).toBeGreaterThanOrEqual(0.85);
    expect(figures(held).flagFpr).toBeLessThanOrEqual(0.06);
  }, 120_000);
});
