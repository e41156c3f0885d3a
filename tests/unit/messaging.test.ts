import { describe, expect, it } from 'vitest';
import { MAX_PAGE_BLOCKS, MAX_PAGE_CHARS, parseBackgroundRequest, parseContentRequest, parseExtractResult, parsePaintResult } from '@/src/messaging';
import { sanitise, originOf, originPattern } from '@/src/settings';

describe('parseBackgroundRequest: the automation contract is validated by type and shape', () => {
  it.each([
    [{ type: 'mirage:set-highlights', tabId: 3, enabled: true }, { type: 'mirage:set-highlights', tabId: 3, enabled: true, scope: 'page' }],
    [{ type: 'mirage:set-highlights', tabId: 0, enabled: false, scope: 'selection' }, { type: 'mirage:set-highlights', tabId: 0, enabled: false, scope: 'selection' }],
    [{ type: 'mirage:get-state', tabId: 9 }, { type: 'mirage:get-state', tabId: 9 }],
    [{ type: 'mirage:focus', tabId: 9, analysis: 0, sentence: 4 }, { type: 'mirage:focus', tabId: 9, analysis: 0, sentence: 4 }],
    [{ type: 'mirage:content-changed', removed: [1], added: [{ id: 7, text: 'New.', lang: 'en', x: 1 }], full: false },
      { type: 'mirage:content-changed', removed: [1], added: [{ id: 7, text: 'New.', lang: 'en' }], full: false }],
  ])('accepts %j', (msg, parsed) => expect(parseBackgroundRequest(msg)).toEqual(parsed));

  it.each([
    [{ type: 'mirage:set-highlights', tabId: '3', enabled: true }],
    [{ type: 'mirage:set-highlights', tabId: 3.5, enabled: true }],
    [{ type: 'mirage:set-highlights', tabId: -1, enabled: true }],
    [{ type: 'mirage:set-highlights', tabId: 3, enabled: 'yes' }],
    [{ type: 'mirage:set-highlights', tabId: 3 }],
    [{ type: 'mirage:set-highlights', tabId: 3, enabled: true, scope: 'all' }],
    [{ type: 'mirage:nope', tabId: 3 }],
    [{ type: 'mirage:content-changed' }],
    [{ type: 'mirage:content-changed', removed: ['1'], added: [], full: false }],
    [{ type: 'mirage:content-changed', removed: [], added: [{ id: 1, text: '<img src=x onerror=alert(1)>' }], full: false }],
    [{ type: 'mirage:content-changed', removed: [], added: [], full: 'yes' }],
    [{ tabId: 3, enabled: true }],
    [null], ['mirage:set-highlights'], [[1, 2]],
  ])('refuses %j', (msg) => expect(parseBackgroundRequest(msg)).toHaveProperty('invalid'));
});

describe('parseContentRequest', () => {
  it('accepts a well-formed paint', () => {
    const m = { type: 'mirage:paint', analyses: [{ id: 0, blocks: [0, 1], sentences: [{ i: 2, b: 1, start: 0, end: 5, level: 3 }] }], legend: null, mode: 'all', drop: [] };
    expect(parseContentRequest(m)).toEqual(m);
  });
  it.each([
    [{ type: 'mirage:paint', analyses: [{ id: 0, blocks: [0], sentences: [{ i: 0, b: 0, start: 5, end: 1, level: 1 }] }], legend: null, mode: 'all', drop: [] }],
    [{ type: 'mirage:paint', analyses: [{ id: 0, blocks: [0], sentences: [{ i: 0, b: 0, start: 0, end: 1, level: 4 }] }], legend: null, mode: 'all', drop: [] }],
    [{ type: 'mirage:paint', analyses: [{ id: 0, blocks: [0], sentences: [{ i: 0, start: 0, end: 1, level: 1 }] }], legend: null, mode: 'all', drop: [] }],
    [{ type: 'mirage:paint', analyses: 'x', legend: null, mode: 'all', drop: [] }],
    [{ type: 'mirage:paint', analyses: [], legend: { title: 1 }, mode: 'all', drop: [] }],
    [{ type: 'mirage:paint', analyses: [], legend: null, mode: 'everything', drop: [] }],
    [{ type: 'mirage:paint', analyses: [], legend: null, mode: 'some', drop: [-1] }],
    [{ type: 'mirage:debugx' }],
    [{ type: 'mirage:extract', scope: 'everything' }],
    [{ type: 'mirage:extract', scope: 'page', main: 'yes' }],
    [{ type: 'mirage:scroll-to', analysis: 0 }],
  ])('refuses %j', (m) => expect(parseContentRequest(m)).toBeUndefined());
});

describe('mirage:extract', () => {
  it('says whether the page layer waits for Readability, and drops a false or missing flag', () => {
    expect(parseContentRequest({ type: 'mirage:extract', scope: 'page', main: true })).toEqual({ type: 'mirage:extract', scope: 'page', main: true });
    expect(parseContentRequest({ type: 'mirage:extract', scope: 'page', main: false })).toEqual({ type: 'mirage:extract', scope: 'page' });
    expect(parseContentRequest({ type: 'mirage:extract', scope: 'selection' })).toEqual({ type: 'mirage:extract', scope: 'selection' });
  });
});

describe('parseExtractResult', () => {
  it('keeps only id, text and lang of each block', () => {
    expect(parseExtractResult({ ok: true, ms: 1, blocks: [{ id: 0, text: 'a', lang: '', extra: 1 }] })).toEqual({ ok: true, ms: 1, blocks: [{ id: 0, text: 'a', lang: '' }] });
    expect(parseExtractResult({ ok: true, ms: 1, blocks: [{ id: 0, text: 2, lang: '' }] })).toBeUndefined();
    expect(parseExtractResult({ ok: true, ms: 1, blocks: [{ text: 'a', lang: '' }] })).toBeUndefined();
    expect(parseExtractResult({ ok: false, code: 'no-text' })).toEqual({ ok: false, code: 'no-text' });
    expect(parseExtractResult({ ok: false, code: 'engine', error: 'boom' })).toEqual({ ok: false, code: 'engine', error: 'boom' });
    expect(parseExtractResult({ ok: false, code: 'whatever' })).toBeUndefined();
  });

  it('keeps the ids of the blocks near the screen when they are a list of indices, and drops them otherwise', () => {
    const base = { ok: true, ms: 1, blocks: [{ id: 4, text: 'a', lang: '' }] };
    expect(parseExtractResult({ ...base, near: [4] })).toEqual({ ...base, near: [4] });
    for (const near of [[-1], ['4'], [1.5], 'all', { 0: 4 }, Array.from({ length: MAX_PAGE_BLOCKS + 1 }, () => 0)]) {
      expect(parseExtractResult({ ...base, near })).toEqual(base);
    }
  });
});

describe('parsePaintResult', () => {
  it('keeps when the highlights near the screen were in place, when it is a number', () => {
    expect(parsePaintResult({ ok: true, painted: 3, ms: 2, at: 1700000000000 })).toEqual({ ok: true, painted: 3, ms: 2, at: 1700000000000 });
    expect(parsePaintResult({ ok: true, painted: 3, ms: 2, at: 'now' })).toEqual({ ok: true, painted: 3, ms: 2 });
    expect(parsePaintResult({ ok: true, painted: '3', ms: 2 })).toBeUndefined();
    expect(parsePaintResult({ ok: false, error: 'x' })).toEqual({ ok: false, error: 'x' });
  });
});

describe('settings', () => {
  it.each([
    [undefined, { sensitivity: 'medium', showLegend: true, alwaysOrigins: [] }],
    [{ sensitivity: 'high', showLegend: false, alwaysOrigins: ['https://a.org', 'https://a.org', 'ftp://x', 'https://b.org/path', 3] },
      { sensitivity: 'high', showLegend: false, alwaysOrigins: ['https://a.org'] }],
    [{ sensitivity: 'extreme', pageText: 'never kept' }, { sensitivity: 'medium', showLegend: true, alwaysOrigins: [] }],
  ])('sanitise(%j)', (raw, expected) => expect(sanitise(raw)).toEqual(expected));
  it('originOf', () => {
    expect(originOf('https://ex.org/a?b')).toBe('https://ex.org');
    expect(originOf('chrome://extensions')).toBeUndefined();
    expect(originOf('file:///tmp/x.html')).toBeUndefined();
  });
  // Chrome's match patterns name a port; Firefox's cannot (one with a port is granted and matches nothing)
  it.each([
    ['https://ex.org', true, 'https://ex.org/*'],
    ['https://ex.org', false, 'https://ex.org/*'],
    ['http://127.0.0.1:8080', true, 'http://127.0.0.1:8080/*'],
    ['http://127.0.0.1:8080', false, 'http://127.0.0.1/*'],
    ['https://moodle.school.fr:8443', false, 'https://moodle.school.fr/*'],
    ['http://[::1]:3000', false, 'http://[::1]/*'],
  ])('originPattern(%s, ports in patterns: %s) = %s', (origin, ports, expected) => expect(originPattern(origin, ports)).toBe(expected));
});

describe('size caps of page-layer messages', () => {
  it('an extract answer or change report within MAX_PAGE_CHARS and MAX_PAGE_BLOCKS passes; one over either is refused whole', () => {
    const blocks = (n: number, chars: number) => Array.from({ length: n }, (_, i) => ({ id: i, text: 'a'.repeat(chars), lang: '' }));
    expect(parseExtractResult({ ok: true, ms: 1, blocks: blocks(2, MAX_PAGE_CHARS / 2) })).toMatchObject({ ok: true });
    expect(parseExtractResult({ ok: true, ms: 1, blocks: blocks(2, MAX_PAGE_CHARS / 2 + 1) })).toBeUndefined();
    expect(parseExtractResult({ ok: true, ms: 1, blocks: blocks(MAX_PAGE_BLOCKS, 1) })).toMatchObject({ ok: true });
    expect(parseExtractResult({ ok: true, ms: 1, blocks: blocks(MAX_PAGE_BLOCKS + 1, 1) })).toBeUndefined();
    expect(parseBackgroundRequest({ type: 'mirage:content-changed', removed: [], added: blocks(1, MAX_PAGE_CHARS + 1), full: false })).toHaveProperty('invalid');
    expect(parseBackgroundRequest({ type: 'mirage:content-changed', removed: Array.from({ length: MAX_PAGE_BLOCKS + 1 }, (_, i) => i), added: [], full: true })).toHaveProperty('invalid');
  });

  it('page-gone names its page layer with a short plain id', () => {
    expect(parseBackgroundRequest({ type: 'mirage:page-gone', instance: 'k3j9x0' })).toEqual({ type: 'mirage:page-gone', instance: 'k3j9x0' });
    for (const instance of ['', 'a b', 'x'.repeat(41), 7, undefined]) {
      expect(parseBackgroundRequest({ type: 'mirage:page-gone', instance })).toHaveProperty('invalid');
    }
  });
});
