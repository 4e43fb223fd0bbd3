import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateManifest } from '../../src/build/validateManifest';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/manifest');
const HOST = 'OfficeApp/VersionOverrides/Hosts/Host';
const RESOURCES = 'OfficeApp/VersionOverrides/Resources';
const GROUP = `${HOST}/DesktopFormFactor/ExtensionPoint/OfficeTab[TabHome]/Group[SK.Group]`;

function check(name: string) {
  const xml = readFileSync(join(FIXTURES, name), 'utf8');
  return validateManifest(xml, { assetRoot: ROOT, file: name }).map((e) => ({ code: e.code, message: e.message }));
}

describe('validateManifest', () => {
  it('accepts the project manifest', () => {
    expect(validateManifest(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'), { assetRoot: ROOT })).toEqual([]);
  });

  const cases: Array<[string, string, string]> = [
    ['missing-id.xml', 'E_MANIFEST_MISSING', 'missing-id.xml, at OfficeApp/Id: <Id> is missing. Add <Id> with a GUID of your own, e.g. from `node -e "console.log(crypto.randomUUID())"`.'],
    ['bad-id.xml', 'E_MANIFEST_ID', 'bad-id.xml, at OfficeApp/Id: Id "segmentkit" is not a GUID. Use the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx with hexadecimal digits.'],
    ['bad-version.xml', 'E_MANIFEST_VERSION', 'bad-version.xml, at OfficeApp/Version: Version "1.0" is not four numbers x.y.z.w. Write it like 1.2.0.0, each part between 0 and 65535.'],
    ['bad-permissions.xml', 'E_MANIFEST_PERMISSIONS', 'bad-permissions.xml, at OfficeApp/Permissions: Permissions "Everything" is not one of Restricted, ReadDocument, ReadAllDocument, WriteDocument, ReadWriteDocument. SegmentKit writes segment columns, so it needs ReadWriteDocument.'],
    ['no-workbook-host.xml', 'E_MANIFEST_HOST', 'no-workbook-host.xml, at OfficeApp/Hosts: <Hosts> does not list <Host Name="Workbook"/>. Add <Hosts><Host Name="Workbook"/></Hosts> so Excel offers the add-in.'],
    ['http-url.xml', 'E_MANIFEST_URL_NOT_HTTPS', `http-url.xml, at ${RESOURCES}/Urls/Url[Functions.Script.Url]: URL "http://localhost:3000/functions.js" does not use https. Office loads add-in pages, scripts and icons over HTTPS only.`],
    ['mixed-origins.xml', 'E_MANIFEST_URL_ORIGIN', `mixed-origins.xml, at ${RESOURCES}/Urls/Url[Functions.Metadata.Url]: URL "https://cdn.example.com/functions.json" is on https://cdn.example.com, but the add-in is served from https://localhost:3000. Serve every page, script and icon from one origin; build with --env baseUrl=<your https base> to rewrite them all.`],
    ['undefined-resid.xml', 'E_MANIFEST_RESID_UNDEFINED', `undefined-resid.xml, at ${GROUP}/Control[SK.HelpButton]/Label: resid "HelpButton.Caption" is not defined in <Resources>. Add a bt:String with id="HelpButton.Caption" under <Resources>, or fix the spelling.`],
    ['wrong-resid-kind.xml', 'E_MANIFEST_RESID_KIND', `wrong-resid-kind.xml, at ${HOST}/AllFormFactors/ExtensionPoint/Namespace: resid "Functions.Script.Url" names a bt:Url, but <Namespace> needs a bt:String. Point <Namespace> at a bt:String resource.`],
    ['duplicate-id.xml', 'E_MANIFEST_DUPLICATE_ID', `duplicate-id.xml, at ${GROUP}/Control[SK.TaskpaneButton]: id "SK.TaskpaneButton" is used 2 times. Give every resource, group and control its own id.`],
    ['split-runtime.xml', 'E_MANIFEST_SHARED_RUNTIME', `split-runtime.xml, at ${HOST}/AllFormFactors/ExtensionPoint/Page/SourceLocation: <SourceLocation> uses resid "Functions.Script.Url", but the shared runtime page is "Taskpane.Url". Use resid="Taskpane.Url" here so functions, ribbon commands and the task pane share one runtime.`],
    ['missing-icon.xml', 'E_MANIFEST_ICON_MISSING', `missing-icon.xml, at ${RESOURCES}/Images/Image[Icon.80x80]: Icon "assets/icon-81.png" does not exist in ${ROOT}. Run \`npx tsx src/build/drawIcons.ts\` to draw the icons into assets/, or fix the file name.`],
    ['wrong-icon-size.xml', 'E_MANIFEST_ICON_SIZE', `wrong-icon-size.xml, at ${RESOURCES}/Images/Image[Icon.16x16]: Icon "assets/icon-32.png" is 32×32 pixels, but the manifest needs 16×16. Point it at icon-16.png.`],
    ['not-well-formed.xml', 'E_MANIFEST_XML', 'not-well-formed.xml: The manifest is not well-formed XML: Opening and ending tag mismatch: "Permissions" != "Permission". Fix the XML syntax; an unclosed tag or a bare "&" is the usual cause.'],
  ];

  it.each(cases)('%s reports exactly one problem, %s', (name, code, message) => {
    expect(check(name)).toEqual([{ code, message }]);
  });

  it('reports every problem at once, not only the first', () => {
    const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8')
      .replace('<Version>0.1.0.0</Version>', '<Version>v1</Version>')
      .replace('<ProviderName>SegmentKit</ProviderName>', '<ProviderName> </ProviderName>')
      .replace('https://localhost:3000/assets/icon-64.png', 'http://localhost:3000/assets/icon-64.png');
    expect(validateManifest(xml, { assetRoot: ROOT }).map((e) => e.code)).toEqual(['E_MANIFEST_EMPTY', 'E_MANIFEST_VERSION', 'E_MANIFEST_URL_NOT_HTTPS']);
  });

  it('rejects a root that is not a task pane app', () => {
    const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8').replace('xsi:type="TaskPaneApp"', 'xsi:type="MailApp"');
    expect(validateManifest(xml, { assetRoot: ROOT }).map((e) => e.message)).toEqual([
      'at OfficeApp: The root element is <OfficeApp xsi:type="MailApp">, not <OfficeApp xsi:type="TaskPaneApp">. Start from the SegmentKit manifest.xml; Excel add-ins are task pane apps.',
    ]);
  });
});
