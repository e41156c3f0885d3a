// The tree tells the design: what each folder of src/ may import (README "Layout"), and no folder that imports a
// folder that imports it back. Imports are read from the sources (static, dynamic and worker URLs).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');

/** Folder (or top-level file) of src/ -> what it may import besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
  engine: [],
  eval: ['engine'],
  cli: [],
  messaging: ['engine'],
  settings: ['engine'],
  shared: ['engine', 'messaging'],
  page: ['shared', 'messaging'],
  background: ['engine', 'shared', 'messaging', 'settings'],
  report: ['engine', 'shared'],
  lab: ['engine'],
  pages: ['engine', 'shared', 'report', 'lab', 'messaging', 'settings'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function unitOf(file: string): string | undefined {
  const rel = relative(SRC, file);
  if (rel.startsWith('..')) return undefined;
  const first = rel.split('/')[0]!;
  return first.replace(/\.ts$/, '');
}

const SPEC = /(?:from\s*|import\s*\(\s*|import\s+|new URL\(\s*)['"]([^'"]+)['"]/g;

function edges(): { from: string; to: string; file: string; spec: string }[] {
  const out: { from: string; to: string; file: string; spec: string }[] = [];
  for (const f of files(SRC)) {
    const from = unitOf(f)!;
    for (const m of readFileSync(f, 'utf8').matchAll(SPEC)) {
      const spec = m[1]!;
      const target = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(f), spec) : undefined;
      const to = target && unitOf(target);
      if (to && to !== from) out.push({ from, to, file: relative(ROOT, f), spec });
    }
  }
  return out;
}

describe('layout of src/', () => {
  const all = edges();

  it('names every folder and top-level file in the table', () => {
    const units = new Set(files(SRC).map((f) => unitOf(f)!));
    expect([...units].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('each folder imports only what it may', () => {
    expect(all.length).toBeGreaterThan(20); // the imports were read
    const bad = all.filter((e) => !ALLOWED[e.from]?.includes(e.to)).map((e) => `${e.file}: ${e.spec} (${e.from} -> ${e.to})`);
    expect(bad).toEqual([]);
  });

  it('no folder imports a folder that imports it back (no cycle at all)', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of all) graph.set(e.from, (graph.get(e.from) ?? new Set()).add(e.to));
    const cycles: string[] = [];
    const visit = (n: string, path: string[]) => {
      if (path.includes(n)) return void cycles.push([...path.slice(path.indexOf(n)), n].join(' -> '));
      for (const m of graph.get(n) ?? []) visit(m, [...path, n]);
    };
    for (const n of graph.keys()) visit(n, []);
    expect(cycles).toEqual([]);
  });

  it('the table itself is acyclic', () => {
    const seen = new Set<string>();
    const order: string[] = [];
    const visit = (n: string, stack: Set<string>) => {
      expect(stack.has(n), `cycle through ${n}`).toBe(false);
      if (seen.has(n)) return;
      stack.add(n);
      for (const m of ALLOWED[n] ?? []) visit(m, stack);
      stack.delete(n);
      seen.add(n);
      order.push(n);
    };
    for (const n of Object.keys(ALLOWED)) visit(n, new Set());
    expect(order).toHaveLength(Object.keys(ALLOWED).length);
  });
});
