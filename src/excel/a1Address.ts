/**
 * A1 addresses the way Excel writes them: column letters, 1-based rows, and sheet names quoted
 * when they hold anything but letters, digits, underscores and dots (apostrophes doubled).
 * Shared by the adapter and the in-memory workbook so both agree on every address.
 */

/** A rectangle of cells, 0-based and inclusive, as Excel's `getRangeByIndexes` counts. */
export interface CellRect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/**
 * `0 → A`, `25 → Z`, `26 → AA`, `16383 → XFD`.
 *
 * @example
 * columnName(27); // 'AB'
 */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `A → 0`, `XFD → 16383`; -1 for anything that is not column letters. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) return -1;
    n = n * 26 + (c - 64);
  }
  return letters.length === 0 ? -1 : n - 1;
}

/**
 * Quotes a sheet name for use in an address when Excel would: `Sheet1` stays, `My Sheet`
 * becomes `'My Sheet'`, `Bob's` becomes `'Bob''s'`.
 *
 * @example
 * quoteSheetName("Bob's data"); // "'Bob''s data'"
 */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^[Rr]([0-9]+)?[Cc]?([0-9]+)?$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * `{row:1, column:0, rowCount:2, columnCount:3}` → `A2:C3` (`A2` for a single cell).
 *
 * @example
 * formatRect({ row: 0, column: 0, rowCount: 1, columnCount: 1 }, 'My Sheet'); // "'My Sheet'!A1"
 */
export function formatRect(rect: CellRect, sheet?: string): string {
  const first = `${columnName(rect.column)}${rect.row + 1}`;
  const single = rect.rowCount === 1 && rect.columnCount === 1;
  const last = `${columnName(rect.column + rect.columnCount - 1)}${rect.row + rect.rowCount}`;
  const body = single ? first : `${first}:${last}`;
  return sheet === undefined ? body : `${quoteSheetName(sheet)}!${body}`;
}

/** Splits `'Bob''s'!A1:B2` into the unquoted sheet name and the cell part. */
export function splitSheet(address: string): { sheet?: string; cells: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { cells: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cells: address.slice(bang + 1) };
}

/**
 * Parses the cell part of an address: `B3`, `A1:C9`, `$A$1:$C$9`, whole columns `A:C` and whole
 * rows `2:5`. Returns null for anything else (named ranges are not addresses).
 *
 * @example
 * parseCells('B2:C4'); // { row: 1, column: 1, rowCount: 3, columnCount: 2 }
 */
export function parseCells(cells: string): CellRect | null {
  const parts = cells.replace(/\$/g, '').toUpperCase().split(':');
  if (parts.length < 1 || parts.length > 2) return null;
  const ends = parts.map(parseEnd);
  if (ends.some((e) => e === null)) return null;
  const a = ends[0]!;
  const b = ends[ends.length - 1]!;
  if ((a.row === null) !== (b.row === null) || (a.column === null) !== (b.column === null)) return null;
  const r0 = a.row ?? 0;
  const r1 = b.row ?? MAX_ROWS - 1;
  const c0 = a.column ?? 0;
  const c1 = b.column ?? MAX_COLUMNS - 1;
  if (parts.length === 1 && (a.row === null || a.column === null)) return null;
  const row = Math.min(r0, r1);
  const column = Math.min(c0, c1);
  return { row, column, rowCount: Math.abs(r1 - r0) + 1, columnCount: Math.abs(c1 - c0) + 1 };
}

function parseEnd(s: string): { row: number | null; column: number | null } | null {
  const m = /^([A-Z]*)([0-9]*)$/.exec(s);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const column = m[1] === '' ? null : columnIndex(m[1]!);
  const row = m[2] === '' ? null : Number(m[2]) - 1;
  if (column !== null && (column < 0 || column >= MAX_COLUMNS)) return null;
  if (row !== null && (row < 0 || row >= MAX_ROWS)) return null;
  return { row, column };
}
