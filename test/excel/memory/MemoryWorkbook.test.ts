import { installMemoryExcel, type MemoryExcel } from '../../../src/excel/memory/installMemoryExcel';
import { MemoryWorkbook } from '../../../src/excel/memory/MemoryWorkbook';

let excel: MemoryExcel;
let wb: MemoryWorkbook;
beforeEach(() => {
  wb = new MemoryWorkbook().addSheet('Sheet1', [['a', 1], ['b', 2]]);
  excel = installMemoryExcel(wb);
});
afterEach(() => excel.uninstall());

const code = (e: unknown): string => (e as { code: string }).code;

describe('in-memory Excel JavaScript API', () => {
  test('is installed as the global Excel with Office requirements, and uninstalls cleanly', () => {
    expect((globalThis as { Excel?: unknown }).Excel).toBe(excel);
    const office = (globalThis as unknown as { Office: { context: { requirements: { isSetSupported(n: string, v: string): boolean } } } }).Office;
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    wb.setApiVersion('1.7');
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(false);
  });

  test('properties throw PropertyNotLoaded until load() and sync()', async () => {
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.values).toEqual([['a', 1], ['b', 2]]);
      expect(() => r.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('writes are queued and applied only on sync, counted as one request', async () => {
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('C1').values = [['x']];
      expect(wb.cell('Sheet1', 'C1').value).toBe('');
      await ctx.sync();
      expect(wb.cell('Sheet1', 'C1').value).toBe('x');
    });
    expect(wb.requestCount).toBe(2);
  });

  test('a value starting with "=" is stored as a formula; Text format keeps it as text', async () => {
    await excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('C1').values = [['=A1&"!"']];
      const t = s.getRange('C2');
      t.numberFormat = [['@']];
      t.values = [['=A1&"!"']];
      s.getRange('D1:D2').values = [['12'], ['TRUE']];
      await ctx.sync();
    });
    expect(wb.cell('Sheet1', 'C1').formula).toBe('=A1&"!"');
    expect(wb.cell('Sheet1', 'C2')).toMatchObject({ formula: null, value: '=A1&"!"' });
    expect(wb.values('Sheet1', 'D1:D2')).toEqual([[12], [true]]);
  });

  test('sheet names follow Excel rules and are unique case-insensitively', async () => {
    const tryAdd = async (name: string): Promise<string> =>
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
        return 'ok';
      }).catch(code);
    expect(await tryAdd('x'.repeat(32))).toBe('InvalidArgument');
    expect(await tryAdd('x'.repeat(31))).toBe('ok');
    for (const bad of ['a[b', 'a]b', 'a:b', 'a*b', 'a?b', 'a/b', 'a\\b', '   ', "'quoted", 'History']) expect(await tryAdd(bad)).toBe('InvalidArgument');
    expect(await tryAdd('SHEET1')).toBe('ItemAlreadyExists');
    expect(await tryAdd("Bob's data")).toBe('ok');
    expect(wb.sheetNames()).toEqual(['Sheet1', 'x'.repeat(31), "Bob's data"]);
  });

  test('getItem throws ItemNotFound at sync; getItemOrNullObject reports isNullObject', async () => {
    await excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      ctx.workbook.worksheets.getItem('Nope').load('name');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  test('a request over 5 MB throws RequestPayloadSizeLimitExceeded and applies nothing', async () => {
    const big = Array.from({ length: 60_000 }, () => ['y'.repeat(100)]);
    await expect(
      excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Sheet1');
        s.getRange('C1').values = [['first']];
        s.getRange('D1:D60000').values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(wb.cell('Sheet1', 'C1').value).toBe('');
    expect(wb.largestRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  test('reading more than 5 million cells throws RangeExceedsLimit; a 5 MB response throws ResponsePayloadSizeLimitExceeded', async () => {
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:E1000001').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    wb.addSheet('Wide', Array.from({ length: 30_000 }, () => ['z'.repeat(200)]));
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Wide').getRange('A1:A30000').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  test('grid limits: 1,048,576 rows × 16,384 columns', async () => {
    const at = (addr: string): Promise<string> =>
      excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Sheet1').getRange(addr);
        r.load('address');
        await ctx.sync();
        return r.address;
      }).catch(code);
    expect(await at('XFD1048576')).toBe('Sheet1!XFD1048576');
    expect(await at('XFE1')).toBe('InvalidArgument');
    expect(await at('A1048577')).toBe('InvalidArgument');
  });

  test('the failure hook makes the nth sync throw without applying it', async () => {
    wb.failOnSync(2);
    await expect(
      excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Sheet1');
        s.getRange('C1').values = [['one']];
        await ctx.sync();
        s.getRange('C2').values = [['two']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(wb.values('Sheet1', 'C1:C2')).toEqual([['one'], ['']]);
  });

  test('tables: names, header normalisation, columns.add, no merged cells', async () => {
    wb.addSheet('T', [['id', '', 'id'], [1, 2, 3]]).addSheet('M', [['h', null], [1, 2]]).mergeCells('M', 'A1:B1');
    const out = await excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('T').tables.add('T!A1:C2', true);
      t.name = 'Orders';
      t.columns.add(undefined, undefined, 'Score');
      const cols = t.columns;
      cols.load('items/name');
      const body = t.getDataBodyRange();
      body.load('address');
      await ctx.sync();
      return { names: cols.items.map((c) => c.name), body: body.address };
    });
    expect(out).toEqual({ names: ['id', 'Column2', 'id2', 'Score'], body: 'T!A2:D2' });
    const bad = async (f: (ctx: Excel.RequestContext) => void): Promise<string> =>
      excel.run(async (ctx) => {
        f(ctx as unknown as Excel.RequestContext);
        await ctx.sync();
        return 'ok';
      }).catch(code);
    expect(await bad((ctx) => (ctx.workbook.tables.getItem('Orders').name = 'has space'))).toBe('InvalidArgument');
    expect(await bad((ctx) => ctx.workbook.worksheets.getItem('M').tables.add('M!A1:B2', true))).toBe('InvalidOperation');
    expect(await bad((ctx) => ctx.workbook.worksheets.getItem('T').tables.add('T!B1:E2', true))).toBe('InvalidOperation');
  });

  test('PivotTables need ExcelApi 1.8', async () => {
    wb.setApiVersion('1.7');
    await expect(
      excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Sheet1');
        s.pivotTables.add('P', s.getRange('A1:B2'), s.getRange('E1'));
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('settings keep JSON values; suspendApiCalculationUntilNextSync is recorded per request', async () => {
    await excel.run(async (ctx) => {
      ctx.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.settings.add('prefs', { a: [1, 2], when: new Date(Date.UTC(2024, 0, 2)) });
      await ctx.sync();
      const s = ctx.workbook.settings.getItemOrNullObject('prefs');
      s.load('value');
      await ctx.sync();
      expect(s.value).toEqual({ a: [1, 2], when: '2024-01-02T00:00:00.000Z' });
    });
    expect(wb.syncs.map((s) => s.calculationSuspended)).toEqual([true, false, false]);
  });
});
