import { decodeNamedEntities } from './decodeNamedEntities';
import { isExcelDateFormat } from './isExcelDateFormat';
import { parseSharedStrings } from './parseSharedStrings';
import { xmlSection, xmlTags } from './xmlTags';
import type { ZipArchive } from './ZipArchive';

export interface WorkbookSheetPart {
  name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  state: string;
  /** The sheet's XML inside the package, e.g. `xl/worksheets/sheet2.xml`. */
  path: string;
}

/** What every sheet of a workbook needs to turn its cells into values. */
export interface WorkbookParts {
  /** Worksheets in tab order (chart sheets and sheets without XML are left out, as exceljs does). */
  sheets: WorkbookSheetPart[];
  /** Serial 0 is 1904-01-01 instead of 1899-12-30 (old Mac workbooks). */
  date1904: boolean;
  /** Per cell style index: 1 when its number format makes a number a date. */
  dateStyles: Uint8Array;
  sharedStrings: string[];
}

/** Built-in number formats (ids below 164) that show dates or times. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * Reads workbook.xml, its relationships, styles and shared strings of an .xlsx package.
 * A zip without xl/workbook.xml is a workbook without sheets.
 *
 * @example
 * const parts = readWorkbookParts(ZipArchive.open(bytes));
 * parts.sheets.map((s) => s.name); // ['Customers', 'Orders', 'Tickets']
 */
export function readWorkbookParts(zip: ZipArchive): WorkbookParts {
  const text = (path: string): string => (zip.has(path) ? zip.readText(path) : '');
  const workbook = text('xl/workbook.xml');
  const targets = new Map<string, string>();
  for (const rel of xmlTags(text('xl/_rels/workbook.xml.rels'), 'Relationship')) {
    if (rel.Type?.endsWith('/worksheet') && rel.Target) targets.set(rel.Id, `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, '')}`);
  }
  const sheets: WorkbookSheetPart[] = [];
  for (const sheet of xmlTags(xmlSection(workbook, 'sheets') ?? '', 'sheet')) {
    const path = targets.get(sheet['r:id']);
    // exceljs decodes the name a second time; names with `&amp;` in them depend on it.
    if (path && zip.has(path)) sheets.push({ name: decodeNamedEntities(sheet.name ?? ''), state: sheet.state || 'visible', path });
  }
  const date1904 = xmlTags(workbook, 'workbookPr')[0]?.date1904 === '1';
  const sharedStrings = zip.has('xl/sharedStrings.xml') ? parseSharedStrings(zip.readText('xl/sharedStrings.xml')) : [];
  return { sheets, date1904, dateStyles: dateStyles(text('xl/styles.xml')), sharedStrings };
}

function dateStyles(styles: string): Uint8Array {
  const custom = new Map<number, string>();
  for (const f of xmlTags(xmlSection(styles, 'numFmts') ?? '', 'numFmt')) custom.set(parseInt(f.numFmtId, 10), (f.formatCode ?? '').replace(/\\(.)/g, '$1'));
  const xfs = xmlTags(xmlSection(styles, 'cellXfs') ?? '', 'xf');
  const out = new Uint8Array(xfs.length);
  // Style 0 never converts: exceljs skips a cell's style when its index is 0.
  for (let i = 1; i < xfs.length; i++) {
    const id = parseInt(xfs[i].numFmtId, 10);
    if (!id) continue;
    const format = custom.get(id);
    out[i] = (format ? isExcelDateFormat(format) : BUILT_IN_DATE_FORMATS.has(id)) ? 1 : 0;
  }
  return out;
}
