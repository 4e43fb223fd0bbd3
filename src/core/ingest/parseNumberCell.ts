/** Which character separates the decimals: `.` (English) or `,` (German, Dutch). */
export type DecimalSeparator = '.' | ',';

const CURRENCY_HEAD = /^(?:[€$£]|eur|usd|gbp|chf)\s*/i;
const CURRENCY_TAIL = /\s*(?:[€$£]|eur|usd|gbp|chf)$/i;
const GROUPED = /^\d{1,3}(?:x\d{3})+$/;

/**
 * Whether text is a number written the one way every locale agrees on (`-12`, `0.5`, `1234.56`, `1.5e-7`):
 * such cells are treated exactly like numbers Excel hands over, so CSV and workbook agree.
 * Leading zeros (`007`) are not plain: they are kept as ids.
 *
 * @example
 * isPlainDecimal('1234.5'); // true
 * isPlainDecimal('00042');  // false
 */
export function isPlainDecimal(text: string): boolean {
  return !Number.isNaN(plainDecimalValue(text));
}

/**
 * The value of a text {@link isPlainDecimal} accepts (`+text`), NaN for any other text: one
 * conversion where the test and the value would take two.
 *
 * @example
 * plainDecimalValue('-12.5'); // -12.5
 * plainDecimalValue('007');   // NaN
 */
export function plainDecimalValue(text: string): number {
  if (!hasPlainShape(text)) return NaN;
  const value = +text;
  // `1e999` is written like a number but overflows to Infinity: no cell value can hold it.
  return Number.isFinite(value) ? value : NaN;
}

/**
 * Whether text matches `^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$`, scanned by hand: this runs
 * once per distinct value of every text column, millions of times on big order exports, where the
 * regular expression costs several times more.
 */
function hasPlainShape(t: string): boolean {
  const n = t.length;
  let p = t.charCodeAt(0) === 45 ? 1 : 0;
  if (p >= n) return false;
  const lead = t.charCodeAt(p++);
  if (lead === 48) {
    if (p < n && isDigit(t.charCodeAt(p))) return false;
  } else if (lead < 49 || lead > 57) return false;
  while (p < n && isDigit(t.charCodeAt(p))) p++;
  if (p < n && t.charCodeAt(p) === 46) {
    const from = ++p;
    while (p < n && isDigit(t.charCodeAt(p))) p++;
    if (p === from) return false;
  }
  if (p < n && (t.charCodeAt(p) | 32) === 101) {
    p++;
    if (p < n && (t.charCodeAt(p) === 43 || t.charCodeAt(p) === 45)) p++;
    const from = p;
    while (p < n && isDigit(t.charCodeAt(p))) p++;
    if (p === from) return false;
  }
  return p === n;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Parses a number as people type it in spreadsheets: thousands separators, currency symbols
 * (€ $ £ and their codes) before or after, decimal comma, percentages (`12,5 %` → 0.125),
 * negatives with a minus or in parentheses, surrounding spaces. Returns NaN when the text is not
 * a number. When `decimal` is omitted, a lone comma followed by exactly three digits is read as a
 * thousands separator (English); pass the column's separator from {@link detectDecimalSeparator}.
 *
 * @example
 * parseNumberCell('1.234,56 €', ',');  // 1234.56
 * parseNumberCell('(1,200.50)');       // -1200.5
 * parseNumberCell('12,5 %', ',');      // 0.125
 */
export function parseNumberCell(text: string, decimal?: DecimalSeparator): number {
  let s = text.trim();
  if (isPlainDecimal(s) && (decimal !== ',' || s.indexOf('.') < 0)) return +s;
  if (s === '') return NaN;
  let negative = false;
  if (s.charCodeAt(0) === 40 && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(CURRENCY_HEAD, '').replace(CURRENCY_TAIL, '');
  const sign = s.charAt(0);
  if (sign === '-' || sign === '+' || sign === '\u2212') {
    if (sign !== '+') negative = !negative;
    s = s.slice(1).trim().replace(CURRENCY_HEAD, '');
  }
  s = s.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^[\d.,]*\d[\d.,]*$/.test(s)) return NaN;
  const magnitude = readSeparated(s, decimal);
  if (Number.isNaN(magnitude)) return NaN;
  if (!Number.isFinite(magnitude)) return NaN;
  const value = negative ? -magnitude : magnitude;
  return percent ? value / 100 : value;
}

function readSeparated(s: string, decimal: DecimalSeparator | undefined): number {
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma < 0 && dot < 0) return +s;
  if (comma >= 0 && dot >= 0) {
    const dec = comma > dot ? ',' : '.';
    const thousands = dec === ',' ? '.' : ',';
    const at = s.lastIndexOf(dec);
    const int = s.slice(0, at);
    const frac = s.slice(at + 1);
    if (frac.includes(thousands) || !isGrouped(int, thousands)) return NaN;
    return Number(`${int.split(thousands).join('')}.${frac}`);
  }
  const sep = comma >= 0 ? ',' : '.';
  const parts = s.split(sep);
  if (parts.length > 2) return isGrouped(s, sep) ? Number(parts.join('')) : NaN;
  const [int, frac] = parts;
  const asDecimal = Number(`${int === '' ? '0' : int}.${frac}`);
  if (frac === '') return NaN;
  const canGroup = frac.length === 3 && int.length >= 1 && int.length <= 3 && int !== '0';
  if (decimal === sep || !canGroup) return asDecimal;
  if (decimal !== undefined) return Number(int + frac);
  return sep === ',' ? Number(int + frac) : asDecimal;
}

function isGrouped(int: string, sep: string): boolean {
  return int.indexOf(sep) < 0 ? /^\d+$/.test(int) : GROUPED.test(int.split(sep).join('x'));
}

/**
 * Decides a column's decimal separator from values that only make sense one way (`12,5`,
 * `1.234,56` → comma; `12.5`, `1,234.56` → dot); falls back to `hint` when no value decides.
 *
 * @example
 * detectDecimalSeparator(['1.234,5', '7'], '.'); // ','
 */
export function detectDecimalSeparator(values: readonly string[], hint: DecimalSeparator): DecimalSeparator {
  let comma = 0;
  let dot = 0;
  for (const raw of values) {
    // Every pattern below needs a dot or a comma: ids and words are passed over without a regex.
    if (raw.indexOf('.') < 0 && raw.indexOf(',') < 0) continue;
    const s = raw.trim();
    if (hasPlainShape(s)) {
      if (s.indexOf('.') >= 0 && !/\.\d{3}$/.test(s)) dot++;
      continue;
    }
    if (/\d\.\d{3},\d|\d,\d{1,2}(?!\d)|\d,\d{4,}/.test(s)) comma++;
    else if (/\d,\d{3}\.\d|\d\.\d{1,2}(?!\d)|\d\.\d{4,}/.test(s)) dot++;
  }
  if (comma === dot) return hint;
  return comma > dot ? ',' : '.';
}
