import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { decodeXmlEntities } from './decodeXmlEntities';
import { mergeStyles } from './mergeStyles';
import { isSegmentKitSheet, sheetNameTaken } from './segmentKitSheets';
import { UnsupportedWorkbookError } from './UnsupportedWorkbookError';
import { ZipArchive } from './ZipArchive';
import { rawAttribute, xmlSection } from './xmlTags';
import { ZipWriter } from './ZipWriter';

const WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface SheetEntry {
  /** The `<sheet …/>` element as written. */
  element: string;
  name: string;
  relId: string;
  /** Its part, e.g. `xl/worksheets/sheet2.xml`. */
  part: string;
}

/**
 * Writes `out`: the workbook `base` with every part it has copied as stored (never inflated or
 * re-encoded, so charts, pivot tables, formats and formulas come through as they were), minus the
 * "SK …" sheets of an earlier run, plus the sheets of `ours` (a workbook SegmentKit just wrote
 * with streamSheets, text in the cells) appended after the user's. Only workbook.xml, its relationships, the
 * content types and styles.xml are rewritten, to list the new sheets and add their formats; our
 * sheets' style numbers are shifted past the user's as they stream through. Loading the base
 * whole instead (exceljs) needs about 8 bytes of memory per byte of its XML and drops what exceljs
 * does not model. Throws UnsupportedWorkbookError when a part is not laid out as expected (the
 * caller then loads the workbook whole), SegmentKitError E_SHEET_NAME when one of the user's
 * sheets has the name of one of ours.
 *
 * @example
 * await appendSheets(readFileSync('orders.xlsx'), readFileSync('sk-sheets.xlsx'), 'out.xlsx', 'out.xlsx');
 */
export async function appendSheets(base: Buffer, ours: Buffer, out: string, displayPath: string): Promise<void> {
  const user = ZipArchive.open(base);
  const mine = ZipArchive.open(ours);
  if (mine.has('xl/sharedStrings.xml')) throw new Error('appendSheets needs sheets written with their text in the cells (streamSheets with sharedStrings false)');
  for (const part of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']) {
    if (!user.has(part)) throw new UnsupportedWorkbookError(`the workbook has no ${part}`);
  }
  const userBook = readBook(user);
  const ourBook = readBook(mine);
  const dropped = userBook.sheets.filter((s) => isSegmentKitSheet(s.name));
  const ourNames = new Set(ourBook.sheets.map((s) => s.name.toLowerCase()));
  for (const s of userBook.sheets) if (!isSegmentKitSheet(s.name) && ourNames.has(s.name.toLowerCase())) throw sheetNameTaken(displayPath, s.name);

  // New parts take numbers past every existing sheet part, so nothing of the user's is overwritten.
  let next = Math.max(0, ...user.names().map((n) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(n)?.[1] ?? 0))) + 1;
  let nextSheetId = Math.max(0, ...userBook.sheets.map((s) => Number(rawAttribute(s.element, 'sheetId') ?? 0))) + 1;
  const relIds = new Set(relationshipIds(userBook.rels));
  let nextRel = 1;
  const added = ourBook.sheets.map((s) => {
    while (relIds.has(`rIdSK${nextRel}`)) nextRel++;
    const relId = `rIdSK${nextRel++}`;
    return { from: s.part, part: `xl/worksheets/sheet${next++}.xml`, name: s.name, relId, sheetId: nextSheetId++ };
  });

  const droppedParts = new Set(dropped.flatMap((s) => [s.part, sheetRelsOf(s.part)]));
  // Excel's calculation chain lists formula cells by sheet; with sheets gone it could point at
  // nothing, which Excel reports as damage. Without it Excel simply rebuilds it.
  const calcChain = dropped.length ? relationshipOfType(userBook.rels, 'calcChain') : undefined;
  if (calcChain) droppedParts.add(partOf(rawAttribute(calcChain, 'Target') ?? ''));
  const rewritten = new Map<string, string>();
  rewritten.set('xl/workbook.xml', workbookXml(userBook.xml, userBook.sheets, dropped, added));
  let rels = userBook.rels;
  for (const s of dropped) rels = rels.replace(relationshipElement(rels, s.relId), '');
  if (calcChain) rels = rels.replace(calcChain, '');
  if (!/<\/Relationships>\s*$/.test(rels)) throw new UnsupportedWorkbookError('workbook.xml.rels does not end with </Relationships>');
  rels = rels.replace(/<\/Relationships>\s*$/, `${added.map((a) => `<Relationship Id="${a.relId}" Type="${WORKSHEET_TYPE}" Target="${a.part.slice(3)}"/>`).join('')}</Relationships>`);
  rewritten.set('xl/_rels/workbook.xml.rels', rels);
  let types = user.readText('[Content_Types].xml');
  for (const part of droppedParts) types = types.replace(new RegExp(`<Override\\b[^>]*PartName="/${escapeRegExp(part)}"[^>]*/>`), '');
  if (!/<\/Types>\s*$/.test(types)) throw new UnsupportedWorkbookError('[Content_Types].xml does not end with </Types>');
  types = types.replace(/<\/Types>\s*$/, `${added.map((a) => `<Override PartName="/${a.part}" ContentType="${WORKSHEET_CONTENT}"/>`).join('')}</Types>`);
  rewritten.set('[Content_Types].xml', types);
  const styles = mergeStyles(user.readText('xl/styles.xml'), mine.readText('xl/styles.xml'));
  rewritten.set('xl/styles.xml', styles.xml);

  const zip = ZipWriter.create(out);
  try {
    for (const name of user.names()) {
      if (droppedParts.has(name)) continue;
      const text = rewritten.get(name);
      if (text !== undefined) await zip.addText(name, text);
      else zip.addRaw(name, user.raw(name));
    }
    for (const a of added) await zip.addStream(a.part, shiftStyles(mine.stream(a.from), styles.xfOffset));
    zip.close();
  } catch (e) {
    zip.abandon();
    throw e;
  }
}

interface Book {
  xml: string;
  rels: string;
  sheets: SheetEntry[];
}

function readBook(zip: ZipArchive): Book {
  const xml = zip.readText('xl/workbook.xml');
  const rels = zip.readText('xl/_rels/workbook.xml.rels');
  const sheetsXml = xmlSection(xml, 'sheets');
  if (sheetsXml === undefined) throw new UnsupportedWorkbookError('workbook.xml has no <sheets> element (a prefixed or Strict OOXML workbook)');
  const sheets = (sheetsXml.match(/<sheet\b[^>]*\/>/g) ?? []).map((element) => {
    const relId = /\s[\w.-]+:id="([^"]+)"/.exec(element)?.[1];
    const name = rawAttribute(element, 'name');
    if (!relId || name === undefined) throw new UnsupportedWorkbookError(`a <sheet> in workbook.xml has no name or id: ${element}`);
    const target = rawAttribute(relationshipElement(rels, relId), 'Target');
    if (!target) throw new UnsupportedWorkbookError(`workbook.xml.rels has no target for ${relId}`);
    return { element, name: decodeXmlEntities(name), relId, part: partOf(target) };
  });
  return { xml, rels, sheets };
}

/**
 * workbook.xml with the dropped sheets out and ours in after the user's; sheet-scoped defined
 * names (print areas, filters) follow their sheet's new position, those of dropped sheets go, and
 * the active tab stays on the same sheet (or the first, when it was dropped).
 */
function workbookXml(xml: string, sheets: SheetEntry[], dropped: SheetEntry[], added: { name: string; relId: string; sheetId: number }[]): string {
  // The relationships namespace as the root declares it; some writers (openpyxl) declare it on
  // each <sheet> instead, and then ours carry their own declaration too.
  const root = /<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(xml)?.[0] ?? '';
  const prefix = new RegExp(`xmlns:([\\w.-]+)="${escapeRegExp(RELATIONSHIPS_NS)}"`).exec(root)?.[1];
  const idAttribute = (id: string) => (prefix ? `${prefix}:id="${id}"` : `xmlns:r="${RELATIONSHIPS_NS}" r:id="${id}"`);
  const newIndex = new Map<number, number>();
  let kept = 0;
  sheets.forEach((s, i) => {
    if (!dropped.includes(s)) newIndex.set(i, kept++);
  });
  let out = xml;
  for (const s of dropped) out = out.replace(s.element, '');
  const ours = added.map((a) => `<sheet name="${escapeXml(a.name)}" sheetId="${a.sheetId}" ${idAttribute(a.relId)}/>`).join('');
  out = out.replace(/<\/sheets>/, `${ours}</sheets>`);
  out = out.replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>|<definedName\b[^>]*\/>/g, (element: string) => {
    const local = rawAttribute(element, 'localSheetId');
    if (local === undefined) return element;
    const moved = newIndex.get(Number(local));
    return moved === undefined ? '' : element.replace(/\blocalSheetId="\d+"/, `localSheetId="${moved}"`);
  });
  out = out.replace(/<definedNames\b[^>]*>\s*<\/definedNames>/, '');
  out = out.replace(/<workbookView\b[^>]*>/g, (view: string) => view.replace(/\b(activeTab|firstSheet)="(\d+)"/g, (_, name: string, value: string) => `${name}="${newIndex.get(Number(value)) ?? 0}"`));
  return out;
}

/**
 * Our sheet XML with every cell, row and column style number moved past the user's cell formats,
 * piece by piece as it inflates (an error while inflating ends the copy). Text is cut only after a
 * complete tag, so an attribute never straddles two pieces.
 */
async function* shiftStyles(source: Readable, offset: number): AsyncGenerator<Buffer> {
  // Cells and rows name their format in s="N", columns in style="N".
  const shift = (xml: string) => Buffer.from(xml.replace(/(<(?:c|row)\b[^>]*?\ss="|<col\b[^>]*?\sstyle=")(\d+)"/g, (_, head: string, s: string) => `${head}${Number(s) + offset}"`), 'utf8');
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of source) {
    const text = carry + decoder.write(chunk as Buffer);
    const cut = text.lastIndexOf('>') + 1;
    carry = text.slice(cut);
    yield shift(text.slice(0, cut));
  }
  yield shift(carry + decoder.end());
}

function relationshipIds(rels: string): string[] {
  return (rels.match(/<Relationship\b[^>]*>/g) ?? []).map((r) => rawAttribute(r, 'Id') ?? '');
}

function relationshipOfType(rels: string, type: string): string | undefined {
  return (rels.match(/<Relationship\b[^>]*>/g) ?? []).find((r) => rawAttribute(r, 'Type')?.endsWith(`/${type}`));
}

function relationshipElement(rels: string, id: string): string {
  return new RegExp(`<Relationship\\b[^>]*\\bId="${escapeRegExp(id)}"[^>]*/>`).exec(rels)?.[0] ?? '';
}

/** The part a target in xl/_rels/workbook.xml.rels names: relative to xl/, or absolute. */
function partOf(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** A sheet part's own relationships part, e.g. xl/worksheets/_rels/sheet2.xml.rels. */
function sheetRelsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}


function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
