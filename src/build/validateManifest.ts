import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import { readPngSize } from './encodePng';

export interface ValidateManifestOptions {
  /**
   * Folder that the add-in's base URL maps to, where icons are looked up: the project root for the
   * source manifest (icons under assets/), dist/ for a built one.
   */
  assetRoot: string;
  /** File name shown in messages. */
  file?: string;
}

/** A required top-level element, where its value lives, and what to write when it is missing. */
interface RequiredField {
  name: string;
  attribute?: string;
  hint: string;
}

const REQUIRED: readonly RequiredField[] = [
  { name: 'Id', hint: 'Add <Id> with a GUID of your own, e.g. from `node -e "console.log(crypto.randomUUID())"`.' },
  { name: 'Version', hint: 'Add <Version>1.0.0.0</Version>.' },
  { name: 'ProviderName', hint: 'Add <ProviderName> with the publisher name users will see.' },
  { name: 'DefaultLocale', hint: 'Add <DefaultLocale>en-US</DefaultLocale>.' },
  { name: 'DisplayName', attribute: 'DefaultValue', hint: 'Add <DisplayName DefaultValue="SegmentKit"/>.' },
  { name: 'Description', attribute: 'DefaultValue', hint: 'Add <Description DefaultValue="..."/> with one sentence on what the add-in does.' },
  { name: 'IconUrl', attribute: 'DefaultValue', hint: 'Add <IconUrl DefaultValue="https://…/assets/icon-32.png"/>.' },
  { name: 'HighResolutionIconUrl', attribute: 'DefaultValue', hint: 'Add <HighResolutionIconUrl DefaultValue="https://…/assets/icon-64.png"/>.' },
  { name: 'SupportUrl', attribute: 'DefaultValue', hint: 'Add <SupportUrl DefaultValue="https://…/assets/support.html"/>.' },
  { name: 'Permissions', hint: 'Add <Permissions>ReadWriteDocument</Permissions>.' },
];

const PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;

type ResourceKind = 'bt:Image' | 'bt:Url' | 'bt:String';

/** Which kind of resource a `resid` on a given element must name. */
const RESID_KIND: Readonly<Record<string, ResourceKind>> = {
  Runtime: 'bt:Url',
  SourceLocation: 'bt:Url',
  FunctionFile: 'bt:Url',
  LearnMoreUrl: 'bt:Url',
  Image: 'bt:Image',
  Label: 'bt:String',
  Title: 'bt:String',
  Description: 'bt:String',
  Namespace: 'bt:String',
};

/** Declared pixel size of the two top-level icons, from the add-in manifest reference. */
const TOP_ICON_SIZE: Readonly<Record<string, number>> = { IconUrl: 32, HighResolutionIconUrl: 64 };

function elementsOf(root: Element): Element[] {
  return Array.from(root.getElementsByTagName('*'));
}

function childNamed(parent: Element, localName: string): Element | undefined {
  return elementsOf(parent).find((e) => e.parentNode === parent && e.localName === localName);
}

/** `OfficeApp/VersionOverrides/…/Control[SK.HelpButton]`: short enough for a message, exact enough to find. */
function pathOf(el: Element): string {
  const parts: string[] = [];
  for (let n: Element | null = el; n && n.nodeType === 1; n = n.parentNode as Element | null) {
    const id = n.getAttribute('id');
    parts.unshift(id ? `${n.localName}[${id}]` : (n.localName ?? n.nodeName));
  }
  return parts.join('/');
}

interface UrlUse {
  el: Element;
  url: string;
}

function collectUrls(root: Element): UrlUse[] {
  const uses: UrlUse[] = [];
  for (const el of elementsOf(root)) {
    const name = el.localName;
    const value = el.getAttribute('DefaultValue');
    if (value && (name === 'IconUrl' || name === 'HighResolutionIconUrl' || name === 'SupportUrl' || name === 'Url' || name === 'Image' || (name === 'SourceLocation' && !el.getAttribute('resid')))) {
      uses.push({ el, url: value });
    }
    if (name === 'AppDomain') uses.push({ el, url: (el.textContent ?? '').trim() });
    const override = el.getAttribute('Value');
    if (name === 'Override' && override && /^[a-z]+:\/\//i.test(override)) uses.push({ el, url: override });
  }
  return uses;
}

/**
 * Checks an Excel add-in manifest offline: required elements, Id and Version formats, that every
 * URL is https and on the add-in's own origin, that every `resid` names a defined resource of the
 * right kind, that ids are unique, that the shared runtime page is used consistently, and that
 * every icon exists under `assetRoot` with the declared size. Returns one error per problem
 * (empty when the manifest is fine) so a user sees them all at once.
 *
 * @example
 * const problems = validateManifest(readFileSync('manifest.xml', 'utf8'), { assetRoot: '.', file: 'manifest.xml' });
 * for (const p of problems) console.error(p.code, p.message);
 */
export function validateManifest(xml: string, options: ValidateManifestOptions): SegmentKitError[] {
  const problems: SegmentKitError[] = [];
  const report = (code: string, detail: string, path: string, hint: string) =>
    problems.push(new SegmentKitError(code, detail, { location: { file: options.file, path }, hint }));

  let root: Element;
  try {
    const doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
    if (!doc.documentElement) throw new Error('no root element');
    root = doc.documentElement;
  } catch (e) {
    report('E_MANIFEST_XML', `The manifest is not well-formed XML: ${(e as Error).message}`, '', 'Fix the XML syntax; an unclosed tag or a bare "&" is the usual cause.');
    return problems;
  }

  const type = root.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type');
  if (root.localName !== 'OfficeApp' || type !== 'TaskPaneApp') {
    report('E_MANIFEST_ROOT', `The root element is <${root.localName} xsi:type="${type}">, not <OfficeApp xsi:type="TaskPaneApp">`, root.localName ?? '', 'Start from the SegmentKit manifest.xml; Excel add-ins are task pane apps.');
    return problems;
  }

  const values = new Map<string, string>();
  for (const field of REQUIRED) {
    const el = childNamed(root, field.name);
    const path = `OfficeApp/${field.name}`;
    if (!el) {
      report('E_MANIFEST_MISSING', `<${field.name}> is missing`, path, field.hint);
      continue;
    }
    const value = (field.attribute ? el.getAttribute(field.attribute) : el.textContent)?.trim() ?? '';
    if (!value) report('E_MANIFEST_EMPTY', `<${field.name}> is empty`, path, field.hint);
    else values.set(field.name, value);
  }

  const id = values.get('Id');
  if (id && !GUID.test(id)) {
    report('E_MANIFEST_ID', `Id "${id}" is not a GUID`, 'OfficeApp/Id', 'Use the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx with hexadecimal digits.');
  }
  const version = values.get('Version');
  if (version && (!VERSION.test(version) || version.split('.').some((p) => Number(p) > 65535))) {
    report('E_MANIFEST_VERSION', `Version "${version}" is not four numbers x.y.z.w`, 'OfficeApp/Version', 'Write it like 1.2.0.0, each part between 0 and 65535.');
  }
  const permission = values.get('Permissions');
  if (permission && !PERMISSIONS.includes(permission)) {
    report('E_MANIFEST_PERMISSIONS', `Permissions "${permission}" is not one of ${PERMISSIONS.join(', ')}`, 'OfficeApp/Permissions', 'SegmentKit writes segment columns, so it needs ReadWriteDocument.');
  }

  const hosts = childNamed(root, 'Hosts');
  if (!hosts || !elementsOf(hosts).some((h) => h.localName === 'Host' && h.getAttribute('Name') === 'Workbook')) {
    report('E_MANIFEST_HOST', '<Hosts> does not list <Host Name="Workbook"/>', 'OfficeApp/Hosts', 'Add <Hosts><Host Name="Workbook"/></Hosts> so Excel offers the add-in.');
  }

  const settings = childNamed(root, 'DefaultSettings');
  const source = settings && childNamed(settings, 'SourceLocation')?.getAttribute('DefaultValue');
  if (!source) {
    report('E_MANIFEST_MISSING', '<DefaultSettings><SourceLocation> is missing', 'OfficeApp/DefaultSettings/SourceLocation', 'Add <DefaultSettings><SourceLocation DefaultValue="https://…/taskpane.html"/></DefaultSettings>.');
  }
  let origin: string | undefined;
  let base: string | undefined;
  if (source && URL.canParse(source)) {
    origin = new URL(source).origin;
    base = source.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  }

  for (const { el, url } of collectUrls(root)) {
    const path = pathOf(el);
    if (!URL.canParse(url)) {
      report('E_MANIFEST_URL_INVALID', `"${url}" is not an absolute URL`, path, 'Write the full address, starting with https://.');
      continue;
    }
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') {
      report('E_MANIFEST_URL_NOT_HTTPS', `URL "${url}" does not use https`, path, 'Office loads add-in pages, scripts and icons over HTTPS only.');
    } else if (origin && parsed.origin !== origin) {
      report('E_MANIFEST_URL_ORIGIN', `URL "${url}" is on ${parsed.origin}, but the add-in is served from ${origin}`, path, 'Serve every page, script and icon from one origin; build with --env baseUrl=<your https base> to rewrite them all.');
    }
  }

  const resources = new Map<string, ResourceKind>();
  const idUses = new Map<string, Element[]>();
  for (const el of elementsOf(root)) {
    const elId = el.getAttribute('id');
    if (!elId) continue;
    idUses.set(elId, [...(idUses.get(elId) ?? []), el]);
    const kind = `bt:${el.localName}`;
    if (el.parentNode && ['Images', 'Urls', 'ShortStrings', 'LongStrings'].includes((el.parentNode as Element).localName ?? '')) {
      resources.set(elId, kind as ResourceKind);
    }
  }
  for (const [dupId, uses] of idUses) {
    if (uses.length > 1) {
      report('E_MANIFEST_DUPLICATE_ID', `id "${dupId}" is used ${uses.length} times`, pathOf(uses[1]), 'Give every resource, group and control its own id.');
    }
  }

  for (const el of elementsOf(root)) {
    const resid = el.getAttribute('resid');
    if (!resid) continue;
    const kind = resources.get(resid);
    const wanted = RESID_KIND[el.localName ?? ''];
    if (!kind) {
      report('E_MANIFEST_RESID_UNDEFINED', `resid "${resid}" is not defined in <Resources>`, pathOf(el), `Add a ${wanted ?? 'resource'} with id="${resid}" under <Resources>, or fix the spelling.`);
    } else if (wanted && kind !== wanted) {
      report('E_MANIFEST_RESID_KIND', `resid "${resid}" names a ${kind}, but <${el.localName}> needs a ${wanted}`, pathOf(el), `Point <${el.localName}> at a ${wanted} resource.`);
    }
  }

  checkSharedRuntime(root, report);
  if (base) checkIcons(root, base, options, report);
  return problems;
}

type Report = (code: string, detail: string, path: string, hint: string) => void;

/** Microsoft: "The shared runtime won't load if the resid uses different values in the manifest." */
function checkSharedRuntime(root: Element, report: Report): void {
  const runtime = elementsOf(root).find((e) => e.localName === 'Runtime');
  const runtimeResid = runtime?.getAttribute('resid');
  if (!runtimeResid) return;
  const pageSource = elementsOf(root).find((e) => e.localName === 'Page')?.getElementsByTagName('SourceLocation')[0];
  const users = [pageSource, ...elementsOf(root).filter((e) => e.localName === 'FunctionFile')];
  for (const el of users) {
    const resid = el?.getAttribute('resid');
    if (el && resid && resid !== runtimeResid) {
      report('E_MANIFEST_SHARED_RUNTIME', `<${el.localName}> uses resid "${resid}", but the shared runtime page is "${runtimeResid}"`, pathOf(el), `Use resid="${runtimeResid}" here so functions, ribbon commands and the task pane share one runtime.`);
    }
  }
}

function checkIcons(root: Element, base: string, options: ValidateManifestOptions, report: Report): void {
  // Ribbon icons declare their size where they are used (<bt:Image size="16" resid="…"/>), not on the resource.
  const sizeOfResource = new Map<string, number>();
  for (const use of elementsOf(root)) {
    const resid = use.getAttribute('resid');
    if (use.localName === 'Image' && resid && use.getAttribute('size')) sizeOfResource.set(resid, Number(use.getAttribute('size')));
  }
  for (const el of elementsOf(root)) {
    const url = el.getAttribute('DefaultValue');
    const declared = el.localName === 'Image' ? sizeOfResource.get(el.getAttribute('id') ?? '') : TOP_ICON_SIZE[el.localName ?? ''];
    if (!url || (el.localName !== 'Image' && declared === undefined) || !url.startsWith(base)) continue;
    const rel = url.slice(base.length).replace(/[?#].*$/, '');
    const file = join(options.assetRoot, rel);
    const path = pathOf(el);
    if (!existsSync(file)) {
      report('E_MANIFEST_ICON_MISSING', `Icon "${rel}" does not exist in ${options.assetRoot}`, path, 'Run `npx tsx src/build/drawIcons.ts` to draw the icons into assets/, or fix the file name.');
      continue;
    }
    const size = readPngSize(readFileSync(file));
    if (!size) {
      report('E_MANIFEST_ICON_FORMAT', `Icon "${rel}" is not a PNG file`, path, 'Office ribbons and the add-in list show PNG icons.');
    } else if (declared !== undefined && (size.width !== declared || size.height !== declared)) {
      report('E_MANIFEST_ICON_SIZE', `Icon "${rel}" is ${size.width}×${size.height} pixels, but the manifest needs ${declared}×${declared}`, path, `Point it at icon-${declared}.png.`);
    }
  }
}

async function main(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('--')) ?? 'manifest.xml';
  const full = resolve(file);
  if (!existsSync(full)) {
    console.error(`✗ ${file} does not exist.`);
    return 1;
  }
  const shown = relative(process.cwd(), full) || file;
  const problems = validateManifest(readFileSync(full, 'utf8'), { assetRoot: dirname(full), file: shown });
  for (const p of problems) console.error(`✗ ${p.code}  ${p.message}`);
  if (problems.length > 0) {
    console.error(`${shown}: ${problems.length} problem${problems.length === 1 ? '' : 's'} found by the local check.`);
    return 1;
  }
  console.log(`✓ ${shown}: structure, ids, resource references, URLs and icons pass the local check.`);
  if (argv.includes('--offline')) {
    console.log('• Microsoft online validation skipped (--offline).');
    return 0;
  }
  const { validateManifestOnline } = await import('./validateManifestOnline');
  const online = await validateManifestOnline(full);
  if (online.status === 'valid') console.log('✓ Microsoft online validation: the manifest is valid.');
  else if (online.status === 'unavailable') console.log(`• Microsoft online validation could not run (${online.reason}); the local check above still holds.`);
  else console.error(`✗ Microsoft online validation rejected the manifest:\n${online.output}`);
  return online.status === 'invalid' ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
