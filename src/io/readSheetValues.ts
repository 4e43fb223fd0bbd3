import { decodeNamedEntities } from './decodeNamedEntities';
import { decodeXmlEntities } from './decodeXmlEntities';
import type { WorkbookParts } from './readWorkbookParts';
import { stringItemText } from './stringItemText';
import type { ZipArchive } from './ZipArchive';

/** A sheet's cells as Excel's `range.values` shows them, and the merged header cells that were named. */
export interface SheetValues {
  /** Rows 1… of the sheet, all as wide as its widest row: numbers, strings, booleans, Dates, '' for blank. */
  values: unknown[][];
  /** Names given to header cells covered by a merge (`Adresse 2`). */
  merged: string[];
}

const enum CellType {
  Number,
  Shared,
  Str,
  Inline,
  Boolean,
  Error,
}

/**
 * Reads one worksheet's XML from the package in pieces and returns its values exactly as
 * exceljs's full load followed by `getCell().value` gave them: formulas as their cached results,
 * errors as `#N/A`-style strings, numbers with a date format as Dates, merged ranges shown in
 * their first cell only, and the table as wide as the widest row that holds something.
 *
 * @example
 * const { values } = await readSheetValues(zip, parts, 'xl/worksheets/sheet1.xml');
 */
export async function readSheetValues(zip: ZipArchive, parts: WorkbookParts, path: string): Promise<SheetValues> {
  const scanner = new SheetScanner(parts);
  let pending = '';
  await zip.streamText(path, (text) => {
    pending += text;
    const cut = pending.lastIndexOf('</row>');
    if (cut < 0) return;
    scanner.scan(pending.slice(0, cut + 6));
    pending = pending.slice(cut + 6);
  });
  scanner.scan(pending);
  return scanner.finish();
}

class SheetScanner {
  private readonly rows: unknown[][] = [];
  /** Per row: the last column (1-based) holding a cell element, styled blanks included. */
  private readonly lastColumn: number[] = [];
  /** Per row: whether any cell holds a value (or is covered by a merge). */
  private readonly hasValues: boolean[] = [];
  private readonly merges: [number, number, number, number][] = [];
  private state: 'before' | 'data' | 'after' = 'before';
  private row = 0;
  private column = 0;
  private readonly dayOffset: number;

  constructor(private readonly parts: WorkbookParts) {
    this.dayOffset = parts.date1904 ? 1462 : 0;
  }

  scan(s: string): void {
    let p = 0;
    if (this.state === 'before') {
      const start = s.indexOf('<sheetData');
      if (start < 0) return;
      this.state = 'data';
      p = start + 10;
    }
    if (this.state === 'data') p = this.scanData(s, p);
    if (this.state === 'after') this.scanMerges(s, p);
  }

  private scanData(s: string, from: number): number {
    let p = from;
    for (;;) {
      const lt = s.indexOf('<', p);
      if (lt < 0) return s.length;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 99 && isNameEnd(s.charCodeAt(lt + 2))) p = this.cell(s, lt + 2);
      else if (c1 === 114 && s.charCodeAt(lt + 2) === 111 && s.charCodeAt(lt + 3) === 119 && isNameEnd(s.charCodeAt(lt + 4))) p = this.rowStart(s, lt + 4);
      else if (c1 === 47 && s.startsWith('sheetData', lt + 2)) {
        this.state = 'after';
        return lt + 11;
      } else p = lt + 1;
    }
  }

  private rowStart(s: string, from: number): number {
    const gt = tagEnd(s, from);
    const r = attributeValue(s, from, gt, 'r');
    this.row = r === undefined ? this.row + 1 : parseInt(r, 10);
    this.column = 0;
    return gt + 1;
  }

  private cell(s: string, from: number): number {
    let p = from;
    let column = 0;
    let style = 0;
    let type = CellType.Number;
    let open = true;
    for (;;) {
      let ch = s.charCodeAt(p);
      while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = s.charCodeAt(++p);
      if (ch === 62) {
        p++;
        break;
      }
      if (ch === 47 || ch !== ch) {
        open = false;
        p = s.indexOf('>', p) + 1;
        break;
      }
      const nameStart = p;
      while (ch !== 61 && ch === ch) ch = s.charCodeAt(++p);
      const nameEnd = trimEnd(s, nameStart, p);
      p++;
      while (s.charCodeAt(p) !== 34 && s.charCodeAt(p) !== 39) p++;
      const valueStart = p + 1;
      const valueEnd = s.indexOf(s[p], valueStart);
      p = valueEnd + 1;
      if (nameEnd - nameStart !== 1) continue;
      const name = s.charCodeAt(nameStart);
      if (name === 114) column = columnNumber(s, valueStart, valueEnd);
      else if (name === 115) style = parseInt(s.slice(valueStart, valueEnd), 10) || 0;
      else if (name === 116) type = cellType(s.slice(valueStart, valueEnd));
    }
    if (column === 0) column = this.column + 1;
    this.column = column;
    let raw: string | undefined;
    let formula = false;
    if (open) {
      const end = s.indexOf('</c>', p);
      let q = p;
      while (q < end) {
        const lt = s.indexOf('<', q);
        if (lt < 0 || lt >= end) break;
        const gt = tagEnd(s, lt + 1);
        const empty = s.charCodeAt(gt - 1) === 47;
        const c1 = s.charCodeAt(lt + 1);
        const c2 = s.charCodeAt(lt + 2);
        q = gt + 1;
        if ((c1 === 118 || c1 === 116) && isNameEnd(c2)) {
          if (empty) continue;
          const close = s.indexOf(c1 === 118 ? '</v>' : '</t>', q);
          if (close > q) raw = (raw ?? '') + decodeXmlEntities(s.slice(q, close));
          q = close + 4;
        } else if (c1 === 102 && isNameEnd(c2)) {
          // exceljs takes a cell for a formula when <f> has text or a sharing type (t="shared").
          if (attributeValue(s, lt + 2, gt, 't')) formula = true;
          if (empty) continue;
          const close = s.indexOf('</f>', q);
          if (close > q) formula = true;
          q = close + 4;
        } else if (c1 === 105 && c2 === 115 && isNameEnd(s.charCodeAt(lt + 3)) && !empty) {
          const close = s.indexOf('</is>', q);
          const text = stringItemText(s, q, close, true);
          if (text !== '') raw = (raw ?? '') + text;
          q = close + 5;
        }
      }
      p = end + 4;
    }
    const dated = style > 0 && this.parts.dateStyles[style] === 1;
    let value: unknown;
    if (formula) value = raw ? this.formulaResult(raw, type, dated) : '';
    else if (raw !== undefined) value = this.plain(raw, type, dated);
    else {
      // A bare <c r="B3"/> is no cell at all for exceljs; a styled one widens its row.
      if (style > 0) this.widen(column, false);
      return p;
    }
    this.put(column, value);
    return p;
  }

  private plain(raw: string, type: CellType, dated: boolean): unknown {
    switch (type) {
      case CellType.Shared:
        return this.parts.sharedStrings[parseInt(raw, 10)] ?? '';
      case CellType.Str:
        return decodeNamedEntities(raw);
      case CellType.Inline:
        return raw;
      case CellType.Boolean:
        return parseInt(raw, 10) !== 0;
      case CellType.Error:
        return raw;
      default:
        return dated ? this.date(parseFloat(raw)) : parseFloat(raw);
    }
  }

  private formulaResult(raw: string, type: CellType, dated: boolean): unknown {
    let result: unknown;
    if (type === CellType.Str) result = decodeNamedEntities(raw);
    else if (type === CellType.Boolean) result = parseInt(raw, 10) !== 0;
    else if (type === CellType.Error) result = raw;
    else result = parseFloat(raw);
    // exceljs converts any cached result under a date format, so an error or text becomes an invalid date.
    if (dated) return this.date(type === CellType.Error ? NaN : Number(result));
    return result;
  }

  private date(serial: number): Date {
    // The same arithmetic, in the same order, as exceljs: dates come out to the same millisecond.
    return new Date(Math.round((serial - 25569 + this.dayOffset) * 24 * 3600 * 1000));
  }

  private put(column: number, value: unknown): void {
    const r = this.row - 1;
    let cells = this.rows[r];
    if (cells === undefined) cells = this.rows[r] = [];
    cells[column - 1] = value;
    this.widen(column, true);
  }

  private widen(column: number, value: boolean, r = this.row - 1): void {
    if (!(this.lastColumn[r] >= column)) this.lastColumn[r] = column;
    if (value) this.hasValues[r] = true;
  }

  private scanMerges(s: string, from: number): void {
    let p = from;
    for (;;) {
      const at = s.indexOf('<mergeCell', p);
      if (at < 0) return;
      const gt = tagEnd(s, at + 10);
      p = gt + 1;
      if (!isNameEnd(s.charCodeAt(at + 10))) continue;
      const ref = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(attributeValue(s, at + 10, gt, 'ref') ?? '');
      if (!ref) continue;
      const left = columnNumber(ref[1], 0, ref[1].length);
      const right = columnNumber(ref[3], 0, ref[3].length);
      this.merges.push([parseInt(ref[2], 10), left, parseInt(ref[4], 10), right]);
    }
  }

  finish(): SheetValues {
    const covered: [number, number, unknown][] = [];
    for (const [top, left, bottom, right] of this.merges) {
      if (top === bottom && left === right) continue;
      const master = this.rows[top - 1]?.[left - 1] ?? '';
      for (let r = top; r <= bottom; r++) {
        this.widen(right, r > top || right > left, r - 1);
        for (let c = r === top ? left + 1 : left; c <= right; c++) covered.push([r, c, master]);
      }
    }
    let width = 0;
    let height = 0;
    for (let r = 0; r < this.lastColumn.length; r++) {
      if (!this.hasValues[r]) continue;
      height = r + 1;
      if (this.lastColumn[r] > width) width = this.lastColumn[r];
    }
    const values: unknown[][] = new Array(height);
    for (let r = 0; r < height; r++) {
      const cells = this.rows[r] ?? [];
      cells.length = width;
      for (let c = 0; c < width; c++) if (cells[c] === undefined) cells[c] = '';
      values[r] = cells;
    }
    const masters = new Map<string, unknown>();
    for (const [r, c, master] of covered) {
      if (r > height || c > width) continue;
      values[r - 1][c - 1] = '';
      masters.set(`${r}:${c}`, master);
    }
    return { values, merged: nameMergedHeaders(values, masters) };
  }
}

/** Excel shows a merge's text once; a header needs it per column, so covered cells get `text n`. */
function nameMergedHeaders(values: unknown[][], masters: Map<string, unknown>): string[] {
  const merged: string[] = [];
  if (masters.size === 0) return merged;
  const r = values.findIndex((row) => row.some((v) => v !== ''));
  if (r < 0) return merged;
  const seen = new Map<string, number>();
  const row = values[r];
  for (let c = 0; c < row.length; c++) {
    const master = masters.get(`${r + 1}:${c + 1}`);
    if (master === undefined) continue;
    const text = String(master).trim();
    if (text === '') continue;
    const n = (seen.get(text) ?? 1) + 1;
    seen.set(text, n);
    row[c] = `${text} ${n}`;
    merged.push(`${text} ${n}`);
  }
  return merged;
}

function cellType(t: string): CellType {
  switch (t) {
    case 's':
      return CellType.Shared;
    case 'str':
      return CellType.Str;
    case 'inlineStr':
      return CellType.Inline;
    case 'b':
      return CellType.Boolean;
    case 'e':
      return CellType.Error;
    default:
      return CellType.Number;
  }
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** Index of the `>` closing the tag whose attributes start at `from` (quoted values may hold `>`). */
function tagEnd(s: string, from: number): number {
  let p = from;
  for (;;) {
    const c = s.charCodeAt(p);
    if (c === 62 || c !== c) return p;
    if (c === 34 || c === 39) p = s.indexOf(s[p], p + 1);
    p++;
  }
}

function attributeValue(s: string, from: number, to: number, name: string): string | undefined {
  let p = from;
  for (;;) {
    const at = s.indexOf(name, p);
    if (at < 0 || at >= to) return undefined;
    p = at + name.length;
    if (!isSpace(s.charCodeAt(at - 1))) continue;
    let q = p;
    while (isSpace(s.charCodeAt(q))) q++;
    if (s.charCodeAt(q) !== 61) continue;
    q++;
    while (isSpace(s.charCodeAt(q))) q++;
    const quote = s[q];
    if (quote !== '"' && quote !== "'") continue;
    return s.slice(q + 1, s.indexOf(quote, q + 1));
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function trimEnd(s: string, start: number, end: number): number {
  let e = end;
  while (e > start) {
    const c = s.charCodeAt(e - 1);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    e--;
  }
  return e;
}

/** `AB12` → 28: the letters of a cell reference as a 1-based column number. */
function columnNumber(s: string, from: number, to: number): number {
  let n = 0;
  for (let p = from; p < to; p++) {
    const c = s.charCodeAt(p);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}
