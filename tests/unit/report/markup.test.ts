// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { css, escapeHtml, h, serialize, textOf, toDom } from '@/src/report/markup';

const NASTY = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  '&lt;b&gt;already escaped&lt;/b&gt;',
  '</style><style>body{display:none}',
  '<!-- comment --><![CDATA[x]]>',
];

describe('markup', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<b>', '&lt;b&gt;'],
    ['"q" \'s\'', '&quot;q&quot; &#39;s&#39;'],
  ])('escapes %j', (s, out) => {
    expect(escapeHtml(s)).toBe(out);
  });

  it('serialises nested elements, attributes and void elements', () => {
    expect(serialize(h('p', { class: 'x', title: 'a"b' }, 'hi ', h('strong', null, 'there'), h('br')))).toBe(
      '<p class="x" title="a&quot;b">hi <strong>there</strong><br></p>',
    );
  });

  it.each(NASTY)('text that looks like markup stays text when parsed back: %s', (s) => {
    const html = serialize(h('div', { title: s }, h('p', null, s)));
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
    expect(doc.querySelectorAll('script, img, svg, style').length).toBe(0);
    expect(doc.querySelector('p')!.textContent).toBe(s);
    expect(doc.querySelector('div')!.getAttribute('title')).toBe(s);
    expect(doc.querySelectorAll('[onerror], [onload], [onmouseover]').length).toBe(0);
  });

  it.each(NASTY)('toDom keeps %s as text', (s) => {
    const node = toDom(h('div', null, s), document) as HTMLElement;
    expect(node.childNodes.length).toBe(1);
    expect(node.textContent).toBe(s);
    expect(node.querySelector('*')).toBeNull();
  });

  it.each([
    ['script', {}],
    ['iframe', {}],
    ['a', { href: 'javascript:alert(1)' }],
  ])('refuses the tag <%s>', (tag, attrs) => {
    expect(() => h(tag, attrs)).toThrow();
  });

  it.each([['onclick'], ['onerror'], ['ONLOAD'], ['x y'], ['"a']])('refuses the attribute %j', (name) => {
    expect(() => h('div', { [name]: 'x' })).toThrow();
  });

  it('only lets links point inside the document', () => {
    expect(() => h('svg', { href: 'https://example.com' })).toThrow();
    expect(() => h('svg', { href: '#chart' })).not.toThrow();
  });

  it('lets our CSS through verbatim but refuses "<" in it', () => {
    expect(serialize(css('a > b { color: red }'))).toBe('<style>a > b { color: red }</style>');
    expect(() => css('</style><script>')).toThrow();
    expect(textOf(h('div', null, css('p{}'), 'visible'))).toBe('visible');
  });

  it('builds SVG children in the SVG namespace', () => {
    const svg = toDom(h('svg', null, h('title', null, 'T'), h('rect', { width: 1 })), document) as Element;
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.querySelector('rect')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.querySelector('title')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  it('skips null, false and undefined children and flattens arrays', () => {
    expect(serialize(h('ul', null, [h('li', null, 'a'), null, false, [h('li', null, 2)]], undefined))).toBe('<ul><li>a</li><li>2</li></ul>');
  });
});
