import packageJson from '../../package.json';
import { createFunctions } from './createFunctions';
import { workbookRecipeStore } from '../excel/workbookRecipeStore';

// custom-functions-metadata-plugin turns the JSDoc below into functions.json (the text is what
// Excel shows in its formula tooltip) and appends the CustomFunctions.associate call for every
// function when webpack bundles this file. The logic lives in createFunctions and the *Cells
// files; this entry only injects the workbook's recipe store (src/excel owns every Excel call).

/** Recipes live in the workbook's custom XML parts, read through the Excel adapter. */
export const recipeStore = workbookRecipeStore();

const sk = createFunctions(recipeStore);

/**
 * Segment of each row, by the fitted model stored in the workbook (k-means, RFM, value tiers, lifecycle, rules). If the first row is a header, columns are matched by name; otherwise they must be in the model's feature order (k-means: its features; RFM: recency, frequency, monetary). Example: =SK.SEGMENT(A2:C500, "Shop", "clusters")
 * @customfunction SEGMENT
 * @param values One customer row or a range of rows (optionally with a header row).
 * @param [recipe] Recipe name, or "recipe/model"; the first recipe when omitted.
 * @param [model] Model id inside the recipe; the recipe's first fitted model when omitted.
 * @returns The segment name of each row (spills for ranges).
 */
export function segment(values: unknown[][], recipe?: unknown[][], model?: unknown[][]): Promise<unknown[][]> {
  return sk.segment(values as never, recipe as never, model as never);
}

/**
 * RFM score R·100 + F·10 + M with the stored cut points (fewer days since purchase score higher). Example: =SK.RFMSCORE(B2, C2, D2)
 * @customfunction RFMSCORE
 * @param recency Days since the last purchase.
 * @param frequency Number of orders.
 * @param monetary Revenue of the customer.
 * @param [cutpoints] Recipe name, or 3 rows (recency, frequency, monetary) of 4 ascending cut points; the workbook's RFM model when omitted.
 * @returns The three-digit RFM score, e.g. 545.
 */
export function rfmScore(recency: unknown[][], frequency: unknown[][], monetary: unknown[][], cutpoints?: unknown[][]): Promise<unknown[][]> {
  return sk.rfmScore(recency as never, frequency as never, monetary as never, cutpoints as never);
}

/**
 * RFM segment name of a three-digit score (first matching rule wins). Example: =SK.RFMSEGMENT(E2, "rfm-package-0.3")
 * @customfunction RFMSEGMENT
 * @param score A three-digit RFM score such as 545.
 * @param [ruleset] Rule set (rfm-package-0.3, rfm-package-0.2, rf-grid, three-level) or recipe name; the workbook's RFM rules when omitted.
 * @returns The segment name, e.g. "Champions".
 */
export function rfmSegment(score: unknown[][], ruleset?: unknown[][]): Promise<unknown[][]> {
  return sk.rfmSegment(score as never, ruleset as never);
}

/**
 * Customer lifetime value: expected purchases (BG/NBD or Pareto/NBD) × expected spend (Gamma-Gamma), discounted, over the horizon. Example: =SK.CLV(B2, C2, D2, E2, 52, 0.0019)
 * @customfunction CLV
 * @param frequency Repeat purchases (purchase days − 1).
 * @param recency Time from first to last purchase, in the model's time unit.
 * @param T Time from first purchase to the end of the data, in the model's time unit.
 * @param monetary Average spend per repeat purchase.
 * @param [horizon] Periods to sum over; one year when omitted.
 * @param [discount] Discount rate per period (0.01 = 1 %); 0 when omitted.
 * @param [recipe] Recipe name, or parameters r, alpha, a, b, p, q, gamma as a 7-cell range.
 * @returns The discounted lifetime value.
 */
export function clv(frequency: unknown[][], recency: unknown[][], T: unknown[][], monetary: unknown[][], horizon?: unknown[][], discount?: unknown[][], recipe?: unknown[][]): Promise<unknown[][]> {
  return sk.clv(frequency as never, recency as never, T as never, monetary as never, horizon as never, discount as never, recipe as never);
}

/**
 * Probability the customer is still active (BG/NBD or Pareto/NBD). Example: =SK.PALIVE(2, 30.43, 38.86)
 * @customfunction PALIVE
 * @param frequency Repeat purchases (purchase days − 1).
 * @param recency Time from first to last purchase, in the model's time unit.
 * @param T Time from first purchase to the end of the data, in the model's time unit.
 * @param [recipe] Recipe name, or parameters r, alpha, a, b as a 4-cell range ("paretonbd", r, alpha, s, beta for Pareto/NBD).
 * @returns P(alive), between 0 and 1.
 */
export function pAlive(frequency: unknown[][], recency: unknown[][], T: unknown[][], recipe?: unknown[][]): Promise<unknown[][]> {
  return sk.pAlive(frequency as never, recency as never, T as never, recipe as never);
}

/**
 * Expected purchases in the next t periods. Example: =SK.EXPECTEDPURCHASES(39, 2, 30.43, 38.86)
 * @customfunction EXPECTEDPURCHASES
 * @param t Periods ahead, in the model's time unit.
 * @param frequency Repeat purchases (purchase days − 1).
 * @param recency Time from first to last purchase.
 * @param T Time from first purchase to the end of the data.
 * @param [recipe] Recipe name, or parameters r, alpha, a, b as a 4-cell range.
 * @returns Expected number of purchases.
 */
export function expectedPurchases(t: unknown[][], frequency: unknown[][], recency: unknown[][], T: unknown[][], recipe?: unknown[][]): Promise<unknown[][]> {
  return sk.expectedPurchases(t as never, frequency as never, recency as never, T as never, recipe as never);
}

/**
 * Pareto / ABC value tier: A holds the top 80 % of value, B the next 15 %, C the rest. Example: =SK.VALUETIER(B2, B$2:B$500)
 * @customfunction VALUETIER
 * @param value The customer's value (or a range of values).
 * @param values Every customer's value.
 * @returns "A", "B" or "C".
 */
export function valueTier(value: unknown[][], values: unknown[][]): Promise<unknown[][]> {
  return sk.valueTier(value as never, values as never);
}

/**
 * Lifecycle stage (New, Growing, Established, At risk, Lapsed) with the workbook's thresholds. Example: =SK.LIFECYCLE(B2, C2, DATE(2024,6,30))
 * @customfunction LIFECYCLE
 * @param first First purchase (or signup) date.
 * @param last Last purchase date.
 * @param [asOf] Reference date; the recipe's as-of date, else the latest last date, when omitted.
 * @param [recipe] Recipe name, or "recipe/model".
 * @returns The lifecycle stage.
 */
export function lifecycle(first: unknown[][], last: unknown[][], asOf?: unknown[][], recipe?: unknown[][]): Promise<unknown[][]> {
  return sk.lifecycle(first as never, last as never, asOf as never, recipe as never);
}

/**
 * Cost to serve: support contacts per channel × cost per contact. Example: =SK.COSTTOSERVE(B2:D2, B$1:D$1, {6,2.5,1.5})
 * @customfunction COSTTOSERVE
 * @param contacts Contacts per channel, one column per channel.
 * @param channels Channel names (phone, email, chat, social, self_service).
 * @param [costs] Cost per contact of each channel; the workbook's value model or built-in defaults when omitted.
 * @returns The cost to serve of each row.
 */
export function costToServe(contacts: unknown[][], channels: unknown[][], costs?: unknown[][]): Promise<unknown[][]> {
  return sk.costToServe(contacts as never, channels as never, costs as never);
}

/**
 * Returns the SegmentKit version running in this workbook. Example: =SK.VERSION()
 * @customfunction VERSION
 * @returns The add-in version, e.g. "0.1.0".
 */
export function version(): string {
  return packageJson.version;
}
