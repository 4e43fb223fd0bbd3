import type { Command } from 'commander';
import { generateSample } from '../../core/sample/generateSample';
import { writeSample } from '../sample/writeSample';
import { parseIntegerOption } from '../parseOptions';

/** `segmentkit sample --customers N --seed S --out FILE.xlsx|.csv` */
export function registerSampleCommand(program: Command): void {
  program
    .command('sample')
    .description('Generate a realistic, seeded sample workbook (Customers, Orders, Tickets)')
    .option('--customers <n>', 'number of customers (1 to 1,048,576)', '10000')
    .option('--seed <s>', 'random seed; the same seed gives the same data', '42')
    .requiredOption('--out <file>', 'output .xlsx (one workbook) or .csv (three files)')
    .option('--json', 'print a JSON summary')
    .action(async (opts: { customers: string; seed: string; out: string; json?: boolean }) => {
      const sample = generateSample({ customers: parseIntegerOption('--customers', opts.customers), seed: parseIntegerOption('--seed', opts.seed) });
      const written = await writeSample(sample, opts.out);
      if (opts.json) process.stdout.write(JSON.stringify(written) + '\n');
      else {
        process.stdout.write(
          `Wrote ${written.customers.toLocaleString('en')} customers, ${written.orderLines.toLocaleString('en')} order lines and ${written.tickets.toLocaleString('en')} tickets to ${written.files.join(', ')}\n`,
        );
      }
    });
}
