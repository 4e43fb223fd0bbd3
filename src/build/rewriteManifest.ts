import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { SegmentKitError } from '../core/errors/SegmentKitError';

const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;

/**
 * Checks and normalises a deployment base URL: absolute, https, no query or fragment, ending in `/`.
 *
 * @example
 * normaliseBaseUrl('https://example.org/segmentkit'); // 'https://example.org/segmentkit/'
 */
export function normaliseBaseUrl(baseUrl: string): string {
  const hint = 'Pass the https address the dist/ folder is served from, e.g. --env baseUrl=https://example.org/segmentkit/';
  if (!URL.canParse(baseUrl)) {
    throw new SegmentKitError('E_BASE_URL', `Base URL "${baseUrl}" is not an absolute URL`, { location: { path: 'baseUrl' }, hint });
  }
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:') {
    throw new SegmentKitError('E_BASE_URL', `Base URL "${baseUrl}" does not use https`, { location: { path: 'baseUrl' }, hint: `Office loads add-ins over HTTPS only. ${hint}` });
  }
  if (url.search || url.hash) {
    throw new SegmentKitError('E_BASE_URL', `Base URL "${baseUrl}" has a query or fragment`, { location: { path: 'baseUrl' }, hint });
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function elements(root: Element): Element[] {
  return Array.from(root.getElementsByTagName('*'));
}

/**
 * Points every URL of a manifest (pages, scripts, metadata, icons, support and learn-more links,
 * AppDomains) at `baseUrl`, and stamps `version` into <Version> when given. The manifest's current
 * base is taken from DefaultSettings/SourceLocation, so any origin (not only localhost) is rewritten.
 *
 * @example
 * const prod = rewriteManifest(readFileSync('manifest.xml', 'utf8'), 'https://example.org/segmentkit/', '0.1.0.7');
 */
export function rewriteManifest(xml: string, baseUrl: string, version?: string): string {
  const base = normaliseBaseUrl(baseUrl);
  if (version !== undefined && !VERSION.test(version)) {
    throw new SegmentKitError('E_MANIFEST_VERSION', `Version "${version}" is not four numbers x.y.z.w`, { location: { path: 'version' }, hint: 'Write it like 1.2.0.0, each part between 0 and 65535.' });
  }
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  const source = root && elements(root).find((e) => e.localName === 'SourceLocation' && (e.parentNode as Element | null)?.localName === 'DefaultSettings');
  const sourceUrl = source?.getAttribute('DefaultValue');
  if (!root || !sourceUrl || !URL.canParse(sourceUrl)) {
    throw new SegmentKitError('E_MANIFEST_MISSING', '<DefaultSettings><SourceLocation> is missing or not a URL, so the current base URL is unknown', {
      location: { path: 'OfficeApp/DefaultSettings/SourceLocation' },
      hint: 'Run `npm run validate` on the source manifest first.',
    });
  }
  const oldBase = sourceUrl.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  const oldOrigin = new URL(oldBase).origin;
  const newOrigin = new URL(base).origin;
  const moved = (url: string) => (url.startsWith(oldBase) ? base + url.slice(oldBase.length) : url);

  for (const el of elements(root)) {
    // Locale overrides (<bt:Override Value=…>) carry URLs too, e.g. functions-de-de.json.
    for (const attr of ['DefaultValue', 'Value']) {
      const value = el.getAttribute(attr);
      if (value && /^https?:\/\//i.test(value)) el.setAttribute(attr, moved(value));
    }
    if (el.localName === 'AppDomain') {
      const domain = (el.textContent ?? '').trim();
      el.textContent = domain === oldOrigin || domain === oldBase ? newOrigin : moved(domain);
    }
    if (version !== undefined && el.localName === 'Version' && el.parentNode === root) el.textContent = version;
  }
  return new XMLSerializer().serializeToString(doc);
}
