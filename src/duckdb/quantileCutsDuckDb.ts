import type { DuckDBConnection } from '@duckdb/node-api';
import { quantileSorted } from '../core/models/quantileCuts';

/**
 * `quantileCuts` computed inside DuckDB: only the order statistics that the type-7 positions
 * need leave the database (at most 2 × (bands − 1) values), and they go through the engine's own
 * `quantileSorted`, so the cut points are bit-for-bit those of the in-process engine.
 * `relation` is a FROM item and `expr` a double expression over it; NULLs are skipped.
 */
export async function quantileCutsDuckDb(con: DuckDBConnection, relation: string, expr: string, bands: number): Promise<number[]> {
  const count = Number((await con.runAndReadAll(`SELECT COUNT(${expr}) FROM ${relation}`)).getRows()[0][0]);
  if (count === 0) return [];
  const positions = new Set<number>();
  for (let j = 1; j < bands; j++) {
    const pos = (count - 1) * j;
    const lo = Math.floor(pos / bands);
    positions.add(lo);
    if (pos - lo * bands !== 0) positions.add(lo + 1);
  }
  const rows = (
    await con.runAndReadAll(
      `SELECT i, x FROM (SELECT x, row_number() OVER (ORDER BY x) - 1 AS i FROM (SELECT CAST(${expr} AS DOUBLE) AS x FROM ${relation}) WHERE x IS NOT NULL) WHERE i IN (${[...positions].join(', ')})`,
    )
  ).getRows();
  // A sparse stand-in for the sorted array: quantileSorted reads only these positions.
  const sorted = new Float64Array(count);
  for (const [i, x] of rows) sorted[Number(i)] = Number(x);
  const cuts: number[] = [];
  for (let j = 1; j < bands; j++) cuts.push(quantileSorted(sorted, j, bands));
  return cuts;
}
