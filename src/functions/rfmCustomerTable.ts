import type { CustomerTable } from '../core/customers/CustomerTable';

/**
 * A customer table of just the three RFM inputs, named as the RFM model's settings read them:
 * what the RFM custom functions score with a stored recipe.
 *
 * @example
 * rfmCustomerTable(Float64Array.of(12), Float64Array.of(3), Float64Array.of(250)).table.rowCount; // 1
 */
export function rfmCustomerTable(recency: Float64Array, frequency: Float64Array, monetary: Float64Array): CustomerTable {
  return {
    table: {
      rowCount: recency.length,
      columns: [
        { name: 'recency', type: 'number', values: recency },
        { name: 'frequency', type: 'number', values: frequency },
        { name: 'monetary', type: 'number', values: monetary },
      ],
    },
    roles: {},
    idColumn: '',
    asOf: 0,
    skipped: [],
  };
}
