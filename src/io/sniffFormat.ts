import { SegmentKitError } from '../core/errors/SegmentKitError';

/**
 * Tells workbooks from text by their first bytes, because files are often misnamed: a zip
 * (`PK\x03\x04`) is read as .xlsx whatever its name; the legacy .xls format is refused with a
 * way out; a file named .xlsx that is no zip is reported as damaged.
 *
 * @example
 * sniffFormat(Buffer.from('a,b\n'), '.csv', 'a.csv'); // 'text'
 */
export function sniffFormat(bytes: Buffer, extension: string, file: string): 'xlsx' | 'text' {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) {
    throw new SegmentKitError('E_UNSUPPORTED_FORMAT', 'This is a legacy Excel 97-2003 file (.xls), which SegmentKit does not read', {
      location: { file },
      hint: 'Open it in Excel and save it as .xlsx or CSV UTF-8.',
    });
  }
  if (extension === '.xlsx' || extension === '.xlsm') {
    throw new SegmentKitError('E_XLSX_CORRUPT', 'The file is named like a workbook but is not one (it does not start like an .xlsx zip)', {
      location: { file },
      hint: 'Open it in Excel and save it as .xlsx again, or rename it if it is a CSV.',
    });
  }
  return 'text';
}
