import { SegmentKitError } from '../errors/SegmentKitError';
import type { ColumnCells } from './inferColumn';
import { isBlankCell } from './isBlankCell';
import { looksLikeHeader } from './looksLikeHeader';
import type { IngestWarning, ParsedTable, TableFromValuesOptions } from './ParsedTable';
import { tableFromColumns } from './tableFromColumns';

/**
 * A block of cells read a chunk of rows at a time: {@link RowsToColumns.add} sorts each row's
 * cells into columns as it arrives, {@link RowsToColumns.finish} types them. The rows
 * themselves are let go at once, so a million-row sheet streamed from Excel is held as columns
 * rather than as a million small row arrays, and the sorting is done while the next chunk is
 * still being read.
 */
export interface RowsToColumns {
  /** The next rows of the block, in order, with their number formats when there are any. */
  add(rows: unknown[][], formats?: (string | undefined)[][]): void;
  /** Every row added as one table: exactly what {@link tableFromValues} gives for them at once. */
  finish(): ParsedTable;
}

interface RaggedRow {
  row: number;
  values: number;
}

/**
 * Starts a block (see {@link RowsToColumns}); the rules are {@link tableFromValues}'s: leading
 * blank rows are skipped, the first row is the header when it looks like one, fully blank rows
 * inside the data are skipped and counted, short rows are padded, and a row with values beyond
 * the header's width is an error (thrown by `finish`, as every problem is, so the first one in
 * row order is the one reported).
 *
 * @example
 * const block = rowsToColumns({ sheet: 'Orders' });
 * block.add([['id', 'amount'], ['C1', 12.5]]);
 * block.add([['C2', 8]]);
 * block.finish().table.rowCount; // 2
 */
export function rowsToColumns(options: TableFromValuesOptions = {}): RowsToColumns {
  const { sheet, file } = options;
  const startRow = options.startRow ?? 1;
  let r = 0;
  let notRows = false;
  let header: unknown[] | null = null;
  let headerIndex = -1;
  let started = false;
  let hasHeader = false;
  let width = 0;
  let ragged: RaggedRow | null = null;
  let withFormats = false;
  const cells: unknown[][] = [];
  const formats: (string | undefined)[][] = [];
  const rows: number[] = [];
  // Without a header the width is the widest row, known only at the end: keep what decides a short row.
  const lengths: number[] = [];
  const lastFilledOf: number[] = [];
  const shortRows: number[] = [];
  let blankRows = 0;
  let lastData = -1;

  const widen = (to: number) => {
    for (let c = width; c < to; c++) {
      cells.push(new Array(rows.length));
      formats.push(new Array(rows.length));
    }
    width = to;
  };

  return {
    add(chunk, chunkFormats) {
      if (!Array.isArray(chunk)) {
        notRows = true;
        return;
      }
      if (chunkFormats) withFormats = true;
      for (let i = 0; i < chunk.length; i++, r++) {
        const row = chunk[i];
        if (!Array.isArray(row)) notRows = true;
        if (notRows || ragged) continue;
        const filled = lastFilled(row);
        if (!started) {
          if (filled < 0) continue;
          started = true;
          hasHeader = options.hasHeader === undefined || options.hasHeader === 'auto' ? looksLikeHeader(row) : options.hasHeader;
          if (hasHeader) {
            header = row;
            headerIndex = r;
            widen(row.length);
            continue;
          }
        }
        if (filled < 0) {
          blankRows++;
          continue;
        }
        if (hasHeader) {
          if (filled >= width) {
            ragged = { row: startRow + r, values: filled + 1 };
            continue;
          }
          if (filled < width - 1 && row.length < width) shortRows.push(startRow + r);
        } else {
          if (filled + 1 > width) widen(filled + 1);
          lengths.push(row.length);
          lastFilledOf.push(filled);
        }
        const at = rows.length;
        rows.push(r);
        lastData = r;
        const rowFormats = chunkFormats?.[i];
        for (let c = 0; c < width; c++) {
          cells[c][at] = row[c];
          formats[c][at] = rowFormats?.[c];
        }
      }
    },

    finish() {
      if (notRows) throw new SegmentKitError('E_ARGUMENT', 'values must be an array of rows (arrays of cells)', { location: { file, sheet }, hint: 'Pass range.values as it is.' });
      if (!started) throw new SegmentKitError('E_EMPTY', 'There is no data: every cell is blank', { location: { file, sheet }, hint: 'Choose the sheet or range that holds the data.' });
      if (ragged) {
        throw new SegmentKitError('E_RAGGED_ROW', `Row ${ragged.row} has ${ragged.values} values but the header has ${width} columns`, {
          location: { file, sheet, row: ragged.row },
          hint: 'Give the extra values a header, or check the delimiter and quoting of that row.',
        });
      }
      if (!hasHeader) {
        for (let i = 0; i < rows.length; i++) if (lastFilledOf[i] < width - 1 && lengths[i] < width) shortRows.push(startRow + rows[i]);
      }
      const warnings: IngestWarning[] = [];
      // Blank rows after the last data row are the end of the range, not a gap worth reporting.
      const blankRowsInside = rows.length === 0 ? 0 : blankRows - (r - 1 - lastData);
      if (blankRowsInside > 0) warnings.push({ code: 'W_BLANK_ROWS', message: `Skipped ${blankRowsInside} blank row(s) inside the data`, count: blankRowsInside });
      if (shortRows.length > 0) {
        warnings.push({
          code: 'W_SHORT_ROWS',
          message: `${shortRows.length} row(s) have fewer values than the header (first: row ${shortRows.slice(0, 5).join(', ')}); the missing cells are blank`,
          count: shortRows.length,
        });
      }
      const rowSources = Int32Array.from(rows, (x) => startRow + x);
      const columns: ColumnCells[] = cells.map((c, i) => ({ kind: 'cells', cells: c, formats: withFormats ? formats[i] : undefined }));
      const parsed = tableFromColumns(header, columns, rowSources, hasHeader ? startRow + headerIndex : 0, options);
      parsed.warnings.unshift(...warnings);
      return parsed;
    },
  };
}

function lastFilled(row: unknown[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (!isBlankCell(row[c])) return c;
  return -1;
}
