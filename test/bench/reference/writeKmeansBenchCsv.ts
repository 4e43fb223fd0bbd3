// Writes the k-means bench's rows (customerLikeColumns(1,048,576, 2024)) as CSV for kmeans_timing.py.
// Usage: npx tsx test/bench/reference/writeKmeansBenchCsv.ts /tmp/km1m.csv
import { writeFileSync } from 'node:fs';
import { customerLikeColumns } from '../kmeans.bench';

const out = process.argv[2] ?? 'km1m.csv';
const n = 1_048_576;
const c = customerLikeColumns(n, 2024);
const lines = ['recency,frequency,monetary'];
for (let i = 0; i < n; i++) lines.push(`${c.recency[i]},${c.frequency[i]},${c.monetary[i]}`);
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${n} rows written to ${out}`);
