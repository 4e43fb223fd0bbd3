import { MemoryWorkbook } from '../../src/excel/memory/MemoryWorkbook';
import { installMemoryExcel } from '../../src/excel/memory/installMemoryExcel';
import { saveRecipe } from '../../src/excel/recipeStore';
import { workbookRecipeStore } from '../../src/excel/workbookRecipeStore';
import { defaultRecipe } from '../../src/core/recipe/defaultRecipe';

describe('workbookRecipeStore', () => {
  it('gives the functions only valid recipes from the workbook, not the notebook layout stored beside them', async () => {
    const { uninstall } = installMemoryExcel(new MemoryWorkbook().addSheet('Orders', [['id'], ['a']]));
    try {
      const recipe = defaultRecipe({ customerId: 'id' }, ['rfm'], { name: 'Shop' });
      await saveRecipe('Shop', recipe);
      await saveRecipe('notebook: Shop', { version: 1, name: 'Shop', sources: {}, models: [{ kind: 'rfm', on: true }] });
      const store = workbookRecipeStore();
      const loaded = await store.loadRecipes();
      expect(loaded.map((r) => r.name)).toEqual(['Shop']);
    } finally {
      uninstall();
    }
  });
});
