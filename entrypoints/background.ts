import { startController } from '@/src/background/controller';

// Message hub, per-tab state, context menu, keyboard command: see src/background/controller.ts.
export default defineBackground(() => {
  startController();
});
