import { SegmentKitError, isSegmentKitError } from '../errors/SegmentKitError';
import { buildModelResult } from '../models/buildModelResult';
import { customerValue } from '../models/customerInputs';
import type { SegmentModel } from '../models/SegmentModel';
import type { SettingsSchema } from '../recipe/SettingsSchema';
import { evaluateRule } from './evaluateRule';
import { parseRule } from './parseRule';

export interface RuleSegment {
  name: string;
  /** A rule such as `age < 30 and channel in [chat, social]`. */
  when: string;
}

export interface RulesSettings {
  rules: RuleSegment[];
  otherName: string;
}

/** Nothing is learned: the rules are the parameters, stored as written. */
export interface RulesFitted {
  rules: RuleSegment[];
}

export const RULES_SETTINGS_SCHEMA: SettingsSchema = {
  rules: { type: 'array', minItems: 1, items: { type: 'object', fields: { name: { type: 'string' }, when: { type: 'string' } } } },
  otherName: { type: 'string', default: 'Others' },
};

function withPath(e: unknown, path: string): unknown {
  return isSegmentKitError(e) ? new SegmentKitError(e.code, e.detail, { location: { ...e.location, path }, hint: e.hint }) : e;
}

/**
 * User-defined segments: an ordered list of rules over any columns; the first rule a customer
 * matches names their segment, customers matching none get `otherName`.
 *
 * @example
 * rules: [{ name: 'Young digital', when: 'age < 30 and channel in [chat, social]' }, { name: 'Big spenders', when: 'revenue >= 1000' }]
 */
export const rulesModel: SegmentModel<RulesSettings, RulesFitted> = {
  kind: 'rules',
  label: 'Rules',
  settingsSchema: RULES_SETTINGS_SCHEMA,
  requires() {
    return [];
  },
  fit(customers, s, ctx) {
    s.rules.forEach((r, j) => {
      try {
        evaluateRule(parseRule(r.when), { rowCount: 0, columns: customers.table.columns });
      } catch (e) {
        throw withPath(e, `${ctx.settingsPath}.rules[${j}].when`);
      }
    });
    return { rules: s.rules.map((r) => ({ name: r.name, when: r.when })) };
  },
  apply(customers, s, fitted, ctx) {
    const n = customers.table.rowCount;
    const labels = new Int32Array(n).fill(fitted.rules.length);
    const done = new Uint8Array(n);
    fitted.rules.forEach((r, j) => {
      let mask: Uint8Array;
      try {
        mask = evaluateRule(parseRule(r.when), customers.table);
      } catch (e) {
        throw withPath(e, `${ctx.settingsPath}.rules[${j}].when`);
      }
      for (let i = 0; i < n; i++) {
        if (mask[i] && !done[i]) {
          labels[i] = j;
          done[i] = 1;
        }
      }
    });
    return buildModelResult(customers, ctx, {
      kind: 'rules',
      label: 'Rules',
      segmentNames: [...fitted.rules.map((r) => r.name), s.otherName],
      labels,
      columns: [],
      value: customerValue(customers, 'net')?.values,
      valueLabel: 'net revenue',
      tables: [{ title: 'Segment rules', headers: ['Order', 'Segment', 'Rule'], rows: fitted.rules.map((r, j) => [j + 1, r.name, r.when]) }],
      json: { rules: fitted.rules },
      warnings: [],
    });
  },
};
