import type { Column } from '../table/Table';
import { columnLength } from '../table/Table';
import type { SkippedRows } from './CustomerTable';

const EXAMPLES = 5;

/**
 * Counts skipped rows per reason and keeps the first few places, so nothing is dropped
 * silently (DESIGN.md convention 4). A bitmap remembers which rows were skipped.
 */
export class SkipCounter {
  private readonly byCode = new Map<string, SkippedRows>();
  private readonly skipped: Uint8Array;
  private count = 0;

  constructor(column: Column, private readonly options: { source?: string; sourceRowOf?: (i: number) => number }) {
    this.skipped = new Uint8Array(columnLength(column));
  }

  add(code: string, row: number, message: string, column: string): void {
    if (this.skipped[row] === 0) {
      this.skipped[row] = 1;
      this.count++;
    }
    let entry = this.byCode.get(code);
    if (!entry) {
      entry = { code, count: 0, message: `${message} (column "${column}")`, examples: [] };
      this.byCode.set(code, entry);
    }
    entry.count++;
    if (entry.examples.length < EXAMPLES) {
      const shown = this.options.sourceRowOf ? this.options.sourceRowOf(row) : row + 2;
      entry.examples.push(this.options.source ? `${this.options.source} row ${shown}` : `row ${shown}`);
    }
  }

  isSkipped(row: number): boolean {
    return this.skipped[row] === 1;
  }

  total(): number {
    return this.count;
  }

  report(): SkippedRows[] {
    return [...this.byCode.values()];
  }
}
