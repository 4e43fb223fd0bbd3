import type { CustomerTable } from '../core/customers/CustomerTable';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import { customerValue } from '../core/models/customerInputs';
import { assignmentOf } from '../core/migration/assignmentOf';
import { compareRuns, type Assignment } from '../core/migration/compareRuns';
import type { ModelResult } from '../core/models/SegmentModel';
import type { PlaybookEntry as CorePlaybookEntry } from '../core/playbook/PlaybookEntry';
import { playbookToSummaryTable } from '../core/playbook/playbookToSummaryTable';
import type { ModelSpec, Recipe } from '../core/recipe/Recipe';
import { runRecipe } from '../core/recipe/runRecipe';
import { rowsToColumns, type RowsToColumns } from '../core/ingest/rowsToColumns';
import { SK_PREFIX, type CellValue } from '../core/results/Outputs';
import { cellValue, findColumn, type Column } from '../core/table/Table';
import { isoFromDayNumber } from '../core/table/dayNumber';
import type { DataSources, Detection, DrillDownPage, DrillDownQuery, ModelOutcome, ModelStep, NotebookRecipe, RunOutcome, RunProgress } from '../taskpane/services/SegmentKitServices';
import { buildCustomers } from './buildCustomers';
import { detectSheet, type LoadedSheet, type SheetSource } from './detectSheet';
import type { EngineApi, SheetRows, SheetValues, WritePlan } from './EngineApi';
import { paretoPoints } from './paretoPoints';
import { toEntries, toRows } from './playbookEntries';
import { summarizeModel } from './summarizeModel';

const RECIPE_SEED = 42;
const DRILL_COLUMNS = 8;

interface RunState {
  recipe: NotebookRecipe;
  customers: CustomerTable;
  results: Map<string, ModelResult>;
  /** The core recipe with fitted parameters, as stored in the workbook for =SK.SEGMENT(). */
  fitted: Recipe;
}

/** Lets a pending cancel message in between steps, so the worker's message loop stays live. */
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The segmentation engine as the taskpane uses it: it keeps the parsed sheets, the customer
 * table and the model results between calls, so a million rows cross the worker boundary once.
 * Runs in the Web Worker (engine.worker.ts) and, unchanged, in Node tests.
 *
 * @example
 * const engine = createEngine();
 * await engine.load([{ sheet: 'Orders', kind: 'orders', values, startRow: 1, startColumn: 0 }], { orders: 'Orders' }, today);
 */
export function createEngine(): EngineApi {
  const loaded = new Map<string, LoadedSheet>();
  const received = new Map<string, ReceivedSheet>();
  let state: RunState | null = null;
  // Runs are numbered: a cancel stops the latest, and a run left behind by a cancel (still
  // inside a step when a new one starts) stops at its next checkpoint instead of carrying on.
  let latestRun = 0;
  let cancelledRun = 0;
  // Segment per customer id of each model's last run, for the migration chart of the next run.
  const previous = new Map<string, Assignment>();

  const checkpoint = async (run: number) => {
    await yieldToMessages();
    if (run !== latestRun || run === cancelledRun) throw new SegmentKitError('E_CANCELLED', 'The run was cancelled', { hint: 'Run the step again when you are ready.' });
  };

  function detectAll(sheets: Iterable<ReceivedSheet>, sources: DataSources, today: number): Detection {
    loaded.clear();
    state = null;
    const out: Detection = { sheets: [] };
    for (const s of sheets) {
      if (!Object.values(sources).includes(s.source.sheet)) continue;
      const sheet = detectSheet(s.source, s.block.finish(), today);
      loaded.set(s.source.sheet, sheet);
      out.sheets.push(sheet.detection);
    }
    return out;
  }

  return {
    async load(sheets: SheetValues[], sources: DataSources, today: number): Promise<Detection> {
      const chosen = sheets.filter((s) => Object.values(sources).includes(s.sheet));
      return detectAll(chosen.map((s) => receiveInto(startSheet(s), s.values, s.numberFormats)), sources, today);
    },

    receiveRows(rows: SheetRows) {
      let sheet = received.get(rows.sheet);
      if (!sheet || rows.first) {
        sheet = startSheet(rows);
        received.set(rows.sheet, sheet);
      }
      receiveInto(sheet, rows.values, rows.numberFormats);
    },

    async loadReceived(sources: DataSources, today: number): Promise<Detection> {
      const sheets = [...received.values()];
      received.clear();
      return detectAll(sheets, sources, today);
    },

    async run(recipe: NotebookRecipe, onProgress: (p: RunProgress) => void): Promise<RunOutcome> {
      const run = ++latestRun;
      state = null;
      const steps = recipe.models.filter((m) => m.enabled);
      const total = steps.length + 1;
      // A run that a newer one replaced keeps quiet: its progress would show on the new run's bar.
      const report = (done: number, step: string) => run === latestRun && onProgress({ percent: Math.round((done / total) * 100), step });
      report(0, 'aggregate');
      await checkpoint(run);
      const customers = buildCustomers(recipe, loaded);
      const notes = customers.skipped.map((s) => s.message);
      const value = customerValue(customers, 'net');
      const pareto = value ? paretoPoints(value.values) : undefined;
      const results = new Map<string, ModelResult>();
      const fitted: ModelSpec[] = [];
      const playbook: Record<string, Record<string, CorePlaybookEntry>> = {};
      const models: ModelOutcome[] = [];
      for (const [index, step] of steps.entries()) {
        report(index + 1, `model:${step.kind}`);
        await checkpoint(run);
        // One model per runRecipe call: the seed of each model derives from its id, so results
        // equal a single run, and the worker can take a cancel between models.
        const out = runRecipe(customers, coreRecipe(recipe, customers, [step]));
        const result = out.results[0];
        results.set(step.id, result);
        fitted.push(out.fitted.models[0]);
        playbook[step.id] = out.fitted.playbook?.[step.id] ?? {};
        const outcome = summarizeModel(customers, result, step.kind, toRows(result.segmentNames, playbook[step.id]), pareto);
        const now = assignmentOf(customers, result);
        const before = previous.get(step.id);
        if (before) {
          const migration = compareRuns(before, now);
          outcome.charts.migration = { segments: migration.segments, matrix: migration.matrix };
        }
        previous.set(step.id, now);
        models.push(outcome);
      }
      await checkpoint(run);
      state = { recipe, customers, results, fitted: { ...coreRecipe(recipe, customers, []), models: fitted, playbook } };
      onProgress({ percent: 100, step: 'done' });
      return { customers: customers.table.rowCount, models, notes };
    },

    cancel() {
      cancelledRun = latestRun;
    },

    fittedRecipe(): Recipe | null {
      return state ? state.fitted : null;
    },

    drillDown(query: DrillDownQuery): DrillDownPage {
      const run = requireRun(state);
      const result = run.results.get(query.modelId);
      if (!result) throw new SegmentKitError('E_NO_RESULT', `There is no result for model "${query.modelId}"`, { hint: 'Run the models again.' });
      const columns = drillColumns(run.customers, result);
      const filters = Object.entries(query.filters)
        .map(([name, text]) => ({ column: columns.find((c) => c.name === name), text: text.trim().toLowerCase() }))
        .filter((f) => f.column && f.text !== '');
      const rows: CellValue[][] = [];
      let total = 0;
      const { labels } = result;
      for (let i = 0; i < labels.length; i++) {
        if (labels[i] !== query.segment) continue;
        if (filters.some((f) => !String(f.column!.at(i) ?? '').toLowerCase().includes(f.text))) continue;
        if (total >= query.offset && rows.length < query.limit) rows.push(columns.map((c) => c.at(i)));
        total++;
      }
      return { headers: columns.map((c) => c.name), rows, total };
    },

    writePlan(recipe: NotebookRecipe): WritePlan {
      const run = requireRun(state);
      const results = [...run.results.values()];
      const target = (recipe.sources.customers && loaded.get(recipe.sources.customers)) || (recipe.sources.orders && loaded.get(recipe.sources.orders));
      if (!target) throw new SegmentKitError('E_NO_DATA', 'The sheet the data came from is no longer loaded', { hint: 'Run step 1 (Data) again.' });
      const plan: WritePlan = { sheet: target.source.sheet, columns: [], rowMap: rowMapOf(target, run.customers), sheets: [] };
      if (recipe.outputs.columns) plan.columns = results.flatMap((r) => r.columns);
      if (recipe.outputs.columns && recipe.outputs.pivotTable && results.length) {
        const first = results[0].columns;
        const measure = first.slice(1).find((c) => c.values instanceof Float64Array);
        if (measure) plan.pivot = { rows: first[0].header, measures: [measure.header] };
      }
      if (recipe.outputs.summarySheets || recipe.outputs.playbook) {
        for (const r of results) {
          const playbookTitle = `${r.modelId} playbook`;
          for (const [i, sheet] of r.sheets.entries()) {
            const tables = recipe.outputs.summarySheets ? sheet.tables.filter((t) => t.title !== playbookTitle) : [];
            if (i === 0 && recipe.outputs.playbook) {
              const rows = recipe.playbooks[r.modelId] ?? toRows(r.segmentNames, run.fitted.playbook?.[r.modelId] ?? {});
              tables.push(playbookToSummaryTable(playbookTitle, r.segmentNames, toEntries(rows)));
            }
            if (tables.length) plan.sheets.push({ ...sheet, tables, charts: recipe.outputs.summarySheets && recipe.outputs.charts ? sheet.charts : [] });
          }
        }
      }
      return plan;
    },
  };
}

/** The notebook's models as a core recipe over the customer table's roles. */
function coreRecipe(recipe: NotebookRecipe, customers: CustomerTable, steps: ModelStep[]): Recipe {
  const playbook: Record<string, Record<string, CorePlaybookEntry>> = {};
  for (const s of steps) if (recipe.playbooks[s.id]) playbook[s.id] = toEntries(recipe.playbooks[s.id]);
  return {
    version: 1,
    name: recipe.name,
    roles: customers.roles,
    seed: RECIPE_SEED,
    models: steps.map((s) => ({ id: s.id, kind: s.kind, settings: coreSettings(s) })),
    playbook,
  };
}

/**
 * The notebook asks for CLV in months and % a year, as people think of them; the model counts
 * in periods of its time unit with a discount rate per period.
 */
function coreSettings(step: ModelStep): Record<string, unknown> {
  if (step.kind !== 'clv') return step.settings;
  const { horizonMonths, discountPercent, ...rest } = step.settings as { horizonMonths?: number; discountPercent?: number };
  return { ...rest, timeUnit: 'month', horizon: horizonMonths ?? 12, discountRate: Math.pow(1 + (discountPercent ?? 10) / 100, 1 / 12) - 1 };
}

function requireRun(state: RunState | null): RunState {
  if (!state) throw new SegmentKitError('E_NO_RESULT', 'The models have not been run yet', { hint: 'Run step 3 (Models) first.' });
  return state;
}

/**
 * SegmentKit's own columns from an earlier write sit right of the user's data; they are
 * dropped before parsing so a re-run reads only the user's cells and overwrites its own.
 */
/** A sheet whose rows are arriving: sorted into columns as they come, so the rows themselves can go. */
interface ReceivedSheet {
  source: SheetSource;
  block: RowsToColumns;
  /** Where SegmentKit's own columns from an earlier run start (their header begins with SK_PREFIX), or -1. */
  ownColumnsAt: number | null;
}

function startSheet(s: Omit<SheetValues, 'values' | 'numberFormats'>): ReceivedSheet {
  return {
    source: { sheet: s.sheet, kind: s.kind, startRow: s.startRow, startColumn: s.startColumn, rowCount: 0 },
    block: rowsToColumns({ sheet: s.sheet, startRow: s.startRow, startColumn: s.startColumn }),
    ownColumnsAt: null,
  };
}

/** Adds rows to a sheet without SegmentKit's own columns: a rerun reads the user's data, not the last results. */
function receiveInto(sheet: ReceivedSheet, values: unknown[][], numberFormats: string[][] | undefined): ReceivedSheet {
  if (sheet.ownColumnsAt === null) {
    const header = values[0] ?? [];
    sheet.ownColumnsAt = header.findIndex((h) => typeof h === 'string' && h.startsWith(SK_PREFIX));
  }
  const cut = sheet.ownColumnsAt;
  if (cut >= 0) sheet.block.add(values.map((r) => r.slice(0, cut)), numberFormats?.map((r) => r.slice(0, cut)));
  else sheet.block.add(values, numberFormats);
  sheet.source.rowCount += values.length;
  return sheet;
}

interface DrillColumn {
  name: string;
  at(i: number): CellValue;
}

function drillColumns(customers: CustomerTable, result: ModelResult): DrillColumn[] {
  const fromTable = (c: Column): DrillColumn => ({
    name: c.name,
    at: (i) => {
      const v = cellValue(c, i);
      return c.type === 'date' && typeof v === 'number' ? isoFromDayNumber(v) : v;
    },
  });
  const id = findColumn(customers.table, customers.idColumn);
  const own = result.columns.map((c): DrillColumn => ({
    name: c.header,
    at: (i) => {
      const v = c.values[i];
      return typeof v === 'number' && Number.isNaN(v) ? null : v;
    },
  }));
  const rest = customers.table.columns.filter((c) => c !== id && c.type !== 'text').slice(0, DRILL_COLUMNS).map(fromTable);
  return [...(id ? [fromTable(id)] : []), ...own, ...rest];
}

/**
 * For each data row of the sheet the results are written next to, the customer-table row of
 * its customer id (order lines of one customer all point to that customer).
 */
function rowMapOf(sheet: LoadedSheet, customers: CustomerTable): Int32Array {
  const { table } = sheet.parsed;
  const idName = sheet.detection.roles.find((r) => r.role === 'customerId')?.column;
  const sheetIds = idName ? findColumn(table, idName) : undefined;
  const customerIds = findColumn(customers.table, customers.idColumn);
  const rowOfId = new Map<string, number>();
  if (customerIds) for (let i = 0; i < customers.table.rowCount; i++) rowOfId.set(String(cellValue(customerIds, i)), i);
  const headerRow = sheet.parsed.headerRow || sheet.source.startRow - 1;
  const dataRows = sheet.source.rowCount - (headerRow - sheet.source.startRow) - 1;
  const map = new Int32Array(Math.max(0, dataRows)).fill(-1);
  if (!sheetIds) return map;
  for (let i = 0; i < table.rowCount; i++) {
    const v = cellValue(sheetIds, i);
    const at = sheet.parsed.sourceRowOf(i) - headerRow - 1;
    if (v !== null && at >= 0 && at < map.length) map[at] = rowOfId.get(String(v)) ?? -1;
  }
  return map;
}
