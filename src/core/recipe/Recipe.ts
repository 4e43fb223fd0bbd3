import type { PlaybookEntry } from '../playbook/PlaybookEntry';
import type { RoleMap } from '../roles/Role';

/** The recipe format version this SegmentKit writes and reads. */
export const RECIPE_VERSION = 1;

export interface ModelSpec {
  /** Unique within the recipe; names the output sheet and keys renames and playbooks. */
  id: string;
  /** A registered model kind: 'rfm', 'value', 'lifecycle', 'behavior', 'rules', ... */
  kind: string;
  settings: Record<string, unknown>;
  /** Learned parameters (plain JSON) after a run; `applyRecipe` uses them without refitting. */
  fitted?: Record<string, unknown>;
}

/** What a team shares: roles, models with settings and fitted parameters, renames, playbook. */
export interface Recipe {
  version: 1;
  name: string;
  createdAt?: string;
  roles: RoleMap;
  /** "Today" for recency and tenure, `YYYY-MM-DD`; the data's latest date when absent. */
  asOf?: string;
  seed: number;
  models: ModelSpec[];
  /** Per model id: original segment name → shown name. */
  segmentNames?: Record<string, Record<string, string>>;
  /** Per model id, per shown segment name. */
  playbook?: Record<string, Record<string, PlaybookEntry>>;
}
