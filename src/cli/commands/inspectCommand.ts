import type { Command } from 'commander';
import { describeSheet } from '../../core/customers/buildCustomerTable';
import { dataQualityReport } from '../../core/dataQuality/dataQualityReport';
import { dayNumberFromIso } from '../../core/table/dayNumber';
import { missingCount } from '../../core/table/Table';
import { readTableFile } from '../../io/readTableFile';

/**
 * `segmentkit inspect FILE [--sheet NAME] [--json]`: shape, detected columns and roles, and the
 * data quality report. `--json` prints `{rows, customers, columns: [{name, type, role,
 * confidence, missing}], warnings: [{code, message}]}`.
 */
export function registerInspectCommand(program: Command): void {
  program
    .command('inspect')
    .description('Show what SegmentKit sees in a file: columns, types, roles and data quality')
    .argument('<file>', '.xlsx, .csv or whitespace-separated .txt')
    .option('--sheet <name>', 'sheet of a workbook (default: the first visible sheet)')
    .option('--json', 'print one JSON object')
    .action(async (file: string, flags: { sheet?: string; json?: boolean }) => {
      const parsed = await readTableFile(file, { sheet: flags.sheet });
      const sheet = describeSheet(parsed.sheetName ?? file.split(/[\\/]/).pop() ?? file, parsed);
      const today = dayNumberFromIso(new Date().toISOString().slice(0, 10));
      const report = dataQualityReport({
        table: parsed.table,
        roles: sheet.roles,
        shape: sheet.kind === 'customers' ? 'customers' : 'transactions',
        source: parsed.sheetName,
        today,
        sourceRowOf: (i) => parsed.sourceRowOf(i),
        unparsable: parsed.columns.filter((c) => c.unparsable > 0).map((c) => ({ column: c.name, count: c.unparsable, cells: c.firstBadCells })),
      });
      const roleOf = new Map(sheet.guesses.map((g) => [g.column, g]));
      const columns = parsed.table.columns.map((c) => {
        const g = roleOf.get(c.name);
        return { name: c.name, type: c.type, role: g ? g.role : null, confidence: g ? g.confidence : null, missing: missingCount(c), ...(g ? { reason: g.reason } : {}) };
      });
      const warnings = [
        ...parsed.warnings.map((w) => ({ code: w.code, message: w.count !== undefined ? `${w.message} (${w.count})` : w.message })),
        ...report.findings.map((f) => ({ code: f.code, message: `${f.count} ${f.message}${f.examples.length ? ` (e.g. ${f.examples.slice(0, 3).join(', ')})` : ''}` })),
      ];
      if (flags.json) {
        process.stdout.write(JSON.stringify({ rows: report.rows, customers: report.customers, kind: sheet.kind, columns, warnings }) + '\n');
        return;
      }
      const w = (t: string) => process.stdout.write(t);
      w(`${file}${parsed.sheetName ? ` [${parsed.sheetName}]` : ''}: ${report.rows.toLocaleString('en')} rows, ${report.customers === null ? 'no customer id found' : `${report.customers.toLocaleString('en')} customers`}, looks like ${sheet.kind}\n\n`);
      const nameWidth = Math.max(6, ...columns.map((c) => c.name.length));
      w(`  ${'column'.padEnd(nameWidth)}  ${'type'.padEnd(8)}  ${'role'.padEnd(16)}  ${'conf.'.padStart(5)}  ${'missing'.padStart(8)}\n`);
      for (const c of columns) {
        w(`  ${c.name.padEnd(nameWidth)}  ${c.type.padEnd(8)}  ${(c.role ?? '—').padEnd(16)}  ${c.confidence === null ? '     ' : c.confidence.toFixed(2).padStart(5)}  ${c.missing.toLocaleString('en').padStart(8)}\n`);
      }
      if (warnings.length) {
        w('\nWarnings\n');
        for (const x of warnings) w(`  ${x.code}: ${x.message}\n`);
      }
    });
}
