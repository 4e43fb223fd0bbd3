import { readFile } from 'node:fs/promises';
import { SegmentKitError } from '../../core/errors/SegmentKitError';
import { isoFromDayNumber } from '../../core/table/dayNumber';
import { segmentWithDuckDb, type DuckDbSegmentResult } from '../../duckdb/segmentWithDuckDb';
import { writeWorkbook } from '../../io/writeWorkbook';

export interface EngineFlags {
  out?: string;
  summary?: string;
  recipe?: string;
  saveRecipe?: string;
  json?: boolean;
}

/**
 * `segment --engine duckdb`: the file never enters this process; DuckDB aggregates and scores
 * it, and only the per-segment summary comes back (written as a workbook when asked).
 */
export async function segmentWithEngine(files: string[], asOf: number | undefined, seed: number | undefined, flags: EngineFlags): Promise<DuckDbSegmentResult> {
  if (files.length !== 1) throw new SegmentKitError('E_ARGUMENT', '--engine duckdb takes one order-lines file (.csv or .parquet)', { hint: 'Join customer and ticket data in your engine, or use the in-process engine.' });
  if (!flags.out) throw new SegmentKitError('E_ARGUMENT', '--engine duckdb needs --out FILE.parquet or FILE.csv for the assignments', { hint: 'For example --out out/segments.parquet.' });
  const recipe = flags.recipe ? JSON.parse(await readFile(flags.recipe, 'utf8')) : undefined;
  const result = await segmentWithDuckDb({ input: files[0], recipe, asOf: asOf === undefined ? undefined : isoFromDayNumber(asOf), seed, out: flags.out });
  if (flags.summary) {
    await writeWorkbook(flags.summary, {
      sheets: result.summary.map((m) => ({
        name: `SK ${m.modelId}`.slice(0, 31),
        tables: [
          {
            title: `${m.modelId} segments`,
            headers: ['Segment', 'Customers', 'Share', 'Value', 'Value share'],
            rows: m.segments.map((s) => [s.name, s.size, s.share, s.value, s.valueShare]),
            numberFormats: [undefined, '#,##0', '0.0%', '#,##0.00', '0.0%'],
          },
        ],
      })),
    });
  }
  return result;
}
