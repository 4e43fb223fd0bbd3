import { decodeXmlEntities } from './decodeXmlEntities';

/**
 * The start (or empty-element) tags named `name` in an XML text, each as its attributes
 * (values decoded), in document order. Quoted attribute values may hold `>`. Meant for the small
 * parts of a workbook (workbook.xml, its relationships, styles), not for sheet data.
 *
 * @example
 * xmlTags('<sheets><sheet name="Orders" r:id="rId1"/></sheets>', 'sheet'); // [{ name: 'Orders', 'r:id': 'rId1' }]
 */
export function xmlTags(xml: string, name: string): Record<string, string>[] {
  const tags: Record<string, string>[] = [];
  const tag = new RegExp(`<${name}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    const attributes: Record<string, string> = {};
    const attribute = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    for (let a = attribute.exec(m[1]); a !== null; a = attribute.exec(m[1])) attributes[a[1]] = decodeXmlEntities(a[2] ?? a[3]);
    tags.push(attributes);
  }
  return tags;
}

/**
 * The text between `<name ...>` and `</name>` of the first such element (undefined when absent).
 *
 * @example
 * xmlSection('<a><cellXfs count="1"><xf/></cellXfs></a>', 'cellXfs'); // '<xf/>'
 */
export function xmlSection(xml: string, name: string): string | undefined {
  const open = new RegExp(`<${name}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>`).exec(xml);
  if (!open || open[0].endsWith('/>')) return open ? '' : undefined;
  const start = open.index + open[0].length;
  const end = xml.indexOf(`</${name}>`, start);
  return xml.slice(start, end < 0 ? xml.length : end);
}

/**
 * One attribute's value in a tag as written, entities left encoded (for copying it back unchanged
 * or comparing it with another part's); undefined when absent.
 *
 * @example
 * rawAttribute('<numFmt numFmtId="164" formatCode="&quot;x&quot;"/>', 'formatCode'); // '&quot;x&quot;'
 */
export function rawAttribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}
