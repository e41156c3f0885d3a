import '@/src/background/boot-mark'; // first: the test build notes when the modules start to be evaluated
import { startBackground } from '@/src/background';

// Message hub, per-tab state, context menu, keyboard command: see src/background/index.ts.
export default defineBackground(() => {
  startBackground();
});
