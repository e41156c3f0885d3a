import { provideReadability } from '@/src/page/readability';

// Injected on demand by src/background (content-script.ts) into a page small enough for Mozilla's Readability, just
// before the content script reads it; never declared for any site, not web-accessible. See src/page/main-text.ts.
export default defineUnlistedScript(() => {
  provideReadability();
});
