import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SegmentKitError } from '../../core/errors/SegmentKitError';
import type { Recipe } from '../../core/recipe/Recipe';
import { refuseInputAsOutput } from '../../io/refuseInputAsOutput';
import { compileRecipeToSql } from '../../sql/compileRecipeToSql';

const DIALECTS = ['duckdb', 'spark', 'bigquery', 'ansi'] as const;

/** `segmentkit sql --recipe r.json --dialect duckdb|spark|bigquery|ansi --table orders` */
export function registerSqlCommand(program: Command): void {
  program
    .command('sql')
    .description('Print a fitted recipe as SQL for an engine past Excel\'s row limit (DuckDB, Spark SQL, BigQuery, ANSI)')
    .requiredOption('--recipe <file>', 'a fitted recipe (segmentkit segment --save-recipe, or saved by the taskpane)')
    .option('--dialect <dialect>', DIALECTS.join(', '), 'duckdb')
    .option('--table <name>', 'the order-lines table in your engine', 'orders')
    .option('--out <file>', 'write the SQL to a file instead of stdout')
    .action((flags: { recipe: string; dialect: string; table: string; out?: string }) => {
      refuseInputAsOutput('--out', flags.out, [flags.recipe]);
      if (!(DIALECTS as readonly string[]).includes(flags.dialect)) {
        throw new SegmentKitError('E_ARGUMENT', `--dialect must be one of ${DIALECTS.join(', ')}, got "${flags.dialect}"`);
      }
      let recipe: Recipe;
      try {
        recipe = JSON.parse(readFileSync(flags.recipe, 'utf8')) as Recipe;
      } catch (e) {
        throw new SegmentKitError('E_RECIPE_JSON', `The recipe cannot be read as JSON (${e instanceof Error ? e.message : String(e)})`, { location: { file: flags.recipe }, hint: 'Pass the file written by --save-recipe.' });
      }
      const { sql } = compileRecipeToSql(recipe, { dialect: flags.dialect as (typeof DIALECTS)[number], transactionsTable: flags.table, columns: recipe.roles ?? {} });
      if (flags.out) writeFileSync(flags.out, sql + '\n');
      else process.stdout.write(sql + '\n');
    });
}
