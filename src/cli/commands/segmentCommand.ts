import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { SegmentKitError } from '../../core/errors/SegmentKitError';
import { refuseInputAsOutput } from '../../io/refuseInputAsOutput';
import { parseDateOption, parseIntegerOption, parseListOption } from '../parseOptions';
import { compareWithPrevious } from '../pipeline/compareWithPrevious';
import { printSegmentation } from '../pipeline/printSegmentation';
import { segmentFiles, type SegmentOptions } from '../pipeline/segmentFiles';
import { segmentationJson } from '../pipeline/segmentationJson';
import { writeSegmentation } from '../pipeline/writeSegmentation';
import { progressReporter } from '../progressReporter';
import { segmentWithEngine } from '../pipeline/segmentWithEngine';

interface SegmentFlags {
  sheet?: string;
  transactionsSheet?: string;
  ticketsSheet?: string;
  recipe?: string;
  models?: string;
  asOf?: string;
  seed?: string;
  out?: string;
  saveRecipe?: string;
  compare?: string;
  json?: boolean;
  k?: string;
  features?: string;
  categories?: string;
  refit?: boolean;
  engine: string;
  summary?: string;
}

/** `segmentkit segment FILE... [options]` */
export function registerSegmentCommand(program: Command): void {
  program
    .command('segment')
    .description('Segment customers from order lines and/or a customer sheet (and tickets) with RFM, value, lifecycle, k-means and more')
    .argument('<files...>', '.xlsx workbook, or .csv / .txt files (orders, customers, tickets)')
    .option('--sheet <name>', 'customer (or only) sheet of a workbook')
    .option('--transactions-sheet <name>', 'order-lines sheet of a workbook')
    .option('--tickets-sheet <name>', 'support-tickets sheet of a workbook')
    .option('--recipe <file>', 'a recipe JSON; a fitted one is re-applied as stored (see --refit)')
    .option('--refit', 'fit the recipe\'s models again instead of re-applying stored parameters')
    .option('--models <list>', 'comma-separated: rfm,value,lifecycle,behavior,kmeans,demographic,technographic,clv, or all', 'rfm,value,lifecycle')
    .option('--k <k>', 'k-means clusters: a number or auto', 'auto')
    .option('--features <list>', 'k-means features (columns, or recency,frequency,monetary)')
    .option('--categories <list>', 'k-means category columns to one-hot encode, e.g. platform,country')
    .option('--as-of <date>', '"today" for recency and tenure, YYYY-MM-DD (default: the latest date in the data)')
    .option('--seed <s>', 'random seed for k-means', '1')
    .option('--out <file>', 'write the per-customer table (.csv) or a formatted workbook (.xlsx)')
    .option('--save-recipe <file>', 'write the fitted recipe JSON (share it, or store it in a workbook)')
    .option('--compare <previous>', 'a previous output (.xlsx or .csv): report who moved between segments')
    .option('--engine <engine>', 'in-process, or duckdb for order-line files past memory (CSV or Parquet)', 'in-process')
    .option('--summary <file.xlsx>', 'with --engine duckdb: write the per-segment summary workbook')
    .option('--json', 'print one JSON object instead of the summary')
    .action(async (files: string[], flags: SegmentFlags) => {
      // Before any work: an output over an input would only fail (or worse) at the end.
      for (const [option, out] of [['--out', flags.out], ['--save-recipe', flags.saveRecipe], ['--summary', flags.summary]] as const) refuseInputAsOutput(option, out, files);
      const settings: Record<string, Record<string, unknown>> = { kmeans: { k: flags.k ?? 'auto' } };
      const features = parseListOption(flags.features);
      if (features.length) settings.kmeans.features = features;
      const categories = parseListOption(flags.categories);
      if (categories.length) settings.kmeans.categoryFeatures = categories;
      const models = flags.models === 'all' ? 'all' : parseListOption(flags.models);
      const options: SegmentOptions = {
        sheet: flags.sheet,
        transactionsSheet: flags.transactionsSheet,
        ticketsSheet: flags.ticketsSheet,
        recipePath: flags.recipe,
        models,
        refit: flags.refit,
        asOf: flags.asOf ? parseDateOption('--as-of', flags.asOf) : undefined,
        seed: flags.seed !== undefined ? parseIntegerOption('--seed', flags.seed) : undefined,
        settings,
        onProgress: progressReporter(Boolean(flags.json)),
      };
      if (flags.engine === 'duckdb') {
        const r = await segmentWithEngine(files, options.asOf, options.seed, flags);
        if (flags.saveRecipe) writeFileSync(flags.saveRecipe, JSON.stringify(r.recipe, null, 2) + '\n');
        const models = Object.fromEntries(r.summary.map((m) => [m.modelId, { kind: m.kind, segments: m.segments, unassigned: m.unassigned }]));
        if (flags.json) process.stdout.write(JSON.stringify({ customers: r.customers, engine: 'duckdb', timings: r.timings, models }) + '\n');
        else process.stdout.write(`${r.customers.toLocaleString('en')} customers segmented with DuckDB; assignments in ${flags.out}${flags.summary ? `, summary in ${flags.summary}` : ''}\n`);
        return;
      }
      if (flags.engine !== 'in-process') throw new SegmentKitError('E_ARGUMENT', `--engine must be in-process or duckdb, got "${flags.engine}"`);
      const s = await segmentFiles(files, options);
      const migration = flags.compare ? await compareWithPrevious(s, flags.compare) : undefined;
      if (flags.out) {
        mkdirSync(dirname(flags.out) || '.', { recursive: true });
        for (const warning of await writeSegmentation(s, flags.out, files)) process.stderr.write(`segmentkit: warning: ${warning}\n`);
      }
      if (flags.saveRecipe) {
        mkdirSync(dirname(flags.saveRecipe) || '.', { recursive: true });
        writeFileSync(flags.saveRecipe, JSON.stringify(s.recipe, null, 2) + '\n');
      }
      if (flags.json) {
        const json = segmentationJson(s);
        if (migration) json.migration = Object.fromEntries(Object.entries(migration).map(([k, m]) => [k, { counts: m.counts, segments: m.segments, matrix: m.matrix }]));
        process.stdout.write(JSON.stringify(json) + '\n');
      } else {
        printSegmentation(s, migration, (t) => process.stdout.write(t));
        if (flags.out) process.stdout.write(`\nWrote ${flags.out}\n`);
        if (flags.saveRecipe) process.stdout.write(`Wrote the fitted recipe to ${flags.saveRecipe}\n`);
      }
    });
}
