import { generateSample } from '../../../src/core/sample/generateSample';
import { dayNumberFromYmd } from '../../../src/core/table/dayNumber';
import { sampleSheets } from '../../../src/playground/sampleSheets';
import { defaultRecipe } from '../../../src/taskpane/notebook/defaultRecipe';
import type { NotebookRecipe, RunProgress } from '../../../src/taskpane/services/SegmentKitServices';
import { createEngine } from '../../../src/worker/createEngine';
import type { SheetValues } from '../../../src/worker/EngineApi';

const TODAY = dayNumberFromYmd(2026, 7, 1);

function sheets(): SheetValues[] {
  const kinds = { Customers: 'customers', Orders: 'orders', Tickets: 'tickets' } as const;
  return sampleSheets(generateSample({ customers: 300, seed: 42 })).map((s) => ({ sheet: s.name, kind: kinds[s.name as keyof typeof kinds], values: s.values, numberFormats: s.numberFormats, startRow: 1, startColumn: 0 }));
}

async function loadedEngine() {
  const engine = createEngine();
  const sources = { customers: 'Customers', orders: 'Orders', tickets: 'Tickets' };
  const detection = await engine.load(sheets(), sources, TODAY);
  const recipe: NotebookRecipe = { ...defaultRecipe(), sources, roles: {} };
  for (const s of detection.sheets) {
    const map: Record<string, string> = {};
    for (const r of s.roles) if (r.role && !map[r.role]) map[r.role] = r.column;
    recipe.roles[s.sheet] = map;
  }
  return { engine, detection, recipe };
}

describe('createEngine on the sample workbook', () => {
  test('detects the orders sheet as transactions with customer id, date and amount', async () => {
    const { detection } = await loadedEngine();
    const orders = detection.sheets.find((s) => s.sheet === 'Orders')!;
    expect(orders.shape).toBe('transactions');
    const role = (r: string) => orders.roles.find((c) => c.role === r)?.column;
    expect(role('customerId')).toBe('customer_id');
    expect(role('date')).toBe('order_date');
    expect(role('amount')).toBe('amount');
    expect(detection.sheets.find((s) => s.sheet === 'Customers')!.shape).toBe('customers');
  });

  test('runs every model the notebook offers, CLV included, on the notebook\'s own settings', async () => {
    const { engine, recipe } = await loadedEngine();
    recipe.models = recipe.models.map((m) => ({ ...m, enabled: true }));
    const outcome = await engine.run(recipe, () => undefined);
    expect(outcome.models.map((m) => m.kind).sort()).toEqual(['clv', 'demographic', 'kmeans', 'lifecycle', 'rfm', 'rules', 'technographic', 'value']);
    const clv = outcome.models.find((m) => m.kind === 'clv')!;
    expect(clv.segments.map((s) => s.name)).toEqual(['High CLV', 'Medium CLV', 'Low CLV', 'Likely lost']);
    expect(clv.segments.reduce((a, s) => a + s.size, 0) + clv.unassigned).toBe(300);
  });

  test('runs RFM, k-means (auto k) and lifecycle with progress, then drills down and plans the write', async () => {
    const { engine, recipe } = await loadedEngine();
    recipe.models = recipe.models.map((m) => ({ ...m, enabled: ['rfm', 'kmeans', 'lifecycle'].includes(m.kind) }));
    const progress: RunProgress[] = [];
    const outcome = await engine.run(recipe, (p) => progress.push(p));
    expect(outcome.customers).toBe(300);
    expect(outcome.models.map((m) => m.kind)).toEqual(['rfm', 'lifecycle', 'kmeans']);
    for (const m of outcome.models) {
      expect(m.segments.reduce((a, s) => a + s.size, 0) + m.unassigned).toBe(300);
      expect(m.quality).toHaveLength(5);
    }
    expect(outcome.models[0].charts.rfmGrid!.flat().reduce((a, b) => a + b, 0)).toBe(300 - outcome.models[0].unassigned);
    expect(outcome.models[2].charts.kCandidates!.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ percent: 100, step: 'done' });
    expect(progress.map((p) => p.step)).toContain('model:kmeans');

    const biggest = outcome.models[0].segments.reduce((a, b) => (b.size > a.size ? b : a));
    const page = engine.drillDown({ modelId: 'rfm', segment: biggest.index, offset: 0, limit: 10, filters: {} });
    expect(page.total).toBe(biggest.size);
    expect(page.rows).toHaveLength(Math.min(10, biggest.size));
    const segCol = page.headers.indexOf('SK · RFM segment');
    expect(page.rows.every((r) => r[segCol] === biggest.name)).toBe(true);

    const plan = engine.writePlan(recipe);
    expect(plan.sheet).toBe('Customers');
    expect(plan.columns[0].header).toBe('SK · RFM segment');
    expect(plan.columns.every((c) => c.values.length === 300)).toBe(true);
    expect(plan.rowMap).toHaveLength(300);
    expect([...plan.rowMap].every((r, i) => r === i)).toBe(true);
    expect(plan.sheets.map((s) => s.name)).toEqual(['SK rfm', 'SK lifecycle', 'SK kmeans']);
    const rfmPlaybook = plan.sheets[0].tables.find((t) => t.title === 'rfm playbook')!;
    expect(rfmPlaybook.rows.map((r) => r[0])).toEqual(outcome.models[0].segments.map((s) => s.name));
    expect(outcome.models[0].playbook.every((e) => ['phone', 'email', 'chat', 'social', 'self_service'].includes(e.channel))).toBe(true);
  });

  test('a second run of a model shows who moved between its segments', async () => {
    const { engine, recipe } = await loadedEngine();
    const first = await engine.run(recipe, () => undefined);
    expect(first.models[0].charts.migration).toBeUndefined();
    recipe.models = recipe.models.map((m) => (m.kind === 'rfm' ? { ...m, settings: { scale: 3 } } : m));
    const second = await engine.run(recipe, () => undefined);
    const { segments, matrix } = second.models[0].charts.migration!;
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(300 - second.models[0].unassigned);
    expect(segments).toEqual(expect.arrayContaining(first.models[0].segments.filter((s) => s.size > 0).map((s) => s.name)));
  });

  test('cancel stops a run at the next step with E_CANCELLED', async () => {
    const { engine, recipe } = await loadedEngine();
    const run = engine.run(recipe, () => undefined);
    engine.cancel();
    await expect(run).rejects.toMatchObject({ code: 'E_CANCELLED' });
  });

  test('drill-down before a run says to run the models first', async () => {
    const engine = createEngine();
    expect(() => engine.drillDown({ modelId: 'rfm', segment: 0, offset: 0, limit: 5, filters: {} })).toThrow('The models have not been run yet. Run step 3 (Models) first.');
  });
});
