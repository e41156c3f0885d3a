import { describe, expect, it } from 'vitest';
import { analyse } from '@/src/engine';
import { errorWords } from '@/src/shared/errors';

const german = 'Der Ausschuss traf sich am Donnerstag, um den neuen Haushalt zu besprechen. Niemand wollte zuerst sprechen, und so blieb es lange still im Saal. '.repeat(12);

describe('errorWords: one failure, worded in each UI language', () => {
  it.each([
    ['no-access', { restricted: 'store' as const }, /store|boutique/i, /boutique|magasin|store/i],
    ['no-text', {}, /readable text/i, /texte lisible/i],
    ['engine', { message: 'boom' }, /boom/, /boom/],
  ] as const)('%s', (code, info, en, fr) => {
    const a = errorWords(code, info, 'en');
    const b = errorWords(code, info, 'fr');
    expect(a).toMatch(en);
    expect(b).toMatch(fr);
    expect(a).not.toBe(b);
  });

  it('a page in a language the engine does not score says so from the group result, in the asked language', () => {
    const { signals: _s, sentences: _t, caveats: _c, ...head } = analyse(german);
    expect(errorWords('unsupported-language', { head }, 'en')).toMatch(/German text: only English and French/);
    expect(errorWords('unsupported-language', { head }, 'fr')).toMatch(/Texte en allemand/);
  });
});
