import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { generateSample } from '../../core/sample/generateSample';
import { compileRecipeToSql } from '../../sql/compileRecipeToSql';
import { parseIntegerOption } from '../parseOptions';
import { printSegmentation } from '../pipeline/printSegmentation';
import { segmentFiles } from '../pipeline/segmentFiles';
import { writeSegmentation } from '../pipeline/writeSegmentation';
import { progressReporter } from '../progressReporter';
import { writeSample } from '../sample/writeSample';

/**
 * `segmentkit demo`: the whole product on bundled, seeded sample data — a workbook with
 * customers, orders and tickets, segmented with every model, written back as a workbook, the
 * fitted recipe saved, and the same recipe shown as SQL for data past Excel's row limit.
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Generate the sample workbook and segment it with every model')
    .option('--out <dir>', 'folder for the sample, the results and the recipe', 'out')
    .option('--customers <n>', 'customers in the sample', '10000')
    .option('--seed <s>', 'seed of the sample', '42')
    .action(async (flags: { out: string; customers: string; seed: string }) => {
      const w = (t: string) => process.stdout.write(t);
      const sampleFile = join(flags.out, 'sample.xlsx');
      const sample = generateSample({ customers: parseIntegerOption('--customers', flags.customers), seed: parseIntegerOption('--seed', flags.seed) });
      const written = await writeSample(sample, sampleFile);
      w(`1. Sample workbook ${sampleFile}: ${written.customers.toLocaleString('en')} customers, ${written.orderLines.toLocaleString('en')} order lines, ${written.tickets.toLocaleString('en')} support tickets\n\n`);
      w('2. Segmenting with every model (RFM, value & cost-to-serve, lifecycle, support intensity, k-means with automatic k, demographic, technographic, CLV)…\n\n');
      const s = await segmentFiles([sampleFile], { models: 'all', settings: { kmeans: { k: 'auto' } }, onProgress: progressReporter(false) });
      printSegmentation(s, undefined, w);
      const lifecycle = s.recipe.playbook?.lifecycle;
      if (lifecycle) {
        w('\nSupport playbook for the lifecycle segments (editable in the recipe and the taskpane):\n');
        for (const [segment, e] of Object.entries(lifecycle)) w(`  ${segment.padEnd(12)} ${e.priority}  ${e.channel.padEnd(12)} queue "${e.queue}", tone: ${e.tone}\n`);
      }
      const out = join(flags.out, 'segments.xlsx');
      const recipeFile = join(flags.out, 'recipe.json');
      await writeSegmentation(s, out, [sampleFile]);
      writeFileSync(recipeFile, JSON.stringify(s.recipe, null, 2) + '\n');
      const sqlFile = join(flags.out, 'recipe.duckdb.sql');
      // Models that need the customer or ticket sheets stay in TypeScript (src/duckdb/README.md).
      const sqlModels = s.recipe.models.filter((m) => ['rfm', 'value', 'lifecycle', 'kmeans'].includes(m.kind));
      const keep = <T>(perModel: Record<string, T> | undefined) => perModel && Object.fromEntries(Object.entries(perModel).filter(([id]) => sqlModels.some((m) => m.id === id)));
      const sqlRecipe = { ...s.recipe, models: sqlModels, playbook: keep(s.recipe.playbook), segmentNames: keep(s.recipe.segmentNames) };
      const { sql } = compileRecipeToSql(sqlRecipe, { dialect: 'duckdb', transactionsTable: 'orders', columns: s.recipe.roles });
      writeFileSync(sqlFile, sql + '\n');
      w(`\n3. Results: ${out} (SK Customers, one sheet per model with profile and playbook, SK Quality)\n`);
      w(`   Fitted recipe: ${recipeFile} — re-apply it with: npx segmentkit segment ${sampleFile} --recipe ${recipeFile}\n`);
      w(`   The same recipe as SQL (RFM, value, lifecycle, k-means): ${sqlFile}\n`);
      w(`\n4. Past Excel's 1,048,576 rows: npx segmentkit sample --customers 1000000 --out big.csv && npx segmentkit segment big-orders.csv --engine duckdb --out segments.parquet --summary summary.xlsx\n`);
      w(`   Predicted value on the CDNOW data: npx segmentkit clv ../shared/data/cdnow/CDNOW_sample.txt --customer-id "Column B" --calibration-end 1997-09-30\n`);
    });
}
