import { createHash } from 'node:crypto';
import { buildCustomerTable, describeSheet, type SheetKind } from '../../src/core/customers/buildCustomerTable';
import type { CustomerTable } from '../../src/core/customers/CustomerTable';
import { tableFromValues } from '../../src/core/ingest/tableFromValues';
import type { ModelResult } from '../../src/core/models/SegmentModel';
import { defaultRecipe } from '../../src/core/recipe/defaultRecipe';
import { runRecipe } from '../../src/core/recipe/runRecipe';
import { generateSample } from '../../src/core/sample/generateSample';
import { cellValue } from '../../src/core/table/Table';
import { columnLetter } from '../../src/core/ingest/columnLetter';
import { installMemoryExcel, type MemoryExcel } from '../../src/excel/memory/installMemoryExcel';
import { MemoryWorkbook } from '../../src/excel/memory/MemoryWorkbook';
import { loadRecipes, RECIPE_NAMESPACE, saveRecipe } from '../../src/excel/recipeStore';
import { writeResults, type WriteResultsOptions } from '../../src/excel/writeResults';
import { sampleSheets, type SampleSheet } from '../../src/playground/sampleSheets';

/**
 * "Nothing lost": whatever SegmentKit writes, for every model and write option, the user's cells
 * (values, formulas, number formats) are bit-for-bit what they were; a rerun gives the same
 * workbook as one run; a failure between any two syncs leaves user data intact and the next
 * run ends exactly like a clean one.
 */
const KINDS: Record<string, SheetKind> = { Customers: 'customers', Orders: 'transactions', Tickets: 'tickets' };
const ALL_MODELS = ['rfm', 'value', 'lifecycle', 'behavior', 'kmeans', 'demographic', 'technographic', 'clv'];

let sheets: SampleSheet[];
let customers: CustomerTable;
let results: ModelResult[];
let rowMap: Int32Array;
let fittedRecipe: unknown;

beforeAll(() => {
  sheets = sampleSheets(generateSample({ customers: 150, seed: 8 }));
  const described = sheets.map((s) => describeSheet(s.name, tableFromValues(s.values, { sheet: s.name, numberFormats: s.numberFormats }), {}, KINDS[s.name]));
  customers = buildCustomerTable(described);
  const run = runRecipe(customers, defaultRecipe(customers.roles, ALL_MODELS, { seed: 4, settings: { kmeans: { k: '4' } } }));
  results = run.results;
  fittedRecipe = run.fitted;
  const ids = customers.table.columns.find((c) => c.name === customers.idColumn)!;
  const rowOf = new Map<string, number>();
  for (let i = 0; i < customers.table.rowCount; i++) rowOf.set(String(cellValue(ids, i)), i);
  const sheet = sheets.find((s) => s.name === 'Customers')!;
  rowMap = Int32Array.from(sheet.values.slice(1), (row) => rowOf.get(String(row[0])) ?? -1);
});

let excel: MemoryExcel | undefined;
afterEach(() => excel?.uninstall());

function seeded(asTable = false): MemoryWorkbook {
  excel?.uninstall();
  const wb = new MemoryWorkbook();
  for (const s of sheets) wb.addSheet(s.name, s.values as never, s.numberFormats);
  if (asTable) {
    const c = sheets.find((s) => s.name === 'Customers')!;
    wb.addTable('Customers', `A1:${columnLetter(c.values[0].length - 1)}${c.values.length}`, 'Clients');
  }
  excel = installMemoryExcel(wb);
  return wb;
}

/** SHA-256 over every user cell: value, formula and number format, sheet by sheet. */
function userHash(wb: MemoryWorkbook): string {
  const h = createHash('sha256');
  for (const s of sheets) {
    const width = s.values[0].length;
    for (let r = 0; r < s.values.length; r++) {
      for (let c = 0; c < width; c++) {
        const cell = wb.cell(s.name, `${columnLetter(c)}${r + 1}`);
        h.update(JSON.stringify([s.name, r, c, cell.value, cell.formula, cell.numberFormat]));
      }
    }
  }
  return h.digest('hex');
}

type Variant = 'columns' | 'sheets' | 'pivot' | 'no charts' | 'table';

function optionsFor(r: ModelResult, variant: Variant): WriteResultsOptions {
  const base: WriteResultsOptions = { sheet: 'Customers', columns: r.columns, rowMap };
  if (variant === 'columns' || variant === 'table') return base;
  const withSheets = { ...base, sheets: r.sheets, charts: variant !== 'no charts' };
  if (variant !== 'pivot') return withSheets;
  const segment = r.columns.find((c) => typeof c.values[0] === 'string' || Array.isArray(c.values))!;
  // Models without a numeric column of their own (demographic, technographic) pivot on a value column.
  const own = r.columns.find((c) => c.values instanceof Float64Array);
  const measure = own ?? results.flatMap((x) => x.columns).find((c) => c.values instanceof Float64Array)!;
  return { ...withSheets, columns: own ? r.columns : [...r.columns, measure], pivot: { rows: segment.header, measures: [measure.header] } };
}

describe('nothing lost', () => {
  const variants: Variant[] = ['columns', 'sheets', 'pivot', 'no charts', 'table'];

  it.each(ALL_MODELS)('%s: every write option leaves user cells unchanged, and twice equals once', async (kind) => {
    const r = results.find((x) => x.kind === kind)!;
    expect(r.columns.length).toBeGreaterThan(0);
    for (const variant of variants) {
      const wb = seeded(variant === 'table');
      const before = userHash(wb);
      await writeResults(optionsFor(r, variant));
      expect([variant, userHash(wb)]).toEqual([variant, before]);
      const once = JSON.stringify(wb.snapshot());
      await writeResults(optionsFor(r, variant));
      expect([variant, JSON.stringify(wb.snapshot()) === once]).toEqual([variant, true]);
    }
  });

  it('writing every model one after another, then again, gives the same workbook and keeps user cells', async () => {
    const wb = seeded();
    const before = userHash(wb);
    const writeAll = async () => {
      for (const r of results) await writeResults(optionsFor(r, 'sheets'));
    };
    await writeAll();
    const once = JSON.stringify(wb.snapshot());
    await writeAll();
    expect(JSON.stringify(wb.snapshot())).toBe(once);
    expect(userHash(wb)).toBe(before);
  });

  it.each(['rfm', 'clv'])('%s: a failure injected before any sync keeps user data; the next run ends like a clean one', async (kind) => {
    const r = results.find((x) => x.kind === kind)!;
    const options = optionsFor(r, 'pivot');
    const clean = seeded();
    await writeResults(options);
    const expected = JSON.stringify(clean.snapshot());
    const total = clean.requestCount;
    expect(total).toBeGreaterThanOrEqual(3);
    for (let n = 1; n <= total; n++) {
      const wb = seeded();
      const before = userHash(wb);
      wb.failOnSync(n);
      const error = await writeResults(options).then(
        () => null,
        (e: unknown) => e as { code?: string },
      );
      if (n < total) expect([n, error?.code]).toEqual([n, 'E_EXCEL_WRITE']);
      expect([n, userHash(wb)]).toEqual([n, before]);
      await writeResults(options);
      expect([n, JSON.stringify(wb.snapshot()) === expected]).toEqual([n, true]);
    }
  });

  it('stored recipes: the fitted one is current; older, newer and damaged ones load with a clear status', async () => {
    const wb = seeded();
    const before = userHash(wb);
    await saveRecipe('Fitted', fittedRecipe);
    await saveRecipe('Old', { version: 0, name: 'Old' });
    await saveRecipe('Future', { version: 2, name: 'Future' });
    await excel!.run(async (ctx) => {
      ctx.workbook.customXmlParts.add(`<recipe xmlns="${RECIPE_NAMESPACE}" name="Torn" version="1">{"version": 1, "models": [</recipe>`);
      await ctx.sync();
    });
    const byName = Object.fromEntries((await loadRecipes()).map((x) => [x.name, x]));
    expect(byName.Fitted).toMatchObject({ status: 'current', recipe: JSON.parse(JSON.stringify(fittedRecipe)) });
    expect(byName.Old.message).toBe('Recipe "Old" was saved by an older SegmentKit (recipe version 0; this one runs version 1). It needs upgrading before it runs.');
    expect(byName.Future.message).toBe('Recipe "Future" was saved by a newer SegmentKit (recipe version 2; this one runs version 1). Update SegmentKit to run it.');
    expect(byName.Torn).toMatchObject({ status: 'unreadable', message: 'Recipe "Torn" is damaged and cannot be read. Delete it and save it again.' });
    expect(userHash(wb)).toBe(before);
  });
});
