import { describe, expect, it } from 'vitest';
import { layoutPages, pageRows, type PageRuns, type Run } from '@/src/pages/files/pdf-layout';

/** A run of text at (x, y), about half a font size per character wide. */
const run = (str: string, x: number, y: number, size = 10, extra: Partial<Run> = {}): Run => ({ str, x, y, size, width: str.length * size * 0.5, ...extra });
const page = (runs: Run[], height = 842): PageRuns => ({ runs, height });

/** Lines of a column starting at (x, y), `spacing` apart; '' leaves an empty line (a paragraph gap). */
function column(lines: string[], x: number, y: number, spacing = 12, size = 10): Run[] {
  const out: Run[] = [];
  lines.forEach((l, i) => {
    if (l) out.push(run(l, x, y - i * spacing, size));
  });
  return out;
}

const shuffle = <T>(xs: T[]): T[] => xs.map((x, i) => [x, (i * 7919) % 13] as const).sort((a, b) => a[1] - b[1]).map(([x]) => x);

describe('pdf-layout: one column', () => {
  const body = column(['The first paragraph starts', 'and goes on here.', '', 'A second paragraph after', 'a blank line.'], 72, 700);

  it('paragraphs by line gaps, lines joined by spaces', () => {
    expect(layoutPages([page(body)])).toBe('The first paragraph starts and goes on here.\n\nA second paragraph after a blank line.');
  });

  it('the order runs were drawn in does not matter', () => {
    expect(layoutPages([page(shuffle(body))])).toBe(layoutPages([page(body)]));
  });

  it.each([
    ['a word hyphenated at a line end is joined back', ['An exam-', 'ple of it.'], 'An example of it.'],
    ['a soft hyphen too', ['An exam\u00ad', 'ple of it.'], 'An example of it.'],
    ['a hyphen before a capital is kept, without a space', ['Jean-', 'Pierre came.'], 'Jean-Pierre came.'],
    ['a dash ending a line is not a hyphenation', ['It was - ', 'late.'], 'It was - late.'],
  ])('%s', (_, lines, text) => {
    expect(layoutPages([page(column(lines, 72, 700))])).toBe(text);
  });

  it('runs of one line join with a space only where there is a gap', () => {
    const runs = [run('Hello', 72, 700), run('world', 72 + 25 + 3, 700), run('!', 72 + 25 + 3 + 25, 700)];
    expect(layoutPages([page(runs)])).toBe('Hello world!');
  });

  it('a superscript joins its line', () => {
    const rows = pageRows([run('Claim', 72, 700), run('1', 98, 703.5, 6), run('next line', 72, 688)]);
    expect(rows.map((r) => r.runs.map((x) => x.str).join('|'))).toEqual(['Claim|1', 'next line']);
  });

  it('a first-line indent starts a paragraph even without a gap', () => {
    const runs = [...column(['First paragraph line one', 'ends here.'], 72, 700), ...column(['Second paragraph.', 'More of it.'], 72, 676)];
    runs[2]!.x = 90; // indented first line
    expect(layoutPages([page(runs)])).toBe('First paragraph line one ends here.\n\nSecond paragraph. More of it.');
  });

  it('a heading (another font size) is its own paragraph', () => {
    const runs = [run('Introduction', 72, 712, 14), ...column(['Body text under', 'the heading.'], 72, 696)];
    expect(layoutPages([page(runs)])).toBe('Introduction\n\nBody text under the heading.');
  });

  it('a short line ending a sentence ends its paragraph', () => {
    const lines = ['A long line of body text that fills the column.', 'Short end.', 'Next paragraph with a long line of body text.', 'last line.'];
    expect(layoutPages([page(column(lines, 72, 700))])).toBe('A long line of body text that fills the column. Short end.\n\nNext paragraph with a long line of body text. last line.');
  });

  it('rotated runs (a watermark) and overprinted text are dropped', () => {
    const runs = [...column(['Real text here.'], 72, 700), run('DRAFT', 200, 400, 60, { rotated: true }), run('Real text here.', 72.3, 700.2)];
    expect(layoutPages([page(runs)])).toBe('Real text here.');
  });

  it('a right-aligned address block does not make a letter two-column', () => {
    const runs = [
      ...column(['12 Hill Road', 'Leeds', 'June 3'], 400, 780),
      ...column(['Dear Sam,', '', 'Thank you for the letter you sent me last week about the garden project.', 'We will talk about it soon.'], 72, 720),
    ];
    expect(layoutPages([page(runs)])).toBe('12 Hill Road Leeds June 3\n\nDear Sam,\n\nThank you for the letter you sent me last week about the garden project. We will talk about it soon.');
  });
});

describe('pdf-layout: two columns', () => {
  const title = run('A title across both columns', 56, 760, 18);
  const left = column(['Left column first', 'paragraph here.', '', 'Left column second', 'paragraph now.'], 56, 700);
  const right = column(['Right column first', 'paragraph there.', '', 'Right column second', 'paragraph too.'], 310, 700);
  const expected = [
    'A title across both columns',
    'Left column first paragraph here.',
    'Left column second paragraph now.',
    'Right column first paragraph there.',
    'Right column second paragraph too.',
  ].join('\n\n');

  it.each([
    ['drawn column by column', [title, ...left, ...right]],
    ['drawn across, row by row', [title, ...left.flatMap((l, i) => [l, right[i]!])]],
    ['drawn right column first, title last', [...right, ...left, title]],
    ['drawn in any order', shuffle([title, ...left, ...right])],
  ])('%s: left column, then right', (_, runs) => {
    expect(layoutPages([page(runs)])).toBe(expected);
  });

  it('a caption across the columns cuts the page into bands, each read left then right', () => {
    const top = [...column(['Top left a', 'top left b.'], 56, 700), ...column(['Top right a', 'top right b.'], 310, 700)];
    const caption = run('Figure 1: a caption as wide as the page, spanning both columns of text.', 56, 640, 10, { width: 480 });
    const bottom = [...column(['Bottom left a', 'bottom left b.'], 56, 610), ...column(['Bottom right a', 'bottom right b.'], 310, 610)];
    expect(layoutPages([page(shuffle([...top, caption, ...bottom]))]).split('\n\n')).toEqual([
      'Top left a top left b.',
      'Top right a top right b.',
      'Figure 1: a caption as wide as the page, spanning both columns of text.',
      'Bottom left a bottom left b.',
      'Bottom right a bottom right b.',
    ]);
  });

  it('a sentence cut by the column break is joined back', () => {
    const l = column(['In spring', 'the garden was', 'green and then', 'full of'], 56, 700);
    const r = column(['weeds by June.', 'Then it rained.', 'It rained a lot.', 'We stayed in.'], 310, 700);
    expect(layoutPages([page([...l, ...r])])).toBe('In spring the garden was green and then full of weeds by June. Then it rained. It rained a lot. We stayed in.');
  });
});

describe('pdf-layout: pages', () => {
  const furnished = (n: number, body: string[]) =>
    page([run('Jane Doe - History essay', 72, 800, 9), ...column(body, 72, 700), run(`Page ${n} of 3`, 270, 40, 9)]);

  it('running heads and page numbers go; a number in the text stays', () => {
    const pages = [furnished(1, ['First page text.']), furnished(2, ['In 12 days.']), furnished(3, ['12'])];
    expect(layoutPages(pages)).toBe('First page text.\n\nIn 12 days.\n\n12');
  });

  it.each([['12'], ['- 3 -'], ['Page 4'], ['p. 7'], ['3 / 9'], ['3 sur 9'], ['iv'], ['xii']])('a bare page number in the footer zone: %j', (n) => {
    expect(layoutPages([page([...column(['Body.'], 72, 700), run(n, 280, 30, 9)])])).toBe('Body.');
  });

  it('a word in the footer zone that only looks like a numeral stays', () => {
    expect(layoutPages([page([...column(['Body.'], 72, 700), run('mix', 280, 30, 9)])])).toBe('Body.\n\nmix');
  });

  it('a paragraph running over a page break is joined back', () => {
    const pages = [page(column(['It was the coldest', 'night of the year and'], 72, 120)), page(column(['the boiler stopped.', 'Nobody slept.'], 72, 780))];
    expect(layoutPages(pages)).toBe('It was the coldest night of the year and the boiler stopped. Nobody slept.');
  });

  it('no runs, no text', () => {
    expect(layoutPages([page([]), page([run('   ', 72, 700)])])).toBe('');
  });
});
