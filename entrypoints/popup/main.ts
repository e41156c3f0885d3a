import '@/src/ui/ui.css';
import { mountPopup } from '@/src/ui/popup';

void mountPopup(document.getElementById('app')!);
