import { dayNumberFromExcelSerial, isoFromDayNumber } from '../table/dayNumber';
import { BOOLEAN_MISSING, encodeStrings, type CodedColumn, type Column, type ColumnType } from '../table/Table';
import { cellAddress, columnLetter } from './columnLetter';
import { isExcelError } from './excelErrors';
import { isDateHeader, isFlagHeader, isIdHeader } from './headerHints';
import type { ColumnReport, IngestWarning } from './ParsedTable';
import { parseBooleanCell } from './parseBooleanCell';
import { dateParts, dayFromParts, isDateNumberFormat, isOrderAmbiguous, orderEvidence, type DateOrder, type DateParts } from './parseDateCell';
import { detectDecimalSeparator, parseNumberCell, plainDecimalValue, type DecimalSeparator } from './parseNumberCell';

/**
 * One column's cells as a reader hands them over. `cells` is the general form (Excel values or
 * CSV strings). The fast CSV reader pre-parses columns whose every non-blank cell is a plain
 * decimal (`numbers`) and hands the others over as `coded`: per row a code into `values`, the
 * column's distinct cell strings exactly as read (untrimmed; -1 for a row without that field;
 * values are distinct and each occurs in `codes`). Those forms are exactly what `cells` would
 * have become, so all readers produce the same table. The typed arrays are handed over: the
 * column may reuse them.
 */
export type ColumnCells =
  | { kind: 'cells'; cells: ArrayLike<unknown>; formats?: ArrayLike<string | undefined> }
  | { kind: 'numbers'; values: Float64Array }
  | { kind: 'coded'; codes: Int32Array; values: string[] };

export interface ColumnContext {
  name: string;
  /** 0-based sheet column. */
  index: number;
  sheet?: string;
  rowOf: (i: number) => number;
  dateOrder: DateOrder | 'auto';
  decimalHint: DecimalSeparator;
}

export interface InferredColumn {
  column: Column;
  report: ColumnReport;
  warnings: IngestWarning[];
}

/** Share of non-blank cells that must parse for a column to take a type (the rest is reported). */
const TYPE_SHARE = 0.8;
const MAX_BAD_CELLS = 5;
const SERIAL_MIN = 18264; // 1950-01-01
const SERIAL_MAX = 73051; // 2099-12-31
const CATEGORY_MAX_DISTINCT = 1000;
/** A column with at least this share of dates, but too few to be read as dates, gets W_MIXED_DATES. */
const MIXED_DATE_SHARE = 0.2;
const CODE_SHAPE = /^[A-Za-z]{0,4}[-_]?\d+$/;

/**
 * Decides a column's type and converts it. Internal: trusts its input (tableFromValues validates).
 *
 * @example
 * inferColumn({ kind: 'cells', cells: ['00042', '00043'] }, { name: 'Kundennummer', index: 0, rowOf: (i) => i + 2, dateOrder: 'auto', decimalHint: '.' }).column.type; // 'id'
 */
export function inferColumn(input: ColumnCells, ctx: ColumnContext): InferredColumn {
  const acc = new Accumulator(ctx);
  if (input.kind === 'numbers') return numericColumn(acc, input.values, countNaN(input.values), 0, 0);
  if (input.kind === 'coded') return codedColumn(acc, input.codes, input.values);
  return generalColumn(acc, input.cells, input.formats);
}

class Accumulator {
  readonly warnings: IngestWarning[] = [];
  unparsable = 0;
  readonly bad: string[] = [];
  constructor(readonly ctx: ColumnContext) {}

  badCell(i: number): void {
    this.unparsable++;
    if (this.bad.length < MAX_BAD_CELLS) this.bad.push(cellAddress(this.ctx.sheet, this.ctx.index, this.ctx.rowOf(i)));
  }

  warn(code: string, message: string, count?: number): void {
    this.warnings.push({ code, message, ...(count !== undefined ? { count } : {}) });
  }

  finish(column: Column, blank: number, excelErrors: number): InferredColumn {
    const report: ColumnReport = {
      name: this.ctx.name,
      type: column.type as ColumnType,
      letter: columnLetter(this.ctx.index),
      missing: blank + excelErrors,
      excelErrors,
      unparsable: this.unparsable,
      firstBadCells: this.bad,
      warnings: this.warnings.map((w) => w.message),
    };
    if (this.unparsable > 0) {
      this.warn(
        'W_UNPARSABLE',
        `Column "${this.ctx.name}" is read as ${column.type}, but ${this.unparsable} cell(s) are not (first: ${this.bad.join(', ')}); they count as missing`,
        this.unparsable,
      );
    }
    if (excelErrors > 0) this.warn('W_EXCEL_ERRORS', `Column "${this.ctx.name}" has ${excelErrors} Excel error value(s) such as #N/A; they count as missing`, excelErrors);
    report.warnings = this.warnings.map((w) => w.message);
    return { column, report, warnings: this.warnings };
  }
}

function countNaN(values: Float64Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) n++;
  return n;
}

function numericColumn(acc: Accumulator, values: Float64Array, blank: number, errors: number, dateFormatted: number): InferredColumn {
  const { name } = acc.ctx;
  const n = values.length;
  const present = n - blank - errors;
  const dateHeader = isDateHeader(name);
  const flagHeader = isFlagHeader(name);
  const idHeader = isIdHeader(name);
  let integers = true;
  let compact = present > 0;
  let serial = present > 0;
  let zeroOne = present > 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (!Number.isInteger(v)) integers = compact = zeroOne = false;
    if (compact && (v < 19000101 || v > 21001231 || Number.isNaN(compactDay(v)))) compact = false;
    if (v < SERIAL_MIN || v > SERIAL_MAX) serial = false;
    if (v !== 0 && v !== 1) zeroOne = false;
    // Each flag only counts with its header (compact dates with any): once none can, the rest of a million amounts need no look.
    if (!compact && !(integers && idHeader) && !(serial && dateHeader) && !(zeroOne && flagHeader)) break;
  }
  if (present > 0 && dateFormatted * 2 > present) return acc.finish({ name, type: 'date', values: mapPresent(values, dayNumberFromExcelSerial) }, blank, errors);
  if (compact) return acc.finish({ name, type: 'date', values: mapPresent(values, compactDay) }, blank, errors);
  if (serial && dateHeader) return acc.finish({ name, type: 'date', values: mapPresent(values, dayNumberFromExcelSerial) }, blank, errors);
  if (zeroOne && flagHeader) {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = values[i] !== values[i] ? BOOLEAN_MISSING : values[i];
    return acc.finish({ name, type: 'boolean', values: out }, blank, errors);
  }
  if (integers && present > 0 && idHeader) return acc.finish(numbersToIds(name, values), blank, errors);
  return acc.finish({ name, type: 'number', values }, blank, errors);
}

function compactDay(v: number): number {
  const year = Math.floor(v / 10000);
  return dayFromParts({ shape: 'compact', year, a: Math.floor(v / 100) % 100, b: v % 100 }, 'dmy');
}

function mapPresent(values: Float64Array, f: (v: number) => number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] !== values[i] ? NaN : f(values[i]);
  return out;
}

function numbersToIds(name: string, values: Float64Array): Column {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min <= Math.max(1 << 16, 4 * values.length)) return smallIntegerIds(name, values, min, max);
  const index = new Map<number, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) {
      codes[i] = -1;
      continue;
    }
    let code = index.get(v);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(String(v));
      index.set(v, code);
    }
    codes[i] = code;
  }
  return { name, type: 'id', codes, dictionary };
}

/** Same codes as the Map-based encoding (first appearance order), through an array indexed by value. */
function smallIntegerIds(name: string, values: Float64Array, min: number, max: number): Column {
  const slot = new Int32Array(max - min + 1).fill(-1);
  const dictionary: string[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) {
      codes[i] = -1;
      continue;
    }
    let code = slot[v - min];
    if (code < 0) {
      code = dictionary.length;
      dictionary.push(String(v));
      slot[v - min] = code;
    }
    codes[i] = code;
  }
  return { name, type: 'id', codes, dictionary };
}

function generalColumn(acc: Accumulator, cells: ArrayLike<unknown>, formats: ArrayLike<string | undefined> | undefined): InferredColumn {
  const n = cells.length;
  const numbers = new Float64Array(n).fill(NaN);
  let blank = 0;
  let errors = 0;
  let nonNumeric = 0;
  let dateFormatted = 0;
  // Most columns are all numbers: count and convert first, and spell cells out as text only
  // when the column turns out to be text (a million date strings per numeric column were most of
  // a sheet's parse time and garbage). A column's cells share few formats: classify each once.
  let lastFormat: string | undefined | null = null;
  let lastIsDate = false;
  for (let i = 0; i < n; i++) {
    const v = cells[i];
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        blank++;
        continue;
      }
      numbers[i] = v;
      if (formats) {
        const f = formats[i];
        if (f !== lastFormat) {
          lastFormat = f;
          lastIsDate = isDateNumberFormat(f);
        }
        if (lastIsDate) dateFormatted++;
      }
    } else if (typeof v === 'string') {
      const t = v.trim();
      if (t === '') blank++;
      else if (isExcelError(t)) errors++;
      else {
        const c0 = t.charCodeAt(0);
        const x = (c0 >= 48 && c0 <= 57) || c0 === 45 ? plainDecimalValue(t) : NaN;
        if (x === x) numbers[i] = x;
        else nonNumeric++;
      }
    } else if (typeof v === 'boolean') nonNumeric++;
    else if (v instanceof Date) {
      nonNumeric++;
      if (Number.isNaN(v.getTime())) blank++;
    } else if (v === null || v === undefined) blank++;
    else nonNumeric++;
  }
  if (nonNumeric === 0) return numericColumn(acc, numbers, blank, errors, dateFormatted);
  const texts = cellTexts(cells, formats);
  return textColumn(acc, encodeStrings(acc.ctx.name, texts, 'category'), n - blank - errors, blank, errors, () => Array.from(texts, (t) => (t === undefined ? null : t)));
}

/** Each cell of a text column as its text (dates in date formats as ISO dates); undefined for blanks and Excel errors. */
function cellTexts(cells: ArrayLike<unknown>, formats: ArrayLike<string | undefined> | undefined): (string | undefined)[] {
  const texts: (string | undefined)[] = new Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) continue;
      texts[i] = formats && isDateNumberFormat(formats[i]) ? isoFromDayNumber(dayNumberFromExcelSerial(v)) : String(v);
    } else if (typeof v === 'string') {
      const t = v.trim();
      if (t !== '' && !isExcelError(t)) texts[i] = t;
    } else if (typeof v === 'boolean') texts[i] = v ? 'true' : 'false';
    else if (v instanceof Date) texts[i] = Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
    else if (v !== null && v !== undefined) texts[i] = String(v);
  }
  return texts;
}

/**
 * {@link generalColumn} for cells already interned by the reader: each distinct string is
 * trimmed and classified once, then the per-row work is array indexing. Codes follow first
 * appearance of the trimmed text, as {@link encodeStrings} numbers them, because the reader
 * numbers raw values by first appearance too.
 */
function codedColumn(acc: Accumulator, codes: Int32Array, values: string[]): InferredColumn {
  const n = codes.length;
  const k = values.length;
  const counts = countCodes(codes, k);
  let blank = n;
  for (let c = 0; c < k; c++) blank -= counts[c];
  let errors = 0;
  let nonNumeric = 0;
  const trimmed: (string | undefined)[] = new Array(k);
  const numberOf = new Float64Array(k).fill(NaN);
  for (let c = 0; c < k; c++) {
    const t = values[c].trim();
    if (t === '') blank += counts[c];
    else if (isExcelError(t)) errors += counts[c];
    else {
      trimmed[c] = t;
      const c0 = t.charCodeAt(0);
      const x = (c0 >= 48 && c0 <= 57) || c0 === 45 ? plainDecimalValue(t) : NaN;
      if (x === x) numberOf[c] = x;
      else nonNumeric += counts[c];
    }
  }
  if (nonNumeric === 0) {
    const numbers = new Float64Array(n);
    for (let i = 0; i < n; i++) numbers[i] = codes[i] < 0 ? NaN : numberOf[codes[i]];
    return numericColumn(acc, numbers, blank, errors, 0);
  }
  // Values are distinct, so only trimming can make two of them one category.
  let trims = false;
  let dropped = false;
  for (let c = 0; c < k; c++) {
    if (trimmed[c] === undefined) dropped = true;
    else if (trimmed[c] !== values[c]) trims = true;
  }
  let dictionary: string[];
  const remap = new Int32Array(k);
  let identity = !dropped;
  if (!trims && !dropped) dictionary = values;
  else {
    const index = trims ? new Map<string, number>() : undefined;
    dictionary = [];
    for (let c = 0; c < k; c++) {
      const t = trimmed[c];
      if (t === undefined) {
        remap[c] = -1;
        continue;
      }
      let code = index ? index.get(t) : undefined;
      if (code === undefined) {
        code = dictionary.length;
        dictionary.push(t);
        index?.set(t, code);
      }
      remap[c] = code;
      if (code !== c) identity = false;
    }
  }
  let dictionaryCounts = counts;
  if (!identity) {
    for (let i = 0; i < n; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
    dictionaryCounts = new Int32Array(dictionary.length);
    for (let c = 0; c < k; c++) if (remap[c] >= 0) dictionaryCounts[remap[c]] += counts[c];
  }
  const coded: CodedColumn = { name: acc.ctx.name, type: 'category', codes, dictionary };
  const rowTexts = (): (string | null)[] => {
    const out: (string | null)[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = codes[i] < 0 ? null : dictionary[codes[i]];
    return out;
  };
  return textColumn(acc, coded, n - blank - errors, blank, errors, rowTexts, dictionaryCounts);
}

/**
 * `rowTexts` gives every row's trimmed text (null when missing), for columns kept as free text;
 * `known` are the rows per dictionary entry when the caller has counted them already.
 */
function textColumn(
  acc: Accumulator,
  coded: CodedColumn,
  present: number,
  blank: number,
  errors: number,
  rowTexts: () => (string | null)[],
  known?: Int32Array,
): InferredColumn {
  const { name } = acc.ctx;
  // Every check runs once per distinct value: a million order lines hold a few thousand products.
  const { codes, dictionary } = coded;
  const n = codes.length;
  const k = dictionary.length;
  const counts = known ?? countCodes(codes, k);
  const idHeader = isIdHeader(name);
  // Each test stops once its type is out of reach (a big id column is decided in its first
  // values); a dictionary entry always has a count above zero, which makes that safe.
  let digitsOnly = true;
  let leadingZero = false;
  let codeShaped = !idHeader;
  let allBoolean = true;
  let booleans = 0;
  let booleanWords = 0;
  let maybeDates = true;
  let dates = 0;
  let unseen = present;
  const parts: (DateParts | undefined)[] = new Array(k);
  for (let c = 0; c < k; c++) {
    const t = dictionary[c];
    if (digitsOnly) {
      if (!/^\d+$/.test(t)) digitsOnly = false;
      else if (t.length > 1 && t.charCodeAt(0) === 48) leadingZero = true;
    }
    if (codeShaped && !CODE_SHAPE.test(t)) codeShaped = false;
    if (allBoolean) {
      if (parseBooleanCell(t) === undefined) allBoolean = false;
      else {
        booleans += counts[c];
        if (!/^[01]$/.test(t)) booleanWords++;
      }
    }
    unseen -= counts[c];
    if (maybeDates) {
      parts[c] = dateParts(t);
      if (parts[c]) dates += counts[c];
      else if (dates + unseen < TYPE_SHARE * present) maybeDates = false;
    }
  }
  if (digitsOnly && leadingZero) return acc.finish({ ...coded, type: 'id' }, blank, errors);
  if (allBoolean && booleans === present && booleanWords > 0) {
    const out = new Uint8Array(n).fill(BOOLEAN_MISSING);
    const byCode = Uint8Array.from(dictionary, (t) => (parseBooleanCell(t) ? 1 : 0));
    for (let i = 0; i < n; i++) if (codes[i] >= 0) out[i] = byCode[codes[i]];
    return acc.finish({ name, type: 'boolean', values: out }, blank, errors);
  }
  if (maybeDates && dates > 0 && dates >= TYPE_SHARE * present) return dateColumn(acc, codes, counts, parts, blank, errors);
  // A value without `.` or `,` reads the same with either separator, so the column's separator
  // is only worked out once a value needs it: id columns stop long before that.
  let decimal: DecimalSeparator | undefined;
  const byCode = new Float64Array(k);
  let parsed = 0;
  let numeric = true;
  unseen = present;
  for (let c = 0; c < k && numeric; c++) {
    const t = dictionary[c];
    if (decimal === undefined && (t.indexOf('.') >= 0 || t.indexOf(',') >= 0)) decimal = detectDecimalSeparator(dictionary, acc.ctx.decimalHint);
    byCode[c] = parseNumberCell(t, decimal ?? acc.ctx.decimalHint);
    unseen -= counts[c];
    if (byCode[c] === byCode[c]) parsed += counts[c];
    else if (idHeader || parsed + unseen < TYPE_SHARE * present) numeric = false;
  }
  if (numeric && parsed >= TYPE_SHARE * present && !(idHeader && parsed < present)) {
    return acc.finish({ name, type: 'number', values: decodeCodes(acc, codes, byCode) }, blank, errors);
  }
  const type = idHeader || (codeShaped && k > CATEGORY_MAX_DISTINCT) ? 'id' : k <= CATEGORY_MAX_DISTINCT && k <= Math.max(10, present / 2) ? 'category' : 'text';
  if (isDateHeader(name) || dates >= MIXED_DATE_SHARE * present) warnMixedDates(acc, coded, counts, present, type);
  if (type === 'id') return acc.finish({ ...coded, type: 'id' }, blank, errors);
  if (type === 'category') return acc.finish(coded, blank, errors);
  return acc.finish({ name, type: 'text', values: rowTexts() }, blank, errors);
}

/**
 * A column partly in dates, but below TYPE_SHARE, is read as text and its dates are lost to
 * recency and tenure; that usually means two date formats in one column (a pasted export, a
 * hand-typed "March 3, 2024"), so say so with the first cell in another form. Eight-digit
 * numbers are left out: they are as often ids as compact dates.
 */
function warnMixedDates(acc: Accumulator, coded: CodedColumn, counts: Int32Array, present: number, type: string): void {
  const { codes, dictionary } = coded;
  const isDate = new Uint8Array(dictionary.length);
  let dates = 0;
  for (let c = 0; c < dictionary.length; c++) {
    const p = dateParts(dictionary[c]);
    if (p && p.shape !== 'compact') {
      isDate[c] = 1;
      dates += counts[c];
    }
  }
  if (dates === 0 || dates === present) return;
  let first = 0;
  while (codes[first] < 0 || isDate[codes[first]]) first++;
  const cell = cellAddress(acc.ctx.sheet, acc.ctx.index, acc.ctx.rowOf(first));
  const share = Math.round((dates / present) * 100);
  acc.warn(
    'W_MIXED_DATES',
    `Column "${acc.ctx.name}" holds ${dates} date(s) (${share} % of its values) but ${present - dates} value(s) in another form (first: ${cell} "${dictionary[codes[first]]}"), so it is read as ${type} and its dates are not used; write every date the same way (for example 2024-03-31) or format the column as Date in Excel, then read it again`,
    present - dates,
  );
}

function countCodes(codes: Int32Array, k: number): Int32Array {
  const counts = new Int32Array(k);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) counts[codes[i]]++;
  return counts;
}

/** Per-row values from per-code values; rows whose code has no value are reported as unparsable. */
function decodeCodes(acc: Accumulator, codes: Int32Array, byCode: Float64Array): Float64Array {
  const values = new Float64Array(codes.length).fill(NaN);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0) continue;
    values[i] = byCode[c];
    if (byCode[c] !== byCode[c]) acc.badCell(i);
  }
  return values;
}

function dateColumn(acc: Accumulator, codes: Int32Array, counts: Int32Array, parts: (DateParts | undefined)[], blank: number, errors: number): InferredColumn {
  const { name } = acc.ctx;
  let dmy = 0;
  let mdy = 0;
  let ambiguous = 0;
  let dashed = 0;
  let slashed = 0;
  for (let c = 0; c < parts.length; c++) {
    const p = parts[c];
    if (!p) continue;
    const e = orderEvidence(p);
    if (e === 'dmy') dmy += counts[c];
    else if (e === 'mdy') mdy += counts[c];
    if (isOrderAmbiguous(p)) ambiguous += counts[c];
    if (p.shape === 'dashed') dashed += counts[c];
    if (p.shape === 'slashed') slashed += counts[c];
  }
  let order: DateOrder;
  if (acc.ctx.dateOrder !== 'auto') order = acc.ctx.dateOrder;
  else if (dmy > 0 && mdy > 0) {
    order = mdy > dmy ? 'mdy' : 'dmy';
    const other = order === 'dmy' ? mdy : dmy;
    acc.warn(
      'W_DATE_ORDER_MIXED',
      `Column "${name}" mixes day-first and month-first dates (${dmy} only fit day/month, ${mdy} only fit month/day); read as ${order === 'dmy' ? 'day/month' : 'month/day'}, the ${other} other(s) are unparsable`,
      other,
    );
  } else if (dmy > 0) order = 'dmy';
  else if (mdy > 0) order = 'mdy';
  else {
    order = slashed > dashed ? 'mdy' : 'dmy';
    if (ambiguous > 0) {
      acc.warn(
        'W_DATE_ORDER_AMBIGUOUS',
        `Column "${name}" has ${ambiguous} date(s) such as 03/04 that read differently as day/month and month/day, and no value decides; read as ${order === 'dmy' ? 'day/month' : 'month/day'}. Pass dateOrder 'dmy' or 'mdy' to choose`,
        ambiguous,
      );
    }
  }
  const byCode = Float64Array.from(parts, (p) => (p ? dayFromParts(p, order) : NaN));
  return acc.finish({ name, type: 'date', values: decodeCodes(acc, codes, byCode) }, blank, errors);
}
