import { mountLabPage } from '@/src/pages/lab/page';

mountLabPage(document.getElementById('app')!);
