import { SegmentKitError } from '../errors/SegmentKitError';
import type { FieldSchema, SettingsSchema } from './SettingsSchema';

/** The one message format for every recipe problem: where, what was expected, what was found. */
export function recipeError(path: string, expected: string, got: unknown, hint?: string): SegmentKitError {
  return new SegmentKitError('E_RECIPE_INVALID', `expected ${expected}, got ${describeValue(got)}`, {
    location: { path },
    hint: hint ?? 'Fix this value in the recipe (or reset the step to its defaults).',
  });
}

/** Short, safe rendering of a JSON value for messages. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** Human wording of what a field accepts, e.g. `an integer from 2 to 10`. */
export function describeField(f: FieldSchema): string {
  switch (f.type) {
    case 'number':
    case 'integer': {
      const noun = f.type === 'integer' ? 'an integer' : 'a number';
      if (f.min !== undefined && f.max !== undefined) return `${noun} from ${f.min} to ${f.max}`;
      if (f.min !== undefined) return `${noun} ≥ ${f.min}`;
      if (f.max !== undefined) return `${noun} ≤ ${f.max}`;
      return noun;
    }
    case 'string':
      return 'a text';
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${f.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'array': {
      const size = f.minItems !== undefined && f.maxItems !== undefined ? ` of ${f.minItems}–${f.maxItems}` : f.minItems ? ` of at least ${f.minItems}` : '';
      return `a list${size}`;
    }
    case 'object':
    case 'map':
      return 'an object';
  }
}

/** Keys that would reach Object.prototype if copied onto a plain object. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks `value` against `schema`, fills defaults, and returns a fresh object whose keys follow
 * the schema's order (so serialised recipes are byte-stable). Unknown keys are errors.
 *
 * @example
 * validateSettings({ bins: 5 }, { bins: { type: 'integer', min: 2, max: 10, default: 5 } }, 'models[0].settings');
 */
export function validateSettings(value: unknown, schema: SettingsSchema, path: string): Record<string, unknown> {
  if (value === undefined) value = {};
  if (!isPlainObject(value)) throw recipeError(path, 'an object', value);
  const unknown = Object.keys(value).filter((k) => !Object.prototype.hasOwnProperty.call(schema, k));
  if (unknown.length) {
    throw new SegmentKitError('E_RECIPE_INVALID', `expected only ${Object.keys(schema).join(', ') || 'no fields'}, got unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => JSON.stringify(k)).join(', ')}`, {
      location: { path: `${path}.${unknown[0]}` },
      hint: 'Remove the unknown field or check its spelling.',
    });
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema)) {
    const checked = validateField(value[key], schema[key], `${path}.${key}`);
    if (checked !== undefined) out[key] = checked;
  }
  return out;
}

function validateField(v: unknown, f: FieldSchema, path: string): unknown {
  if (v === undefined) {
    if (f.default !== undefined) return structuredCloneJson(f.default);
    if (f.optional) return undefined;
    throw recipeError(path, describeField(f), v);
  }
  switch (f.type) {
    case 'number':
    case 'integer':
      if (typeof v !== 'number' || !Number.isFinite(v) || (f.type === 'integer' && !Number.isInteger(v))) throw recipeError(path, describeField(f), v);
      if ((f.min !== undefined && v < f.min) || (f.max !== undefined && v > f.max)) throw recipeError(path, describeField(f), v);
      return v;
    case 'string':
      if (typeof v !== 'string') throw recipeError(path, describeField(f), v);
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') throw recipeError(path, describeField(f), v);
      return v;
    case 'enum':
      if (!f.values.includes(v as string | number)) throw recipeError(path, describeField(f), v);
      return v;
    case 'array': {
      if (!Array.isArray(v)) throw recipeError(path, describeField(f), v);
      if ((f.minItems !== undefined && v.length < f.minItems) || (f.maxItems !== undefined && v.length > f.maxItems)) throw recipeError(path, describeField(f), v);
      return v.map((item, i) => validateField(item, f.items, `${path}[${i}]`));
    }
    case 'object':
      return validateSettings(v, f.fields, path);
    case 'map': {
      if (!isPlainObject(v)) throw recipeError(path, describeField(f), v);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        if (UNSAFE_KEYS.has(key)) throw recipeError(`${path}.${key}`, 'an ordinary name', key);
        out[key] = validateField(v[key], f.values, `${path}.${key}`);
      }
      return out;
    }
  }
}

function structuredCloneJson<T>(v: T): T {
  return typeof v === 'object' && v !== null ? (JSON.parse(JSON.stringify(v)) as T) : v;
}
