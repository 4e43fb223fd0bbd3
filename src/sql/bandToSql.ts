import type { SqlDialect } from './SqlDialect';

/** A stored band: lower bounds ascending (a value at or above bound i is in band i or higher) and a label per band. */
export interface SqlBand {
  /** Output column name. */
  name: string;
  /** Customer column to band. */
  column: string;
  lowerBounds: number[];
  labels: string[];
}

/**
 * The label of the last lower bound a value reaches, as `bandByLowerBounds` does; NULL for a
 * missing value or one below the first bound. Bounds of -Infinity (open bottom band) match all.
 */
export function bandToSql(d: SqlDialect, band: SqlBand): string {
  const x = d.ident(band.column);
  const whens = band.lowerBounds
    .map((lb, i) => ({ lb, label: band.labels[i] }))
    .reverse()
    .map(({ lb, label }) => `WHEN ${lb === -Infinity ? 'TRUE' : `${x} >= ${d.number(lb)}`} THEN ${d.text(label)}`);
  return `CASE WHEN ${x} IS NULL THEN NULL ${whens.join(' ')} ELSE NULL END`;
}
