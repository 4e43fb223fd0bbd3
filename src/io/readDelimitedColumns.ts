import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { IngestWarning, ParsedTable } from '../core/ingest/ParsedTable';
import type { DateOrder } from '../core/ingest/parseDateCell';
import { looksLikeHeader } from '../core/ingest/looksLikeHeader';
import { tableFromColumns } from '../core/ingest/tableFromColumns';
import { decodeText, mixedEncodingWarning, type DecodedText } from './decodeText';
import { delimiterSample } from './delimiterSample';
import { detectDelimiter, type Delimiter } from './detectDelimiter';
import { fieldString } from './fieldString';
import { readDelimitedText } from './readDelimitedText';
import { awaitRange, readRangeInWorker, stopRange } from './readRangeInWorker';
import { RecordRange } from './RecordRange';
import { lastFilled } from './recordFields';
import { createFieldBounds, scanRecord } from './scanRecord';
import { sniffFormat } from './sniffFormat';
import { unclosedQuoteWarning } from './unclosedQuoteWarning';

export interface ReadDelimitedOptions {
  /** Shown in messages; defaults to the path's base name. */
  file?: string;
  delimiter?: Delimiter;
  dateOrder?: DateOrder | 'auto';
  hasHeader?: boolean | 'auto';
  /**
   * 2 lets a worker thread read the second part of the records when `source` lies in a
   * SharedArrayBuffer (readFileBytes gives big files so); 1 reads in this thread only. Default:
   * 2 from PARALLEL_MIN_BYTES on, when the machine has a second core.
   */
  threads?: 1 | 2;
}

interface CommonOptions {
  file?: string;
  dateOrder: DateOrder | 'auto';
  decimalHint: '.' | ',';
}

/** From this size on a second thread pays for its start (tens of milliseconds) several times over. */
const PARALLEL_MIN_BYTES = 96 * 2 ** 20;
/** Share of the records this thread reads when a worker reads the rest. */
const MAIN_SHARE = 0.52;

/** decodeText looks at this many bytes after a byte-order mark for NUL and control bytes. */
const TEXT_CHECK_BYTES = 8192;

/**
 * The fast path for big transaction CSVs, reading the file's bytes without decoding it into one
 * string: records are cut one at a time, columns of plain numbers are parsed straight from the
 * bytes, and every other column is interned by its bytes, so only distinct values become strings
 * and type inference runs once per distinct value. Row rules, inference and reports are those of
 * `tableFromValues`, so the result equals `readTableFile` on the same file. `source` is a
 * path or the file's bytes. UTF-16 files and whitespace-separated text take the general path.
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
  const hasHeader = options.hasHeader ?? 'auto';
  const dateOrder = options.dateOrder ?? 'auto';
  const common = (delimiter: Delimiter): CommonOptions => ({ file, dateOrder, decimalHint: delimiter === ';' ? ',' : '.' });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const { text } = decodeText(bytes, file ?? '');
    const delimiter = options.delimiter ?? detectDelimiter(text);
    return Object.assign(readDelimitedText(text, delimiter, { file, dateOrder, hasHeader }), { delimiter });
  }
  const { body, legacy } = utf8Body(bytes, file ?? '');
  const delimiter = options.delimiter ?? detectDelimiter(delimiterSample(body));
  const parsed = delimiter === 'whitespace'
    ? readDelimitedText(body.toString('utf8'), delimiter, { file, dateOrder, hasHeader })
    : columnsFromBytes(body, delimiter.charCodeAt(0), hasHeader, options.threads === 2 || (options.threads === undefined && body.length >= PARALLEL_MIN_BYTES && availableParallelism() > 1), common(delimiter));
  if (legacy) parsed.warnings.unshift(mixedEncodingWarning(legacy));
  return Object.assign(parsed, { delimiter });
}

/**
 * The bytes that decodeText would decode, as UTF-8: byte-order marks dropped as TextDecoder drops
 * them, and legacy Windows text re-encoded (rare, and never big enough to matter).
 */
function utf8Body(bytes: Buffer, file: string): { body: Buffer; legacy?: DecodedText['legacy'] } {
  let start = hasBom(bytes, 0) ? 3 : 0;
  decodeText(bytes.subarray(0, start + TEXT_CHECK_BYTES), file);
  if (!isUtf8(bytes.subarray(start))) {
    const { text, legacy } = decodeText(bytes, file);
    return { body: Buffer.from(text, 'utf8'), legacy };
  }
  if (hasBom(bytes, start)) start += 3;
  return { body: bytes.subarray(start) };
}

function hasBom(bytes: Buffer, p: number): boolean {
  return bytes[p] === 0xef && bytes[p + 1] === 0xbb && bytes[p + 2] === 0xbf;
}

function columnsFromBytes(body: Buffer, d: number, hasHeaderOption: boolean | 'auto', parallel: boolean, options: CommonOptions): ParsedTable {
  const { file } = options;
  const n = body.length;
  const f = createFieldBounds();
  let pos = 0;
  let record = 0;
  let next = 0;
  for (;;) {
    if (pos >= n) throw new SegmentKitError('E_EMPTY', 'There is no data: every cell is blank', { location: { file }, hint: 'Choose the sheet or range that holds the data.' });
    next = scanRecord(body, pos, d, f);
    if (lastFilled(body, f) >= 0) break;
    pos = next;
    record++;
  }
  const headerCells: string[] = [];
  for (let k = 0; k < f.count; k++) headerCells.push(fieldString(body, f.start[k], f.end[k]));
  const hasHeader = hasHeaderOption === 'auto' ? looksLikeHeader(headerCells) : hasHeaderOption;
  const dataPos = hasHeader ? next : pos;
  const dataRecord = hasHeader ? record + 1 : record;
  const width = hasHeader ? f.count : widest(body, dataPos, d);

  const capacity = estimateRecords(body, dataPos, n);
  const range = new RecordRange(body, d, width, dataPos, dataRecord, capacity);
  const split = parallel ? splitPoint(body, dataPos) : -1;
  const pending = split > 0 ? readRangeInWorker(body, d, width, split, estimateRecords(body, split, n)) : null;
  try {
    range.read(pending ? split : n);
    if (pending && !range.ragged) {
      // The split is right when this thread's last record ends exactly there (a quoted line
      // break can hide a record start); otherwise this thread reads on by itself.
      const part = range.pos === split ? awaitRange(pending) : null;
      if (part) range.absorb(part);
      else range.read(n);
    }
  } finally {
    if (pending) stopRange(pending);
  }
  if (range.ragged) {
    const row = range.ragged.record + 1;
    throw new SegmentKitError('E_RAGGED_ROW', `Row ${row} has ${range.ragged.values} values but the header has ${width} columns`, {
      location: { file, row },
      hint: 'Give the extra values a header, or check the delimiter and quoting of that row.',
    });
  }
  const { rows, blankRows, lastDataRecord, shortRows, firstShort } = range;
  const r = range.record;
  const warnings: IngestWarning[] = range.unclosed ? [unclosedQuoteWarning(range.unclosed)] : [];
  const inside = rows > 0 ? blankRows - (r - 1 - lastDataRecord) : 0;
  if (inside > 0) warnings.push({ code: 'W_BLANK_ROWS', message: `Skipped ${inside} blank row(s) inside the data`, count: inside });
  if (shortRows > 0) {
    warnings.push({
      code: 'W_SHORT_ROWS',
      message: `${shortRows} row(s) have fewer values than the header (first: row ${firstShort.join(', ')}); the missing cells are blank`,
      count: shortRows,
    });
  }
  const parsed = tableFromColumns(hasHeader ? headerCells : null, range.cells(), range.fittedRowSources(), hasHeader ? record + 1 : 0, options);
  parsed.warnings.unshift(...warnings);
  return parsed;
}

/** Records in bytes [from, to), estimated from the line breaks in their first megabyte, with a little room. */
function estimateRecords(body: Buffer, from: number, to: number): number {
  const sampleEnd = Math.min(to, from + 2 ** 20);
  let breaks = 0;
  for (let p = body.indexOf(10, from); p >= 0 && p < sampleEnd; p = body.indexOf(10, p + 1)) breaks++;
  if (breaks === 0) return 1024;
  return Math.ceil(((breaks * (to - from)) / (sampleEnd - from)) * 1.02) + 64;
}

/**
 * Where a worker thread takes over: the first line start after this thread's share. The worker
 * needs some tens of milliseconds to start, so this thread keeps a little more than half.
 */
function splitPoint(body: Buffer, dataPos: number): number {
  const at = body.indexOf(10, dataPos + Math.floor((body.length - dataPos) * MAIN_SHARE));
  return at < 0 || at + 1 >= body.length ? -1 : at + 1;
}

/** Without a header, the table is as wide as the widest filled record. */
function widest(body: Buffer, from: number, d: number): number {
  const g = createFieldBounds();
  let width = 0;
  for (let p = from; p < body.length; ) {
    p = scanRecord(body, p, d, g);
    width = Math.max(width, lastFilled(body, g) + 1);
  }
  return width;
}
