/** Characters that make Excel (or LibreOffice) read a cell as a formula when a file is opened. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Formula-injection guard for files meant to be opened in Excel: text starting with
 * `= + - @`, tab or CR gets a leading single quote, so `=HYPERLINK(...)` typed into a customer
 * note stays text. Only text is guarded (numbers such as -5 stay numbers), and only outputs for
 * Excel use it: files meant for other programs keep the text as it was.
 *
 * @example
 * guardFormula('=1+1'); // "'=1+1"
 * guardFormula('Anna'); // 'Anna'
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
