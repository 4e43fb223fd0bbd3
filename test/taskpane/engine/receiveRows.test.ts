import { generateSample } from '../../../src/core/sample/generateSample';
import { dayNumberFromYmd } from '../../../src/core/table/dayNumber';
import { sampleSheets } from '../../../src/playground/sampleSheets';
import { defaultRecipe } from '../../../src/taskpane/notebook/defaultRecipe';
import type { NotebookRecipe } from '../../../src/taskpane/services/SegmentKitServices';
import { createEngine } from '../../../src/worker/createEngine';

const TODAY = dayNumberFromYmd(2026, 7, 1);
const orders = sampleSheets(generateSample({ customers: 400, seed: 42 })).find((s) => s.name === 'Orders')!;

describe('createEngine: rows received chunk by chunk', () => {
  test('loadReceived detects the same as load on the whole sheet', async () => {
    const whole = await createEngine().load([{ sheet: 'Orders', kind: 'orders', values: orders.values, numberFormats: orders.numberFormats, startRow: 1, startColumn: 0 }], { orders: 'Orders' }, TODAY);
    const engine = createEngine();
    for (let start = 0; start < orders.values.length; start += 700) {
      engine.receiveRows({ sheet: 'Orders', kind: 'orders', first: start === 0, values: orders.values.slice(start, start + 700), numberFormats: orders.numberFormats.slice(start, start + 700), startRow: start + 1, startColumn: 0 });
    }
    expect(await engine.loadReceived({ orders: 'Orders' }, TODAY)).toEqual(whole);
  });

  test("a sheet's first chunk drops what was received for it before, and loadReceived lets the rows go", async () => {
    const engine = createEngine();
    engine.receiveRows({ sheet: 'Orders', kind: 'orders', first: true, values: orders.values.slice(0, 50), numberFormats: orders.numberFormats.slice(0, 50), startRow: 1, startColumn: 0 });
    engine.receiveRows({ sheet: 'Orders', kind: 'orders', first: true, values: orders.values.slice(0, 20), numberFormats: orders.numberFormats.slice(0, 20), startRow: 1, startColumn: 0 });
    const d = await engine.loadReceived({ orders: 'Orders' }, TODAY);
    expect(d.sheets[0]!.rowCount).toBe(19);
    expect((await engine.loadReceived({ orders: 'Orders' }, TODAY)).sheets).toEqual([]);
  });

  test('a run replaced by a newer one stops at its next step with E_CANCELLED and reports no more progress', async () => {
    const engine = createEngine();
    const d = await engine.load([{ sheet: 'Orders', kind: 'orders', values: orders.values, numberFormats: orders.numberFormats, startRow: 1, startColumn: 0 }], { orders: 'Orders' }, TODAY);
    const roles: Record<string, string> = {};
    for (const c of d.sheets[0]!.roles) if (c.role && !roles[c.role]) roles[c.role] = c.column;
    const recipe: NotebookRecipe = { ...defaultRecipe(), sources: { orders: 'Orders' }, roles: { Orders: roles } };
    const oldSteps: string[] = [];
    const old = engine.run(recipe, (p) => oldSteps.push(p.step));
    const fresh = engine.run(recipe, () => undefined);
    await expect(old).rejects.toMatchObject({ code: 'E_CANCELLED' });
    expect((await fresh).models.map((m) => m.kind)).toEqual(['rfm']);
    expect(oldSteps).toEqual(['aggregate']);
  });
});
