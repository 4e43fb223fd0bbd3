import { generateSample } from '../core/sample/generateSample';
import { MemoryWorkbook } from '../excel/memory/MemoryWorkbook';
import { sampleSheets } from './sampleSheets';

/**
 * An in-memory workbook holding the seeded sample (Customers, Orders, Tickets), Customers active,
 * as a user would have it after opening `segmentkit sample --out sample.xlsx`.
 *
 * @example
 * loadSampleWorkbook({ customers: 2000, seed: 42 }).sheetNames(); // ['Customers', 'Orders', 'Tickets']
 */
export function loadSampleWorkbook(options: { customers: number; seed: number }): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  for (const sheet of sampleSheets(generateSample(options))) workbook.addSheet(sheet.name, sheet.values, sheet.numberFormats);
  workbook.activate('Customers');
  return workbook;
}
