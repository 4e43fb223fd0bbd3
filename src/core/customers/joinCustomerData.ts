import { SegmentKitError } from '../errors/SegmentKitError';
import type { RoleMap } from '../roles/Role';
import type { Column, Table } from '../table/Table';
import { CODE_MISSING, findColumn, selectRows } from '../table/Table';
import { codesOf } from './codesOf';
import type { CustomerTable, SkippedRows } from './CustomerTable';
import { CUSTOMER_FIELDS, SUPPORT_CHANNELS } from './CustomerTable';
import { normalizeChannel } from './normalizeChannel';
import { SkipCounter } from './SkipCounter';

export interface SheetInput {
  table: Table;
  roles: RoleMap;
  /** Sheet or file name for messages. */
  source?: string;
  sourceRowOf?: (i: number) => number;
}

/**
 * Makes a CustomerTable from a customer sheet (one row per customer), keeping all its columns,
 * and optionally joining transaction aggregates onto it by customer id. Customers without
 * orders get 0 orders and revenue; orders of ids missing from the customer sheet are counted
 * and reported, not invented as customers.
 *
 * @example
 * const customers = joinCustomerData({ table, roles: { customerId: 'Customer ID', age: 'Age' } }, aggregated);
 */
export function joinCustomerData(sheet: SheetInput, aggregated?: CustomerTable): CustomerTable {
  const idName = sheet.roles.customerId;
  const idCol = idName ? findColumn(sheet.table, idName) : undefined;
  if (!idCol) {
    throw new SegmentKitError('E_COLUMN_MISSING', 'No customer id column was found in the customer sheet', {
      location: { sheet: sheet.source },
      hint: 'Map a column to the role "customer id".',
    });
  }
  const { codes, labels } = codesOf(idCol);
  const n = sheet.table.rowCount;
  const skipped: SkippedRows[] = [];
  const seen = new Int32Array(labels.length).fill(-1);
  const skip = new SkipCounter(idCol, sheet);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c === CODE_MISSING) {
      skip.add('W_BLANK_ID', i, 'customer rows have no customer id and were left out', idCol.name);
      continue;
    }
    if (seen[c] !== -1) {
      skip.add('W_DUPLICATE_ID', i, 'customer rows repeat an id that appears earlier; the first row was used', idCol.name);
      continue;
    }
    seen[c] = i;
    keep.push(i);
  }
  skipped.push(...skip.report());
  const rows = keep.length;
  const dictionary = keep.map((i) => labels[codes[i]]);
  const idCodes = new Int32Array(rows);
  for (let r = 0; r < rows; r++) idCodes[r] = r;
  const columns: Column[] = [{ name: CUSTOMER_FIELDS.id, type: 'id', codes: idCodes, dictionary }];
  const rest = selectRows({ rowCount: n, columns: sheet.table.columns.filter((c) => c !== idCol) }, keep);
  columns.push(...rest.columns);
  const roles: RoleMap = { ...sheet.roles, customerId: CUSTOMER_FIELDS.id };
  let asOf = NaN;
  if (aggregated) {
    const rowOf = new Map<string, number>();
    dictionary.forEach((id, r) => rowOf.set(id, r));
    const aggIds = aggregated.table.columns.find((c) => c.name === aggregated.idColumn);
    const target = new Int32Array(aggregated.table.rowCount);
    let unknown = 0;
    const unknownExamples: string[] = [];
    if (aggIds && 'codes' in aggIds) {
      for (let r = 0; r < target.length; r++) {
        const id = aggIds.dictionary[aggIds.codes[r]];
        const t = rowOf.get(id);
        target[r] = t ?? -1;
        if (t === undefined) {
          unknown++;
          if (unknownExamples.length < 5) unknownExamples.push(id);
        }
      }
    }
    if (unknown > 0) {
      skipped.push({
        code: 'W_UNKNOWN_CUSTOMER',
        count: unknown,
        message: 'customers in the transactions are not in the customer sheet; their orders were left out',
        examples: unknownExamples,
      });
    }
    for (const col of aggregated.table.columns) {
      if (col.name === aggregated.idColumn || !('values' in col) || !(col.values instanceof Float64Array)) continue;
      const isCount = col.type === 'number';
      const out = new Float64Array(rows).fill(isCount ? 0 : NaN);
      for (let r = 0; r < target.length; r++) if (target[r] >= 0) out[target[r]] = col.values[r];
      const name = columns.some((c) => c.name === col.name) ? `${col.name}_orders` : col.name;
      columns.push({ name, type: col.type as 'number' | 'date', values: out });
    }
    for (const [role, name] of Object.entries(aggregated.roles)) {
      if (role === 'customerId' || !name) continue;
      if (!(role in roles)) (roles as Record<string, string>)[role] = name;
    }
    skipped.push(...aggregated.skipped);
    asOf = aggregated.asOf;
  }
  return { table: { rowCount: rows, columns }, roles, idColumn: CUSTOMER_FIELDS.id, asOf, skipped };
}

/**
 * Counts support contacts per customer and channel from a ticket sheet (customer id +
 * channel) and adds `contacts_<channel>` and `contacts_total` columns. Tickets of unknown
 * customers and unknown channels are counted and reported.
 */
export function addTicketCounts(customers: CustomerTable, tickets: SheetInput): CustomerTable {
  const idCol = tickets.roles.customerId ? findColumn(tickets.table, tickets.roles.customerId) : undefined;
  const chCol = tickets.roles.channel ? findColumn(tickets.table, tickets.roles.channel) : undefined;
  if (!idCol || !chCol) {
    throw new SegmentKitError('E_COLUMN_MISSING', `The ticket sheet needs a customer id and a channel column; ${!idCol ? 'customer id' : 'channel'} was not found`, {
      location: { sheet: tickets.source },
      hint: 'Map the ticket sheet\'s columns to the roles "customer id" and "preferred channel" (the channel of each contact).',
    });
  }
  const ids = customers.table.columns.find((c) => c.name === customers.idColumn);
  if (!ids || !('codes' in ids)) throw new SegmentKitError('E_INTERNAL', 'Customer table has no id column');
  const rowOf = new Map<string, number>();
  for (let r = 0; r < customers.table.rowCount; r++) rowOf.set(ids.dictionary[ids.codes[r]], r);
  const t = codesOf(idCol);
  const ch = codesOf(chCol);
  const channelOf = ch.labels.map((l) => normalizeChannel(l));
  const targetOf = t.labels.map((l) => rowOf.get(l) ?? -1);
  const counts = SUPPORT_CHANNELS.map(() => new Float64Array(customers.table.rowCount));
  const total = new Float64Array(customers.table.rowCount);
  const skip = new SkipCounter(idCol, tickets);
  for (let i = 0; i < tickets.table.rowCount; i++) {
    const tc = t.codes[i];
    if (tc === CODE_MISSING) {
      skip.add('W_TICKET_BLANK_ID', i, 'tickets have no customer id', idCol.name);
      continue;
    }
    const r = targetOf[tc];
    if (r < 0) {
      skip.add('W_TICKET_UNKNOWN_CUSTOMER', i, 'tickets belong to customers not in the data', idCol.name);
      continue;
    }
    const cc = ch.codes[i];
    const channel = cc === CODE_MISSING ? null : channelOf[cc];
    if (channel === null) {
      skip.add('W_TICKET_CHANNEL', i, 'tickets have a blank or unknown channel (use phone, email, chat, social or self-service); they count in the total only', chCol.name);
    } else {
      counts[SUPPORT_CHANNELS.indexOf(channel)][r]++;
    }
    total[r]++;
  }
  const columns: Column[] = customers.table.columns.filter((c) => !c.name.startsWith(CUSTOMER_FIELDS.contactsPrefix));
  SUPPORT_CHANNELS.forEach((channel, k) => columns.push({ name: `${CUSTOMER_FIELDS.contactsPrefix}${channel}`, type: 'number', values: counts[k] }));
  columns.push({ name: CUSTOMER_FIELDS.contactsTotal, type: 'number', values: total });
  return {
    ...customers,
    table: { rowCount: customers.table.rowCount, columns },
    roles: { ...customers.roles, supportContacts: CUSTOMER_FIELDS.contactsTotal },
    skipped: [...customers.skipped, ...skip.report()],
  };
}
