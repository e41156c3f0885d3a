/**
 * The background (service worker in Chrome, background page in Firefox): `startBackground()` is all
 * entrypoints/background.ts calls. One job per file:
 * - tab-state.ts — each tab's view and what is known about its page; storage.session mirror;
 * - pipeline.ts — the one path that switches highlights on and off, re-levels; first-blocks.ts — on a long page,
 *   the blocks near the screen, scored and painted first; warm.ts — the engine warmed up in small steps (the popup
 *   or side panel opened, a switch-on began, the browser started, the extension was installed);
 * - page-changes.ts — follows a page that changes: scores a language group again only when enough of it changed;
 * - page-link.ts — whether each tab's page layer is still there (its port), "Show on the page";
 * - page-analysis.ts — the page's blocks grouped by language, scored by the engine, turned into views;
 * - paint-message.ts — the one builder of the paint message (and the on-page legend's words);
 * - content-script.ts — injection and messages to the page;
 * - menus.ts — context menu and keyboard command; sites.ts — "always analyse" sites, tab and settings events;
 * - router.ts — the message hub (who may ask what: src/shared/senders.ts); stats.ts — scoring counts for benchmarks.
 */
import { startMenus } from './menus';
import { analyseBlocks } from './page-analysis';
import { startRouter } from './router';
import { startSites } from './sites';
import { exposeStats } from './stats';
import { warmOnLaunch } from './warm';

export { setHighlights } from './pipeline';
export { getView } from './tab-state';

export function startBackground(): void {
  startMenus();
  startSites();
  startRouter();
  warmOnLaunch();
  exposeStats((blocks) => analyseBlocks(blocks, {}));
}
