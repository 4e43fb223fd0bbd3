import { mountTaskpane } from './mountTaskpane';
import { createWorkbookServices } from './services/createWorkbookServices';
import { excelWorkbookPort } from './services/excelWorkbookPort';
import { startEngineWorker } from './services/startEngineWorker';

void Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) return;
  const { engine, wrapCallback } = startEngineWorker();
  mountTaskpane(container, createWorkbookServices(excelWorkbookPort(), engine, wrapCallback));
});
