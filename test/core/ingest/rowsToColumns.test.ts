import fc from 'fast-check';
import { rowsToColumns } from '../../../src/core/ingest/rowsToColumns';
import { tableFromValues } from '../../../src/core/ingest/tableFromValues';
import type { ParsedTable } from '../../../src/core/ingest/ParsedTable';
import { cellValue } from '../../../src/core/table/Table';

/** Everything a reader of the table sees, or the error it gets. */
function outcome(run: () => ParsedTable): unknown {
  try {
    const p = run();
    return {
      columns: p.table.columns.map((c) => ({ name: c.name, type: c.type, cells: Array.from({ length: p.table.rowCount }, (_, i) => cellValue(c, i)) })),
      reports: p.columns,
      warnings: p.warnings,
      headerRow: p.headerRow,
      sources: Array.from({ length: p.table.rowCount }, (_, i) => p.sourceRowOf(i)),
    };
  } catch (e) {
    return { error: (e as Error).message, code: (e as { code?: string }).code, location: (e as { location?: unknown }).location };
  }
}

const cell = fc.oneof(fc.constantFrom('', ' ', 'x', 'C1', 'C2', '12', '3.5', '2024-03-01', '#N/A', 'id', 'amount'), fc.integer({ min: -5, max: 50000 }), fc.boolean(), fc.constant(null));
const row = fc.array(cell, { maxLength: 5 });
const format = fc.constantFrom('General', 'yyyy-mm-dd', '0.00', '@');

describe('rowsToColumns', () => {
  it('gives tableFromValues\' table, warnings and errors however the rows are cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom<boolean | 'auto'>('auto', true, false),
        fc.option(format, { nil: undefined }),
        fc.integer({ min: 1, max: 9 }),
        (values, cuts, hasHeader, fmt, startRow) => {
          const numberFormats = fmt === undefined ? undefined : values.map((r) => r.map((_, c) => (c === 1 ? fmt : 'General')));
          const options = { sheet: 'S', hasHeader, startRow };
          const whole = outcome(() => tableFromValues(values, { ...options, numberFormats }));
          const chunked = outcome(() => {
            const block = rowsToColumns(options);
            for (let at = 0, k = 0; at < values.length; k++) {
              const size = cuts[k % cuts.length];
              block.add(values.slice(at, at + size), numberFormats?.slice(at, at + size));
              at += size;
            }
            return block.finish();
          });
          expect(chunked).toEqual(whole);
        },
      ),
      { seed: 20261123, numRuns: 400 },
    );
  });

  it('reports the first ragged row, and a row that is not an array wherever it comes', () => {
    const ragged = rowsToColumns({ sheet: 'Orders' });
    ragged.add([['id', 'amount'], ['C1', 1]]);
    ragged.add([['C2', 2, 'extra'], ['C3', 3, 'more']]);
    expect(() => ragged.finish()).toThrow(expect.objectContaining({ code: 'E_RAGGED_ROW', message: 'sheet "Orders", row 3: Row 3 has 3 values but the header has 2 columns. Give the extra values a header, or check the delimiter and quoting of that row.' }));
    const notRows = rowsToColumns({ sheet: 'Orders' });
    notRows.add([['id', 'amount'], ['C1', 1, 'extra']]);
    notRows.add(['C2' as unknown as unknown[]]);
    expect(() => notRows.finish()).toThrow(expect.objectContaining({ code: 'E_ARGUMENT', message: 'sheet "Orders": values must be an array of rows (arrays of cells). Pass range.values as it is.' }));
  });
});
