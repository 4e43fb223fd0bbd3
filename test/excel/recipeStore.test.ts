import { installMemoryExcel, type MemoryExcel } from '../../src/excel/memory/installMemoryExcel';
import { MemoryWorkbook } from '../../src/excel/memory/MemoryWorkbook';
import { deleteRecipe, loadRecipes, RECIPE_NAMESPACE, saveRecipe } from '../../src/excel/recipeStore';

let excel: MemoryExcel | undefined;
let wb: MemoryWorkbook;
beforeEach(() => {
  wb = new MemoryWorkbook().addSheet('Data', [['x']]);
  excel = installMemoryExcel(wb);
});
afterEach(() => excel?.uninstall());

describe('recipe storage in custom XML parts', () => {
  test('saves several named recipes, replaces by name, and lists them sorted', async () => {
    await saveRecipe('Tiers', { version: 1, k: 3, note: 'a < b & "c"' });
    await saveRecipe('Alpha', { version: 1 });
    await saveRecipe('Tiers', { version: 1, k: 4, note: 'a < b & "c"' });
    const got = await loadRecipes();
    expect(got.map((r) => [r.name, r.status])).toEqual([['Alpha', 'current'], ['Tiers', 'current']]);
    expect(got[1]!.recipe).toEqual({ version: 1, k: 4, note: 'a < b & "c"' });
    const parts = (wb.snapshot() as { xmlParts: { ns: string }[] }).xmlParts;
    expect(parts.map((p) => p.ns)).toEqual([RECIPE_NAMESPACE, RECIPE_NAMESPACE]);
  });

  test('older, newer and damaged recipes are reported clearly', async () => {
    await saveRecipe('Old', { version: 0 });
    await saveRecipe('New', { version: 7 });
    await excel!.run(async (ctx) => {
      ctx.workbook.customXmlParts.add(`<recipe xmlns="${RECIPE_NAMESPACE}" name="Broken" version="1">{not json</recipe>`);
      await ctx.sync();
    });
    const byName = Object.fromEntries((await loadRecipes()).map((r) => [r.name, r]));
    expect(byName.Old).toMatchObject({ status: 'older', version: 0, message: 'Recipe "Old" was saved by an older SegmentKit (recipe version 0; this one runs version 1). It needs upgrading before it runs.' });
    expect(byName.New).toMatchObject({ status: 'newer', version: 7, message: 'Recipe "New" was saved by a newer SegmentKit (recipe version 7; this one runs version 1). Update SegmentKit to run it.' });
    expect(byName.Broken).toMatchObject({ status: 'unreadable', recipe: null });
  });

  test('delete removes one recipe; unknown names and bad input give exact errors', async () => {
    await saveRecipe('A', { version: 1 });
    await saveRecipe('B', { version: 1 });
    await deleteRecipe('A');
    expect((await loadRecipes()).map((r) => r.name)).toEqual(['B']);
    await expect(deleteRecipe('Z')).rejects.toMatchObject({ code: 'E_RECIPE_NOT_FOUND', message: 'There is no recipe named "Z" in this workbook. Saved recipes: "B".' });
    await expect(saveRecipe(' ', { version: 1 })).rejects.toMatchObject({ code: 'E_RECIPE_NAME' });
    await expect(saveRecipe('X', { models: [] })).rejects.toMatchObject({ code: 'E_RECIPE_INVALID', location: { path: 'version' } });
  });
});
