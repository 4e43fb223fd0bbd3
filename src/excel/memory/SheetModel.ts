import type { CellRect } from '../a1Address';
import { ExcelErrorValue, type StoredValue } from './interpretInput';

/** One stored row: values, and only where present formulas and number formats. */
interface CellRow {
  v: (StoredValue | undefined)[];
  f?: (string | undefined)[];
  nf?: (string | undefined)[];
}

export interface CellStyle {
  bold?: boolean;
  fill?: string;
}

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/**
 * One worksheet's cells, stored row-major and sparse so a million rows of ten columns is a
 * million small arrays, not ten million objects.
 */
export class SheetModel {
  name: string;
  visibility: SheetVisibility = 'Visible';
  frozenRows = 0;
  deleted = false;
  readonly id: string;
  readonly hiddenRows = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  readonly styles = new Map<number, CellStyle>();
  readonly merged: CellRect[] = [];
  private rows: (CellRow | undefined)[] = [];
  private version = 0;
  private usedCache: { version: number; valuesOnly: boolean; rect: CellRect | null } | null = null;

  constructor(id: string, name: string) {
    this.id = id;
    this.name = name;
  }

  value(r: number, c: number): StoredValue | undefined {
    return this.rows[r]?.v[c];
  }

  formula(r: number, c: number): string | undefined {
    return this.rows[r]?.f?.[c];
  }

  numberFormat(r: number, c: number): string | undefined {
    return this.rows[r]?.nf?.[c];
  }

  /** Stores a constant (undefined clears the cell's content). */
  setValue(r: number, c: number, value: StoredValue | undefined): void {
    const row = this.row(r);
    row.v[c] = value;
    if (row.f && row.f[c] !== undefined) row.f[c] = undefined;
    this.version++;
  }

  /** Stores a formula with the cached result Excel would show (the memory does not calculate). */
  setFormula(r: number, c: number, formula: string, cached: StoredValue | undefined): void {
    const row = this.row(r);
    row.v[c] = cached;
    (row.f ??= [])[c] = formula;
    this.version++;
  }

  setNumberFormat(r: number, c: number, format: string | undefined): void {
    const row = format === undefined || format === 'General' ? this.rows[r] : this.row(r);
    if (!row) return;
    (row.nf ??= [])[c] = format === 'General' ? undefined : format;
    this.version++;
  }

  setStyle(r: number, c: number, patch: CellStyle | null): void {
    const key = r * 16384 + c;
    if (patch === null) this.styles.delete(key);
    else this.styles.set(key, { ...this.styles.get(key), ...patch });
    this.version++;
  }

  style(r: number, c: number): CellStyle | undefined {
    return this.styles.get(r * 16384 + c);
  }

  /** The bounding rectangle of non-empty cells (and, unless valuesOnly, formatted ones). */
  usedRect(valuesOnly: boolean): CellRect | null {
    if (this.usedCache && this.usedCache.version === this.version && this.usedCache.valuesOnly === valuesOnly) return this.usedCache.rect;
    let r0 = -1;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    const rows = this.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      let lo = Infinity;
      let hi = -1;
      scanCells(row.v, (c) => ((lo = Math.min(lo, c)), (hi = Math.max(hi, c))));
      if (row.f) scanCells(row.f, (c) => ((lo = Math.min(lo, c)), (hi = Math.max(hi, c))));
      if (!valuesOnly && row.nf) scanCells(row.nf, (c) => ((lo = Math.min(lo, c)), (hi = Math.max(hi, c))));
      if (hi < 0) continue;
      if (r0 < 0) r0 = r;
      r1 = r;
      c0 = Math.min(c0, lo);
      c1 = Math.max(c1, hi);
    }
    if (!valuesOnly) {
      for (const key of this.styles.keys()) {
        const r = Math.floor(key / 16384);
        const c = key % 16384;
        r0 = r0 < 0 ? r : Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
    }
    const rect = r0 < 0 ? null : { row: r0, column: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
    this.usedCache = { version: this.version, valuesOnly, rect };
    return rect;
  }

  /** Removes contents and/or formats in a rectangle. */
  clear(rect: CellRect, what: 'All' | 'Contents' | 'Formats'): void {
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      const row = this.rows[r];
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        if (row && what !== 'Formats') {
          row.v[c] = undefined;
          if (row.f) row.f[c] = undefined;
        }
        if (what !== 'Contents') {
          if (row?.nf) row.nf[c] = undefined;
          this.styles.delete(r * 16384 + c);
        }
      }
    }
    this.version++;
  }

  touch(): void {
    this.version++;
  }

  private row(r: number): CellRow {
    let row = this.rows[r];
    if (!row) {
      row = { v: [] };
      this.rows[r] = row;
    }
    return row;
  }
}

function scanCells<T>(cells: (T | undefined)[], hit: (c: number) => void): void {
  let first = -1;
  let last = -1;
  for (let c = 0; c < cells.length; c++) {
    if (cells[c] !== undefined) {
      if (first < 0) first = c;
      last = c;
    }
  }
  if (first >= 0) {
    hit(first);
    hit(last);
  }
}

/** What `values` reports for a stored cell: errors as their text, empty as ''. */
export function reportValue(v: StoredValue | undefined): string | number | boolean {
  if (v === undefined) return '';
  if (v instanceof ExcelErrorValue) return v.text;
  return v;
}
