import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summaryFromColumns } from '../../../src/core/clv/summaryFromColumns';
import type { ClvSummary } from '../../../src/core/clv/ClvSummary';
import { dayNumberFromYmd } from '../../../src/core/table/dayNumber';

/** The CDNOW reference files (see ../shared/data/cdnow/README.md); tiny parsers for these files only. */
export const CDNOW_DIR = join(__dirname, '../../../../shared/data/cdnow');
export const CALIBRATION_END = dayNumberFromYmd(1997, 9, 30);
export const OBSERVATION_END = dayNumberFromYmd(1998, 6, 30);

export interface CsvColumns {
  names: string[];
  values: Float64Array[];
}

export function readCdnowCsv(file: string): CsvColumns {
  const lines = readFileSync(join(CDNOW_DIR, file), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const names = lines[0].split(',').map((s) => s.trim());
  const values = names.map(() => new Float64Array(lines.length - 1));
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split(',');
    for (let j = 0; j < names.length; j++) values[j][i - 1] = Number(cells[j]);
  }
  return { names, values };
}

export function cdnowSummary(file = 'cdnow_customers_summary.csv'): ClvSummary {
  const csv = readCdnowCsv(file);
  return summaryFromColumns(csv.names.map((name, j) => ({ name, values: csv.values[j] })), { timeUnit: 'week' });
}

export interface CdnowTransactions {
  customerCodes: Int32Array;
  days: Float64Array;
  amounts: Float64Array;
  customerCount: number;
}

/** CDNOW_sample.txt: master id, sample id, YYYYMMDD, cds, dollars; the sample id (1-based) becomes code id − 1. */
export function readCdnowSample(): CdnowTransactions {
  const lines = readFileSync(join(CDNOW_DIR, 'CDNOW_sample.txt'), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const customerCodes = new Int32Array(lines.length);
  const days = new Float64Array(lines.length);
  const amounts = new Float64Array(lines.length);
  let customerCount = 0;
  lines.forEach((line, i) => {
    const [, sampleId, ymd, , dollars] = line.trim().split(/\s+/);
    customerCodes[i] = Number(sampleId) - 1;
    customerCount = Math.max(customerCount, customerCodes[i] + 1);
    days[i] = dayNumberFromYmd(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)), Number(ymd.slice(6, 8)));
    amounts[i] = Number(dollars);
  });
  return { customerCodes, days, amounts, customerCount };
}
