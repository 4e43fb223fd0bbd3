import { CUSTOMER_FIELDS } from '../core/customers/CustomerTable';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { LifecycleFitted, LifecycleSettings } from '../core/models/lifecycle/lifecycleModel';
import { customerValueSql, namesSql, numericColumn, type ModelSql, type ModelSqlContext } from './ModelSql';

const DAYS_PER_MONTH = 30.4375;

/**
 * Lifecycle stages as SQL with the stored thresholds, in the TypeScript model's order: lapsed,
 * at risk, then new / growing / established by tenure; plus the growth flag from the stored
 * spend-rate cut (transaction aggregates carry no company size).
 */
export function lifecycleToSql(ctx: ModelSqlContext, s: LifecycleSettings, fitted: LifecycleFitted): ModelSql {
  const { d } = ctx;
  const q = d.ident;
  const n = d.number;
  const start = numericColumn(ctx, s.signupColumn ?? CUSTOMER_FIELDS.firstPurchase);
  const last = numericColumn(ctx, s.lastActivityColumn ?? CUSTOMER_FIELDS.lastPurchase);
  if (!start || start.type !== 'date') throw new SegmentKitError('E_SQL_INPUT', 'Lifecycle needs a signup or first purchase date among the customer aggregates', { location: { path: `${ctx.path}.signupColumn` }, hint: 'Leave signupColumn empty to use first_purchase.' });
  const t = fitted.thresholds;
  const [tenure, since, gap, spend, stage] = ['tenure', 'since', 'gap', 'spend_rate', 'stage'].map(ctx.tmp);
  const first = q(CUSTOMER_FIELDS.firstPurchase);
  const lastP = q(CUSTOMER_FIELDS.lastPurchase);
  const visits = q(CUSTOMER_FIELDS.purchaseDays);
  const value = customerValueSql(ctx, 'net')!;
  const sinceExpr = last && last.type === 'date' ? `(${ctx.asOf} - ${last.expr})` : `CAST(NULL AS ${d.doubleType})`;
  const stageExpr = `CASE WHEN ${q(tenure)} IS NULL THEN NULL
      WHEN ${q(since)} IS NOT NULL AND (${q(since)} > ${n(t.lapsedDays)} OR COALESCE(${q(gap)} > 0 AND ${q(since)} > ${n(t.lapsedGapMultiple)} * ${q(gap)}, FALSE)) THEN 4
      WHEN ${q(since)} IS NOT NULL AND (CASE WHEN ${q(gap)} > 0 THEN ${q(since)} > ${n(t.atRiskGapMultiple)} * ${q(gap)} ELSE ${q(since)} > ${n(t.atRiskDays)} END) THEN 3
      WHEN ${q(tenure)} < ${n(t.newDays)} THEN 0 WHEN ${q(tenure)} < ${n(t.establishedDays)} THEN 1 ELSE 2 END`;
  const fast = fitted.spendRateCut === null ? 'FALSE' : `COALESCE(${q(spend)} > ${n(fitted.spendRateCut)}, FALSE)`;
  return {
    layers: [
      [
        { name: tenure, expr: `(${ctx.asOf} - ${start.expr})` },
        { name: since, expr: sinceExpr },
        { name: gap, expr: `CASE WHEN ${visits} >= 2 THEN (${lastP} - ${first}) / (${visits} - 1) ELSE NULL END` },
      ],
      [
        { name: stage, expr: stageExpr },
        { name: spend, expr: `${value} / GREATEST(1, ${q(tenure)} / ${n(DAYS_PER_MONTH)})` },
      ],
      [
        { name: ctx.out('tenure_days'), expr: q(tenure) },
        { name: ctx.out('days_since_last'), expr: q(since) },
        { name: ctx.out('mean_gap_days'), expr: q(gap) },
        { name: ctx.out('growth'), expr: `CASE WHEN ${q(stage)} IS NULL THEN NULL ELSE ${q(stage)} <= 2 AND ${fast} END` },
        { name: ctx.out('segment'), expr: namesSql(d, q(stage), ctx.segmentNames) },
        { name: ctx.out('value'), expr: value },
      ],
    ],
    outputs: ['tenure_days', 'days_since_last', 'mean_gap_days', 'growth', 'segment', 'value'].map(ctx.out),
    segment: ctx.out('segment'),
    value: ctx.out('value'),
  };
}
