/** One line of the benchmark report (`npm run bench` prints them as a table and writes bench/results.json). */
export interface BenchRow {
  /** Area, e.g. `ingest`, `rfm`, `kmeans`, `clv`, `excel`, `functions`. */
  area: string;
  /** What was measured, e.g. `CSV → typed columns (uDSV)`. */
  case: string;
  /** Data size in words, e.g. `1,048,576 rows`. */
  size: string;
  seconds: number;
  /** Optional target in seconds; the report marks rows over target. */
  targetSeconds?: number;
  /** Peak resident memory in MB during the case, when measured. */
  peakMB?: number;
  note?: string;
}

/** Each `test/bench/*.bench.ts` default-exports one of these. */
export type BenchModule = () => Promise<BenchRow[]>;
