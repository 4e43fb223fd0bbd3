import { installMemoryExcel, type MemoryExcel } from '../../src/excel/memory/installMemoryExcel';
import { MemoryWorkbook } from '../../src/excel/memory/MemoryWorkbook';
import { readSheets, readWorkbookSheets } from '../../src/excel/readWorkbookSheets';
import { readSheetTable } from '../../src/excel/readSheetTable';

let excel: MemoryExcel | undefined;
afterEach(() => excel?.uninstall());

describe('readWorkbookSheets / readSheets / readSheetTable', () => {
  test('lists sheets with visibility, position, active flag and used size', async () => {
    const wb = new MemoryWorkbook().addSheet('Customers', [['id', 'x'], ['a', 1], ['b', 2]]).addSheet('Empty').addSheet('Hidden', [['z']]).activate('Empty');
    wb.model.sheetByName('Hidden')!.visibility = 'Hidden';
    excel = installMemoryExcel(wb);
    expect(await readWorkbookSheets()).toEqual([
      { name: 'Customers', visibility: 'Visible', position: 0, active: false, rowCount: 3, columnCount: 2 },
      { name: 'Empty', visibility: 'Visible', position: 1, active: true, rowCount: 0, columnCount: 0 },
      { name: 'Hidden', visibility: 'Hidden', position: 2, active: false, rowCount: 1, columnCount: 1 },
    ]);
  });

  test('reads several sheets for a join, and parses a sheet into a core table with sheet positions', async () => {
    const wb = new MemoryWorkbook()
      .addSheet('Orders', [[], ['customer', 'amount'], ['c1', 10], ['c2', 'oops'], ...Array.from({ length: 20 }, (_, i) => [`c${i}`, i + 0.5])])
      .addSheet('Tickets', [['customer', 'channel'], ['c1', 'phone']]);
    excel = installMemoryExcel(wb);
    const [orders, tickets] = await readSheets([{ sheet: 'Orders' }, { sheet: 'Tickets' }]);
    expect(orders!.values).toHaveLength(23);
    expect(tickets!.values).toEqual([['customer', 'channel'], ['c1', 'phone']]);
    const { parsed } = await readSheetTable({ sheet: 'Orders' });
    expect(parsed.table.rowCount).toBe(22);
    expect(parsed.headerRow).toBe(2);
    expect(parsed.sourceRowOf(0)).toBe(3);
    const amount = parsed.columns.find((c) => c.name === 'amount')!;
    expect(amount.firstBadCells).toEqual(['Orders!B4']);
  });
});
