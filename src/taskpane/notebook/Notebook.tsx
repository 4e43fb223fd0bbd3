import { useCallback, useEffect, useRef, useState } from 'react';
import type { Role } from '../../core/roles/Role';
import type { Detection, NotebookRecipe, RunOutcome, SegmentKitServices, SheetInfo, WriteReport } from '../services/SegmentKitServices';
import { IDLE, settled, type AsyncState } from './AsyncState';
import { ColumnsCell } from './ColumnsCell';
import { DataCell } from './DataCell';
import { guessSources } from './guessSources';
import { ModelsCell } from './ModelsCell';
import { ResultsCell } from './ResultsCell';
import { WriteBackCell } from './WriteBackCell';

const NUMERIC_ROLES: Role[] = ['age', 'income', 'tenure', 'techComfort', 'supportContacts', 'satisfaction', 'appUsage'];

export interface NotebookProps {
  services: SegmentKitServices;
  recipe: NotebookRecipe;
  onRecipeChange: (recipe: NotebookRecipe) => void;
}

/**
 * The five steps as cells. The recipe (sources, roles, models, playbooks, outputs) is the
 * notebook's whole persistent state; computed results live here and are re-run per cell.
 */
export function Notebook({ services, recipe, onRecipeChange }: NotebookProps) {
  const [sheets, setSheets] = useState<AsyncState<SheetInfo[]>>({ status: 'loading' });
  const [detection, setDetection] = useState<AsyncState<Detection>>(IDLE);
  const [run, setRun] = useState<AsyncState<RunOutcome>>(IDLE);
  const [write, setWrite] = useState<AsyncState<WriteReport>>(IDLE);
  // Callbacks read the latest recipe and change handler through refs, so a parent that passes
  // a new handler on every render does not re-trigger the sheet listing.
  const recipeRef = useRef(recipe);
  recipeRef.current = recipe;
  const changeRef = useRef(onRecipeChange);
  changeRef.current = onRecipeChange;

  const loadSheets = useCallback(async () => {
    setSheets({ status: 'loading' });
    const r = await services.listSheets();
    setSheets(settled(r));
    const current = recipeRef.current;
    if (r.ok && !current.sources.customers && !current.sources.orders) changeRef.current({ ...current, sources: guessSources(r.value) });
  }, [services]);

  useEffect(() => {
    void loadSheets();
  }, [loadSheets]);

  const detect = useCallback(async () => {
    setDetection({ status: 'loading' });
    let settledAlready = false;
    const r = await services.detect(recipeRef.current.sources, (progress) => !settledAlready && setDetection({ status: 'loading', progress }));
    settledAlready = true;
    if (r.ok) {
      const current = recipeRef.current;
      const roles = { ...current.roles };
      for (const s of r.value.sheets) {
        if (roles[s.sheet] && Object.keys(roles[s.sheet]).length) continue;
        const map: Partial<Record<Role, string>> = {};
        for (const c of s.roles) if (c.role && !map[c.role]) map[c.role] = c.column;
        roles[s.sheet] = map;
      }
      changeRef.current({ ...current, roles });
    }
    setDetection(settled(r));
  }, [services]);

  const runModels = useCallback(async () => {
    setRun({ status: 'loading' });
    setWrite(IDLE);
    // Progress from a worker arrives as messages and may land after the result: once settled, ignore it.
    let settledAlready = false;
    const r = await services.run(recipeRef.current, (progress) => !settledAlready && setRun({ status: 'loading', progress }));
    settledAlready = true;
    if (r.ok) {
      const current = recipeRef.current;
      const playbooks = { ...current.playbooks };
      for (const m of r.value.models) {
        const names = new Set(m.segments.map((s) => s.name));
        const kept = playbooks[m.modelId]?.filter((e) => names.has(e.segment));
        if (!kept || kept.length !== m.playbook.length) playbooks[m.modelId] = m.playbook;
      }
      changeRef.current({ ...current, playbooks });
    }
    setRun(settled(r));
  }, [services]);

  const writeBack = useCallback(async () => {
    setWrite({ status: 'loading' });
    let settledAlready = false;
    const r = await services.writeBack(recipeRef.current, (progress) => !settledAlready && setWrite({ status: 'loading', progress }));
    settledAlready = true;
    setWrite(settled(r));
  }, [services]);

  const setRole = (sheet: string, column: string, role: Role | null) => {
    const map = { ...(recipe.roles[sheet] ?? {}) };
    for (const key of Object.keys(map) as Role[]) if (map[key] === column) delete map[key];
    if (role) map[role] = column;
    onRecipeChange({ ...recipe, roles: { ...recipe.roles, [sheet]: map } });
  };

  const featureOptions = featureOptionsOf(recipe);

  return (
    <>
      <DataCell
        services={services}
        sheets={sheets}
        onReloadSheets={() => void loadSheets()}
        sources={recipe.sources}
        onSourcesChange={(sources) => {
          onRecipeChange({ ...recipe, sources });
          setDetection(IDLE);
        }}
        detection={detection}
        onDetect={() => void detect()}
      />
      <ColumnsCell detection={detection} recipe={recipe} onRoleChange={setRole} />
      <ModelsCell
        recipe={recipe}
        dataReady={detection.status === 'done'}
        featureOptions={featureOptions}
        run={run}
        onToggle={(id, enabled) => onRecipeChange({ ...recipe, models: recipe.models.map((m) => (m.id === id ? { ...m, enabled } : m)) })}
        onSettingsChange={(id, settings) => onRecipeChange({ ...recipe, models: recipe.models.map((m) => (m.id === id ? { ...m, settings } : m)) })}
        onRun={() => void runModels()}
        onCancel={() => services.cancel()}
      />
      <ResultsCell
        services={services}
        run={run}
        playbooks={recipe.playbooks}
        onPlaybookChange={(modelId, entries) => onRecipeChange({ ...recipe, playbooks: { ...recipe.playbooks, [modelId]: entries } })}
      />
      <WriteBackCell
        outputs={recipe.outputs}
        runReady={run.status === 'done'}
        write={write}
        onOutputsChange={(outputs) => onRecipeChange({ ...recipe, outputs })}
        onWrite={() => void writeBack()}
        onCancel={() => services.cancel()}
      />
    </>
  );
}

/** k-means can use the RFM aggregates (with an orders sheet) and the customer sheet's number columns. */
function featureOptionsOf(recipe: NotebookRecipe): string[] {
  const out: string[] = [];
  if (recipe.sources.orders) out.push('recency', 'frequency', 'monetary');
  const customerRoles = recipe.sources.customers ? recipe.roles[recipe.sources.customers] : undefined;
  if (customerRoles) for (const r of NUMERIC_ROLES) if (customerRoles[r]) out.push(customerRoles[r]!);
  return out;
}
