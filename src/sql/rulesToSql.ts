import { isSegmentKitError, SegmentKitError } from '../core/errors/SegmentKitError';
import { parseRule } from '../core/rules/parseRule';
import type { RulesFitted } from '../core/rules/rulesModel';
import { customerValueSql, namesSql, type ModelSql, type ModelSqlContext } from './ModelSql';
import { ruleToSql } from './ruleToSql';

/** Custom rule segments as one CASE in rule order (first match wins, the rest get `otherName`). */
export function rulesToSql(ctx: ModelSqlContext, fitted: RulesFitted): ModelSql {
  const whens = fitted.rules.map((r, j) => {
    try {
      return `WHEN ${ruleToSql(parseRule(r.when), ctx.columns, ctx.d)} THEN ${j}`;
    } catch (e) {
      if (!isSegmentKitError(e)) throw e;
      throw new SegmentKitError(e.code, e.detail, { location: { ...e.location, path: `${ctx.path}.fitted.rules[${j}].when` }, hint: e.hint });
    }
  });
  const label = `CASE ${whens.join(' ')} ELSE ${fitted.rules.length} END`;
  return {
    layers: [[
      { name: ctx.out('segment'), expr: namesSql(ctx.d, label, ctx.segmentNames) },
      { name: ctx.out('value'), expr: customerValueSql(ctx, 'net')! },
    ]],
    outputs: [ctx.out('segment'), ctx.out('value')],
    segment: ctx.out('segment'),
    value: ctx.out('value'),
  };
}
