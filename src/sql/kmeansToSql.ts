import { CUSTOMER_FIELDS } from '../core/customers/CustomerTable';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { KmeansFitted } from '../core/models/kmeans/kmeansModel';
import { customerValueSql, daysBeforeSql, namesSql, numericColumn, resolveColumn, type ModelSql, type ModelSqlContext } from './ModelSql';

/** A feature's raw SQL: a customer column first, else the derived recency / frequency / monetary. */
function featureSql(ctx: ModelSqlContext, name: string, index: number): string {
  if (resolveColumn(ctx.columns, name)) {
    const c = numericColumn(ctx, name);
    if (c) return c.expr;
  } else if (name === 'recency') return daysBeforeSql(ctx, numericColumn(ctx, CUSTOMER_FIELDS.lastPurchase)!);
  else if (name === 'frequency') return numericColumn(ctx, CUSTOMER_FIELDS.orders)!.expr;
  else if (name === 'monetary') return customerValueSql(ctx, 'net')!;
  throw new SegmentKitError('E_FEATURE_UNKNOWN', `k-means feature "${name}" is not a numeric column`, { location: { path: `${ctx.path}.features[${index}]` }, hint: 'Use recency, frequency, monetary or a numeric customer aggregate such as orders or revenue.' });
}

/**
 * k-means assignment to stored centroids as SQL, with the stored scaler: median imputation or
 * dropping, LN(1 + x) for log features, (x − mean) × (1 / sd), squared distances summed in
 * feature order, and the first centroid with the smallest distance (ties to the lowest index,
 * as `assignKmeans`). LN(1 + x) stands in for log1p, which not every engine has: the two can
 * differ in the last bit, which moves a customer only if it is equidistant to the last bit.
 */
export function kmeansToSql(ctx: ModelSqlContext, fitted: KmeansFitted): ModelSql {
  const { d } = ctx;
  const q = d.ident;
  const n = d.number;
  const { model } = fitted;
  const sc = model.scaler;
  const raw: string[] = [];
  sc.sources.forEach((src, j) => {
    if (src.kind !== 'numeric') throw new SegmentKitError('E_SQL_UNSUPPORTED', `the k-means feature "${sc.features[j]}" is a category, which the SQL export does not encode`, { location: { path: `${ctx.path}.fitted.model.scaler.sources[${j}]` }, hint: 'Cluster on numeric features for SQL export.' });
    raw.push(featureSql(ctx, src.column, j));
  });
  const xs = raw.map((_, j) => ctx.tmp(`x${j}`));
  const zs = raw.map((_, j) => ctx.tmp(`z${j}`));
  const ds = model.centroids.map((_, c) => ctx.tmp(`d${c}`));
  const best = ctx.tmp('best');
  const label = ctx.tmp('label');
  // Under 'drop' a row with any missing input is left out before log1p, as in applyScaler: all
  // its inputs become NULL, so LN never sees its (possibly negative) other values.
  const dropped = raw.map((e) => `${e} IS NULL`).join(' OR ');
  const x = raw.map((e, j) => ({ name: xs[j], expr: sc.missing === 'median' ? `COALESCE(${e}, ${n(sc.medians[sc.sources[j].column])})` : `CASE WHEN ${dropped} THEN NULL ELSE ${e} END` }));
  const z = xs.map((name, j) => {
    const v = sc.log[j] ? d.ln(`1 + ${q(name)}`) : q(name);
    return { name: zs[j], expr: `(${v} - ${n(sc.means[j])}) * ${n(1 / sc.sds[j])}` };
  });
  const dist = model.centroids.map((centre, c) => ({
    name: ds[c],
    expr: centre.map((cv, j) => `(${q(zs[j])} - ${n(cv)}) * (${q(zs[j])} - ${n(cv)})`).join(' + '),
  }));
  const anyMissing = xs.map((name) => `${q(name)} IS NULL`).join(' OR ');
  const least = ds.length === 1 ? q(ds[0]) : `LEAST(${ds.map(q).join(', ')})`;
  const pick = `CASE WHEN ${anyMissing} THEN NULL ${ds.map((name, c) => `WHEN ${q(name)} = ${q(best)} THEN ${c}`).join(' ')} ELSE NULL END`;
  return {
    layers: [
      x,
      z,
      dist,
      [{ name: best, expr: least }],
      [{ name: label, expr: pick }],
      [
        { name: ctx.out('cluster'), expr: `${q(label)} + 1` },
        { name: ctx.out('segment'), expr: namesSql(d, q(label), ctx.segmentNames) },
        { name: ctx.out('value'), expr: customerValueSql(ctx, 'net')! },
      ],
    ],
    outputs: ['cluster', 'segment', 'value'].map(ctx.out),
    segment: ctx.out('segment'),
    value: ctx.out('value'),
  };
}
