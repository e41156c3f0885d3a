// The never-seen check's plain-text and POD readers (src/eval/text-prose.ts) on small inputs written here. No Debian
// text here.
import { describe, expect, it } from 'vitest';
import { wordCount } from '@/src/eval/html-prose';
import { unbrace } from '@/src/eval/debian-docs';
import { plainSections, podInline, podSections } from '@/src/eval/text-prose';

const S1 = 'The first thing to know is that the language grew out of many small tools written by busy people.';
const S2 = 'Nobody planned it that way, and the documentation still shows the seams where the pieces were joined.';
const S3 = 'Most questions have more than one good answer, so this section gives the one most people reach for first.';

describe('podInline', () => {
  it.each([
    ['B<bold> and I<italic> words', 'bold and italic words', ''],
    ['see L<perlfunc/open> or L<the manual|perlop>', 'see perlfunc open or the manual', ''],
    ['at L<https://www.cpan.org/src/> today', 'at https://www.cpan.org/src/ today', ''],
    ['a E<lt>tagE<gt> and E<verbar> pipe', 'a <tag> and | pipe', ''],
    ['index X<glob> gone, Z<>empty', 'index gone, empty', ''],
    ['call C<open()> on F</etc/passwd>', 'call open() on /etc/passwd', 'open()/etc/passwd'],
    ['the C<< $x->y >> arrow', 'the $x->y arrow', '$x->y'],
    ['nested B<C<code> inside>', 'nested code inside', 'code'],
  ])('%s', (pod, text, code) => expect(podInline(pod)).toEqual({ text, code }));
});

describe('podSections', () => {
  const pod = [
    '=encoding utf8',
    '=head1 NAME',
    'perlthing - A document about things',
    '=head1 DESCRIPTION',
    `${S1}\n${S2}`,
    '    my $x = 1;\n    print $x;',
    '=over 4',
    '=item *',
    `${S3} This item is in a list.`,
    '=back',
    '=head2 Why?',
    S3,
    'Use C<open()> C<close()> C<binmode()> C<seek()> then C<tell()> on it.',
    'Too short here.',
    '=begin html',
    `<p>${S1}</p>`,
    '=end html',
    '=for comment a note to editors that is not shown to readers at all',
    '=cut',
    `${S2} After the cut this is code in a module.`,
  ].join('\n\n');

  it('keeps ordinary paragraphs, one section per heading, and drops the rest', () => {
    const s = podSections(pod);
    expect(s.map((x) => x.paragraphs)).toEqual([[`${S1} ${S2}`], [S3]]);
  });

  it('drops a paragraph made mostly of code and one of under six words', () => {
    const all = podSections(pod).flatMap((x) => x.paragraphs).join(' ');
    expect(all).not.toMatch(/binmode|Too short|perlthing|my \$x|list\.|<p>|After the cut|editors/);
  });
});

describe('plainSections', () => {
  const text = [
    'Chapter 1. A Heading at the Margin',
    `   ${S1}\n   ${S2}`,
    '       if (x) {\n           y();\n       }',
    '   ┌────┬────┐\n   │ a  │ b  │\n   └────┴────┘',
    '   :hacker: n.',
    `   1. ${S3}`,
    '   2. Short.',
    `   See also {hack value} and the { } braces, ${S2}`,
    '   :next: adj.',
    `   ${S1}`,
  ].join('\n\n');

  it('keeps body paragraphs, drops headings, code, tables and short ones; headwords start sections', () => {
    const s = plainSections(text, { sectionStart: /^:[^:]+:/, clean: unbrace });
    expect(s.map((x) => x.paragraphs)).toEqual([[`${S1} ${S2}`], [S3, `See also hack value and the { } braces, ${S2}`], [S1]]);
  });

  it('without sectionStart, only headings at the margin start sections', () => {
    const s = plainSections(text);
    expect(s).toHaveLength(1);
    expect(s[0]!.paragraphs.map(wordCount)).toEqual([wordCount(`${S1} ${S2}`), wordCount(S3), wordCount(`See also {hack value} and the { } braces, ${S2}`), wordCount(S1)]);
  });
});
