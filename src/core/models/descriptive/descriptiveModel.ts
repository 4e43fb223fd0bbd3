import { ageBands, DEFAULT_AGE_EDGES } from '../../bands/ageBands';
import type { BandResult } from '../../bands/BandResult';
import { combineSegments } from '../../bands/combineSegments';
import { compactNumberFormat } from '../../bands/compactNumberFormat';
import { groupRareCategories } from '../../bands/groupRareCategories';
import { numericBands } from '../../bands/numericBands';
import { scoreBands } from '../../bands/scoreBands';
import type { CustomerTable } from '../../customers/CustomerTable';
import { codesOf } from '../../customers/codesOf';
import type { Role } from '../../roles/Role';
import { ROLE_LABELS } from '../../roles/Role';
import type { SettingsSchema } from '../../recipe/SettingsSchema';
import { recipeError } from '../../recipe/validateSettings';
import { SK_PREFIX } from '../../results/Outputs';
import { findColumn, type Column } from '../../table/Table';
import { buildModelResult } from '../buildModelResult';
import { customerValue, numericValues } from '../customerInputs';
import type { ModelWarning, SegmentModel } from '../SegmentModel';

export interface DescriptiveSettings {
  /** Roles to combine, in order, e.g. ['age', 'gender', 'income', 'country']. */
  fields: string[];
  ageEdges: number[];
  /** How numeric fields other than age and survey scores are banded. */
  numericMethod: 'ckmeans' | 'quantile';
  numericBands: number;
  /** Categories and combinations under this share of customers become "Other". */
  minShare: number;
}

/** How one field was banded at fit time; `apply` bands new rows the same way. */
export interface FittedPart {
  field: string;
  column: string;
  kind: 'age' | 'birthDate' | 'numeric' | 'score' | 'category';
  labels: string[];
  /** Lower bounds for age, cut points for numeric bands. */
  edges?: number[];
}

export interface DescriptiveFitted {
  parts: FittedPart[];
  /** Combinations kept as segments; every other combination is "Other". */
  segments: string[];
}

const OTHER = 'Other';
const SCORE_ROLES = new Set(['techComfort', 'satisfaction']);

function settingsSchema(defaultFields: string[]): SettingsSchema {
  return {
    fields: { type: 'array', items: { type: 'string' }, minItems: 1, default: defaultFields },
    ageEdges: { type: 'array', items: { type: 'integer', min: 0, max: 120 }, minItems: 1, default: [...DEFAULT_AGE_EDGES] },
    numericMethod: { type: 'enum', values: ['ckmeans', 'quantile'], default: 'ckmeans' },
    numericBands: { type: 'integer', min: 2, max: 10, default: 3 },
    minShare: { type: 'number', min: 0, max: 0.5, default: 0.02 },
  };
}

function columnFor(customers: CustomerTable, field: string): Column | undefined {
  const mapped = customers.roles[field as Role];
  return (mapped ? findColumn(customers.table, mapped) : undefined) ?? findColumn(customers.table, field);
}

/** Bands one field for fitting: the kind follows the column type and the role. */
function fitPart(customers: CustomerTable, field: string, s: DescriptiveSettings, asOf: number, minShare: number): { part: FittedPart; band: BandResult } {
  const column = columnFor(customers, field);
  if (!column) throw new Error(`unreachable: ${field} checked by requires()`);
  if (field === 'age' && column.type === 'date') {
    const band = ageBands({ birthDays: column.values, asOfDay: asOf }, { edges: s.ageEdges });
    return { part: { field, column: column.name, kind: 'birthDate', labels: band.labels, edges: s.ageEdges }, band };
  }
  const values = column.type === 'number' ? numericValues(column) : undefined;
  if (values && field === 'age') {
    const band = ageBands({ ages: values }, { edges: s.ageEdges });
    return { part: { field, column: column.name, kind: 'age', labels: band.labels, edges: s.ageEdges }, band };
  }
  if (values && SCORE_ROLES.has(field)) {
    const band = scoreBands(values);
    return { part: { field, column: column.name, kind: 'score', labels: band.labels }, band };
  }
  if (values) {
    const format = field === 'income' ? compactNumberFormat() : (x: number) => String(Math.round(x * 100) / 100);
    const band = numericBands(values, { method: s.numericMethod, bands: s.numericBands, format });
    return { part: { field, column: column.name, kind: 'numeric', labels: band.labels, edges: band.breaks }, band };
  }
  const { codes, labels } = codesOf(column);
  const grouped = groupRareCategories(codes, labels, { minShare, otherLabel: OTHER });
  return { part: { field, column: column.name, kind: 'category', labels: grouped.labels }, band: grouped };
}

/** Bands one field of new rows with the stored edges and labels (never refits). */
function applyPart(customers: CustomerTable, part: FittedPart, asOf: number): BandResult {
  const column = findColumn(customers.table, part.column);
  const n = customers.table.rowCount;
  if (!column) return { codes: new Int32Array(n).fill(-1), labels: part.labels, missing: n, outOfRange: 0 };
  switch (part.kind) {
    case 'birthDate':
      return ageBands({ birthDays: numericValues(column) as Float64Array, asOfDay: asOf }, { edges: part.edges });
    case 'age':
      return ageBands({ ages: numericValues(column) as Float64Array }, { edges: part.edges });
    case 'score':
      return scoreBands(numericValues(column) as Float64Array);
    case 'numeric': {
      const values = numericValues(column) as Float64Array;
      const band = part.edges && part.edges.length ? numericBands(values, { method: 'edges', edges: part.edges }) : { codes: Int32Array.from(values, (v) => (Number.isNaN(v) ? -1 : 0)), labels: part.labels, missing: 0, outOfRange: 0 };
      return { ...band, labels: part.labels };
    }
    case 'category': {
      const { codes, labels } = codesOf(column);
      const index = new Map(part.labels.map((l, i) => [l, i]));
      const other = index.get(OTHER);
      const map = labels.map((l) => index.get(l) ?? other ?? -1);
      let missing = 0;
      const out = Int32Array.from(codes, (c) => {
        if (c < 0) {
          missing++;
          return -1;
        }
        return map[c];
      });
      return { codes: out, labels: part.labels, missing, outOfRange: 0 };
    }
  }
}

/**
 * Descriptive segments from customer attributes: each field is banded (age bands from age or
 * birth date, survey scores low/medium/high, numeric fields by optimal 1-D breaks or
 * quantiles, categories with rare values grouped into "Other") and the bands are combined
 * ("25–34 · F · DE"), rare combinations grouped too. Demographic and technographic models are
 * two presets of this one model.
 */
function descriptiveModel(kind: string, label: string, defaultFields: string[]): SegmentModel<DescriptiveSettings, DescriptiveFitted> {
  return {
    kind,
    label,
    settingsSchema: settingsSchema(defaultFields),
    requires(customers, s) {
      const missing = s.fields.filter((f) => !columnFor(customers, f));
      return missing.length ? [`${label} needs a column for ${missing.map((f) => ROLE_LABELS[f as Role] ?? f).join(', ')}; map one or remove it from the fields`] : [];
    },
    fit(customers, s, ctx) {
      s.fields.forEach((f, i) => {
        if (!columnFor(customers, f)) throw recipeError(`${ctx.settingsPath}.fields[${i}]`, 'a mapped role or an existing column', f);
      });
      const fitted = s.fields.map((f) => fitPart(customers, f, s, ctx.asOf, s.minShare));
      const combined = combineSegments(
        fitted.map((p) => ({ name: p.part.field, codes: p.band.codes, labels: p.part.labels })),
        { minShare: s.minShare, otherLabel: OTHER },
      );
      return { parts: fitted.map((p) => p.part), segments: combined.labels.filter((l) => l !== OTHER) };
    },
    apply(customers, s, fitted, ctx) {
      const bands = fitted.parts.map((p) => applyPart(customers, p, ctx.asOf));
      const combined = combineSegments(
        fitted.parts.map((p, i) => ({ name: p.field, codes: bands[i].codes, labels: p.labels })),
        { minShare: 0 },
      );
      const names = [...fitted.segments, OTHER];
      const index = new Map(names.map((l, i) => [l, i]));
      const toSegment = combined.labels.map((l) => index.get(l) ?? names.length - 1);
      const labels = Int32Array.from(combined.codes, (c) => (c < 0 ? -1 : toSegment[c]));
      const warnings: ModelWarning[] = [];
      fitted.parts.forEach((p, i) => {
        const b = bands[i];
        if (b.missing + b.outOfRange > 0) {
          warnings.push({ code: 'W_BAND_MISSING', message: `${b.missing + b.outOfRange} customers have no usable ${p.field} ("${p.column}") and got no ${label.toLowerCase()} segment`, count: b.missing + b.outOfRange });
        }
      });
      return buildModelResult(customers, ctx, {
        kind,
        label,
        segmentNames: names,
        labels,
        columns: fitted.parts.map((p, i) => ({
          header: `${SK_PREFIX}${p.field} band`,
          values: Array.from(bands[i].codes, (c) => (c < 0 ? null : p.labels[c])),
        })),
        value: customerValue(customers, 'net')?.values,
        valueLabel: 'net revenue',
        tables: fitted.parts.map((p) => ({ title: `${p.field} bands`, headers: ['Band'], rows: p.labels.map((l) => [l]) })),
        json: { fields: fitted.parts.map((p) => ({ field: p.field, column: p.column, bands: p.labels })) },
        warnings,
      });
    },
  };
}

export const demographicModel = descriptiveModel('demographic', 'Demographic', ['age', 'country']);
export const technographicModel = descriptiveModel('technographic', 'Technographic', ['platform', 'techComfort']);
