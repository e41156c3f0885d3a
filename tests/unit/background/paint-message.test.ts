import { describe, expect, it } from 'vitest';
import { analyseBlocks } from '@/src/background/page-analysis';
import { paintMessage } from '@/src/background/paint-message';
import { parseContentRequest, type BlockPayload } from '@/src/messaging';
import { OWN_TEXTS } from '../engine/score/own-texts';

const blocks: BlockPayload[] = OWN_TEXTS.filter((t) => t.id.startsWith('assistant')).slice(0, 2).flatMap((t, k) =>
  t.text.split(/\n\n+/).map((text, i) => ({ id: k * 100 + i, text, lang: '' })),
);

describe('paintMessage: the one builder of the paint message', () => {
  const analyses = analyseBlocks(blocks, {});

  it('replaces everything by default, with the legend in the asked language; the content script accepts it', () => {
    const plan = paintMessage(analyses, { sensitivity: 'high', showLegend: true }, 'fr');
    expect(plan.message.mode).toBe('all');
    expect(plan.message.drop).toEqual([]);
    expect(plan.message.legend?.lang).toBe('fr');
    expect(plan.message.legend?.summary).toContain(`${plan.flagged} phrases surlignées sur ${plan.sentences}`);
    expect(plan.flagged).toBe(plan.message.analyses.reduce((n, a) => n + a.sentences.length, 0));
    expect(parseContentRequest(plan.message)).toEqual(plan.message);
  });

  it('a change sends only the analyses it names, drops others, and keeps page-wide counts in the legend', () => {
    const all = paintMessage(analyses, { sensitivity: 'high', showLegend: true }, 'en');
    const some = paintMessage(analyses, { sensitivity: 'high', showLegend: false }, 'en', { only: new Set([analyses[0]!.id]), drop: [7] });
    expect(some.message.mode).toBe('some');
    expect(some.message.analyses.map((a) => a.id)).toEqual([analyses[0]!.id]);
    expect(some.message.drop).toEqual([7]);
    expect(some.message.legend).toBeNull();
    expect(some.flagged).toBe(all.flagged);
  });

  it('re-levels without re-scoring: a lower sensitivity flags no more sentences', () => {
    const high = paintMessage(analyses, { sensitivity: 'high', showLegend: true }, 'en');
    const low = paintMessage(analyses, { sensitivity: 'low', showLegend: true }, 'en');
    expect(low.flagged).toBeLessThanOrEqual(high.flagged);
    expect(low.sentences).toBe(high.sentences);
  });
});
