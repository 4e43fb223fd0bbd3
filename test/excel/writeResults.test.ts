import type { OutputColumn, OutputSheet } from '../../src/core/results/Outputs';
import { installMemoryExcel, type MemoryExcel } from '../../src/excel/memory/installMemoryExcel';
import { MemoryWorkbook } from '../../src/excel/memory/MemoryWorkbook';
import { writeResults, type WriteResultsOptions } from '../../src/excel/writeResults';

let excel: MemoryExcel | undefined;
afterEach(() => excel?.uninstall());

function install(wb: MemoryWorkbook): MemoryWorkbook {
  excel?.uninstall();
  excel = installMemoryExcel(wb);
  return wb;
}

const USER_ROWS = [
  ['Customer', 'Spend', 'Joined'],
  ['C1', 120.5, 45000],
  ['C2', 80, 45100],
  ['C3', 0, { formula: '=B2+1', result: 121.5 }],
  ['C4', 33, 45200],
] as const;

function customers(name = 'Customers'): MemoryWorkbook {
  const wb = new MemoryWorkbook().addSheet(name, USER_ROWS.map((r) => [...r]) as never, [[], [undefined, '#,##0.00', 'yyyy-mm-dd']]);
  return wb.hideRows(name, 3, 1);
}

const COLUMNS: OutputColumn[] = [
  { header: 'SK · RFM segment', values: ['Champions', 'At risk', null, 'Lost'] },
  { header: 'SK · CLV', values: new Float64Array([310.25, 95.5, NaN, 12]), numberFormat: '#,##0.00' },
];

const SHEETS: OutputSheet[] = [
  {
    name: 'SK RFM',
    tables: [
      { title: 'Segment profile', headers: ['Segment', 'Customers', 'Share', 'Value'], rows: [['Champions', 1, 0.25, 310.25], ['At risk', 1, 0.25, 95.5], ['Lost', 1, 0.25, 12]], numberFormats: [undefined, '#,##0', '0.0%', '#,##0.00'] },
    ],
    charts: [
      { title: 'Size vs value', kind: 'column', table: 'Segment profile', categoryColumn: 'Segment', valueColumns: ['Customers', 'Value'] },
      { title: 'Missing', kind: 'line', table: 'Nope', categoryColumn: 'x', valueColumns: ['y'] },
    ],
  },
  { name: 'SK Playbook', tables: [{ title: 'Playbook', headers: ['Segment', 'Channel'], rows: [['Champions', 'Phone'], ['Lost', '=HYPERLINK("http://x","win back")']] }] },
];

const FULL: WriteResultsOptions = { sheet: 'Customers', columns: COLUMNS, sheets: SHEETS, pivot: { rows: 'SK · RFM segment', measures: ['SK · CLV'] } };

/** Every user cell (value, formula, format) as one string, to compare before and after. */
function userCells(wb: MemoryWorkbook, sheet = 'Customers', address = 'A1:C5'): string {
  const cells: unknown[] = [];
  const values = wb.values(sheet, address);
  values.forEach((row, i) => row.forEach((_, j) => cells.push(wb.cell(sheet, `${String.fromCharCode(65 + j)}${i + 1}`))));
  return JSON.stringify(cells);
}

describe('writeResults', () => {
  test('writes columns to the right of the used range with formats, and never touches user cells', async () => {
    const wb = install(customers());
    const before = userCells(wb);
    const report = await writeResults(FULL);
    expect(userCells(wb)).toBe(before);
    expect(wb.values('Customers', 'D1:E5')).toEqual([
      ['SK · RFM segment', 'SK · CLV'],
      ['Champions', 310.25],
      ['At risk', 95.5],
      ['', ''],
      ['Lost', 12],
    ]);
    expect(wb.cell('Customers', 'E2')).toMatchObject({ numberFormat: '#,##0.00', formula: null });
    expect(wb.cell('Customers', 'D2')).toMatchObject({ numberFormat: '@' });
    expect(wb.cell('Customers', 'D1')).toMatchObject({ bold: true, fill: '#E8F1FB' });
    expect(report.items.map((i) => i.where)).toContain('Customers!D1:D5');
    expect(wb.sheetNames()).toEqual(['Customers', 'SK RFM', 'SK Playbook', 'SK Pivot']);
    expect(report.warnings).toContain('Chart "Missing" on SK RFM was skipped: there is no table "Nope" on that sheet.');
  });

  test('summary sheets are formatted Excel tables with charts; the PivotTable reads data plus SK columns', async () => {
    const wb = install(customers());
    await writeResults(FULL);
    const snap = wb.snapshot() as { tables: { name: string; address: string }[]; charts: { name: string; series: unknown[]; sheet: string }[]; pivots: { name: string; source: string; rows: string[]; data: { field: string; numberFormat?: string }[] }[] };
    expect(snap.tables).toEqual([
      { name: 'SK_RFM_Segment_profile', address: "'SK RFM'!A2:D5" },
      { name: 'SK_Playbook_Playbook', address: "'SK Playbook'!A2:B4" },
    ]);
    expect(wb.cell('SK RFM', 'C3')).toMatchObject({ value: 0.25, numberFormat: '0.0%' });
    expect(wb.cell('SK RFM', 'A1')).toMatchObject({ value: 'Segment profile', bold: true });
    expect(snap.charts).toEqual([
      expect.objectContaining({ name: 'Size vs value', sheet: 'SK RFM', series: [
        { name: 'Customers', values: "'SK RFM'!B3:B5", xValues: "'SK RFM'!A3:A5" },
        { name: 'Value', values: "'SK RFM'!D3:D5", xValues: "'SK RFM'!A3:A5" },
      ] }),
    ]);
    expect(snap.pivots).toEqual([expect.objectContaining({ name: 'SK_Pivot_Pivot', source: 'Customers!A1:E5', rows: ['SK · RFM segment'], data: [expect.objectContaining({ field: 'SK · CLV', numberFormat: '#,##0.00' })] })]);
  });

  test('a rerun replaces SegmentKit output: the workbook is identical after run 1 and run 2', async () => {
    const wb = install(customers());
    await writeResults(FULL);
    const first = JSON.stringify(wb.snapshot());
    await writeResults(FULL);
    expect(JSON.stringify(wb.snapshot())).toBe(first);
  });

  test('into an Excel table: results become table columns, reruns reuse them', async () => {
    const wb = customers().addTable('Customers', 'A1:C5', 'Clients');
    install(wb);
    const before = userCells(wb);
    await writeResults({ sheet: 'Customers', columns: COLUMNS });
    const first = JSON.stringify(wb.snapshot());
    expect((wb.snapshot() as { tables: unknown[] }).tables).toEqual([{ name: 'Clients', address: 'Customers!A1:E5' }]);
    await writeResults({ sheet: 'Customers', columns: COLUMNS });
    expect(JSON.stringify(wb.snapshot())).toBe(first);
    expect(userCells(wb)).toBe(before);
    await writeResults({ sheet: 'Customers', columns: [{ header: 'SK · Tier', values: ['A', 'B', 'C', 'C'] }] });
    expect((wb.snapshot() as { tables: unknown[] }).tables).toEqual([{ name: 'Clients', address: 'Customers!A1:F5' }]);
  });

  test('strings Excel would run as formulas or convert are written as text', async () => {
    const risky = ['=HYPERLINK("http://evil","click")', "+cmd|' /C calc'!A0", '@SUM(A1:A2)', '-1+2'];
    const wb = install(customers());
    const report = await writeResults({ sheet: 'Customers', columns: [{ header: 'SK · Note', values: risky }, { header: 'SK · Code', values: ['\tTAB', '007', 'TRUE', '50%'] }] });
    expect(wb.values('Customers', 'D2:E5')).toEqual([
      [risky[0], '\tTAB'],
      [risky[1], '007'],
      [risky[2], 'TRUE'],
      [risky[3], '50%'],
    ]);
    for (const a of ['D2', 'D3', 'D4', 'D5', 'E3']) expect(wb.cell('Customers', a)).toMatchObject({ formula: null, numberFormat: '@' });
    expect(report.warnings).toContain('5 result cell(s) start with = + - @ or a tab and were written as text, so Excel does not run them as formulas.');
  });

  test('without the Text format the memory workbook itself turns such strings into formulas (why the guard exists)', async () => {
    const wb = install(new MemoryWorkbook().addSheet('S'));
    await excel!.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:D1').values = [['=1+1', '+cmd|x', '@SUM(1)', '-1+2']];
      await ctx.sync();
    });
    expect(['A1', 'B1', 'C1', 'D1'].map((a) => wb.cell('S', a).formula)).toEqual(['=1+1', '=+cmd|x', '=SUM(1)', '=-1+2']);
  });

  test('a failure between any two syncs names the step, and a rerun ends exactly like a clean run', async () => {
    const clean = install(customers());
    await writeResults(FULL);
    const expected = JSON.stringify(clean.snapshot());
    const total = clean.requestCount;
    expect(total).toBeGreaterThanOrEqual(4);
    for (let n = 1; n <= total; n++) {
      const wb = install(customers());
      const before = userCells(wb);
      wb.failOnSync(n);
      const err = await writeResults(FULL).then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
      if (n < total) {
        expect(err).toMatchObject({ code: 'E_EXCEL_WRITE' });
        expect(err!.message).toMatch(/^sheet "Customers": Writing results stopped at step "[^"]+": An internal error has occurred/);
      }
      expect(userCells(wb)).toBe(before);
      await writeResults(FULL);
      expect(JSON.stringify(wb.snapshot())).toBe(expected);
    }
  });

  test('hosts without ExcelApi 1.8 get a summary table instead of a PivotTable', async () => {
    const wb = install(customers().setApiVersion('1.7'));
    const report = await writeResults(FULL);
    expect((wb.snapshot() as { pivots: unknown[] }).pivots).toEqual([]);
    expect(wb.values('SK Pivot', 'A2:C5')).toEqual([
      ['SK · RFM segment', 'Customers', 'Sum of SK · CLV'],
      ['(blank)', 1, 0],
      ['At risk', 1, 95.5],
      ['Champions', 1, 310.25],
    ]);
    expect(report.warnings).toContain('This Excel does not support PivotTables from add-ins (ExcelApi 1.8); SegmentKit wrote a plain summary table instead.');
  });

  test('rowMap places output rows on sheet rows; -1 leaves a blank', async () => {
    const wb = install(customers());
    await writeResults({ sheet: 'Customers', columns: [{ header: 'SK · Tier', values: ['A', 'B'] }], rowMap: [1, -1, 0, 1] });
    expect(wb.values('Customers', 'D2:D5')).toEqual([['B'], [''], ['A'], ['B']]);
  });

  test('a sheet name with an apostrophe and a space is quoted in addresses', async () => {
    const wb = install(customers("Bob's Data"));
    const report = await writeResults({ sheet: "Bob's Data", columns: [COLUMNS[0]!] });
    expect(report.items[0]).toEqual({ what: 'column SK · RFM segment', where: "'Bob''s Data'!D1:D5" });
    expect(wb.cell("Bob's Data", 'D2').value).toBe('Champions');
  });

  test('large columns go in several requests under 4 MB, each with calculation suspended', async () => {
    const rows = 150_000;
    const data: (string | number)[][] = [['id']];
    for (let i = 0; i < rows; i++) data.push([i]);
    const wb = install(new MemoryWorkbook().addSheet('Big', data));
    const label = (i: number): string => `segment-with-a-long-name-${i % 7}`;
    const options = { sheet: 'Big', columns: [0, 1, 2].map((k) => ({ header: `SK · S${k}`, values: Array.from({ length: rows }, (_, i) => label(i + k)) })) };
    wb.failOnSync(4);
    await expect(writeResults(options)).rejects.toMatchObject({ code: 'E_EXCEL_WRITE', message: expect.stringMatching(/step "column rows \d+–\d+"/) });
    expect(wb.cell('Big', 'B1').value).toBe('SK · S0 (incomplete)');
    wb.resetStats();
    const report = await writeResults(options);
    expect(wb.cell('Big', 'B1').value).toBe('SK · S0');
    const writes = wb.syncs.filter((s) => s.requestBytes > 100_000);
    expect(writes.length).toBeGreaterThanOrEqual(4);
    expect(writes.every((s) => s.calculationSuspended)).toBe(true);
    expect(wb.largestRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024 + 64 * 1024);
    expect(wb.cell('Big', `B${rows + 1}`).value).toBe(label(rows - 1));
    expect(wb.cell('Big', `D${rows + 1}`).value).toBe(label(rows + 1));
    expect(report.requests).toBe(wb.requestCount - 1);
  });

  test('bad inputs fail before touching the workbook, with exact codes', async () => {
    const wb = install(customers());
    await expect(writeResults({ sheet: 'Customers', columns: [{ header: 'Segment', values: [] }] })).rejects.toMatchObject({
      code: 'E_EXCEL_HEADER',
      message: 'sheet "Customers", column "Segment": Output column headers must start with "SK · ". Name the column like "SK · RFM segment" so reruns can find and replace it.',
    });
    await expect(writeResults({ sheet: 'Customers', sheets: [{ name: 'RFM', tables: [] }] })).rejects.toMatchObject({ code: 'E_EXCEL_SHEET_NAME', location: { sheet: 'RFM' } });
    await expect(writeResults({ sheet: 'Customers', sheets: [{ name: 'SK a/b', tables: [] }] })).rejects.toMatchObject({ code: 'E_EXCEL_SHEET_NAME' });
    await expect(writeResults({ sheet: 'Customers', sheets: [{ name: 'SK ' + 'x'.repeat(29), tables: [] }] })).rejects.toMatchObject({ code: 'E_EXCEL_SHEET_NAME' });
    await expect(writeResults({ ...FULL, pivot: { rows: 'SK · Nope', measures: ['SK · CLV'] } })).rejects.toMatchObject({ code: 'E_EXCEL_PIVOT_FIELD' });
    expect(wb.requestCount).toBe(0);
    await expect(writeResults({ sheet: 'Customers', columns: [{ header: 'SK · X', values: [1, 2] }] })).rejects.toMatchObject({
      code: 'E_EXCEL_ROW_COUNT',
      message: 'sheet "Customers", column "SK · X": The column has 2 values but the sheet has 4 data rows. Read the sheet again: the data changed since the model ran.',
    });
    await expect(writeResults({ sheet: 'Nope', columns: [] })).rejects.toMatchObject({ code: 'E_EXCEL_SHEET_NOT_FOUND' });
  });
});
