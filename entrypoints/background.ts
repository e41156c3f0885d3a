import { startController } from '@/src/extension/controller';

// Message hub, per-tab state, context menu, keyboard command: see src/extension/controller.ts.
export default defineBackground(() => {
  startController();
});
