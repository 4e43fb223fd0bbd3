/**
 * Parameter constraints as data (DESIGN.md convention 3): each model kind describes its settings
 * with one of these, and `validateSettings` turns any violation into the same message format.
 */
export type FieldSchema =
  | { type: 'number'; min?: number; max?: number; default?: number; optional?: boolean; description?: string }
  | { type: 'integer'; min?: number; max?: number; default?: number; optional?: boolean; description?: string }
  | { type: 'string'; default?: string; optional?: boolean; description?: string }
  | { type: 'boolean'; default?: boolean; optional?: boolean; description?: string }
  | { type: 'enum'; values: readonly (string | number)[]; default?: string | number; optional?: boolean; description?: string }
  | { type: 'array'; items: FieldSchema; minItems?: number; maxItems?: number; default?: unknown[]; optional?: boolean; description?: string }
  | { type: 'object'; fields: SettingsSchema; default?: Record<string, unknown>; optional?: boolean; description?: string }
  | { type: 'map'; values: FieldSchema; default?: Record<string, unknown>; optional?: boolean; description?: string };

/** Field name → constraint. Fields not listed are rejected by name. */
export type SettingsSchema = Readonly<Record<string, FieldSchema>>;
