import { createRoot } from 'react-dom/client';
import { isSegmentKitError } from '../core/errors/SegmentKitError';
import { installMemoryExcel } from '../excel/memory/installMemoryExcel';
import type { MemoryWorkbook } from '../excel/memory/MemoryWorkbook';
import { LOCALES, type Locale } from '../taskpane/i18n/createTranslator';
import { createWorkbookServices } from '../taskpane/services/createWorkbookServices';
import { excelWorkbookPort } from '../taskpane/services/excelWorkbookPort';
import { startEngineWorker } from '../taskpane/services/startEngineWorker';
import { loadOrderLinesWorkbook } from './loadOrderLinesWorkbook';
import { loadSampleWorkbook } from './loadSampleWorkbook';
import { Playground } from './Playground';

const params = new URLSearchParams(window.location.search);
const requested = params.get('lang');
const locale: Locale = (LOCALES as readonly string[]).includes(requested ?? '') ? (requested as Locale) : 'en';
document.documentElement.lang = locale;
const container = document.getElementById('root');

// Outside Office there is no Excel: the in-memory workbook stands in, and the unchanged adapter,
// services, worker and taskpane run against it. `?rows=1048576` fills one Orders sheet to
// Excel's last row instead of the small sample, to see how the taskpane copes with a full sheet.
function openWorkbook(): MemoryWorkbook {
  const rows = params.get('rows');
  return rows === null ? loadSampleWorkbook({ customers: 2000, seed: 42 }) : loadOrderLinesWorkbook({ rows: Number(rows), seed: 42 });
}

function start(workbook: MemoryWorkbook): void {
  installMemoryExcel(workbook);
  (window as unknown as { __skWorkbook: MemoryWorkbook }).__skWorkbook = workbook;
  const port = excelWorkbookPort();
  const { engine, wrapCallback } = startEngineWorker();
  const services = createWorkbookServices(port, engine, wrapCallback);
  if (container) createRoot(container).render(<Playground workbook={workbook} services={services} locale={locale} />);
}

try {
  const workbook = openWorkbook();
  // The responsiveness benchmark counts main-thread work from here: filling the fake workbook is not the taskpane's.
  performance.mark('playground:workbook-ready');
  start(workbook);
} catch (e) {
  if (!isSegmentKitError(e) || !container) throw e;
  container.textContent = e.message;
  container.setAttribute('role', 'alert');
}
