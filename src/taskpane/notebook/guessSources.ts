import type { DataSources, SheetInfo } from '../services/SegmentKitServices';

const PATTERNS = {
  customers: /cust|kund|klant|client/i,
  orders: /order|trans|invoice|sales|bestell|bestel|verkoop|umsatz|rechnung/i,
  tickets: /ticket|support|contact|kontakt|case/i,
} as const;

/**
 * First guess of which sheet plays which part, from sheet names in English, German and Dutch;
 * with no name matching, the active sheet is taken as the customers sheet (DESIGN: the active
 * sheet is the default source). SegmentKit's own output sheets are never proposed.
 *
 * @example
 * guessSources([{ name: 'Orders', rowCount: 10, columnCount: 5, active: true }]); // { orders: 'Orders' }
 */
export function guessSources(sheets: SheetInfo[]): DataSources {
  const candidates = sheets.filter((s) => !s.name.startsWith('SK ') && s.rowCount > 1);
  const out: DataSources = {};
  for (const kind of ['customers', 'orders', 'tickets'] as const) {
    const hit = candidates.find((s) => PATTERNS[kind].test(s.name) && !Object.values(out).includes(s.name));
    if (hit) out[kind] = hit.name;
  }
  if (!out.customers && !out.orders) {
    const active = candidates.find((s) => s.active) ?? candidates[0];
    if (active) out.customers = active.name;
  }
  return out;
}
