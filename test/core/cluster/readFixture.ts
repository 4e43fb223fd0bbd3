import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface KmeansReference {
  features: string[];
  log: string[];
  means: number[];
  sds: number[];
  kmeans: Record<string, { inertia: number; silhouette: number; ariVsTruth?: number }>;
  bestSilhouetteK: number;
  labelsAtBestK: number[];
  truth?: number[];
}

const DIR = join(__dirname, '..', '..', 'fixtures', 'kmeans');

/** Reads a numeric fixture CSV (header row, no quoting) into named Float64Array columns. */
export function readFixtureColumns(name: string): { name: string; values: Float64Array }[] {
  const lines = readFileSync(join(DIR, `${name}.csv`), 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const cols = header.map(() => new Float64Array(lines.length - 1));
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(',');
    for (let c = 0; c < cols.length; c++) cols[c][r - 1] = Number(cells[c]);
  }
  return header.map((h, c) => ({ name: h, values: cols[c] }));
}

export function readReference(name: string): KmeansReference {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as KmeansReference;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T;
}
