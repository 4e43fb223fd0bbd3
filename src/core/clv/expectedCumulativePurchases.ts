import type { ClvModel } from './ClvModel';
import { clvExpectedPurchases } from './clvModelPredictions';
import type { ClvSummary } from './ClvSummary';

/**
 * Expected cumulative repeat purchases of the whole cohort over time, for a chart (the
 * "tracking plot" of Fader, Hardie & Lee 2005). Time runs from the earliest first purchase;
 * a customer whose first purchase came s periods later contributes E[X(t − s)]. Customers are
 * grouped by T (hence by start), so the cost is distinct starts × times.
 *
 * @example
 * expectedCumulativePurchases(model, summary, [13, 26, 39, 52, 78]); // [{ t: 13, expected: … }, …]
 */
export function expectedCumulativePurchases(model: ClvModel, summary: ClvSummary, times: readonly number[]): { t: number; expected: number }[] {
  const { T, included } = summary;
  const starts = new Map<number, number>();
  let maxT = 0;
  for (let i = 0; i < T.length; i++) if (included[i] && T[i] > maxT) maxT = T[i];
  for (let i = 0; i < T.length; i++) {
    if (!included[i]) continue;
    const start = maxT - T[i];
    starts.set(start, (starts.get(start) ?? 0) + 1);
  }
  return times.map((t) => {
    let expected = 0;
    for (const [start, customers] of starts) if (t > start) expected += customers * clvExpectedPurchases(model, t - start);
    return { t, expected };
  });
}
