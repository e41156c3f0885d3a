/**
 * build-style — writes the tables of the style-lr and style-profile signals: assets/style-lr-{en,fr}.json and
 * assets/style-profile-{en,fr}.json (`npm run build:style`), and word-predictability's French successor table
 * assets/lm-fr-next.json (French human texts only).
 *
 * Fits on everything available with both labels: ../shared/data/dev.jsonl + dev2.jsonl, paired sources only (see
 * src/eval/train/style-tables.ts; the team's reference texts are machine-only, so paired training does not use them).
 * Derived figures only, never text. Deterministic: a re-run on the same data writes the same bytes
 * (tests/unit/eval/style-tables.test.ts checks it against the committed tables). Prints each table's size, raw and
 * gzip. Exits 2 with one line when the data is absent.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { trainingDataAvailable } from '../src/eval/train/labelled';
import { buildStyleTables } from '../src/eval/train/style-tables';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (!trainingDataAvailable()) {
  console.error('build:style: ../shared/data/dev.jsonl and dev2.jsonl are needed (the labelled data sets beside the repository)');
  process.exit(2);
}
const t0 = performance.now();
const tables = buildStyleTables();
let gz = 0;
for (const [name, json] of Object.entries(tables)) {
  writeFileSync(resolve(root, 'assets', name), json);
  const g = gzipSync(json, { level: 9 }).length;
  gz += g;
  console.log(`assets/${name}: ${(json.length / 1024).toFixed(1)} KB, gzip ${(g / 1024).toFixed(1)} KB`);
}
console.log(`all five: gzip ${(gz / 1024).toFixed(1)} KB · ${((performance.now() - t0) / 1000).toFixed(1)} s`);
