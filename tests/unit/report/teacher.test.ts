// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildTeacherReport, reportFileName, reportHtml, reportJson, REPORT_SCHEMA } from '@/src/report/teacher';
import { sha256Hex, shortHash } from '@/src/report/fingerprint';
import { sentenceRuns, textChunks } from '@/src/report/runs';
import { fakeReport } from './fixture';

const TEXT = 'In conclusion, it is important to note the <img src=x onerror=alert(1)> tag. Then </script><script>alert(2)</script> ends.';
const DATE = new Date('2026-11-26T10:30:00Z');

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('fingerprint', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('sha256(%j)', async (text, hex) => {
    expect(await sha256Hex(text)).toBe(hex);
  });

  it('hashes UTF-8 bytes, not UTF-16 code units', async () => {
    // "é" is c3 a9 in UTF-8.
    const viaBytes = await sha256Hex('é');
    const digest = await crypto.subtle.digest('SHA-256', new Uint8Array([0xc3, 0xa9]));
    expect(viaBytes).toBe(Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''));
  });

  it('short form', () => {
    expect(shortHash('ba7816bf8f01cfea414140de')).toBe('ba78 16bf 8f01');
  });
});

describe('sentenceRuns', () => {
  it.each([
    ['A. B.', [{ index: 0, start: 0, end: 2, level: 1 as const }, { index: 1, start: 3, end: 5, level: 0 as const }]],
    ['  x y ', [{ index: 0, start: 2, end: 5, level: 3 as const }]],
    ['no sentences', []],
    ['bad offsets', [{ index: 0, start: 5, end: 99, level: 2 as const }, { index: 1, start: 3, end: 2, level: 1 as const }]],
  ])('gives back %j exactly', (text, sentences) => {
    const runs = sentenceRuns(text, sentences);
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });

  it('carries levels and sentence indexes', () => {
    expect(sentenceRuns('A. B.', [{ index: 0, start: 0, end: 2, level: 2 }])).toEqual([
      { text: 'A.', level: 2, sentence: 0 },
      { text: ' B.', level: 0 },
    ]);
  });
});

describe('textChunks', () => {
  // sentences of 10 characters, every 4th marked; a paragraph break after every 5th
  const make = (n: number, breaks = true) => {
    let text = '';
    const sentences: { index: number; start: number; end: number; level: 0 | 1 | 2 | 3 }[] = [];
    for (let i = 0; i < n; i++) {
      const start = text.length;
      text += `Sentence${String(i % 10)}.`;
      sentences.push({ index: i, start, end: text.length, level: i % 4 === 0 ? 2 : 0 });
      text += breaks && i % 5 === 4 ? '\n\n' : ' ';
    }
    return { text, runs: sentenceRuns(text, sentences) };
  };
  const joined = (chunks: { text: string }[][]) => chunks.flat().map((r) => r.text).join('');

  it('a text shorter than the size is one chunk, its unmarked runs merged into one', () => {
    const { text, runs } = make(8);
    const chunks = textChunks(runs, 1000);
    expect(chunks).toHaveLength(1);
    expect(joined(chunks)).toBe(text);
    expect(chunks[0]!.map((r) => r.level)).toEqual([2, 0, 2, 0]); // marked, the rest up to the next mark, ...
  });

  it('a long text: chunks of about the size, each cut after a line break, together the text exactly, every mark kept', () => {
    const { text, runs } = make(5000);
    const chunks = textChunks(runs, 2000);
    expect(joined(chunks)).toBe(text);
    expect(chunks.length).toBeGreaterThan(20);
    for (const c of chunks.slice(0, -1)) {
      const t = c.map((r) => r.text).join('');
      expect(t.endsWith('\n')).toBe(true);
      expect(t.length).toBeGreaterThanOrEqual(2000);
      expect(t.length).toBeLessThan(2200);
    }
    for (const c of chunks) c.forEach((r, i) => i > 0 && expect(r.level || c[i - 1]!.level).toBeTruthy()); // no two unmarked runs in a row
    expect(chunks.flat().filter((r) => r.level).map((r) => r.sentence)).toEqual(runs.filter((r) => r.level).map((r) => r.sentence));
  });

  it('a text without line breaks is cut between runs only when a chunk reaches four times the size', () => {
    const { text, runs } = make(5000, false);
    const chunks = textChunks(runs, 2000);
    expect(joined(chunks)).toBe(text);
    for (const c of chunks.slice(0, -1)) expect(c.map((r) => r.text).join('').length).toBeGreaterThanOrEqual(8000);
  });
});

describe('teacher report', () => {
  it('builds the model: date, fingerprint, summary, signals, caveats, checklist, questions, statement', async () => {
    const m = await buildTeacherReport(fakeReport(TEXT), TEXT, { lang: 'en', date: DATE, checked: ['drafts'] });
    expect(m.schema).toBe(REPORT_SCHEMA);
    expect(m.createdAt).toBe('2026-11-26T10:30:00.000Z');
    expect(m.fingerprint).toEqual({ sha256: await sha256Hex(TEXT), words: 321, chars: TEXT.length, sentences: 2, language: 'English' });
    expect(m.text).toBeUndefined();
    expect(m.sentences).toBeUndefined();
    expect(m.summary).toContain('Sentence lengths');
    expect(m.signals.map((s) => s.id)).toEqual(['burstiness', 'formulaic', 'lexical-diversity', 'repetition']);
    expect(m.caveats[0]).toBe('Scores describe wording, not authorship.');
    expect(m.caveats.length).toBeGreaterThan(3);
    expect(m.checklist.map((c) => c.id)).toEqual(['drafts', 'history', 'samples', 'notes', 'conversation', 'tools']);
    expect(m.checklist.filter((c) => c.checked).map((c) => c.id)).toEqual(['drafts']);
    // Questions from the agreeing signals first (burstiness, formulaic), then the general ones.
    expect(m.questions[0]).toMatch(/even in length/);
    expect(m.questions[1]).toMatch(/stock phrases/);
    expect(m.questions.length).toBe(6);
    expect(m.statement).toMatch(/not evidence of misconduct/);
    expect(m.frame).toMatch(/Pfeiffer/);
  });

  it('includes the text and its sentence levels only when asked', async () => {
    const m = await buildTeacherReport(fakeReport(TEXT), TEXT, { lang: 'en', date: DATE, includeText: true });
    expect(m.text).toBe(TEXT);
    expect(m.sentences).toHaveLength(2);
  });

  it.each(['en', 'fr'] as const)('renders a complete, inert HTML document (%s)', async (lang) => {
    const m = await buildTeacherReport(fakeReport(TEXT, { ui: lang }), TEXT, { lang, date: DATE, includeText: true, title: 'Essay <b>3</b> "draft"' });
    const html = reportHtml(m);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const doc = parse(html);
    // Nothing from the text, title or engine strings became markup.
    expect(doc.querySelectorAll('script, img, iframe, object, embed, link, b').length).toBe(0);
    expect(doc.querySelectorAll('[onerror], [onload]').length).toBe(0);
    expect(html).not.toMatch(/<script/i);
    expect(doc.documentElement.getAttribute('lang')).toBe(lang);
    expect(doc.title).toContain('Essay <b>3</b> "draft"');
    const body = doc.body.textContent;
    expect(body).toContain(TEXT.slice(0, 40));
    expect(body).toContain('<img src=x onerror=alert(1)>');
    expect(body).toContain('Uses "<b>delve</b>" & "in conclusion".');
    expect(body).toContain(m.fingerprint.sha256);
    expect(body).toContain(lang === 'en' ? 'not evidence of misconduct' : "n'est pas une preuve de fraude");
    expect(body).toContain(lang === 'en' ? '93%' : '93\u00A0%');
    // Sentence highlight of the first sentence.
    expect(doc.querySelector('.text mark.l2')!.textContent).toBe(TEXT.slice(0, TEXT.indexOf('.') + 1));
    // A chart with an accessible name.
    expect(doc.querySelector('svg[role="img"] title')!.textContent.length).toBeGreaterThan(5);
    // Checklist and questions.
    expect(doc.querySelectorAll('ul.checklist li').length).toBe(6);
    expect(doc.querySelectorAll('ol li').length).toBe(6);
  });

  it('without the text, says so and contains no sentence of it', async () => {
    const m = await buildTeacherReport(fakeReport(TEXT), TEXT, { lang: 'en', date: DATE });
    const html = reportHtml(m);
    expect(html).not.toContain('it is important to note');
    expect(parse(html).body.textContent).toContain('not included');
  });

  it('with the text: marked sentences in a text within the usual range come with what they are, and only then', async () => {
    const note = async (score: number, flag: boolean, lang: 'en' | 'fr') =>
      parse(reportHtml(await buildTeacherReport(fakeReport(TEXT, { score, flag, ui: lang }), TEXT, { lang, date: DATE, includeText: true }))).querySelector('.within-usual')?.textContent ?? null;
    expect(await note(0.8, false, 'en')).toMatch(/^The text as a whole stays within the usual range of human writing/);
    expect(await note(0.8, false, 'fr')).toMatch(/^Le texte dans son ensemble reste dans la plage habituelle/);
    expect(await note(0.95, false, 'en')).toBeNull();
    expect(await note(0.8, true, 'en')).toBeNull();
  });

  it('says nothing meaningful can be said when there is no score', async () => {
    const m = await buildTeacherReport(fakeReport(TEXT, { status: 'too-short', score: null, flag: false }), TEXT, { lang: 'en', date: DATE });
    expect(parse(reportHtml(m)).body.textContent).toContain('nothing meaningful can be said');
  });

  it.each([
    ['en', '321 words, 2 sentences, 7,241 characters'],
    ['fr', '321 mots, 2 phrases, 7\u202f241 caractères'],
  ] as const)('%s: the size is written with the language\'s digit grouping', async (lang, shape) => {
    const long = Array.from({ length: 142 }, () => 'The quick brown fox jumps over the lazy dog again.').join(' ');
    const m = await buildTeacherReport(fakeReport(long), long, { lang, date: DATE });
    const size = [...parse(reportHtml(m)).querySelectorAll('dt')].find((d) => /^(Size|Taille)$/.test(d.textContent ?? ''))!.nextElementSibling!.textContent;
    expect(size).toBe(shape);
  });

  it('JSON export round-trips the model', async () => {
    const m = await buildTeacherReport(fakeReport(TEXT), TEXT, { lang: 'fr', date: DATE });
    expect(JSON.parse(reportJson(m))).toEqual(JSON.parse(JSON.stringify(m)));
    expect(reportFileName(m, 'json')).toMatch(/^mirage-lens-report-2026-11-26-[0-9a-f]{8}\.json$/);
  });

  it('never claims authorship or gives a probability of it, in either language', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const m = await buildTeacherReport(fakeReport(TEXT), TEXT, { lang, date: DATE, includeText: true });
      const text = parse(reportHtml(m)).body.textContent;
      expect(text).not.toMatch(/is (AI|machine)[- ]generated|written by (AI|a machine)|probability of (AI|machine)|généré par (l'IA|une IA|une machine)/i);
    }
  });
  it.each([
    ['en', "English learners' essays (grades 8 to 12) — 198 texts — more predictable than 93% of them", 'Brown corpus: learned and scientific writing (1961) — 40 texts'],
    ['fr', "rédactions d'élèves apprenant l'anglais (13 à 18 ans) — 198 textes — plus prévisible que 93 % d'entre eux", 'corpus Brown : écrits savants et scientifiques (1961) — 40 textes'],
  ] as const)('%s: names what the text was compared with, kind by kind, in the report\'s language', async (lang, first, second) => {
    const m = await buildTeacherReport(fakeReport(TEXT), TEXT, { lang, date: DATE });
    expect(m.comparison?.kinds.map((k) => k.id)).toEqual(['ellipse:learner_essay_en', 'brown:learned']);
    const items = [...parse(reportHtml(m)).querySelectorAll('ul.compared li')].map((li) => li.textContent?.replace(/\u00a0/g, ' '));
    expect(items[0]).toBe(first);
    expect(items[1]).toContain(second);
  });

  it('beyond every compared text, says "beyond all N", never 100% or 99%', async () => {
    const beyond = { kinds: [{ id: 'm4:wikihow', texts: 50, percentile: 0.9991, beyond: true }], texts: 50, beyond: true };
    const m = await buildTeacherReport(fakeReport(TEXT, { score: 0.9991, comparison: beyond }), TEXT, { lang: 'en', date: DATE });
    const doc = parse(reportHtml(m));
    const stated = doc.querySelector('section strong')?.textContent ?? '';
    expect(stated).toMatch(/^Stated predictability: beyond all 50 human reference texts it was compared with/);
    expect(stated).not.toMatch(/\b99 ?%|[^t] 100 ?%/);
    expect([...doc.querySelectorAll('ul.compared li')].map((li) => li.textContent)).toEqual(['how-to guides (wikiHow) — 50 texts — beyond all of them']);
  });
});

describe('a report without a score (audit 2)', () => {
  // A German text: the engine measures sentence rhythm but has no German references to place it among; the rest
  // abstains. Nothing may show a position for it: no "0%", no untranslated "n/a", no "0 of 0 measured".
  const unscored = (lang: 'en' | 'fr') =>
    fakeReport(TEXT, {
      status: 'unsupported-language',
      lang: 'de',
      score: null,
      flag: false,
      comparison: null,
      agreement: { agree: 0, measured: 0, abstained: 1 },
      signals: [
        { id: 'burstiness', title: 'Sentence rhythm', describe: 'How much sentence lengths vary.', status: 'ok', raw: 0.39, weight: 1, evidence: 'Sentence lengths vary about 80% as much as in typical human prose.' },
        { id: 'formulaic', title: 'Stock phrases', describe: 'Common set phrases.', status: 'abstained', weight: 0, code: 'language', reason: 'does not work for German yet' },
      ],
      ui: lang,
    });
  it.each(['en', 'fr'] as const)('(%s) has no position chart, no zero percent and no n/a for a signal with no place, and no empty agreement line', async (lang) => {
    const html = reportHtml(await buildTeacherReport(unscored(lang), TEXT, { lang, date: new Date('2026-12-01T00:00:00Z') }));
    expect(html).not.toContain('percentile-chart');
    expect(html).not.toMatch(/n\/a/);
    expect(html).not.toMatch(/\b0\s?%/);
    expect(html).not.toMatch(/0 of 0|0 sur 0/);
    expect(html).toContain('does not work for German yet'); // the table still says why
  });
  it.each([['en', 'abstained', 'measured, not placed'], ['fr', 'abstention', 'mesuré, non situé']] as const)('(%s) a measured signal with no place among reference texts is not called abstained', async (lang, abstained, none) => {
    const html = reportHtml(await buildTeacherReport(unscored(lang), TEXT, { lang, date: new Date('2026-12-01T00:00:00Z') }));
    const cells = [...html.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells).toEqual([none, abstained]);
  });
  it('a scored report keeps its chart and its agreement line', async () => {
    const html = reportHtml(await buildTeacherReport(fakeReport(TEXT), TEXT, { lang: 'en', date: new Date('2026-12-01T00:00:00Z') }));
    expect(html).toContain('percentile-chart');
    expect(html).toContain('2 of 3 measured');
  });
});
