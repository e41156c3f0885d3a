import { startContent } from '@/src/page/content';

// Injected on demand (activeTab or a site's optional permission) by src/background (content-script.ts); never declared
// for any site in the manifest. One page session per injection, ended by ctx.signal.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(ctx) {
    return startContent(ctx); // the result of scripting.executeScript: the background knows the script listens
  },
});
