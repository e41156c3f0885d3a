// Every file in src/engine/signals/ (but index.ts and _lib/) is one signal: registered once under its file name, tested in
// tests/unit/engine/signals/<id>.test.ts (and worded in src/engine/explain/signals/<id>.ts), documented by a doc comment at the top of its file and in the README.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SIGNALS } from '@/src/engine/signals/index';
import { SIGNAL_IDS, SIGNAL_WORDS } from '@/src/engine';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const files = readdirSync(`${root}src/engine/signals`).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
const readme = existsSync(`${root}README.md`) ? readFileSync(`${root}README.md`, 'utf8') : '';

describe('signal registry', () => {
  it('has at least the seven signals the engine promises', () => {
    expect(SIGNALS.length).toBeGreaterThanOrEqual(7);
  });

  it.each(files)('%s is registered once, under its file name', (f) => {
    const id = f.replace(/\.ts$/, '');
    expect(SIGNALS.filter((s) => s.id === id)).toHaveLength(1);
  });

  it('registers no signal without a file', () => {
    expect(SIGNALS.map((s) => `${s.id}.ts`).sort()).toEqual([...files].sort());
  });

  it.each(files)('%s has its own tests', (f) => {
    expect(existsSync(`${root}tests/unit/engine/signals/${f.replace(/\.ts$/, '.test.ts')}`)).toBe(true);
  });

  it.each(files)('%s is documented in its file and in the README', (f) => {
    const src = readFileSync(`${root}src/engine/signals/${f}`, 'utf8');
    expect(src.trimStart().startsWith('/**')).toBe(true);
    expect(src).toMatch(/limit/i);
    expect(readme).toContain(`\`${f.replace(/\.ts$/, '')}\``);
  });

  it.each(SIGNALS.map((s) => [s.id, s] as const))('%s has its words (title, description, evidence) in English and French', (id, s) => {
    expect(existsSync(`${root}src/engine/explain/signals/${id}.ts`)).toBe(true);
    const w = SIGNAL_WORDS[id];
    expect(w).toBeDefined();
    for (const ui of ['en', 'fr'] as const) {
      expect(w!.title[ui].length).toBeGreaterThan(2);
      expect(w!.describe[ui].length).toBeGreaterThan(10);
    }
    expect(s.minWords).toBeGreaterThan(0);
  });

  it('the words and the table-free id list name exactly the registered signals, in order', () => {
    expect(Object.keys(SIGNAL_WORDS)).toEqual(SIGNALS.map((s) => s.id));
    expect([...SIGNAL_IDS]).toEqual(SIGNALS.map((s) => s.id));
  });
});
