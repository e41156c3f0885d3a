import '@/src/ui/ui.css';
import { mountOptions } from '@/src/ui/options';

void mountOptions(document.getElementById('app')!);
