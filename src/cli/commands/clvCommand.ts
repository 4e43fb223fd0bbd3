import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import type { ClvSummary } from '../../core/clv/ClvSummary';
import { calibrationVsHoldout } from '../../core/clv/calibrationVsHoldout';
import { expectedCumulativePurchases } from '../../core/clv/expectedCumulativePurchases';
import { fitClvModel } from '../../core/clv/fitClvModel';
import { scoreClv } from '../../core/clv/scoreClv';
import { summaryFromColumns } from '../../core/clv/summaryFromColumns';
import { summaryFromTransactions } from '../../core/clv/summaryFromTransactions';
import { TIME_UNITS, type TimeUnit } from '../../core/clv/TimeUnit';
import { codesOf } from '../../core/customers/codesOf';
import { describeSheet } from '../../core/customers/buildCustomerTable';
import { SegmentKitError } from '../../core/errors/SegmentKitError';
import type { RoleMap } from '../../core/roles/Role';
import { cellValue, findColumn, type Column } from '../../core/table/Table';
import { isoFromDayNumber } from '../../core/table/dayNumber';
import { readTableFile } from '../../io/readTableFile';
import { refuseInputAsOutput } from '../../io/refuseInputAsOutput';
import { writeCsv } from '../../io/writeCsv';
import { parseDateOption, parseIntegerOption, parseNumberOption } from '../parseOptions';

interface ClvFlags {
  summary?: boolean;
  sheet?: string;
  customerId?: string;
  date?: string;
  amount?: string;
  calibrationEnd?: string;
  timeUnit: string;
  model: string;
  horizon: string;
  discount: string;
  margin: string;
  out?: string;
  charts?: string;
  json?: boolean;
}

/** `segmentkit clv FILE`: BG/NBD or Pareto/NBD + Gamma-Gamma from transactions or a summary table. */
export function registerClvCommand(program: Command): void {
  program
    .command('clv')
    .description('Predicted customer value: P(alive), expected purchases, expected spend and CLV (BG/NBD or Pareto/NBD with Gamma-Gamma)')
    .argument('<file>', 'order lines (.csv, .xlsx, .txt) or, with --summary, one row per customer')
    .option('--summary', 'the file is a summary table: frequency, recency, T[, monetary_value] or x, t_x, T[, zbar]')
    .option('--sheet <name>', 'sheet of a workbook')
    .option('--customer-id <col>', 'customer id column (default: detected)')
    .option('--date <col>', 'transaction date column (default: detected)')
    .option('--amount <col>', 'amount column (default: detected)')
    .option('--calibration-end <date>', 'last day of the calibration period, YYYY-MM-DD (default: the latest date); later purchases are the holdout')
    .option('--time-unit <unit>', 'day, week or month', 'week')
    .option('--model <model>', 'bgnbd or paretonbd', 'bgnbd')
    .option('--horizon <n>', 'CLV horizon in time units', '52')
    .option('--discount <rate>', 'discount rate per time unit', '0.00183')
    .option('--margin <share>', 'margin as a share of spend (1 = revenue)', '1')
    .option('--out <file>', 'per-customer CSV: summary, P(alive), expected purchases, expected spend, CLV')
    .option('--charts <file>', 'JSON data for charts: expected cumulative purchases, calibration vs holdout by frequency')
    .option('--json', 'print one JSON object')
    .action(async (file: string, flags: ClvFlags) => {
      refuseInputAsOutput('--out', flags.out, [file]);
      refuseInputAsOutput('--charts', flags.charts, [file]);
      if (!(TIME_UNITS as readonly string[]).includes(flags.timeUnit)) {
        throw new SegmentKitError('E_ARGUMENT', `--time-unit must be day, week or month, got "${flags.timeUnit}"`);
      }
      if (flags.model !== 'bgnbd' && flags.model !== 'paretonbd') throw new SegmentKitError('E_ARGUMENT', `--model must be bgnbd or paretonbd, got "${flags.model}"`);
      const timeUnit = flags.timeUnit as TimeUnit;
      const parsed = await readTableFile(file, { sheet: flags.sheet });
      const { summary, ids } = flags.summary ? fromSummary(parsed.table.columns, timeUnit) : fromTransactions(parsed, flags, timeUnit);
      const model = fitClvModel(summary, { model: flags.model });
      const horizon = parseIntegerOption('--horizon', flags.horizon);
      const discountRate = parseNumberOption('--discount', flags.discount, 0, 1);
      const margin = parseNumberOption('--margin', flags.margin, 0, 1);
      let repeat = 0;
      let customers = 0;
      for (let i = 0; i < summary.x.length; i++) {
        if (!summary.included[i]) continue;
        customers++;
        if (summary.x[i] > 0) repeat++;
      }
      const scores = model.gammaGamma ? scoreClv(model, summary, { horizon, discountRate, margin }) : undefined;
      if (flags.out) {
        mkdirSync(dirname(flags.out) || '.', { recursive: true });
        const headers = ['customer_id', 'frequency', 'recency', 'T', 'monetary_value'];
        const columns: ArrayLike<string | number | null>[] = [ids, summary.x, summary.tx, summary.T, summary.monetary];
        if (scores) {
          headers.push('p_alive', `expected_purchases_${horizon}`, 'expected_spend', 'clv');
          columns.push(scores.pAlive, scores.expectedPurchases, scores.expectedSpend, scores.clv);
        }
        writeCsv(flags.out, headers, columns);
      }
      if (flags.charts) {
        mkdirSync(dirname(flags.charts) || '.', { recursive: true });
        let maxT = 0;
        for (let i = 0; i < summary.T.length; i++) if (summary.included[i] && summary.T[i] > maxT) maxT = summary.T[i];
        const until = Math.ceil(maxT + (summary.holdoutLength ?? horizon));
        const times = Array.from({ length: 41 }, (_, k) => Math.round((until * k) / 40 * 100) / 100);
        const charts = {
          timeUnit,
          expectedCumulativePurchases: expectedCumulativePurchases(model, summary, times),
          calibrationVsHoldout: summary.holdoutPurchases ? calibrationVsHoldout(model, summary) : null,
        };
        writeFileSync(flags.charts, JSON.stringify(charts, null, 2) + '\n');
      }
      const gg = model.gammaGamma;
      const json = {
        customers,
        repeatCustomers: repeat,
        timeUnit,
        calibrationEnd: model.calibrationEnd ?? null,
        model: model.model,
        params: model.params,
        logLikelihood: model.logLikelihood,
        converged: model.converged,
        iterations: model.iterations,
        ...(gg ? { gammaGamma: { ...gg.params, logLikelihood: gg.logLikelihood } } : {}),
        warnings: gg?.warnings ?? [],
      };
      if (flags.json) {
        process.stdout.write(JSON.stringify(json) + '\n');
        return;
      }
      const w = (t: string) => process.stdout.write(t);
      w(`${customers.toLocaleString('en')} customers, ${repeat.toLocaleString('en')} bought again; time unit ${timeUnit}${model.calibrationEnd ? `, calibration end ${model.calibrationEnd}` : ''}\n`);
      w(`${model.model === 'bgnbd' ? 'BG/NBD' : 'Pareto/NBD'}: ${Object.entries(model.params).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ')}; log-likelihood ${model.logLikelihood.toFixed(2)}; ${model.converged ? 'converged' : 'NOT converged'} in ${model.iterations} iterations\n`);
      if (gg) w(`Gamma-Gamma: p ${gg.params.p.toFixed(4)}, q ${gg.params.q.toFixed(4)}, γ ${gg.params.gamma.toFixed(4)}; log-likelihood ${gg.logLikelihood.toFixed(2)}\n`);
      for (const x of gg?.warnings ?? []) w(`note: ${x.message}\n`);
      if (scores) {
        let total = 0;
        let alive = 0;
        for (let i = 0; i < scores.clv.length; i++) {
          if (!Number.isNaN(scores.clv[i])) total += scores.clv[i];
          if (scores.pAlive[i] >= 0.5) alive++;
        }
        w(`CLV over ${horizon} ${timeUnit}s (discount ${discountRate} per ${timeUnit}, margin ${margin}): total ${total.toFixed(2)}; ${alive.toLocaleString('en')} customers with P(alive) ≥ 0.5\n`);
      }
      if (flags.out) w(`Wrote ${flags.out}\n`);
      if (flags.charts) w(`Wrote chart data to ${flags.charts}\n`);
    });
}

function fromSummary(columns: Column[], timeUnit: TimeUnit): { summary: ClvSummary; ids: string[] } {
  const numeric = columns.filter((c): c is Column & { values: Float64Array } => c.type === 'number').map((c) => ({ name: c.name, values: c.values }));
  const summary = summaryFromColumns(numeric, { timeUnit });
  const idCol = columns.find((c) => c.type === 'id' || /^(id|customer|customer_id)$/i.test(c.name));
  const ids = Array.from({ length: summary.x.length }, (_, i) => (idCol ? String(cellValue(idCol, i) ?? '') : String(i + 1)));
  return { summary, ids };
}

function fromTransactions(parsed: Awaited<ReturnType<typeof readTableFile>>, flags: ClvFlags, timeUnit: TimeUnit): { summary: ClvSummary; ids: string[] } {
  const overrides: RoleMap = {};
  if (flags.customerId) overrides.customerId = flags.customerId;
  if (flags.date) overrides.date = flags.date;
  if (flags.amount) overrides.amount = flags.amount;
  const sheet = describeSheet(parsed.sheetName ?? 'data', parsed, overrides, 'transactions');
  const col = (role: 'customerId' | 'date' | 'amount', flag: string) => {
    const name = sheet.roles[role];
    const c = name ? findColumn(parsed.table, name) : undefined;
    if (!c) throw new SegmentKitError('E_COLUMN_MISSING', `No ${role === 'customerId' ? 'customer id' : role} column was found`, { hint: `Name it with ${flag} COLUMN.` });
    return c;
  };
  const idCol = col('customerId', '--customer-id');
  const dateCol = col('date', '--date');
  const amountCol = col('amount', '--amount');
  if (dateCol.type !== 'date') throw new SegmentKitError('E_ROLE_TYPE', `Column "${dateCol.name}" does not hold dates`, { location: { column: dateCol.name }, hint: 'Name the date column with --date.' });
  if (amountCol.type !== 'number') throw new SegmentKitError('E_ROLE_TYPE', `Column "${amountCol.name}" does not hold numbers`, { location: { column: amountCol.name }, hint: 'Name the amount column with --amount.' });
  const { codes, labels } = codesOf(idCol);
  let latest = -Infinity;
  for (let i = 0; i < dateCol.values.length; i++) if (dateCol.values[i] > latest) latest = dateCol.values[i];
  const calibrationEnd = flags.calibrationEnd ? parseDateOption('--calibration-end', flags.calibrationEnd) : latest;
  const summary = summaryFromTransactions({
    customerCodes: codes,
    days: dateCol.values,
    amounts: amountCol.values,
    customerCount: labels.length,
    calibrationEnd,
    observationEnd: calibrationEnd < latest ? latest : undefined,
    timeUnit,
  });
  if (calibrationEnd < latest) process.stderr.write(`holdout: ${isoFromDayNumber(calibrationEnd + 1)} to ${isoFromDayNumber(latest)}\n`);
  return { summary, ids: labels };
}
