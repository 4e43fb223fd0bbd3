import { createRoot } from 'react-dom/client';
import { installMemoryExcel } from '../excel/memory/installMemoryExcel';
import { LOCALES, type Locale } from '../taskpane/i18n/createTranslator';
import { createWorkbookServices } from '../taskpane/services/createWorkbookServices';
import { excelWorkbookPort } from '../taskpane/services/excelWorkbookPort';
import { startEngineWorker } from '../taskpane/services/startEngineWorker';
import { loadSampleWorkbook } from './loadSampleWorkbook';
import { Playground } from './Playground';

// Outside Office there is no Excel: the in-memory workbook with the sample data stands in,
// and the unchanged adapter, services, worker and taskpane run against it.
const workbook = loadSampleWorkbook({ customers: 2000, seed: 42 });
installMemoryExcel(workbook);
(window as unknown as { __skWorkbook: typeof workbook }).__skWorkbook = workbook;

const port = excelWorkbookPort();
const { engine, wrapCallback } = startEngineWorker();
const services = createWorkbookServices(port, engine, wrapCallback);

const requested = new URLSearchParams(window.location.search).get('lang');
const locale: Locale = (LOCALES as readonly string[]).includes(requested ?? '') ? (requested as Locale) : 'en';
document.documentElement.lang = locale;

const container = document.getElementById('root');
if (container) createRoot(container).render(<Playground workbook={workbook} services={services} locale={locale} />);
