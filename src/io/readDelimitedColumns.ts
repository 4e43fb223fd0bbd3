import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { ColumnCells } from '../core/ingest/inferColumn';
import type { IngestWarning, ParsedTable } from '../core/ingest/ParsedTable';
import { dayFromParts, type DateOrder } from '../core/ingest/parseDateCell';
import { looksLikeHeader } from '../core/ingest/looksLikeHeader';
import { tableFromColumns } from '../core/ingest/tableFromColumns';
import { tableFromValues } from '../core/ingest/tableFromValues';
import { decodeText } from './decodeText';
import { detectDelimiter, type Delimiter } from './detectDelimiter';
import { parseDelimitedRecords } from './parseDelimitedRecords';
import { sniffFormat } from './sniffFormat';
import { fieldText, tokenizeDelimited, type DelimitedTokens } from './tokenizeDelimited';

export interface ReadDelimitedOptions {
  /** Shown in messages; defaults to the path's base name. */
  file?: string;
  delimiter?: Delimiter;
  dateOrder?: DateOrder | 'auto';
  hasHeader?: boolean | 'auto';
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const MAX_EXACT_DIGITS = 15;

/**
 * The fast path for big transaction CSVs: field boundaries go into typed arrays, columns of plain
 * numbers and ISO dates are parsed straight from the characters, and only the other columns
 * become strings. Row rules, inference and reports are those of {@link tableFromValues}, so the
 * result equals `readTableFile` on the same file. `source` is a path or the file's bytes.
 *
 * @example
 * const orders = readDelimitedColumns('orders.csv');
 * orders.table.columns.find((c) => c.name === 'customer_id')?.type; // 'id'
 */
export function readDelimitedColumns(source: string | Buffer, options: ReadDelimitedOptions = {}): ParsedTable & { delimiter: Delimiter } {
  const file = options.file ?? (typeof source === 'string' ? basename(source) : undefined);
  let bytes: Buffer;
  if (typeof source === 'string') {
    try {
      bytes = readFileSync(source);
    } catch (e) {
      throw new SegmentKitError('E_FILE_NOT_FOUND', 'The file cannot be read', { location: { file: source }, hint: 'Check the path.', cause: e });
    }
  } else bytes = source;
  if (bytes.length === 0) throw new SegmentKitError('E_EMPTY', 'The file is empty', { location: { file }, hint: 'Export the data again; the file has 0 bytes.' });
  if (sniffFormat(bytes, '', file ?? '') === 'xlsx') {
    throw new SegmentKitError('E_ARGUMENT', 'This is a workbook, not a delimited text file', { location: { file }, hint: 'Read it with readTableFile.' });
  }
  const { text } = decodeText(bytes, file ?? '');
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const common = { file, dateOrder: options.dateOrder ?? 'auto', decimalHint: delimiter === ';' ? (',' as const) : ('.' as const) };
  if (delimiter === 'whitespace') {
    return Object.assign(tableFromValues(parseDelimitedRecords(text, delimiter), { ...common, hasHeader: options.hasHeader ?? 'auto' }), { delimiter });
  }
  const t = tokenizeDelimited(text, delimiter);
  const parsed = columnsFromTokens(t, options.hasHeader ?? 'auto', common);
  return Object.assign(parsed, { delimiter });
}

function columnsFromTokens(t: DelimitedTokens, hasHeaderOption: boolean | 'auto', options: { file?: string; dateOrder: DateOrder | 'auto'; decimalHint: '.' | ',' }): ParsedTable {
  const { file } = options;
  let first = 0;
  while (first < t.records && lastFilled(t, first) < 0) first++;
  if (first === t.records) {
    throw new SegmentKitError('E_EMPTY', 'There is no data: every cell is blank', { location: { file }, hint: 'Choose the sheet or range that holds the data.' });
  }
  const headerCells = recordTexts(t, first);
  const hasHeader = hasHeaderOption === 'auto' ? looksLikeHeader(headerCells) : hasHeaderOption;
  const dataStart = hasHeader ? first + 1 : first;
  let width = hasHeader ? t.recordFields[first] : 0;
  if (!hasHeader) for (let r = dataStart; r < t.records; r++) width = Math.max(width, lastFilled(t, r) + 1);

  const rows = new Int32Array(t.records - dataStart);
  let rowCount = 0;
  let blankRows = 0;
  const shortRows: number[] = [];
  for (let r = dataStart; r < t.records; r++) {
    const fields = t.recordFields[r];
    if (!firstFieldFilled(t, r)) {
      const filled = lastFilled(t, r);
      if (filled < 0) {
        blankRows++;
        continue;
      }
    }
    if (fields > width) {
      const filled = lastFilled(t, r);
      if (filled >= width) {
        throw new SegmentKitError('E_RAGGED_ROW', `Row ${r + 1} has ${filled + 1} values but the header has ${width} columns`, {
          location: { file, row: r + 1 },
          hint: 'Give the extra values a header, or check the delimiter and quoting of that row.',
        });
      }
    } else if (fields < width) shortRows.push(r + 1);
    rows[rowCount++] = r;
  }
  const dataRows = rows.subarray(0, rowCount);
  const warnings: IngestWarning[] = [];
  const trailing = rowCount > 0 ? t.records - 1 - dataRows[rowCount - 1] : 0;
  const inside = rowCount > 0 ? blankRows - trailing : 0;
  if (inside > 0) warnings.push({ code: 'W_BLANK_ROWS', message: `Skipped ${inside} blank row(s) inside the data`, count: inside });
  if (shortRows.length > 0) {
    warnings.push({
      code: 'W_SHORT_ROWS',
      message: `${shortRows.length} row(s) have fewer values than the header (first: row ${shortRows.slice(0, 5).join(', ')}); the missing cells are blank`,
      count: shortRows.length,
    });
  }
  const columns: ColumnCells[] = [];
  for (let c = 0; c < width; c++) columns.push(numberLane(t, dataRows, c) ?? isoLane(t, dataRows, c) ?? stringLane(t, dataRows, c));
  const rowSources = new Int32Array(rowCount);
  for (let i = 0; i < rowCount; i++) rowSources[i] = dataRows[i] + 1;
  const parsed = tableFromColumns(hasHeader ? headerCells : null, columns, rowSources, hasHeader ? first + 1 : 0, options);
  parsed.warnings.unshift(...warnings);
  return parsed;
}

function recordTexts(t: DelimitedTokens, r: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < t.recordFields[r]; k++) out.push(fieldText(t, t.recordFirst[r] + k));
  return out;
}

function isBlankRange(t: DelimitedTokens, f: number): boolean {
  const { text } = t;
  const s = t.quoted[f] ? t.start[f] + 1 : t.start[f];
  for (let i = s; i < t.end[f]; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 34 && c !== 0xa0 && c !== 13 && c !== 10 && c !== 0x2028 && c !== 0x2029 && c !== 0xfeff && c !== 11 && c !== 12) return false;
  }
  return fieldText(t, f).trim() === '';
}

function firstFieldFilled(t: DelimitedTokens, r: number): boolean {
  const f = t.recordFirst[r];
  const s = t.start[f];
  return t.end[f] > s && t.text.charCodeAt(s) > 32 && t.text.charCodeAt(s) !== 34 && t.text.charCodeAt(s) !== 0xa0;
}

function lastFilled(t: DelimitedTokens, r: number): number {
  const first = t.recordFirst[r];
  for (let k = t.recordFields[r] - 1; k >= 0; k--) if (!isBlankRange(t, first + k)) return k;
  return -1;
}

/** Whole column as plain decimals (`-12`, `0.5`): exactly what `+text` gives, without the strings. */
function numberLane(t: DelimitedTokens, rows: Int32Array, c: number): ColumnCells | undefined {
  const { text } = t;
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (c >= t.recordFields[r]) {
      values[i] = NaN;
      continue;
    }
    const f = t.recordFirst[r] + c;
    let p = t.start[f];
    let e = t.end[f];
    if (t.quoted[f]) {
      if (text.charCodeAt(e - 1) !== 34) return undefined;
      p++;
      e--;
    }
    if (p === e) {
      values[i] = NaN;
      continue;
    }
    let negative = false;
    if (text.charCodeAt(p) === 45) {
      negative = true;
      p++;
    }
    const intStart = p;
    let mantissa = 0;
    while (p < e) {
      const d = text.charCodeAt(p) - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      p++;
    }
    let digits = p - intStart;
    if (digits === 0 || (digits > 1 && text.charCodeAt(intStart) === 48)) return undefined;
    let scale = 0;
    if (p < e && text.charCodeAt(p) === 46) {
      p++;
      const fracStart = p;
      while (p < e) {
        const d = text.charCodeAt(p) - 48;
        if (d < 0 || d > 9) break;
        mantissa = mantissa * 10 + d;
        p++;
      }
      scale = p - fracStart;
      if (scale === 0) return undefined;
      digits += scale;
    }
    if (p < e && (text.charCodeAt(p) | 32) === 101) {
      const exponent = text.slice(p + 1, e);
      if (!/^[-+]?\d+$/.test(exponent)) return undefined;
      values[i] = +text.slice(intStart - (negative ? 1 : 0), e);
      if (!Number.isFinite(values[i])) return undefined;
      continue;
    }
    if (p !== e) return undefined;
    const magnitude = digits > MAX_EXACT_DIGITS || scale >= POW10.length ? Math.abs(+text.slice(intStart - (negative ? 1 : 0), e)) : mantissa / POW10[scale];
    if (!Number.isFinite(magnitude)) return undefined;
    values[i] = negative ? -magnitude : magnitude;
  }
  return { kind: 'numbers', values };
}

/** Whole column as strict `yyyy-mm-dd`, the shape machine exports use. */
function isoLane(t: DelimitedTokens, rows: Int32Array, c: number): ColumnCells | undefined {
  const { text } = t;
  const values = new Float64Array(rows.length);
  // Order lines repeat the same few hundred days, so each distinct date is converted once.
  const seen = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (c >= t.recordFields[r]) {
      values[i] = NaN;
      continue;
    }
    const f = t.recordFirst[r] + c;
    const p = t.start[f];
    const e = t.end[f];
    if (p === e) {
      values[i] = NaN;
      continue;
    }
    if (t.quoted[f] || e - p !== 10 || text.charCodeAt(p + 4) !== 45 || text.charCodeAt(p + 7) !== 45) return undefined;
    const year = digitsAt(text, p, 4);
    const a = digitsAt(text, p + 5, 2);
    const b = digitsAt(text, p + 8, 2);
    if (year < 0 || a < 0 || b < 0) return undefined;
    const key = year * 10000 + a * 100 + b;
    let day = seen.get(key);
    if (day === undefined) {
      day = dayFromParts({ shape: 'iso', year, a, b }, 'dmy');
      if (day !== day) return undefined;
      seen.set(key, day);
    }
    values[i] = day;
  }
  return { kind: 'days', values };
}

function digitsAt(text: string, p: number, count: number): number {
  let v = 0;
  for (let k = 0; k < count; k++) {
    const d = text.charCodeAt(p + k) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Text columns of order lines repeat a few thousand products and one id per customer: equal cells
 * share one string, found by hashing the characters in place, so a million cells cost a few
 * thousand allocations and the dictionary encoding after it hashes each distinct string once.
 */
function stringLane(t: DelimitedTokens, rows: Int32Array, c: number): ColumnCells {
  const { text } = t;
  const cells: string[] = new Array(rows.length);
  let mask = 1023;
  let slots = new Int32Array(mask + 1).fill(-1);
  const distinct: string[] = [];
  const hashes: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (c >= t.recordFields[r]) {
      cells[i] = '';
      continue;
    }
    const f = t.recordFirst[r] + c;
    if (t.quoted[f]) {
      cells[i] = fieldText(t, f);
      continue;
    }
    const s = t.start[f];
    const e = t.end[f];
    let h = 0x811c9dc5;
    for (let p = s; p < e; p++) h = Math.imul(h ^ text.charCodeAt(p), 0x01000193);
    let slot = h & mask;
    let found = -1;
    while (slots[slot] >= 0) {
      const k = slots[slot];
      if (hashes[k] === h && sameText(distinct[k], text, s, e)) {
        found = k;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (found < 0) {
      found = distinct.length;
      distinct.push(text.slice(s, e));
      hashes.push(h);
      slots[slot] = found;
      if (distinct.length * 2 > mask) {
        mask = mask * 2 + 1;
        slots = rehash(hashes, mask);
      }
    }
    cells[i] = distinct[found];
  }
  return { kind: 'cells', cells };
}

function sameText(a: string, text: string, s: number, e: number): boolean {
  if (a.length !== e - s) return false;
  for (let k = 0; k < a.length; k++) if (a.charCodeAt(k) !== text.charCodeAt(s + k)) return false;
  return true;
}

function rehash(hashes: number[], mask: number): Int32Array {
  const slots = new Int32Array(mask + 1).fill(-1);
  for (let k = 0; k < hashes.length; k++) {
    let slot = hashes[k] & mask;
    while (slots[slot] >= 0) slot = (slot + 1) & mask;
    slots[slot] = k;
  }
  return slots;
}
