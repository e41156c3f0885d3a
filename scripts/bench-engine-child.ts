/**
 * bench-engine-child — a Node process that scores a page's blocks on request, for scripts/bench-page.ts: the
 * engine in Node, timed in a process of its own (the benchmark's own process holds traces and Playwright's state,
 * whose garbage collection would be counted against the engine).
 *
 * Protocol (process.send / 'message'): `{ blocks }` sets the blocks (answer `{ ok: true }`); `{ run: true }` scores
 * them once exactly as a switch-on does (`analyseBlocks`: grouped by language, one engine run per group) and answers
 * `{ ms }`; `{ exit: true }` ends the process.
 */
import { analyseBlocks } from '../src/background/page-analysis';
import type { BlockPayload } from '../src/messaging';

let blocks: BlockPayload[] = [];

process.on('message', (m: { blocks?: BlockPayload[]; run?: boolean; exit?: boolean }) => {
  if (m.exit) process.exit(0);
  if (m.blocks) {
    blocks = m.blocks;
    process.send?.({ ok: true });
    return;
  }
  if (m.run) {
    const t0 = performance.now();
    analyseBlocks(blocks, {});
    process.send?.({ ms: performance.now() - t0 });
  }
});
