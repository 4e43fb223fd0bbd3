import type { RfmFitted } from '../core/models/rfm/rfmModel';
import { RFM_RULE_SETS, rfmRuleSet, type RfmRuleSetName } from '../core/models/rfm/rfmRuleSets';
import type { Recipe } from '../core/recipe/Recipe';
import { isBlank, isOmitted, type Matrix } from './Cell';
import { findModel } from './findModel';
import { functionError, type FunctionError } from './FunctionError';
import { parseModelSelector } from './parseModelSelector';

/** An RFM model as the functions use it: fitted parameters plus the renames of its recipe. */
export interface RfmSource {
  fitted: RfmFitted;
  renames: Readonly<Record<string, string>>;
}

const MEASURES = ['recency', 'frequency', 'monetary'] as const;

function defaultRules(scale: number): RfmFitted['rules'] {
  return rfmRuleSet(scale === 3 ? 'three-level' : 'rfm-package-0.3');
}

function fromWorkbook(recipes: readonly Recipe[], selector: string | undefined): RfmSource | FunctionError {
  const query = selector === undefined ? {} : parseModelSelector(selector);
  const found = findModel(recipes, { ...query, kinds: ['rfm'], what: 'RFM model' });
  if (!('spec' in found)) return found;
  return { fitted: found.spec.fitted as unknown as RfmFitted, renames: found.recipe.segmentNames?.[found.spec.id] ?? {} };
}

/**
 * Cut points for `=SK.RFMSCORE`: the workbook's fitted RFM model, one named by text
 * ("recipe" or "recipe/model"), or a range of 3 rows (recency, frequency, monetary) with 4
 * ascending cut points each for 1–5 scores (2 each for 1–3 scores).
 *
 * @example
 * resolveRfmCutpoints([[30, 90, 180, 365], [1, 2, 3, 5], [50, 100, 250, 500]], []);
 */
export function resolveRfmCutpoints(arg: Matrix | undefined, recipes: readonly Recipe[]): RfmSource | FunctionError {
  if (isOmitted(arg)) return fromWorkbook(recipes, undefined);
  const m = arg as Matrix;
  if (m.length === 1 && m[0].length === 1 && typeof m[0][0] === 'string') return fromWorkbook(recipes, m[0][0]);
  const width = m[0].length;
  const shapeHelp = 'cutpoints must be 3 rows (recency, frequency, monetary) of 4 ascending numbers (2 for 1–3 scores), or a recipe name';
  if (m.length !== 3 || (width !== 4 && width !== 2)) return functionError('invalidValue', shapeHelp);
  const cuts: number[][] = [];
  for (let i = 0; i < 3; i++) {
    const row = m[i];
    if (row.some((c) => isBlank(c) || typeof c !== 'number')) return functionError('invalidValue', shapeHelp);
    const nums = row as number[];
    if (nums.some((x, j) => j > 0 && !(x > nums[j - 1]))) return functionError('invalidNumber', `the ${MEASURES[i]} cut points must ascend`);
    cuts.push([...nums]);
  }
  const scale = width + 1;
  return { fitted: { scale, cutpoints: { recency: cuts[0], frequency: cuts[1], monetary: cuts[2] }, rules: defaultRules(scale), otherName: 'Others' }, renames: {} };
}

/**
 * Rules for `=SK.RFMSEGMENT`: the workbook's fitted RFM model, a built-in rule set by name
 * (rfm-package-0.3, rfm-package-0.2, rf-grid, three-level) or a recipe named by text.
 *
 * @example
 * resolveRfmRules([['rf-grid']], []); // the 10-cell recency × frequency grid
 */
export function resolveRfmRules(arg: Matrix | undefined, recipes: readonly Recipe[]): RfmSource | FunctionError {
  if (isOmitted(arg)) return fromWorkbook(recipes, undefined);
  const m = arg as Matrix;
  const only = m.length === 1 && m[0].length === 1 ? m[0][0] : undefined;
  if (typeof only !== 'string') return functionError('invalidValue', `ruleset must be a rule set name (${RFM_RULE_SETS.filter((r) => r !== 'custom').join(', ')}) or a recipe name`);
  const name = only.trim().toLowerCase();
  if ((RFM_RULE_SETS as readonly string[]).includes(name) && name !== 'custom') {
    const rules = rfmRuleSet(name as Exclude<RfmRuleSetName, 'custom'>);
    const scale = Math.max(...rules.flatMap((r) => [r.r[1], r.f[1], r.m[1]]));
    return { fitted: { scale, cutpoints: { recency: [], frequency: [], monetary: [] }, rules, otherName: 'Others' }, renames: {} };
  }
  return fromWorkbook(recipes, only);
}
