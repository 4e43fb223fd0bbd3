import type { ClvModel } from '../core/clv/ClvModel';
import { DAYS_PER_UNIT } from '../core/clv/TimeUnit';
import { CUSTOMER_FIELDS } from '../core/customers/CustomerTable';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { SqlColumn } from './ModelSql';
import type { SqlDialect } from './SqlDialect';

/**
 * BG/NBD P(alive) per customer in SQL (Fader, Hardie & Lee 2005, eq. 13, closed form):
 * 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) for x > 0, 1 for x = 0, with x = purchase days − 1,
 * t_x = (last − first purchase) and T = ("today" − first purchase) in the model's time unit.
 * Pareto/NBD needs the Gauss hypergeometric function 2F1, which SQL engines lack: it stays in
 * TypeScript (E_SQL_UNSUPPORTED). Fitting always stays in TypeScript.
 */
export function clvToSql(d: SqlDialect, clv: ClvModel, asOf: string, name: string): SqlColumn {
  if (clv.model !== 'bgnbd') {
    throw new SegmentKitError('E_SQL_UNSUPPORTED', 'Pareto/NBD P(alive) needs the hypergeometric function 2F1, which SQL engines do not have', { location: { path: 'clv.model' }, hint: 'Score Pareto/NBD in SegmentKit itself (segmentkit clv), or fit a BG/NBD model for SQL export.' });
  }
  const { r, alpha, a, b } = clv.params;
  const n = d.number;
  const unit = n(DAYS_PER_UNIT[clv.timeUnit]);
  const days = d.ident(CUSTOMER_FIELDS.purchaseDays);
  const x = `(${days} - 1)`;
  const tx = `((${d.ident(CUSTOMER_FIELDS.lastPurchase)} - ${d.ident(CUSTOMER_FIELDS.firstPurchase)}) / ${unit})`;
  const T = `((${asOf} - ${d.ident(CUSTOMER_FIELDS.firstPurchase)}) / ${unit})`;
  const logOdds = `${d.ln(`${n(a)} / (${n(b)} + ${x} - 1)`)} + (${n(r)} + ${x}) * ${d.ln(`(${n(alpha)} + ${T}) / (${n(alpha)} + ${tx})`)}`;
  return { name, expr: `CASE WHEN ${days} IS NULL OR ${days} < 1 THEN NULL WHEN ${days} = 1 THEN 1 ELSE 1 / (1 + EXP(${logOdds})) END` };
}
