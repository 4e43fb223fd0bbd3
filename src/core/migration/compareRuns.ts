import type { SummaryTable } from '../results/Outputs';

/** One run's assignment: customer id strings and their segment names (null = none). */
export interface Assignment {
  ids: ArrayLike<string>;
  segments: ArrayLike<string | null>;
}

export interface Mover {
  id: string;
  from: string;
  to: string;
}

export interface MigrationReport {
  /** Row and column labels of the matrix: the old run's segments first, then new ones. */
  segments: string[];
  /** matrix[from][to] = customers in segment `from` before and `to` now. */
  matrix: number[][];
  counts: { new: number; lost: number; moved: number; unchanged: number };
  movers: Mover[];
  table: SummaryTable;
}

/**
 * Who moved from which segment to which between two runs, matched by customer id. Customers
 * only in the new run are "new", only in the old run "lost"; customers without a segment in a
 * run count as absent from it.
 *
 * @example
 * const report = compareRuns({ ids: ['a', 'b'], segments: ['Champions', 'Lost'] }, { ids: ['a'], segments: ['At Risk'] });
 * report.counts; // { new: 0, lost: 1, moved: 1, unchanged: 0 }
 */
export function compareRuns(before: Assignment, after: Assignment): MigrationReport {
  const segments: string[] = [];
  const index = new Map<string, number>();
  const segOf = (name: string) => {
    let j = index.get(name);
    if (j === undefined) {
      j = segments.length;
      segments.push(name);
      index.set(name, j);
    }
    return j;
  };
  const old = new Map<string, string>();
  for (let i = 0; i < before.ids.length; i++) {
    const s = before.segments[i];
    if (s !== null) {
      old.set(before.ids[i], s);
      segOf(s);
    }
  }
  const pairs: [number, number][] = [];
  const movers: Mover[] = [];
  const seen = new Set<string>();
  let added = 0;
  let unchanged = 0;
  for (let i = 0; i < after.ids.length; i++) {
    const s = after.segments[i];
    if (s === null) continue;
    const id = after.ids[i];
    seen.add(id);
    const to = segOf(s);
    const prev = old.get(id);
    if (prev === undefined) {
      added++;
      continue;
    }
    pairs.push([index.get(prev)!, to]);
    if (prev === s) unchanged++;
    else movers.push({ id, from: prev, to: s });
  }
  let lost = 0;
  for (const id of old.keys()) if (!seen.has(id)) lost++;
  const matrix = segments.map(() => new Array<number>(segments.length).fill(0));
  for (const [f, t] of pairs) matrix[f][t]++;
  const table: SummaryTable = {
    title: 'Segment migration (rows: before, columns: now)',
    headers: ['Before \\ now', ...segments],
    rows: segments.map((s, f) => [s, ...matrix[f]]),
  };
  return { segments, matrix, counts: { new: added, lost, moved: movers.length, unchanged }, movers, table };
}
