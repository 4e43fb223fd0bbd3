import type { DataFrame } from 'danfojs';
import { encodeStrings, cellValue, type Column, type Table } from './Table';
import { isoFromDayNumber, dayNumberFromIso } from './dayNumber';

/**
 * A small core table (a profile, a drill-down subset, a preview) as a danfojs DataFrame, for
 * users' familiar DataFrame operations. Dates become ISO strings, missing values null. danfojs
 * loads lazily (about 1.5 s) and is never meant for per-customer work on a full sheet.
 *
 * @example
 * const df = await tableToDataFrame(subset);
 * df.describe();
 */
export async function tableToDataFrame(table: Table): Promise<DataFrame> {
  const dfd = await import('danfojs');
  const data: Record<string, (string | number | boolean | null)[]> = {};
  for (const c of table.columns) {
    const out: (string | number | boolean | null)[] = new Array(table.rowCount);
    for (let i = 0; i < table.rowCount; i++) {
      const v = cellValue(c, i);
      out[i] = c.type === 'date' && typeof v === 'number' ? isoFromDayNumber(v) : v;
    }
    data[c.name] = out;
  }
  return new dfd.DataFrame(data);
}

/**
 * A DataFrame back as a core table: number columns as Float64Array (NaN missing), columns of
 * `YYYY-MM-DD` strings as dates, booleans as booleans, other strings dictionary-encoded.
 *
 * @example
 * const table = tableFromDataFrame(df.query(df['size'].gt(100)));
 */
export function tableFromDataFrame(df: DataFrame): Table {
  const names = df.columns as string[];
  const rows = (df.values as unknown[][]) ?? [];
  const columns: Column[] = names.map((name, k) => {
    const cells = rows.map((r) => r[k]);
    const present = cells.filter((v) => v !== null && v !== undefined && !(typeof v === 'number' && Number.isNaN(v)));
    if (present.length > 0 && present.every((v) => typeof v === 'number')) {
      return { name, type: 'number', values: Float64Array.from(cells, (v) => (typeof v === 'number' ? v : NaN)) };
    }
    if (present.length > 0 && present.every((v) => typeof v === 'boolean')) {
      return { name, type: 'boolean', values: Uint8Array.from(cells, (v) => (typeof v === 'boolean' ? (v ? 1 : 0) : 255)) };
    }
    if (present.length > 0 && present.every((v) => typeof v === 'string' && !Number.isNaN(dayNumberFromIso(v)))) {
      return { name, type: 'date', values: Float64Array.from(cells, (v) => (typeof v === 'string' ? dayNumberFromIso(v) : NaN)) };
    }
    return encodeStrings(name, cells.map((v) => (v === null || v === undefined ? null : String(v))));
  });
  return { rowCount: rows.length, columns };
}
