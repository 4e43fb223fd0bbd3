import { CUSTOMER_FIELDS } from '../core/customers/CustomerTable';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { RfmFitted, RfmSettings } from '../core/models/rfm/rfmModel';
import { bandSql, customerValueSql, daysBeforeSql, namesSql, numericColumn, type ModelSql, type ModelSqlContext } from './ModelSql';

/**
 * RFM as SQL: recency (days to "today"), frequency and monetary scored with the stored cut
 * points exactly as `bandOf` does, recency reversed, then the named rules as one CASE in rule
 * order (first match wins, `otherName` for the rest). Missing inputs give NULL scores and segment.
 */
export function rfmToSql(ctx: ModelSqlContext, s: RfmSettings, fitted: RfmFitted): ModelSql {
  const { d } = ctx;
  const recencyCol = numericColumn(ctx, s.recencyColumn ?? CUSTOMER_FIELDS.lastPurchase);
  const frequency = numericColumn(ctx, s.frequencyColumn ?? CUSTOMER_FIELDS.orders);
  const monetary = customerValueSql(ctx, s.returns, s.monetaryColumn);
  if (!recencyCol || !frequency || !monetary) {
    throw new SegmentKitError('E_SQL_INPUT', 'RFM needs recency, frequency and monetary columns among the customer aggregates', { location: { path: ctx.path }, hint: 'Leave recencyColumn, frequencyColumn and monetaryColumn empty, or name aggregate columns such as orders or revenue.' });
  }
  const [rec, fr, mo, rb, fb, mb, r, f, m] = ['recency', 'frequency', 'monetary', 'rb', 'fb', 'mb', 'r', 'f', 'm'].map(ctx.tmp);
  const q = d.ident;
  const rules = fitted.rules.map((rule, j) => `WHEN ${q(r)} BETWEEN ${rule.r[0]} AND ${rule.r[1]} AND ${q(f)} BETWEEN ${rule.f[0]} AND ${rule.f[1]} AND ${q(m)} BETWEEN ${rule.m[0]} AND ${rule.m[1]} THEN ${j}`);
  const label = `CASE WHEN ${q(r)} IS NULL OR ${q(f)} IS NULL OR ${q(m)} IS NULL THEN NULL ${rules.join(' ')} ELSE ${fitted.rules.length} END`;
  return {
    layers: [
      [
        { name: rec, expr: daysBeforeSql(ctx, recencyCol) },
        { name: fr, expr: frequency.expr },
        { name: mo, expr: monetary },
      ],
      [
        { name: rb, expr: bandSql(d, q(rec), fitted.cutpoints.recency) },
        { name: fb, expr: bandSql(d, q(fr), fitted.cutpoints.frequency) },
        { name: mb, expr: bandSql(d, q(mo), fitted.cutpoints.monetary) },
      ],
      [
        // A customer missing any of the three gets no score at all, as in the TypeScript model.
        { name: r, expr: `CASE WHEN ${q(rb)} IS NULL OR ${q(fb)} IS NULL OR ${q(mb)} IS NULL THEN NULL ELSE ${fitted.scale + 1} - ${q(rb)} END` },
        { name: f, expr: `CASE WHEN ${q(rb)} IS NULL OR ${q(mb)} IS NULL THEN NULL ELSE ${q(fb)} END` },
        { name: m, expr: `CASE WHEN ${q(rb)} IS NULL OR ${q(fb)} IS NULL THEN NULL ELSE ${q(mb)} END` },
      ],
      [
        { name: ctx.out('r'), expr: q(r) },
        { name: ctx.out('f'), expr: q(f) },
        { name: ctx.out('m'), expr: q(m) },
        { name: ctx.out('score'), expr: `${q(r)} * 100 + ${q(f)} * 10 + ${q(m)}` },
        { name: ctx.out('recency_days'), expr: q(rec) },
        { name: ctx.out('segment'), expr: namesSql(d, label, ctx.segmentNames) },
        { name: ctx.out('value'), expr: q(mo) },
      ],
    ],
    outputs: ['r', 'f', 'm', 'score', 'recency_days', 'segment', 'value'].map(ctx.out),
    segment: ctx.out('segment'),
    value: ctx.out('value'),
  };
}
