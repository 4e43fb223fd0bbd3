import { MemoryWorkbook } from '../../src/excel/memory/MemoryWorkbook';
import { installMemoryExcel } from '../../src/excel/memory/installMemoryExcel';
import { selectRange } from '../../src/excel/selectRange';

describe('selectRange', () => {
  let uninstall: () => void;
  let wb: MemoryWorkbook;
  beforeEach(() => {
    wb = new MemoryWorkbook();
    wb.addSheet('Customers', [['id'], ['a']]);
    wb.addSheet("Bob's orders", [['id', 'amount'], ['a', 1]]);
    uninstall = installMemoryExcel(wb).uninstall;
  });
  afterEach(() => uninstall());

  it('activates the sheet and selects the cells, quoted sheet names included', async () => {
    await selectRange("'Bob''s orders'!B2");
    expect((wb.snapshot() as { active: string }).active).toBe("Bob's orders");
    const selected = await Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange().load('address');
      await context.sync();
      return range.address;
    });
    expect(selected).toBe("'Bob''s orders'!B2");
  });

  it('names a missing sheet and a bad address', async () => {
    await expect(selectRange('Orders!D17')).rejects.toThrow('sheet "Orders": The workbook has no sheet named "Orders". The sheet may have been renamed or deleted; read the data again.');
    await expect(selectRange('Customers!not-a-cell')).rejects.toThrow('"Customers!not-a-cell" is not a cell address. Use an address such as Orders!D17.');
  });
});
