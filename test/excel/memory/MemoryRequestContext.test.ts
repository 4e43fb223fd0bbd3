import { installMemoryExcel } from '../../../src/excel/memory/installMemoryExcel';
import { MemoryWorkbook } from '../../../src/excel/memory/MemoryWorkbook';

describe('MemoryRequestContext.sync', () => {
  test('settles in a later event-loop task, as a round trip to Excel does, so timers queued before it run first', async () => {
    const excel = installMemoryExcel(new MemoryWorkbook().addSheet('S', [['a']]));
    try {
      const order: string[] = [];
      await Excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem('S').getRange('A1');
        r.load('values');
        setTimeout(() => order.push('timer'), 0);
        await context.sync();
        order.push(`sync ${String(r.values[0]![0])}`);
      });
      expect(order).toEqual(['timer', 'sync a']);
    } finally {
      excel.uninstall();
    }
  });
});
