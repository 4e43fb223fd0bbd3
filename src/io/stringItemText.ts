import { decodeXmlEntities } from './decodeXmlEntities';

/**
 * The text of a string item (`<si>` in sharedStrings.xml, or a cell's `<is>`) between `from` and
 * `to` in `xml`: the runs' texts joined when it has rich-text runs (`<r>`), else its `<t>`
 * text. `_x000D_`-style escapes are resolved as exceljs resolves them: in shared strings and runs,
 * not in an inline cell's plain `<t>`. Phonetic guides (`<rPh>`) belong to shared strings only
 * as hints and are skipped there; exceljs keeps them in inline cells, and so does this.
 *
 * @example
 * const xml = '<si><r><t>Ab</t></r><r><rPr><b/></rPr><t>c_x000D_</t></r></si>';
 * stringItemText(xml, 4, xml.length - 5, false); // 'Abc\r'
 */
export function stringItemText(xml: string, from: number, to: number, inline: boolean): string {
  let plain = '';
  let runs: string | undefined;
  let inRun = false;
  let p = from;
  while (p < to) {
    const lt = xml.indexOf('<', p);
    if (lt < 0 || lt >= to) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) break;
    const name = tagName(xml, lt + 1, gt);
    p = gt + 1;
    if (name === 'r') {
      inRun = true;
      runs ??= '';
    } else if (name === '/r') inRun = false;
    else if (name === 'rPh' && !inline && xml.charCodeAt(gt - 1) !== 47) {
      const close = xml.indexOf('</rPh>', p);
      p = close < 0 || close > to ? to : close + 6;
    } else if (name === 't' && xml.charCodeAt(gt - 1) !== 47) {
      const close = xml.indexOf('</t>', p);
      const end = close < 0 || close > to ? to : close;
      const text = decodeXmlEntities(xml.slice(p, end));
      if (inRun) runs += unescapeX(text);
      else plain += inline ? text : unescapeX(text);
      p = end + 4;
    }
  }
  return runs ?? plain;
}

/** The element name after `<` (with a leading `/` for an end tag). */
function tagName(xml: string, start: number, gt: number): string {
  let end = start + 1;
  while (end < gt) {
    const c = xml.charCodeAt(end);
    if (c === 32 || c === 47 || c === 9 || c === 10 || c === 13) break;
    end++;
  }
  return xml.slice(start, end);
}

function unescapeX(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
