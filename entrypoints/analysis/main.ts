import { mountAnalysisPage } from '@/src/pages/analysis/page';

mountAnalysisPage(document.getElementById('app')!);
