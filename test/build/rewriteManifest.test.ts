import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { normaliseBaseUrl, rewriteManifest } from '../../src/build/rewriteManifest';
import { validateManifest } from '../../src/build/validateManifest';

const ROOT = resolve(__dirname, '../..');
const SOURCE = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const BASE = 'https://example.org/segmentkit/';

function urlsOf(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const els = Array.from(doc.documentElement!.getElementsByTagName('*'));
  return [
    ...els.map((e) => e.getAttribute('DefaultValue')).filter((v): v is string => !!v && /^https?:/.test(v)),
    ...els.filter((e) => e.localName === 'AppDomain').map((e) => (e.textContent ?? '').trim()),
  ];
}

describe('rewriteManifest', () => {
  const out = rewriteManifest(SOURCE, BASE, '0.1.0.42');

  it('moves every URL to the base and leaves nothing on localhost', () => {
    const before = urlsOf(SOURCE);
    const after = urlsOf(out);
    expect(after).toHaveLength(before.length);
    // IconUrl, HighResolutionIconUrl, SupportUrl, AppDomain, SourceLocation, 3 images, 4 bt:Urls.
    expect(before.length).toBe(12);
    expect(out).not.toContain('localhost');
    for (const url of after) expect(url === 'https://example.org' || url.startsWith(BASE)).toBe(true);
    expect(after).toContain('https://example.org/segmentkit/taskpane.html');
    expect(after).toContain('https://example.org/segmentkit/functions.js');
    expect(after).toContain('https://example.org/segmentkit/functions.json');
    expect(after).toContain('https://example.org/segmentkit/assets/icon-80.png');
    expect(after).toContain('https://example.org/segmentkit/assets/support.html');
    expect(after).toContain('https://example.org');
  });

  it('stamps the version and stays well-formed and structurally valid', () => {
    expect(out).toContain('<Version>0.1.0.42</Version>');
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(validateManifest(out, { assetRoot: ROOT })).toEqual([]);
  });

  it('keeps the version when none is given and accepts a base without a trailing slash', () => {
    const again = rewriteManifest(SOURCE, 'https://addins.contoso.com');
    expect(again).toContain('<Version>0.1.0.0</Version>');
    expect(urlsOf(again)).toContain('https://addins.contoso.com/taskpane.html');
    expect(normaliseBaseUrl('https://example.org/segmentkit')).toBe(BASE);
  });

  it('can move an already rewritten manifest again', () => {
    expect(urlsOf(rewriteManifest(out, 'https://b.example/x/'))).toContain('https://b.example/x/assets/icon-16.png');
  });

  it.each([
    ['example.org/segmentkit', 'at baseUrl: Base URL "example.org/segmentkit" is not an absolute URL. Pass the https address the dist/ folder is served from, e.g. --env baseUrl=https://example.org/segmentkit/'],
    ['http://example.org/', 'at baseUrl: Base URL "http://example.org/" does not use https. Office loads add-ins over HTTPS only. Pass the https address the dist/ folder is served from, e.g. --env baseUrl=https://example.org/segmentkit/'],
    ['https://example.org/?v=1', 'at baseUrl: Base URL "https://example.org/?v=1" has a query or fragment. Pass the https address the dist/ folder is served from, e.g. --env baseUrl=https://example.org/segmentkit/'],
  ])('rejects base URL %s', (base, message) => {
    expect(() => rewriteManifest(SOURCE, base)).toThrow(expect.objectContaining({ code: 'E_BASE_URL', message }));
  });

  it('rejects a malformed version stamp', () => {
    expect(() => rewriteManifest(SOURCE, BASE, '1.2')).toThrow(
      expect.objectContaining({ code: 'E_MANIFEST_VERSION', message: 'at version: Version "1.2" is not four numbers x.y.z.w. Write it like 1.2.0.0, each part between 0 and 65535.' }),
    );
  });
});
