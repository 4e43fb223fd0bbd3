import { installMemoryExcel } from '../../../src/excel/memory/installMemoryExcel';
import type { MemoryWorkbook } from '../../../src/excel/memory/MemoryWorkbook';
import { loadOrderLinesWorkbook } from '../../../src/playground/loadOrderLinesWorkbook';
import { defaultRecipe } from '../../../src/taskpane/notebook/defaultRecipe';
import { createWorkbookServices } from '../../../src/taskpane/services/createWorkbookServices';
import { excelWorkbookPort } from '../../../src/taskpane/services/excelWorkbookPort';
import type { NotebookRecipe, SegmentKitServices } from '../../../src/taskpane/services/SegmentKitServices';
import { createEngine } from '../../../src/worker/createEngine';

const ROWS = 40_000;

describe('createWorkbookServices over the in-memory workbook and the engine', () => {
  let wb: MemoryWorkbook;
  let excel: ReturnType<typeof installMemoryExcel>;
  let services: SegmentKitServices;
  let recipe: NotebookRecipe;

  beforeAll(async () => {
    wb = loadOrderLinesWorkbook({ rows: ROWS, seed: 42 });
    excel = installMemoryExcel(wb);
    services = createWorkbookServices(excelWorkbookPort(), createEngine());
    performance.clearMarks('sk:chunk');
    const detected = await services.detect({ orders: 'Orders' });
    if (!detected.ok) throw new Error(detected.error.message);
    recipe = { ...defaultRecipe(), sources: { orders: 'Orders' }, roles: {} };
    const roles: Record<string, string> = {};
    for (const c of detected.value.sheets[0]!.roles) if (c.role && !roles[c.role]) roles[c.role] = c.column;
    recipe.roles.Orders = roles;
    recipe.models = recipe.models.map((m) => ({ ...m, enabled: m.kind === 'rfm' || m.kind === 'lifecycle' }));
  });
  afterAll(() => excel.uninstall());

  test('detect hands the sheet to the engine in several chunks and the engine sees every row', async () => {
    expect(performance.getEntriesByName('sk:chunk').length).toBeGreaterThan(1);
    const progress: string[] = [];
    const again = await services.detect({ orders: 'Orders' }, (p) => progress.push(`${p.step} ${p.percent}`));
    expect(again.ok && again.value.sheets.map((s) => [s.sheet, s.shape, s.rowCount])).toEqual([['Orders', 'transactions', ROWS - 1]]);
    // Read progress rises chunk by chunk to 100 %, then the worker parses.
    const read = progress.filter((p) => p.startsWith('read')).map((p) => Number(p.split(' ')[1]));
    expect(read.length).toBeGreaterThan(1);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(progress.slice(-2)).toEqual(['read 100', 'parse 100']);
  });

  test('the preview reads only the rows it shows, and says how many data rows the sheet has', async () => {
    wb.resetStats();
    const r = await services.preview('Orders', 5);
    expect(r.ok && [r.value.rows.length, r.value.rowCount, r.value.headers[0]]).toEqual([5, ROWS - 1, 'invoice_id']);
    expect(wb.largestResponseBytes).toBeLessThan(4000);
  });

  test('Cancel settles a run as cancelled at once, and the next run completes', async () => {
    const steps: string[] = [];
    const pending = services.run(recipe, (p) => steps.push(p.step));
    services.cancel();
    const r = await pending;
    expect(r.ok ? 'ran' : r.error.code).toBe('E_CANCELLED');
    expect(!r.ok && r.error.message).toBe('The run was cancelled. Run the step again when you are ready.');
    const next = await services.run(recipe, () => undefined);
    expect(next.ok && next.value.models.map((m) => m.kind)).toEqual(['rfm', 'lifecycle']);
  });

  test('an empty sheet is still handed over, so the engine reports it as the user chose it', async () => {
    wb.addSheet('Empty');
    const r = await services.detect({ orders: 'Empty' });
    expect(!r.ok && r.error).toEqual({
      code: 'E_EMPTY',
      message: 'sheet "Empty": There is no data: every cell is blank. Choose the sheet or range that holds the data.',
      location: { sheet: 'Empty' },
      hint: 'Choose the sheet or range that holds the data.',
    });
  });
});
