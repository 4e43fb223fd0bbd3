import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { frozenView, writeSheet, type WorkbookSheet } from './writeSheet';

/**
 * SegmentKit's sheets alone, streamed to `file` as exceljs makes the XML. `sharedStrings: false`
 * writes each text in its cell, as appendSheets needs.
 *
 * @example
 * await streamSheets('sk.xlsx', [{ name: 'SK Customers', columns }], false);
 */
export async function streamSheets(file: string, sheets: WorkbookSheet[], sharedStrings: boolean): Promise<void> {
  const stream = createWriteStream(file);
  // An unopenable file reports through the stream; without a listener that would end the process.
  const failed = new Promise<never>((_, reject) => stream.on('error', reject));
  failed.catch(() => undefined);
  // Shared strings keep repeated segment names once; inline strings repeat them in every row but
  // need no merging into another workbook's.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: sharedStrings });
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name, { views: frozenView(s) });
    writeSheet(ws, s);
    ws.commit();
  }
  await Promise.race([workbook.commit(), failed]);
  if (!stream.closed) await Promise.race([new Promise<void>((resolve) => stream.on('close', () => resolve())), failed]);
}
