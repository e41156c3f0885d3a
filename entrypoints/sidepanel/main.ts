import '@/src/ui/ui.css';
import { mountPanel } from '@/src/ui/panel';

void mountPanel(document.getElementById('app')!);
