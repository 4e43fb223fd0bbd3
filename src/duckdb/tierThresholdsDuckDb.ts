import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * The value model's A/B tier boundaries inside DuckDB: positive values descending, the first
 * value whose running total reaches tierA (tierB) of the positive total, with the same relative
 * tolerance as the in-process engine; B falls back to the smallest positive value, and with no
 * positive value nobody reaches A or B (Infinity).
 */
export async function tierThresholdsDuckDb(con: DuckDBConnection, relation: string, expr: string, a: number, b: number): Promise<{ aMin: number; bMin: number }> {
  const pos = `(SELECT CAST(${expr} AS DOUBLE) AS x FROM ${relation} WHERE ${expr} > 0)`;
  const [[total, smallest]] = (await con.runAndReadAll(`SELECT SUM(x), MIN(x) FROM ${pos}`)).getRows();
  if (total === null) return { aMin: Infinity, bMin: Infinity };
  const t = Number(total);
  const [[aMin, bMin]] = (
    await con.runAndReadAll(
      `WITH c AS (SELECT x, SUM(x) OVER (ORDER BY x DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum FROM ${pos})
       SELECT MAX(CASE WHEN cum >= ${(a * t * (1 - 1e-12)).toExponential()} THEN x END), MAX(CASE WHEN cum >= ${(b * t * (1 - 1e-12)).toExponential()} THEN x END) FROM c`,
    )
  ).getRows();
  return { aMin: Number(aMin), bMin: bMin === null ? Number(smallest) : Number(bMin) };
}
