import { SegmentKitError } from '../errors/SegmentKitError';
import { ROLES, type Role, type RoleMap } from '../roles/Role';
import { findColumn, type Column } from '../table/Table';
import { normalizeHeader } from './normalizeHeader';
import type { ParsedTable } from './ParsedTable';
import { ROLE_VOCABULARY } from './roleVocabulary';

export interface RoleGuess {
  role: Role;
  column: string;
  /** 0..1: 1 = set by the caller, ~0.95 = header names the role, ~0.7 = header contains a hint, ≤ 0.5 = values only. */
  confidence: number;
  reason: string;
}

export interface DetectRolesOptions {
  /** Roles the user already mapped; they win over every guess. */
  overrides?: RoleMap;
}

const EXACT = 0.95;
const STEM = 0.7;

/**
 * Proposes a column for each role from header names (English, German, Dutch) and values, each
 * role to at most one column and each column to at most one role, strongest evidence first.
 *
 * @example
 * const parsed = tableFromValues([['Kundennummer', 'Bestelldatum', 'Umsatz'], ['K1', '01.02.2024', '12,50']]);
 * detectRoles(parsed).map((g) => g.role); // ['customerId', 'date', 'amount']
 */
export function detectRoles(parsed: ParsedTable, options: DetectRolesOptions = {}): RoleGuess[] {
  const { table } = parsed;
  const taken = new Set<string>();
  const assigned = new Map<Role, RoleGuess>();
  for (const [role, name] of Object.entries(options.overrides ?? {}) as [Role, string | undefined][]) {
    if (name === undefined) continue;
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new SegmentKitError('E_ROLE_UNKNOWN', `"${role}" is not a column role`, { hint: `Use one of: ${ROLES.join(', ')}.` });
    }
    const column = findColumn(table, name);
    if (!column) {
      throw new SegmentKitError('E_ROLE_COLUMN_MISSING', `The column "${name}" mapped to ${role} does not exist`, {
        location: { column: name },
        hint: `Available columns: ${table.columns.map((c) => c.name).join(', ')}.`,
      });
    }
    assigned.set(role, { role, column: column.name, confidence: 1, reason: 'set by you' });
    taken.add(column.name);
  }
  const candidates: RoleGuess[] = [];
  for (const column of table.columns) {
    if (taken.has(column.name)) continue;
    candidates.push(...headerGuesses(column), ...valueGuesses(column, table.rowCount));
  }
  candidates.sort((a, b) => b.confidence - a.confidence);
  for (const g of candidates) {
    if (assigned.has(g.role) || taken.has(g.column)) continue;
    assigned.set(g.role, g);
    taken.add(g.column);
  }
  return ROLES.filter((r) => assigned.has(r)).map((r) => assigned.get(r) as RoleGuess);
}

function headerGuesses(column: Column): RoleGuess[] {
  const header = normalizeHeader(column.name);
  const out: RoleGuess[] = [];
  for (const role of ROLES) {
    const vocab = ROLE_VOCABULARY[role];
    if (!vocab.types.includes(column.type) || !fitsIdRole(role, column)) continue;
    if (vocab.names.includes(header)) out.push({ role, column: column.name, confidence: EXACT, reason: `header "${column.name}" names the ${role} role` });
    else {
      const stem = vocab.stems.find((s) => new RegExp(`(?:^| )${s}`).test(header));
      if (stem) out.push({ role, column: column.name, confidence: STEM, reason: `header "${column.name}" contains "${stem}"` });
    }
  }
  return out;
}

/** Numbers can be ids only when they are whole. */
function fitsIdRole(role: Role, column: Column): boolean {
  if ((role !== 'customerId' && role !== 'orderId') || column.type !== 'number') return true;
  for (let i = 0; i < column.values.length; i++) {
    const v = column.values[i];
    if (v === v && !Number.isInteger(v)) return false;
  }
  return true;
}

function valueGuesses(column: Column, rows: number): RoleGuess[] {
  switch (column.type) {
    case 'id':
    case 'category': {
      const present = countPresent(column.codes);
      const distinct = column.dictionary.length;
      if (column.type === 'id' && distinct < present && distinct > 1) {
        return [{ role: 'customerId', column: column.name, confidence: 0.5, reason: `id values repeat (${distinct} distinct in ${present} rows), as customer ids do in transactions` }];
      }
      if (column.type === 'id') return [{ role: 'customerId', column: column.name, confidence: 0.35, reason: 'values look like ids' }];
      return [];
    }
    case 'date':
      return [{ role: 'date', column: column.name, confidence: 0.4, reason: 'values are dates' }];
    case 'number': {
      let present = 0;
      let negative = 0;
      let fractional = 0;
      for (let i = 0; i < rows; i++) {
        const v = column.values[i];
        if (v !== v) continue;
        present++;
        if (v < 0) negative++;
        if (!Number.isInteger(v)) fractional++;
      }
      if (present === 0 || negative > present * 0.05) return [];
      if (fractional > 0) return [{ role: 'amount', column: column.name, confidence: 0.4, reason: 'positive values with decimals, like money' }];
      return [{ role: 'quantity', column: column.name, confidence: 0.3, reason: 'positive whole numbers, like quantities' }];
    }
    default:
      return [];
  }
}

function countPresent(codes: Int32Array): number {
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) n++;
  return n;
}
