/**
 * Dates are UTC day numbers (days since 1970-01-01) everywhere in SegmentKit: integer
 * arithmetic for recency and tenure, no time zones, and a cheap bridge to Excel serials.
 */
const MS_PER_DAY = 86_400_000;

/** Excel's serial number of 1970-01-01 in the 1900 date system (includes the 1900 leap-year bug). */
export const EXCEL_EPOCH_OFFSET = 25569;

export function dayNumberFromYmd(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function dayNumberFromExcelSerial(serial: number): number {
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

export function excelSerialFromDayNumber(day: number): number {
  return day + EXCEL_EPOCH_OFFSET;
}

/** `YYYY-MM-DD` for a day number. */
export function isoFromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Parses strict `YYYY-MM-DD`; returns NaN when it is not a real calendar date. */
export function dayNumberFromIso(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return NaN;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  const day = dayNumberFromYmd(y, mo, d);
  const back = new Date(day * MS_PER_DAY);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() + 1 !== mo || back.getUTCDate() !== d) return NaN;
  return day;
}
