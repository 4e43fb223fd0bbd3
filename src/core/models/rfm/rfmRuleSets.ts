/** One named RFM segment: inclusive score ranges; the first rule a customer matches wins. */
export interface RfmRule {
  name: string;
  r: [number, number];
  f: [number, number];
  m: [number, number];
}

/** Built-in rule sets; `custom` means the recipe's own `rules`. */
export const RFM_RULE_SETS = ['rfm-package-0.3', 'rfm-package-0.2', 'rf-grid', 'three-level', 'custom'] as const;
export type RfmRuleSetName = (typeof RFM_RULE_SETS)[number];

type Ranges = [number, number, number, number, number, number];

function rules(names: string[], ranges: Ranges[]): RfmRule[] {
  return names.map((name, i) => {
    const [rl, ru, fl, fu, ml, mu] = ranges[i];
    return { name, r: [rl, ru], f: [fl, fu], m: [ml, mu] };
  });
}

/**
 * The segments of the R `rfm` package 0.3.0 (Hebbali), with the score ranges its documentation
 * uses for `rfm_segment()` (the function itself has no defaults); order matters, first match wins.
 */
const RFM_PACKAGE_030 = rules(
  ['Champions', 'Potential Loyalist', 'Loyal Customers', 'Promising', 'New Customers', "Can't Lose Them", 'At Risk', 'Need Attention', 'About To Sleep', 'Lost'],
  [
    [5, 5, 5, 5, 5, 5],
    [3, 5, 3, 5, 2, 5],
    [2, 4, 2, 4, 2, 4],
    [3, 4, 1, 3, 3, 5],
    [4, 5, 1, 3, 1, 5],
    [1, 2, 3, 4, 4, 5],
    [1, 2, 2, 5, 4, 5],
    [1, 3, 3, 5, 3, 5],
    [2, 3, 1, 3, 1, 4],
    [1, 1, 1, 5, 1, 5],
  ],
);

/** The same ten names with the ranges the package documented up to 0.2.x (Champions R, F, M 4–5). */
const RFM_PACKAGE_022 = rules(
  ['Champions', 'Loyal Customers', 'Potential Loyalist', 'New Customers', 'Promising', 'Need Attention', 'About To Sleep', 'At Risk', "Can't Lose Them", 'Lost'],
  [
    [4, 5, 4, 5, 4, 5],
    [2, 5, 3, 5, 3, 5],
    [3, 5, 1, 3, 1, 3],
    [4, 5, 1, 1, 1, 1],
    [3, 4, 1, 1, 1, 1],
    [2, 3, 2, 3, 2, 3],
    [2, 3, 1, 2, 1, 2],
    [1, 2, 2, 5, 2, 5],
    [1, 1, 4, 5, 4, 5],
    [1, 2, 1, 2, 1, 2],
  ],
);

/**
 * The widely used 10-cell recency × frequency grid (the regex map over "RF" score pairs found in
 * many RFM notebooks); monetary is ignored and the cells partition all 25 R×F pairs.
 */
const RF_GRID = rules(
  ['Hibernating', 'At Risk', "Can't Lose Them", 'About To Sleep', 'Need Attention', 'Loyal Customers', 'Promising', 'New Customers', 'Potential Loyalists', 'Champions'],
  [
    [1, 2, 1, 2, 1, 5],
    [1, 2, 3, 4, 1, 5],
    [1, 2, 5, 5, 1, 5],
    [3, 3, 1, 2, 1, 5],
    [3, 3, 3, 3, 1, 5],
    [3, 4, 4, 5, 1, 5],
    [4, 4, 1, 1, 1, 5],
    [5, 5, 1, 1, 1, 5],
    [4, 5, 2, 3, 1, 5],
    [5, 5, 4, 5, 1, 5],
  ],
);

/**
 * For 1–3 scores: group names as e-mail tools such as Klaviyo show them; the score ranges are
 * SegmentKit's own (those tools do not publish theirs).
 */
const THREE_LEVEL = rules(
  ['Champions', 'Loyal', 'Recent', 'Needs Attention', 'At Risk', 'Inactive'],
  [
    [3, 3, 3, 3, 2, 3],
    [2, 3, 2, 3, 1, 3],
    [3, 3, 1, 1, 1, 3],
    [2, 2, 1, 2, 1, 3],
    [1, 1, 2, 3, 1, 3],
    [1, 1, 1, 1, 1, 3],
  ],
);

/** A fresh copy of a built-in rule set (callers may edit it into a custom list). */
export function rfmRuleSet(name: Exclude<RfmRuleSetName, 'custom'>): RfmRule[] {
  const source = { 'rfm-package-0.3': RFM_PACKAGE_030, 'rfm-package-0.2': RFM_PACKAGE_022, 'rf-grid': RF_GRID, 'three-level': THREE_LEVEL }[name];
  return source.map((r) => ({ name: r.name, r: [...r.r], f: [...r.f], m: [...r.m] }));
}
