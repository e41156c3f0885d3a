// The evaluation command's research options refuse bad input in one line, exit 2, before reading any data.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run eval: --counted', () => {
  it.each([
    [['--protocol', 'loso', '--counted', 'style-lr,nope'], /^eval: --counted takes signal ids \(.*style-profile.*\); unknown: nope$/],
    [['--protocol', 'loso', '--counted', ','], /^eval: --counted takes signal ids/],
    [['--protocol', 'unseen', '--counted', 'style-lr'], /^eval: --counted is for --protocol loso$/],
    [['--counted', 'style-lr'], /^eval: --counted is for --protocol loso$/],
  ])('%j: one line, exit 2', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
