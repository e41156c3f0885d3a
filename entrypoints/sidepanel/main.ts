import '@/src/pages/ui.css';
import { mountPanel } from '@/src/pages/panel';

void mountPanel(document.getElementById('app')!);
