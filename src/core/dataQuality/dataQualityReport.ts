import { orderStatisticsInPlace } from '../stats/orderStatisticsInPlace';
import { codesOf } from '../customers/codesOf';
import type { Role, RoleMap } from '../roles/Role';
import { ROLE_LABELS } from '../roles/Role';
import type { Table } from '../table/Table';
import { CODE_MISSING, findColumn } from '../table/Table';

export interface QualityFinding {
  code: string;
  message: string;
  count: number;
  /** First places, e.g. `Orders row 17` or `Orders!D17`. */
  examples: string[];
}

export interface DataQualityReport {
  rows: number;
  /** Distinct customer ids, or null when no customer id is mapped. */
  customers: number | null;
  findings: QualityFinding[];
}

export interface DataQualityInput {
  table: Table;
  roles: RoleMap;
  shape: 'transactions' | 'customers';
  /** Sheet or file name used in examples. */
  source?: string;
  /** Day number of "today": later dates are future dates. */
  today: number;
  sourceRowOf?: (i: number) => number;
  /** Unparsable cells per column from the reader, already located. */
  unparsable?: { column: string; count: number; cells: string[] }[];
}

const EXAMPLES = 5;
const NUMERIC_ROLES: Role[] = ['amount', 'quantity', 'unitPrice', 'income', 'age', 'supportContacts'];
const DATE_ROLES: Role[] = ['date', 'signupDate', 'lastActivity'];

/**
 * What a person should know before trusting the data: blank and duplicate ids, unparsable
 * cells, negative or zero amounts, future dates and far-out values (beyond Tukey's outer
 * fence Q3 + 3·IQR). Findings are reported, never fixed silently.
 *
 * @example
 * const report = dataQualityReport({ table, roles, shape: 'transactions', today: dayNumberFromIso('2026-11-23') });
 * report.findings.map((f) => f.code); // e.g. ['W_BLANK_ID', 'W_NEGATIVE_AMOUNT']
 */
export function dataQualityReport(input: DataQualityInput): DataQualityReport {
  const { table, roles, shape } = input;
  const where = (i: number) => {
    const row = input.sourceRowOf ? input.sourceRowOf(i) : i + 2;
    return input.source ? `${input.source} row ${row}` : `row ${row}`;
  };
  const findings: QualityFinding[] = [];
  let customers: number | null = null;

  const idCol = roles.customerId ? findColumn(table, roles.customerId) : undefined;
  if (idCol) {
    const { codes, labels } = codesOf(idCol);
    const seen = new Uint8Array(labels.length);
    const blank = finding('W_BLANK_ID', `rows have no customer id (column "${idCol.name}")`);
    const dup = finding('W_DUPLICATE_ID', `customer ids appear on more than one row of a customer table (column "${idCol.name}")`);
    let distinct = 0;
    for (let i = 0; i < table.rowCount; i++) {
      const c = codes[i];
      if (c === CODE_MISSING) add(blank, i, where);
      else if (seen[c] === 0) {
        seen[c] = 1;
        distinct++;
      } else if (shape === 'customers') add(dup, i, where);
    }
    customers = distinct;
    findings.push(blank, dup);
  }

  for (const u of input.unparsable ?? []) {
    findings.push({ code: 'W_UNPARSABLE', message: `cells in column "${u.column}" could not be read and count as missing`, count: u.count, examples: u.cells.slice(0, EXAMPLES) });
  }

  const amount = roles.amount ? findColumn(table, roles.amount) : undefined;
  if (amount && amount.type === 'number') {
    const neg = finding('W_NEGATIVE_AMOUNT', `amounts are negative (column "${amount.name}"); in transactions they are treated as returns`);
    const zero = finding('W_ZERO_AMOUNT', `amounts are zero (column "${amount.name}")`);
    for (let i = 0; i < table.rowCount; i++) {
      const v = amount.values[i];
      if (v < 0) add(neg, i, where);
      else if (v === 0) add(zero, i, where);
    }
    findings.push(neg, zero);
  }

  for (const role of DATE_ROLES) {
    const col = roles[role] ? findColumn(table, roles[role] as string) : undefined;
    if (!col || col.type !== 'date') continue;
    const future = finding('W_FUTURE_DATE', `${ROLE_LABELS[role]}s lie in the future (column "${col.name}")`);
    for (let i = 0; i < table.rowCount; i++) if (col.values[i] > input.today) add(future, i, where);
    findings.push(future);
  }

  for (const role of NUMERIC_ROLES) {
    const col = roles[role] ? findColumn(table, roles[role] as string) : undefined;
    if (!col || col.type !== 'number') continue;
    const present = col.values.filter((v) => !Number.isNaN(v));
    if (present.length < 20) continue;
    const [q1, q3] = quartiles(present);
    const fence = q3 + 3 * (q3 - q1);
    if (!(q3 > q1)) continue;
    const out = finding('W_OUTLIER', `values in column "${col.name}" are far above the rest (over ${round(fence)}, Q3 + 3 × IQR); check them before trusting averages`);
    for (let i = 0; i < table.rowCount; i++) if (col.values[i] > fence) add(out, i, where);
    findings.push(out);
  }

  return { rows: table.rowCount, customers, findings: findings.filter((f) => f.count > 0) };
}

/**
 * First and third quartiles, type 7 (R's default, numpy's linear, simple-statistics'
 * quantileSorted) from the four order statistics they need, found by selection instead of
 * sorting a million values. Reorders `values`.
 */
function quartiles(values: Float64Array): [number, number] {
  const last = values.length - 1;
  const ranks = [...new Set([0.25, 0.75].flatMap((p) => [Math.floor(last * p), Math.ceil(last * p)]))];
  const stats = orderStatisticsInPlace(values, values.length, ranks);
  const at = (rank: number) => stats[ranks.indexOf(rank)];
  const quartile = (p: number) => {
    const idx = last * p;
    const lo = Math.floor(idx);
    return idx % 1 !== 0 ? at(lo) + (idx - lo) * (at(Math.ceil(idx)) - at(lo)) : at(idx);
  };
  return [quartile(0.25), quartile(0.75)];
}

function finding(code: string, message: string): QualityFinding {
  return { code, message, count: 0, examples: [] };
}

/** Counts row i; its place is spelled out only while examples are wanted (a column can flag a million rows). */
function add(f: QualityFinding, i: number, where: (i: number) => string): void {
  f.count++;
  if (f.examples.length < EXAMPLES) f.examples.push(where(i));
}

function round(v: number): string {
  return Math.abs(v) >= 100 ? String(Math.round(v)) : v.toFixed(2);
}
