import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { ValueFitted, ValueSettings } from '../core/models/value/valueModel';
import { bandSql, customerValueSql, namesSql, type ModelSql, type ModelSqlContext } from './ModelSql';

/** A stored tier boundary; "no positive value" is stored as Infinity (null once in JSON): nobody reaches it. */
function atLeast(ctx: ModelSqlContext, x: string, min: number | null): string {
  return min === null || !Number.isFinite(min) ? 'FALSE' : `${x} >= ${ctx.d.number(min)}`;
}

/**
 * Value tiers as SQL: value (net of returns unless 'gross'), cost to serve, net value, value
 * decile and the A/B/C tier from the stored boundaries. Transaction aggregates carry no support
 * contacts, so cost to serve is 0 and net value equals value, as in the TypeScript model.
 */
export function valueToSql(ctx: ModelSqlContext, s: ValueSettings, fitted: ValueFitted): ModelSql {
  const { d } = ctx;
  const q = d.ident;
  const value = customerValueSql(ctx, s.returns, s.valueColumn);
  if (!value) throw new SegmentKitError('E_SQL_INPUT', 'Value tiers need a revenue or value column among the customer aggregates', { location: { path: `${ctx.path}.valueColumn` }, hint: 'Leave valueColumn empty to use revenue.' });
  const v = ctx.tmp('value');
  const label = `CASE WHEN ${q(v)} IS NULL THEN NULL WHEN ${atLeast(ctx, q(v), fitted.aMin)} THEN 0 WHEN ${atLeast(ctx, q(v), fitted.bMin)} THEN 1 ELSE 2 END`;
  return {
    layers: [
      [{ name: v, expr: value }],
      [
        { name: ctx.out('tier'), expr: `CASE WHEN ${q(v)} IS NULL THEN NULL WHEN ${atLeast(ctx, q(v), fitted.aMin)} THEN 'A' WHEN ${atLeast(ctx, q(v), fitted.bMin)} THEN 'B' ELSE 'C' END` },
        { name: ctx.out('value'), expr: q(v) },
        { name: ctx.out('cost_to_serve'), expr: `CAST(0 AS ${d.doubleType})` },
        { name: ctx.out('net_value'), expr: q(v) },
        { name: ctx.out('decile'), expr: bandSql(d, q(v), fitted.decileCuts) },
        { name: ctx.out('segment'), expr: namesSql(d, label, ctx.segmentNames) },
      ],
    ],
    outputs: ['tier', 'value', 'cost_to_serve', 'net_value', 'decile', 'segment'].map(ctx.out),
    segment: ctx.out('segment'),
    value: ctx.out('value'),
  };
}
