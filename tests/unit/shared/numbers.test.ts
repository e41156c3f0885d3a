// One rounding rule per kind of number (issue 10, items 1-2): rates to the nearest with their counts, settings and
// axis ticks exactly, shares of human reference texts as the engine words them (rounded down, never 100%).
import { describe, expect, it } from 'vitest';
import { exactPercent, ratePercent, rateWithCount } from '@/src/shared/numbers';
import { sharePercent } from '@/src/engine';

const NB = '\u00A0';

describe('rates: nearest whole percent, never 0% beside a count or 100% short of all', () => {
  it.each([
    [3, 432, '0.7%', `0,7${NB}%`],
    [0, 432, '0%', `0${NB}%`],
    [432, 432, '100%', `100${NB}%`],
    [2, 2, '100%', `100${NB}%`],
    [1, 2, '50%', `50${NB}%`],
    [429, 432, '99.3%', `99,3${NB}%`],
    [14, 432, '3.2%', `3,2${NB}%`],
    [5, 100, '5%', `5${NB}%`],
    [45, 100, '45%', `45${NB}%`],
    [431, 432, '99.8%', `99,8${NB}%`],
    [1, 3, '33%', `33${NB}%`],
    [2, 3, '67%', `67${NB}%`],
    [1, 5000, '<0.1%', `<${NB}0,1${NB}%`],
    [4999, 5000, '>99.9%', `>${NB}99,9${NB}%`],
    [0, 0, '–', '–'],
  ])('%i of %i -> %s / %s', (count, total, en, fr) => {
    expect(ratePercent(count, total, 'en')).toBe(en);
    expect(ratePercent(count, total, 'fr')).toBe(fr);
  });

  it('comes with its counts', () => {
    expect(rateWithCount(3, 432, 'en')).toBe('0.7% (3 of 432)');
    expect(rateWithCount(3, 432, 'fr')).toBe(`0,7${NB}% (3 sur 432)`);
    expect(rateWithCount(0, 0, 'en')).toBe('– (0 of 0)');
  });
});

describe('settings and axis ticks: the exact value', () => {
  it.each([
    [0, '0%'],
    [0.5, '50%'],
    [0.96, '96%'],
    [0.99, '99%'],
    [1, '100%'],
    // the lab's default threshold is the engine's (0.995): "at least 100%" would read as "never", since no score
    // reaches 100%
    [0.995, '99.5%'],
    [0.99165, '99.2%'],
    [0.9996, '99.9%'],
    [0.25, '25%'],
  ])('%d -> %s', (v, en) => {
    expect(exactPercent(v, 'en')).toBe(en);
    expect(exactPercent(v, 'fr')).toBe(en.replace('.', ',').replace('%', `${NB}%`));
  });
});

describe('shares of human reference texts: the engine rule', () => {
  it.each([
    [0.589, '58%'],
    [0.5899, '58%'],
    [0.59, '59%'],
    [0.996, '99%'],
    [1, '99%'],
  ])('%d -> %s', (p, s) => expect(sharePercent(p, 'en')).toBe(s));
});
