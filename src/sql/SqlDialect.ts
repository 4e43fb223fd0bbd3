import { SegmentKitError } from '../core/errors/SegmentKitError';

export const SQL_DIALECTS = ['duckdb', 'spark', 'bigquery', 'ansi'] as const;
export type SqlDialectName = (typeof SQL_DIALECTS)[number];

/**
 * The few places where SQL engines disagree, and nothing else: everything the compiler emits
 * goes through these functions, so a new engine is one more object here.
 */
export interface SqlDialect {
  name: SqlDialectName;
  /** A quoted identifier; any character is allowed, the quote character is doubled or escaped. */
  ident(name: string): string;
  /** A quoted text literal. */
  text(value: string): string;
  /**
   * A double literal that parses back to exactly the same IEEE double (shortest round-trip
   * digits in exponent form, which every engine here reads as a double, not a decimal).
   */
  number(value: number): string;
  /** The double type for CAST. */
  doubleType: string;
  /** The text type for CAST. */
  textType: string;
  /** Days since 1970-01-01 of a date or timestamp expression, as an integer. */
  dayNumber(expr: string): string;
  /** Natural logarithm. */
  ln(expr: string): string;
  /** The first character of a text expression. */
  firstChar(expr: string): string;
}

function number(value: number): string {
  if (!Number.isFinite(value)) {
    throw new SegmentKitError('E_SQL_NUMBER', `the number ${value} cannot be written as SQL`, { hint: 'Refit the recipe: stored parameters must be finite numbers.' });
  }
  // toExponential() without digits gives the shortest string that round-trips to the same double.
  const s = value.toExponential();
  return value < 0 ? `(${s})` : s;
}

const doubled = (quote: string) => (s: string) => `${quote}${s.split(quote).join(quote + quote)}${quote}`;

/** Spark and BigQuery read backslash escapes inside quotes, so backslashes are escaped as well. */
const escaped = (quote: string) => (s: string) => `${quote}${s.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r')}${quote}`;

/** BigQuery column names cannot hold backticks, backslashes or line breaks, so such a name is a mapping mistake. */
function bigQueryIdent(name: string): string {
  if (/[`\\\r\n]/.test(name)) {
    throw new SegmentKitError('E_SQL_NAME', `the name "${name}" cannot be a BigQuery column or table name`, { hint: 'BigQuery names hold no backticks, backslashes or line breaks: map the role to the column as BigQuery names it.' });
  }
  return `\`${name}\``;
}

const DIALECTS: Record<SqlDialectName, SqlDialect> = {
  duckdb: {
    name: 'duckdb',
    ident: doubled('"'),
    text: doubled("'"),
    number,
    doubleType: 'DOUBLE',
    textType: 'VARCHAR',
    dayNumber: (e) => `CAST(CAST(${e} AS DATE) - DATE '1970-01-01' AS BIGINT)`,
    ln: (e) => `LN(${e})`,
    firstChar: (e) => `SUBSTR(${e}, 1, 1)`,
  },
  spark: {
    name: 'spark',
    ident: doubled('`'),
    text: escaped("'"),
    number,
    doubleType: 'DOUBLE',
    textType: 'STRING',
    dayNumber: (e) => `DATEDIFF(CAST(${e} AS DATE), DATE '1970-01-01')`,
    ln: (e) => `LN(${e})`,
    firstChar: (e) => `SUBSTR(${e}, 1, 1)`,
  },
  bigquery: {
    name: 'bigquery',
    ident: bigQueryIdent,
    text: escaped("'"),
    number,
    doubleType: 'FLOAT64',
    textType: 'STRING',
    dayNumber: (e) => `UNIX_DATE(CAST(${e} AS DATE))`,
    ln: (e) => `LN(${e})`,
    firstChar: (e) => `SUBSTR(${e}, 1, 1)`,
  },
  ansi: {
    name: 'ansi',
    ident: doubled('"'),
    text: doubled("'"),
    number,
    doubleType: 'DOUBLE PRECISION',
    textType: 'VARCHAR(4000)',
    dayNumber: (e) => `(CAST(${e} AS DATE) - DATE '1970-01-01')`,
    ln: (e) => `LN(${e})`,
    firstChar: (e) => `SUBSTRING(${e} FROM 1 FOR 1)`,
  },
};

/**
 * The dialect object for a name; unknown names are an E_SQL_DIALECT error listing the known ones.
 *
 * @example
 * sqlDialect('spark').ident('order date'); // '`order date`'
 */
export function sqlDialect(name: string): SqlDialect {
  if ((SQL_DIALECTS as readonly string[]).includes(name)) return DIALECTS[name as SqlDialectName];
  throw new SegmentKitError('E_SQL_DIALECT', `there is no SQL dialect "${name}"`, { location: { path: 'dialect' }, hint: `Choose one of ${SQL_DIALECTS.join(', ')}.` });
}
