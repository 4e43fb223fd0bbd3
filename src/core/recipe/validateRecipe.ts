import { SegmentKitError } from '../errors/SegmentKitError';
import type { ModelRegistry } from '../models/ModelRegistry';
import { PLAYBOOK_ENTRY_SCHEMA, type PlaybookEntry } from '../playbook/PlaybookEntry';
import { ROLES, type RoleMap } from '../roles/Role';
import { dayNumberFromIso } from '../table/dayNumber';
import { checkRecipeVersion } from './checkRecipeVersion';
import type { ModelSpec, Recipe } from './Recipe';
import { describeValue, recipeError, validateSettings } from './validateSettings';

const TOP_LEVEL = ['version', 'name', 'createdAt', 'roles', 'asOf', 'seed', 'models', 'segmentNames', 'playbook'];
const MODEL_FIELDS = ['id', 'kind', 'settings', 'fitted'];
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function rejectUnknown(obj: Record<string, unknown>, allowed: readonly string[], path: string): void {
  const unknown = Object.keys(obj).filter((k) => !allowed.includes(k));
  if (unknown.length) {
    throw new SegmentKitError('E_RECIPE_INVALID', `expected only ${allowed.join(', ')}, got unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => JSON.stringify(k)).join(', ')}`, {
      location: { path: path ? `${path}.${unknown[0]}` : unknown[0] },
      hint: 'Remove the unknown field or check its spelling.',
    });
  }
}

function stringMap(v: unknown, path: string): Record<string, string> {
  if (!isObject(v)) throw recipeError(path, 'an object of names', v);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (UNSAFE_KEYS.has(k)) throw recipeError(`${path}.${k}`, 'an ordinary name', k);
    if (typeof x !== 'string') throw recipeError(`${path}.${k}`, 'a text', x);
    out[k] = x;
  }
  return out;
}

/**
 * Checks a recipe (parsed JSON) against the format and every model's settings schema, and
 * returns a normalised copy: defaults filled, keys in a fixed order (byte-stable JSON).
 * Errors are E_RECIPE_INVALID with the JSON path, what was expected and what was found, or
 * E_RECIPE_VERSION for recipes from another SegmentKit version.
 *
 * @example
 * const recipe = validateRecipe(JSON.parse(text), defaultRegistry);
 */
export function validateRecipe(input: unknown, registry: ModelRegistry): Recipe {
  if (!isObject(input)) throw recipeError('$', 'a recipe object', input);
  checkRecipeVersion(input.version);
  rejectUnknown(input, TOP_LEVEL, '');
  if (typeof input.name !== 'string') throw recipeError('name', 'a text', input.name);
  if (input.createdAt !== undefined && typeof input.createdAt !== 'string') throw recipeError('createdAt', 'an ISO date-time text', input.createdAt);
  const roles = stringMap(input.roles ?? {}, 'roles');
  const badRole = Object.keys(roles).find((r) => !(ROLES as readonly string[]).includes(r));
  if (badRole) throw recipeError(`roles.${badRole}`, 'a known role such as customerId, amount, signupDate', badRole);
  if (input.asOf !== undefined && (typeof input.asOf !== 'string' || Number.isNaN(dayNumberFromIso(input.asOf)))) throw recipeError('asOf', 'a date as YYYY-MM-DD', input.asOf);
  const seed = input.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw recipeError('seed', 'an integer from 0 to 4294967295', seed);
  if (!Array.isArray(input.models) || input.models.length === 0) throw recipeError('models', 'a list of at least one model', input.models);
  const ids = new Set<string>();
  const models: ModelSpec[] = input.models.map((m: unknown, i: number) => {
    const path = `models[${i}]`;
    if (!isObject(m)) throw recipeError(path, 'a model object', m);
    rejectUnknown(m, MODEL_FIELDS, path);
    if (typeof m.id !== 'string' || !/^[A-Za-z0-9_-]{1,24}$/.test(m.id)) throw recipeError(`${path}.id`, 'an id of 1–24 letters, digits, _ or -', m.id);
    if (ids.has(m.id)) throw recipeError(`${path}.id`, 'an id not used by another model', m.id);
    ids.add(m.id);
    const model = typeof m.kind === 'string' ? registry.find(m.kind) : undefined;
    if (!model) throw recipeError(`${path}.kind`, `one of ${registry.kinds().map((k) => JSON.stringify(k)).join(', ')}`, m.kind);
    const settings = validateSettings(m.settings, model.settingsSchema, `${path}.settings`);
    if (m.fitted !== undefined && !isObject(m.fitted)) throw recipeError(`${path}.fitted`, 'an object of fitted parameters', m.fitted);
    return { id: m.id, kind: m.kind as string, settings, ...(m.fitted ? { fitted: m.fitted } : {}) };
  });
  const out: Recipe = { version: 1, name: input.name, ...(input.createdAt ? { createdAt: input.createdAt as string } : {}), roles: roles as RoleMap, ...(input.asOf ? { asOf: input.asOf as string } : {}), seed, models };
  if (input.segmentNames !== undefined) {
    if (!isObject(input.segmentNames)) throw recipeError('segmentNames', 'an object keyed by model id', input.segmentNames);
    out.segmentNames = {};
    for (const [id, names] of Object.entries(input.segmentNames)) {
      if (!ids.has(id)) throw recipeError(`segmentNames.${id}`, 'the id of a model in this recipe', id);
      out.segmentNames[id] = stringMap(names, `segmentNames.${id}`);
    }
  }
  if (input.playbook !== undefined) {
    if (!isObject(input.playbook)) throw recipeError('playbook', 'an object keyed by model id', input.playbook);
    out.playbook = {};
    for (const [id, entries] of Object.entries(input.playbook)) {
      if (!ids.has(id)) throw recipeError(`playbook.${id}`, 'the id of a model in this recipe', id);
      if (!isObject(entries)) throw recipeError(`playbook.${id}`, 'an object keyed by segment name', entries);
      const checked: Record<string, PlaybookEntry> = {};
      for (const [segment, entry] of Object.entries(entries)) {
        if (UNSAFE_KEYS.has(segment)) throw recipeError(`playbook.${id}.${segment}`, 'an ordinary segment name', describeValue(segment));
        checked[segment] = validateSettings(entry, PLAYBOOK_ENTRY_SCHEMA, `playbook.${id}.${segment}`) as unknown as PlaybookEntry;
      }
      out.playbook[id] = checked;
    }
  }
  return out;
}
