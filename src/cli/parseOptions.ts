import { SegmentKitError } from '../core/errors/SegmentKitError';
import { dayNumberFromIso } from '../core/table/dayNumber';

export function parseIntegerOption(flag: string, raw: string): number {
  const v = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(v)) {
    throw new SegmentKitError('E_ARGUMENT', `${flag} must be a whole number, got "${raw}"`, { hint: `Pass for example ${flag} 10.` });
  }
  return v;
}

export function parseNumberOption(flag: string, raw: string, min = -Infinity, max = Infinity): number {
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || v < min || v > max) {
    const range = Number.isFinite(min) && Number.isFinite(max) ? ` between ${min} and ${max}` : Number.isFinite(min) ? ` ≥ ${min}` : '';
    throw new SegmentKitError('E_ARGUMENT', `${flag} must be a number${range}, got "${raw}"`);
  }
  return v;
}

export function parseDateOption(flag: string, raw: string): number {
  const d = dayNumberFromIso(raw);
  if (Number.isNaN(d)) {
    throw new SegmentKitError('E_ARGUMENT', `${flag} must be a date as YYYY-MM-DD, got "${raw}"`, { hint: `Pass for example ${flag} 2026-06-30.` });
  }
  return d;
}

export function parseListOption(raw: string | undefined): string[] {
  return raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : [];
}
