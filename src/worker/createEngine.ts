import type { CustomerTable } from '../core/customers/CustomerTable';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import { customerValue } from '../core/models/customerInputs';
import { defaultRegistry } from '../core/models/defaultRegistry';
import { kmeansModel } from '../core/models/kmeans/kmeansModel';
import type { ModelResult } from '../core/models/SegmentModel';
import { createRng } from '../core/random/createRng';
import { validateSettings } from '../core/recipe/validateSettings';
import { SK_PREFIX, type CellValue, type OutputColumn, type OutputSheet } from '../core/results/Outputs';
import { cellValue, findColumn, type Column } from '../core/table/Table';
import { isoFromDayNumber } from '../core/table/dayNumber';
import type { DataSources, Detection, DrillDownPage, DrillDownQuery, ModelKind, ModelOutcome, NotebookRecipe, PlaybookEntry, RunOutcome, RunProgress } from '../taskpane/services/SegmentKitServices';
import { buildCustomers } from './buildCustomers';
import { detectSheet, type LoadedSheet } from './detectSheet';
import type { ColumnsForSheet, EngineApi, SheetValues, WritePlan } from './EngineApi';
import { paretoPoints } from './paretoPoints';
import { summarizeModel } from './summarizeModel';

if (!defaultRegistry.has(kmeansModel.kind)) defaultRegistry.register(kmeansModel);

const RECIPE_SEED = 42;
const DRILL_COLUMNS = 8;

interface RunState {
  recipe: NotebookRecipe;
  customers: CustomerTable;
  results: Map<string, ModelResult>;
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
  let state: RunState | null = null;
  let cancelled = false;

  const checkpoint = async () => {
    await yieldToMessages();
    if (cancelled) throw new SegmentKitError('E_CANCELLED', 'The run was cancelled', { hint: 'Run the step again when you are ready.' });
  };

  return {
    async load(sheets: SheetValues[], sources: DataSources, today: number): Promise<Detection> {
      loaded.clear();
      state = null;
      const out: Detection = { sheets: [] };
      for (const s of sheets) {
        if (!Object.values(sources).includes(s.sheet)) continue;
        const sheet = detectSheet(withoutOwnColumns(s), today);
        loaded.set(s.sheet, sheet);
        out.sheets.push(sheet.detection);
      }
      return out;
    },

    async run(recipe: NotebookRecipe, onProgress: (p: RunProgress) => void): Promise<RunOutcome> {
      cancelled = false;
      state = null;
      const steps = recipe.models.filter((m) => m.enabled);
      const total = steps.length + 2;
      let done = 0;
      const report = (step: string) => onProgress({ percent: Math.round((done / total) * 100), step });
      report('aggregate');
      await checkpoint();
      const customers = buildCustomers(recipe, loaded, report);
      done++;
      const notes = customers.skipped.map((s) => s.message);
      const value = customerValue(customers, 'net');
      const pareto = value ? paretoPoints(value.values) : undefined;
      const results = new Map<string, ModelResult>();
      const models: ModelOutcome[] = [];
      for (const [index, step] of recipe.models.entries()) {
        if (!step.enabled) continue;
        report(`model:${step.kind}`);
        await checkpoint();
        const model = defaultRegistry.find(step.kind);
        if (!model) {
          notes.push(`${step.kind}: not available in this version of SegmentKit`);
          done++;
          continue;
        }
        const path = `models[${index}].settings`;
        const settings = validateSettings(step.settings, model.settingsSchema, path);
        const missing = model.requires(customers, settings);
        if (missing.length) {
          notes.push(...missing);
          done++;
          continue;
        }
        const ctx = { modelId: step.id, settingsPath: path, rng: createRng(RECIPE_SEED + index), asOf: customers.asOf, segmentNames: {} };
        const result = model.apply(customers, settings, model.fit(customers, settings, ctx), ctx);
        results.set(step.id, result);
        done++;
        const playbook = recipe.playbooks[step.id] ?? result.segmentNames.map(emptyPlaybookEntry);
        models.push(summarizeModel(customers, result, step.kind as ModelKind, playbook, pareto));
      }
      report('profile');
      state = { recipe, customers, results };
      onProgress({ percent: 100, step: 'done' });
      return { customers: customers.table.rowCount, models, notes };
    },

    cancel() {
      cancelled = true;
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
      const plan: WritePlan = { columns: [], sheets: [] };
      const outputColumns = results.flatMap((r) => r.columns);
      if (recipe.outputs.columns && outputColumns.length) {
        const customersSheet = recipe.sources.customers ? loaded.get(recipe.sources.customers) : undefined;
        if (customersSheet) plan.columns.push(alignToSheet(customersSheet, run.customers, outputColumns));
        else plan.sheets.push(customerSheet(run.customers, outputColumns));
      }
      if (recipe.outputs.summarySheets) {
        for (const r of results) for (const s of r.sheets) plan.sheets.push(recipe.outputs.charts ? s : { ...s, charts: [] });
      }
      if (recipe.outputs.playbook) {
        const tables = results.map((r) => ({
          title: `${r.modelId} playbook`,
          headers: ['Segment', 'Channel', 'Tone', 'Priority', 'Routing queue', 'Self-service'],
          rows: (recipe.playbooks[r.modelId] ?? r.segmentNames.map(emptyPlaybookEntry)).map((e) => [e.segment, e.channel, e.tone, e.priority, e.queue, e.resources]),
        }));
        if (tables.length) plan.sheets.push({ name: 'SK Playbook', tables });
      }
      return plan;
    },
  };
}

function requireRun(state: RunState | null): RunState {
  if (!state) throw new SegmentKitError('E_NO_RESULT', 'The models have not been run yet', { hint: 'Run step 3 (Models) first.' });
  return state;
}

function emptyPlaybookEntry(segment: string): PlaybookEntry {
  return { segment, channel: '', tone: '', priority: '', queue: '', resources: '' };
}

/**
 * SegmentKit's own columns from an earlier write sit right of the user's data; they are
 * dropped before parsing so a re-run reads only the user's cells and overwrites its own.
 */
function withoutOwnColumns(s: SheetValues): SheetValues {
  const header = s.values[0] ?? [];
  const first = header.findIndex((h) => typeof h === 'string' && h.startsWith(SK_PREFIX));
  if (first < 0) return s;
  return {
    ...s,
    values: s.values.map((r) => r.slice(0, first)),
    numberFormats: s.numberFormats?.map((r) => r.slice(0, first)),
  };
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

/** Model columns re-ordered to the customers sheet's rows (matched by customer id). */
function alignToSheet(sheet: LoadedSheet, customers: CustomerTable, columns: OutputColumn[]): ColumnsForSheet {
  const { table } = sheet.parsed;
  const idName = sheet.detection.roles.find((r) => r.role === 'customerId')?.column;
  const sheetIds = idName ? findColumn(table, idName) : undefined;
  const customerIds = findColumn(customers.table, customers.idColumn);
  const rowOfId = new Map<string, number>();
  if (customerIds) for (let i = 0; i < customers.table.rowCount; i++) rowOfId.set(String(cellValue(customerIds, i)), i);
  const n = table.rowCount;
  const map = new Int32Array(n).fill(-1);
  if (sheetIds) {
    for (let i = 0; i < n; i++) {
      const v = cellValue(sheetIds, i);
      if (v !== null) map[i] = rowOfId.get(String(v)) ?? -1;
    }
  }
  const width = sheet.source.values[0]?.findIndex((h) => typeof h === 'string' && h.startsWith(SK_PREFIX)) ?? -1;
  return {
    sheet: sheet.source.sheet,
    headerRow: sheet.parsed.headerRow,
    firstColumn: sheet.source.startColumn + (width >= 0 ? width : (sheet.source.values[0]?.length ?? 0)),
    columns: columns.map((c) => {
      const values: CellValue[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const v = map[i] >= 0 ? c.values[map[i]] : null;
        values[i] = typeof v === 'number' && Number.isNaN(v) ? null : v;
      }
      return { header: c.header, values, numberFormat: c.numberFormat };
    }),
  };
}

/** Without a customers sheet, results go to their own sheet: one row per customer. */
function customerSheet(customers: CustomerTable, columns: OutputColumn[]): OutputSheet {
  const id = findColumn(customers.table, customers.idColumn);
  const rows: CellValue[][] = [];
  for (let i = 0; i < customers.table.rowCount; i++) {
    rows.push([id ? cellValue(id, i) : i + 1, ...columns.map((c) => {
      const v = c.values[i];
      return typeof v === 'number' && Number.isNaN(v) ? null : v;
    })]);
  }
  return { name: 'SK Customers', tables: [{ title: 'Customers and segments', headers: ['Customer', ...columns.map((c) => c.header)], rows, numberFormats: [undefined, ...columns.map((c) => c.numberFormat)] }] };
}
