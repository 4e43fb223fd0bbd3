/**
 * Excel column letters for a 0-based column index (0 → A, 25 → Z, 26 → AA).
 *
 * @example
 * columnLetter(3); // 'D'
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * An A1 address with the sheet in front when there is one, quoted as Excel quotes it.
 *
 * @example
 * cellAddress('Orders', 3, 17);   // 'Orders!D17'
 * cellAddress('My data', 0, 2);   // "'My data'!A2"
 * cellAddress(undefined, 0, 2);   // 'A2'
 */
export function cellAddress(sheet: string | undefined, columnIndex: number, row: number): string {
  const a1 = `${columnLetter(columnIndex)}${row}`;
  if (!sheet) return a1;
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${a1}`;
}
