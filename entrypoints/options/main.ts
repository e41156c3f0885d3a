import '@/src/pages/ui.css';
import { mountOptions } from '@/src/pages/options';

void mountOptions(document.getElementById('app')!);
