// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_CHARS } from '@/src/engine';
import { withinEngineLimit } from '@/src/pages/analysis/input';
import { noticeItem } from '@/src/pages/analysis/file-status';

describe('withinEngineLimit', () => {
  const at = (n: number, name = `t${n}`) => ({ name, text: 'a'.repeat(n) });

  it.each([
    ['empty list', [], [], []],
    ['a text at the limit is kept', [MAX_CHARS], [MAX_CHARS], []],
    ['one character past it is refused', [MAX_CHARS + 1], [], [MAX_CHARS + 1]],
    ['the others keep their order', [10, MAX_CHARS + 1, 20], [10, 20], [MAX_CHARS + 1]],
  ])('%s', (_, lengths: number[], kept: number[], refused: number[]) => {
    const r = withinEngineLimit(lengths.map((n) => at(n)));
    expect(r.texts.map((x) => x.text.length)).toEqual(kept);
    expect(r.problems).toEqual(refused.map((n) => ({ file: { name: `t${n}`, error: 'too-long', detail: '5' } })));
  });

  it('keeps a text\'s source', () => {
    expect(withinEngineLimit([{ name: 'a', text: 'x', source: 'class.zip › a.txt' }]).texts).toEqual([{ name: 'a', text: 'x', source: 'class.zip › a.txt' }]);
  });

  it('the refusal is one line, in each language', () => {
    const [p] = withinEngineLimit([at(MAX_CHARS + 1, 'year.txt')]).problems;
    expect(noticeItem(p!, 'en').textContent).toBe('year.txt: the text is too long to analyse here (over 5 million characters); split it into parts.');
    expect(noticeItem(p!, 'fr').textContent).toBe('year.txt : le texte est trop long pour être analysé ici (plus de 5 millions de caractères) ; découpez-le en parties.');
  });
});
