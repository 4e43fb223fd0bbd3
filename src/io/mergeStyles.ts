import { UnsupportedWorkbookError } from './UnsupportedWorkbookError';
import { rawAttribute } from './xmlTags';

/** Where our styles landed in the merged styles.xml. */
export interface MergedStyles {
  xml: string;
  /** Our cell format `s` becomes `s + xfOffset`. */
  xfOffset: number;
}

/** The sections whose entries cells point at by index, in the order a styles.xml keeps them. */
const INDEXED = ['fonts', 'fills', 'borders'] as const;
const FIRST_CUSTOM_NUMFMT = 164;

/**
 * Appends the fonts, fills, borders, number formats and cell formats of `ours` (a styles.xml
 * written by exceljs for SegmentKit's sheets) to `users` (the workbook's own), leaving every
 * existing entry where it is, so the user's cells keep their formats, and ours keep theirs at
 * `s + xfOffset`. Our custom number formats reuse the user's id for the same code, else take new ids.
 *
 * @example
 * const merged = mergeStyles(base.readText('xl/styles.xml'), ours.readText('xl/styles.xml'));
 * // rewrite our sheets' s="N" to s="N + merged.xfOffset"
 */
export function mergeStyles(users: string, ours: string): MergedStyles {
  let xml = users;
  const offsets: Record<string, number> = {};
  for (const section of INDEXED) {
    const theirs = sectionOf(xml, section);
    const added = entries(sectionOf(ours, section).inner, section.slice(0, -1));
    offsets[section] = theirs.count;
    xml = replaceSection(xml, theirs, section, theirs.count + added.length, theirs.inner + added.join(''));
  }

  // Number formats: codes the user already has keep the user's id.
  const userFormats = hasSection(xml, 'numFmts') ? entries(sectionOf(xml, 'numFmts').inner, 'numFmt') : [];
  const idOf = new Map<string, number>();
  let nextId = FIRST_CUSTOM_NUMFMT;
  for (const f of userFormats) {
    const id = Number(rawAttribute(f, 'numFmtId'));
    idOf.set(rawAttribute(f, 'formatCode') ?? '', id);
    nextId = Math.max(nextId, id + 1);
  }
  const numFmtMap = new Map<number, number>();
  const newFormats: string[] = [];
  for (const f of hasSection(ours, 'numFmts') ? entries(sectionOf(ours, 'numFmts').inner, 'numFmt') : []) {
    const code = rawAttribute(f, 'formatCode') ?? '';
    let id = idOf.get(code);
    if (id === undefined) {
      id = nextId++;
      idOf.set(code, id);
      newFormats.push(`<numFmt numFmtId="${id}" formatCode="${code}"/>`);
    }
    numFmtMap.set(Number(rawAttribute(f, 'numFmtId')), id);
  }
  if (newFormats.length) {
    if (hasSection(xml, 'numFmts')) {
      const s = sectionOf(xml, 'numFmts');
      xml = replaceSection(xml, s, 'numFmts', s.count + newFormats.length, s.inner + newFormats.join(''));
    } else {
      // numFmts is the first child of styleSheet.
      const open = /<styleSheet\b[^>]*>/.exec(xml);
      if (!open) throw new UnsupportedWorkbookError('styles.xml has no styleSheet element');
      const at = open.index + open[0].length;
      xml = `${xml.slice(0, at)}<numFmts count="${newFormats.length}">${newFormats.join('')}</numFmts>${xml.slice(at)}`;
    }
  }

  const theirXfs = sectionOf(xml, 'cellXfs');
  const ourXfs = entries(sectionOf(ours, 'cellXfs').inner, 'xf').map((xf) =>
    xf.replace(/\b(numFmtId|fontId|fillId|borderId|xfId)="(\d+)"/g, (_, name: string, value: string) => {
      const v = Number(value);
      if (name === 'numFmtId') return `numFmtId="${v >= FIRST_CUSTOM_NUMFMT ? numFmtMap.get(v) ?? 0 : v}"`;
      if (name === 'xfId') return 'xfId="0"';
      return `${name}="${v + offsets[`${name.slice(0, -2)}s`]}"`;
    }),
  );
  xml = replaceSection(xml, theirXfs, 'cellXfs', theirXfs.count + ourXfs.length, theirXfs.inner + ourXfs.join(''));
  return { xml, xfOffset: theirXfs.count };
}

interface Section {
  start: number;
  end: number;
  inner: string;
  count: number;
}

function hasSection(xml: string, name: string): boolean {
  return new RegExp(`<${name}\\b`).test(xml);
}

/** The one `<name …>…</name>` element of a styles.xml (unprefixed, as Excel and exceljs write it). */
function sectionOf(xml: string, name: string): Section {
  const open = new RegExp(`<${name}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) throw new UnsupportedWorkbookError(`styles.xml has no ${name}`);
  const start = open.index;
  if (open[1] === '/') return { start, end: start + open[0].length, inner: '', count: 0 };
  const close = xml.indexOf(`</${name}>`, start);
  if (close < 0) throw new UnsupportedWorkbookError(`styles.xml's ${name} is not closed`);
  const inner = xml.slice(start + open[0].length, close);
  return { start, end: close + name.length + 3, inner, count: entries(inner, name === 'cellXfs' ? 'xf' : name.replace(/s$/, '')).length };
}

function replaceSection(xml: string, s: Section, name: string, count: number, inner: string): string {
  const open = new RegExp(`<${name}\\b([^>]*?)/?>`).exec(xml.slice(s.start))!;
  const attributes = /\bcount="\d+"/.test(open[1]) ? open[1].replace(/\bcount="\d+"/, `count="${count}"`) : `${open[1]} count="${count}"`;
  return `${xml.slice(0, s.start)}<${name}${attributes}>${inner}</${name}>${xml.slice(s.end)}`;
}

/** The child elements `<tag …/>` or `<tag …>…</tag>` of a section (none of these nest in themselves). */
function entries(inner: string, tag: string): string[] {
  return inner.match(new RegExp(`<${tag}\\b[^>]*?/>|<${tag}\\b[^>]*?>[\\s\\S]*?</${tag}>`, 'g')) ?? [];
}
