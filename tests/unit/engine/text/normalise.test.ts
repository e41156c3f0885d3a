import { describe, expect, it } from 'vitest';
import { normalise, visibleText } from '@/src/engine/text/normalise';

describe('normalise', () => {
  it.each([
    ['curly quotes', '“Hello,” she said, ‘it’s fine’.', '"Hello," she said, \'it\'s fine\'.'],
    ['guillemets and narrow spaces', '«\u202FBonjour\u202F»', '" Bonjour "'],
    ['dashes', 'a—b – c − d', 'a-b - c - d'],
    ['ellipsis is one character', 'Wait…', 'Wait.'],
    ['no-break space', 'a\u00A0b', 'a b'],
    ['lone newline inside a paragraph', 'one\ntwo', 'one two'],
    ['blank line kept', 'one\n\ntwo', 'one\n\ntwo'],
    ['CRLF blank line', 'one\r\n\r\ntwo', 'one \n \ntwo'],
    ['CRLF lone line break', 'one\r\ntwo', 'one  two'],
    ['old Mac line ends', 'one\r\rtwo', 'one\n\ntwo'],
    ['blank line with spaces', 'one \n  \ntwo', 'one \n  \ntwo'],
    ['plain text unchanged', 'Plain text, nothing to fold.', 'Plain text, nothing to fold.'],
    ['Windows-1252 quotes and dashes read as Latin-1', 'don\u0092t \u0093go\u0094 \u0096 c\u009Cur', 'don\'t "go" - c\u0153ur'],
  ])('%s', (_name, input, expected) => {
    const out = normalise(input);
    expect(out).toBe(expected);
    expect(out.length).toBe(input.length);
  });
});

describe('visibleText', () => {
  it('takes out soft hyphens, zero-width and directional marks, byte-order marks and control characters', () => {
    const given = '\uFEFFin\u00ADter\u00ADnational\u200B \u200Eword\u2060s\u0001 and\u0007 more\u202E\u2066.';
    const v = visibleText(given);
    expect(v.text).toBe('international words and more.');
    // each kept character maps back to itself in the string given, and the end maps to its end
    for (let i = 0; i < v.text.length; i++) expect(given[v.origin![i]!]).toBe(v.text[i]);
    expect(v.origin![v.text.length]).toBe(given.length);
  });

  it('keeps line breaks, tabs and the C1 characters normalise folds (quotes, dashes, NEL); nothing out, no map', () => {
    const given = 'one\ttwo\r\nthree\u000Bfour\u000Cfive\u0085six don\u0092t \u0097 c\u009Cur';
    const v = visibleText(given);
    expect(v.text).toBe(given);
    expect(v.origin).toBeUndefined();
  });
});
