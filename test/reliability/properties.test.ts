import fc from 'fast-check';
import type { ClvModel } from '../../src/core/clv/ClvModel';
import { clvConditionalExpectedPurchases, clvPAlive } from '../../src/core/clv/clvModelPredictions';
import { scoreClv } from '../../src/core/clv/scoreClv';
import { summaryFromColumns } from '../../src/core/clv/summaryFromColumns';
import { buildCustomerTable, describeSheet, type SheetKind } from '../../src/core/customers/buildCustomerTable';
import type { CustomerTable } from '../../src/core/customers/CustomerTable';
import { isSegmentKitError } from '../../src/core/errors/SegmentKitError';
import { parseNumberCell } from '../../src/core/ingest/parseNumberCell';
import { tableFromValues } from '../../src/core/ingest/tableFromValues';
import type { ModelResult } from '../../src/core/models/SegmentModel';
import { defaultRecipe } from '../../src/core/recipe/defaultRecipe';
import { applyRecipe, runRecipe } from '../../src/core/recipe/runRecipe';
import { generateSample } from '../../src/core/sample/generateSample';
import { cellValue, type Column } from '../../src/core/table/Table';
import { isoFromDayNumber } from '../../src/core/table/dayNumber';
import { readDelimitedColumns } from '../../src/io/readDelimitedColumns';
import { createFieldBounds, scanRecord } from '../../src/io/scanRecord';
import { sampleSheets } from '../../src/playground/sampleSheets';

/** Anything a reader throws must be a SegmentKitError: a message for the user, never a crash. */
function onlySegmentKitErrors(run: () => unknown): boolean {
  try {
    run();
  } catch (e) {
    if (!isSegmentKitError(e)) throw e;
  }
  return true;
}

function numbersOf(c: Column): Float64Array | undefined {
  return c.type === 'number' || c.type === 'date' ? c.values : undefined;
}

describe('readers never throw anything but SegmentKitError', () => {
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom('', ' ', '#N/A', '#DIV/0!', '#REF!', '=1+1', '@x', '1e999', '-0', 'NaN', '00042', '12,50 €', '(1.5)', '31/12/2024', '2024-02-30', 'TRUE', '\u0000', '"'),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: false }),
  );

  it('tableFromValues on arbitrary 2-D values (3,000 cases)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }), fc.constantFrom<boolean | 'auto'>('auto', true, false), (values, hasHeader) =>
        onlySegmentKitErrors(() => {
          const p = tableFromValues(values, { hasHeader });
          for (const c of p.table.columns) {
            const v = numbersOf(c);
            if (v) for (const x of v) if (!(Number.isNaN(x) || Number.isFinite(x))) throw new Error(`column ${c.name} holds ${x}`);
          }
        }),
      ),
      { numRuns: 3000, seed: 10 },
    );
  });

  it('readDelimitedColumns on arbitrary bytes and on CSV-like text (3,000 cases each)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => onlySegmentKitErrors(() => readDelimitedColumns(Buffer.from(bytes), { file: 'fuzz.csv' }))), { numRuns: 3000, seed: 11 });
    const csvChar = fc.constantFrom('a', '1', '0', '.', ',', ';', '\t', '|', '"', '\n', '\r', ' ', '-', 'e', '9', '#', '/', 'é');
    fc.assert(
      fc.property(fc.array(csvChar, { maxLength: 200 }), (chars) =>
        onlySegmentKitErrors(() => {
          const p = readDelimitedColumns(Buffer.from(chars.join(''), 'utf8'), { file: 'fuzz.csv' });
          for (const c of p.table.columns) {
            const v = numbersOf(c);
            if (v) for (const x of v) if (!(Number.isNaN(x) || Number.isFinite(x))) throw new Error(`column ${c.name} holds ${x}`);
          }
        }),
      ),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('the CSV record scanner never throws, always moves forward and keeps fields inside the bytes (5,000 cases)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ';', 'x', '1'), maxLength: 120 }), fc.constantFrom(',', ';', '\t', '|'), (text, delimiter) => {
        const bytes = Buffer.from(text);
        const bounds = createFieldBounds(2);
        let pos = 0;
        let records = 0;
        while (pos < bytes.length) {
          const next = scanRecord(bytes, pos, delimiter.charCodeAt(0), bounds);
          if (next <= pos || bounds.count < 1) return false;
          for (let f = 0; f < bounds.count; f++) if (bounds.start[f] < pos || bounds.end[f] > bytes.length || bounds.start[f] > bounds.end[f]) return false;
          pos = next;
          records++;
        }
        return records <= bytes.length;
      }),
      { numRuns: 5000, seed: 13 },
    );
  });

  it('numbers that overflow are not numbers (1e999 and 400-digit integers)', () => {
    expect(parseNumberCell('1e999')).toBeNaN();
    expect(parseNumberCell('-1e999')).toBeNaN();
    expect(parseNumberCell('9'.repeat(400))).toBeNaN();
    const fast = readDelimitedColumns(Buffer.from(`id,amount\nA,1\nB,1e999\n${'C,2\n'.repeat(10)}`), { file: 'x.csv' });
    expect(fast.columns[1]).toMatchObject({ type: 'number', unparsable: 1, firstBadCells: ['B3'] });
  });
});

/** Order lines as a fast-check value: customer, day offset, amount in cents. */
const orderLines = fc.array(fc.tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 500_000 })), { minLength: 6, maxLength: 80 });
const BASE_DAY = 19_000;
const MODEL_KINDS = ['rfm', 'value', 'lifecycle'];

function customersFrom(lines: readonly (readonly [number, number, number])[], options: { money?: number; shift?: number } = {}): CustomerTable {
  const money = options.money ?? 1;
  const shift = options.shift ?? 0;
  const values: unknown[][] = [['customer_id', 'order_date', 'amount']];
  for (const [id, day, cents] of lines) values.push([`C${id}`, isoFromDayNumber(BASE_DAY + day + shift), (cents / 100) * money]);
  const parsed = tableFromValues(values, { sheet: 'Orders' });
  return buildCustomerTable([describeSheet('Orders', parsed, {}, 'transactions')]);
}

/** RFM, value and lifecycle, plus k-means (k = 3) when there are at least 3 customers. */
function withKmeans(customers: CustomerTable, seed = 1) {
  const kinds = customers.table.rowCount >= 3 ? [...MODEL_KINDS, 'kmeans'] : MODEL_KINDS;
  return defaultRecipe(customers.roles, kinds, { seed, settings: { kmeans: { k: '3' } } });
}

/** Segment name per customer id, so runs over differently ordered rows compare. */
function segmentsById(customers: CustomerTable, results: ModelResult[]): Record<string, string[]> {
  const ids = customers.table.columns.find((c) => c.name === customers.idColumn)!;
  const out: Record<string, string[]> = {};
  for (let i = 0; i < customers.table.rowCount; i++) out[String(cellValue(ids, i))] = results.map((r) => (r.labels[i] < 0 ? '' : r.segmentNames[r.labels[i]]));
  return out;
}

function sizesAddUp(customers: CustomerTable, r: ModelResult): boolean {
  const assigned = r.profile.segments.reduce((s, x) => s + x.size, 0);
  let unassigned = 0;
  for (const l of r.labels) if (l < 0) unassigned++;
  return r.labels.length === customers.table.rowCount && assigned + unassigned === customers.table.rowCount;
}

describe('engine properties over random order lines', () => {
  it('every model’s segment sizes plus unassigned equal the customers (400 data sets)', () => {
    fc.assert(
      fc.property(orderLines, (lines) => {
        const customers = customersFrom(lines);
        const { results } = runRecipe(customers, withKmeans(customers));
        return results.every((r) => sizesAddUp(customers, r));
      }),
      { numRuns: 400, seed: 21 },
    );
  });

  it('assignments do not depend on row order (400 shuffles)', () => {
    fc.assert(
      fc.property(orderLines.chain((lines) => fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }))), ([lines, shuffled]) => {
        const a = customersFrom(lines);
        const b = customersFrom(shuffled);
        const recipe = defaultRecipe(a.roles, MODEL_KINDS);
        expect(segmentsById(b, runRecipe(b, recipe).results)).toEqual(segmentsById(a, runRecipe(a, recipe).results));
      }),
      { numRuns: 400, seed: 22 },
    );
  });

  it('re-applying the fitted recipe reproduces runRecipe, k-means included (300 data sets)', () => {
    fc.assert(
      fc.property(orderLines, fc.integer({ min: 0, max: 1000 }), (lines, seed) => {
        const customers = customersFrom(lines);
        const { results, fitted } = runRecipe(customers, withKmeans(customers, seed));
        const again = applyRecipe(customers, JSON.parse(JSON.stringify(fitted)));
        results.forEach((r, i) => expect(Array.from(again[i].labels)).toEqual(Array.from(r.labels)));
      }),
      { numRuns: 300, seed: 23 },
    );
  });

  it('scaling money or shifting every date changes no RFM, value or lifecycle segment (300 data sets)', () => {
    fc.assert(
      fc.property(orderLines, fc.constantFrom(0.01, 0.5, 3, 1000), fc.integer({ min: -3000, max: 3000 }), (lines, money, shift) => {
        const base = customersFrom(lines);
        const recipe = defaultRecipe(base.roles, ['rfm', 'value', 'lifecycle']);
        const expected = segmentsById(base, runRecipe(base, recipe).results);
        const scaled = customersFrom(lines, { money });
        expect(segmentsById(scaled, runRecipe(scaled, recipe).results)).toEqual(expected);
        const shifted = customersFrom(lines, { shift });
        expect(segmentsById(shifted, runRecipe(shifted, recipe).results)).toEqual(expected);
      }),
      { numRuns: 300, seed: 24 },
    );
  });

  it('every registered model on the seeded sample: sizes add up and applyRecipe agrees (3 seeds)', () => {
    const kinds: Record<string, SheetKind> = { Customers: 'customers', Orders: 'transactions', Tickets: 'tickets' };
    for (const seed of [1, 2, 3]) {
      const sheets = sampleSheets(generateSample({ customers: 250, seed })).map((s) => describeSheet(s.name, tableFromValues(s.values, { sheet: s.name, numberFormats: s.numberFormats }), {}, kinds[s.name]));
      const customers = buildCustomerTable(sheets);
      const all = ['rfm', 'value', 'lifecycle', 'behavior', 'kmeans', 'demographic', 'technographic', 'clv'];
      const { results, fitted } = runRecipe(customers, defaultRecipe(customers.roles, all, { seed, settings: { kmeans: { k: '4' } } }));
      expect(results.map((r) => r.kind)).toEqual(all);
      for (const r of results) expect([r.kind, sizesAddUp(customers, r)]).toEqual([r.kind, true]);
      const again = applyRecipe(customers, fitted);
      results.forEach((r, i) => expect([r.kind, Array.from(again[i].labels)]).toEqual([r.kind, Array.from(r.labels)]));
    }
  });
});

describe('CLV outputs for any valid summary', () => {
  const positive = fc.double({ min: 1e-2, max: 100, noNaN: true });
  const model = fc
    .tuple(
      fc.oneof(
        fc.record({ r: positive, alpha: positive, a: positive, b: positive }).map((params) => ({ model: 'bgnbd' as const, params })),
        fc.record({ r: positive, alpha: positive, s: positive, beta: positive }).map((params) => ({ model: 'paretonbd' as const, params })),
      ),
      fc.record({ p: fc.double({ min: 0.1, max: 100, noNaN: true }), q: fc.double({ min: 1.01, max: 100, noNaN: true }), gamma: positive }),
    )
    .map(([pm, gg]) => ({ ...pm, version: 1, timeUnit: 'week', logLikelihood: 0, converged: true, iterations: 0, gradientNorm: 0, gammaGamma: { params: gg, logLikelihood: 0, converged: true, iterations: 0, correlation: 0, warnings: [] } }) as ClvModel);
  const row = fc
    .tuple(fc.integer({ min: 0, max: 400 }), fc.double({ min: 0.001, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 3000, noNaN: true }), fc.double({ min: 0.01, max: 1e5, noNaN: true }))
    .map(([x, share, T, m]) => ({ x, tx: x === 0 ? 0 : share * T, T, m }));

  it('P(alive) ∈ [0, 1]; expected purchases, spend and CLV finite and ≥ 0 (500 cases over the range real fits land in)', () => {
    fc.assert(
      fc.property(model, fc.array(row, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 104 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (m, rows, horizon, discountRate) => {
        const s = summaryFromColumns([
          { name: 'x', values: Float64Array.from(rows, (r) => r.x) },
          { name: 't_x', values: Float64Array.from(rows, (r) => r.tx) },
          { name: 'T', values: Float64Array.from(rows, (r) => r.T) },
          { name: 'zbar', values: Float64Array.from(rows, (r) => (r.x > 0 ? r.m : 0)) },
        ]);
        const scores = scoreClv(m, s, { horizon, discountRate, margin: 1 });
        rows.forEach((r, i) => {
          const p = clvPAlive(m, r.x, r.tx, r.T);
          expect([p >= 0 && p <= 1, scores.pAlive[i] >= 0 && scores.pAlive[i] <= 1]).toEqual([true, true]);
          const e = clvConditionalExpectedPurchases(m, horizon, r.x, r.tx, r.T);
          for (const v of [e, scores.expectedPurchases[i], scores.expectedSpend[i], scores.clv[i]]) expect([v, Number.isFinite(v) && v >= 0]).toEqual([v, true]);
        });
      }),
      { numRuns: 500, seed: 31 },
    );
  });
});
