import '@/src/pages/ui.css';
import { mountPopup } from '@/src/pages/popup';

void mountPopup(document.getElementById('app')!);
