import { describe, expect, it } from 'vitest';
import { normalise } from '@/src/engine/text/normalise';

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
  ])('%s', (_name, input, expected) => {
    const out = normalise(input);
    expect(out).toBe(expected);
    expect(out.length).toBe(input.length);
  });
});
