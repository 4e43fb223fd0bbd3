import { extname } from 'node:path';
import { describeSheet, type SheetKind, type SheetRoles } from '../../core/customers/buildCustomerTable';
import type { RoleMap } from '../../core/roles/Role';
import { readTableFile } from '../../io/readTableFile';
import { readXlsxSheets } from '../../io/readXlsxSheets';
import { isSegmentKitSheet } from '../../io/segmentKitSheets';

export interface LoadOptions {
  /** Customer (or only) sheet of a workbook. */
  sheet?: string;
  transactionsSheet?: string;
  ticketsSheet?: string;
  /** The user's (or recipe's) role mappings; they win over detection. */
  roles?: RoleMap;
}

export interface LoadedInput {
  sheets: SheetRoles[];
  /** Total data rows read, over all sheets. */
  rows: number;
}

/**
 * Reads every input the user named: several CSV / text files (one sheet each), or a workbook
 * whose sheets are named with --sheet / --transactions-sheet / --tickets-sheet, or else all of
 * its visible sheets, read in one pass. Each sheet gets its roles and kind detected.
 */
export async function loadSheets(files: string[], options: LoadOptions = {}): Promise<LoadedInput> {
  const sheets: SheetRoles[] = [];
  for (const file of files) {
    if (extname(file).toLowerCase() === '.xlsx') {
      const named: [string, SheetKind][] = [];
      if (options.sheet) named.push([options.sheet, 'customers']);
      if (options.transactionsSheet) named.push([options.transactionsSheet, 'transactions']);
      if (options.ticketsSheet) named.push([options.ticketsSheet, 'tickets']);
      // SegmentKit's own sheets from an earlier run ("SK …") are outputs, not data.
      const parsed = (await readXlsxSheets(file, named.length ? named.map(([n]) => n) : 'visible')).filter((p) => named.length > 0 || !isSegmentKitSheet(p.sheetName));
      parsed.forEach((p, i) => {
        // A lone --sheet may be an order sheet; only a second named sheet pins the first as customers.
        const kind = named.length > 1 || named[i]?.[1] !== 'customers' ? named[i]?.[1] : undefined;
        sheets.push(describeSheet(p.sheetName, p, options.roles, kind));
      });
    } else {
      const parsed = await readTableFile(file);
      sheets.push(describeSheet(file.split(/[\\/]/).pop() ?? file, parsed, options.roles));
    }
  }
  return { sheets, rows: sheets.reduce((s, x) => s + x.parsed.table.rowCount, 0) };
}
