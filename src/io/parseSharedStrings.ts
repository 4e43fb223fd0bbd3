import { stringItemText } from './stringItemText';

/**
 * The shared-string table of a workbook (xl/sharedStrings.xml) as plain texts, rich text
 * flattened to its characters, in index order.
 *
 * @example
 * parseSharedStrings('<sst><si><t>Köln</t></si><si><r><t>B</t></r><r><t>onn</t></r></si></sst>'); // ['Köln', 'Bonn']
 */
export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let p = 0;
  for (;;) {
    const open = xml.indexOf('<si', p);
    if (open < 0) break;
    const after = xml.charCodeAt(open + 3);
    if (after !== 62 && after !== 47 && after !== 32 && after !== 9 && after !== 10 && after !== 13) {
      p = open + 3;
      continue;
    }
    const gt = xml.indexOf('>', open);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47) {
      strings.push('');
      p = gt + 1;
      continue;
    }
    const close = xml.indexOf('</si>', gt);
    const end = close < 0 ? xml.length : close;
    strings.push(stringItemText(xml, gt + 1, end, false));
    p = end + 5;
  }
  return strings;
}
