const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/**
 * Resolves the five named XML entities once more in text an XML parser already decoded. exceljs
 * does this to formula string results (`t="str"`) and sheet names, so `&amp;lt;` in the file
 * arrives as `<`; the workbook reader keeps that behaviour so workbooks read as before.
 *
 * @example
 * decodeNamedEntities('R&amp;D'); // 'R&D'
 */
export function decodeNamedEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(lt|gt|amp|apos|quot);/g, (_, name: string) => NAMED[name]);
}
