import { execFile } from 'node:child_process';
import { checkBundle } from '../../src/build/checkBundle';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { validateManifest } from '../../src/build/validateManifest';

const ROOT = resolve(__dirname, '../..');
const BASE = 'https://example.org/segmentkit/';

/** Every .js file under dir, relative paths, skipping Microsoft's copied office.js files. */
function ownScripts(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((d) => {
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    if (d.isDirectory()) return rel === 'office-js' ? [] : ownScripts(dir, rel);
    return d.name.endsWith('.js') ? [rel] : [];
  });
}

// One production build (about 15 s) serves every assertion below.
describe('production webpack build', () => {
  let out: string;
  let stdout: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'sk-dist-'));
    const cli = require.resolve('webpack-cli/bin/cli.js');
    ({ stdout } = await promisify(execFile)(process.execPath, [cli, '--mode', 'production', '--env', `baseUrl=${BASE}`, '--env', 'version=0.1.0.9', '--output-path', out], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    }));
  }, 240_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('emits the pages, bundles, metadata, manifest, icons and office.js', () => {
    for (const f of ['taskpane.html', 'taskpane.js', 'functions.js', 'functions.json', 'commands.html', 'commands.js', 'manifest.xml', 'bundle-sizes.json', 'assets/icon-16.png', 'assets/icon-80.png', 'assets/support.html', 'office-js/office.js', 'office-js/en-us/office_strings.js']) {
      expect([f, existsSync(join(out, f))]).toEqual([f, true]);
    }
  });

  it('generates functions.json from the JSDoc and associates the function', () => {
    const meta = JSON.parse(readFileSync(join(out, 'functions.json'), 'utf8'));
    expect(meta.functions).toContainEqual(expect.objectContaining({ id: 'VERSION', name: 'VERSION', parameters: [], result: { type: 'string' } }));
    expect(readFileSync(join(out, 'functions.js'), 'utf8')).toContain('CustomFunctions.associate("VERSION"');
  });

  it('emits German and Dutch function metadata with the same ids and localised names', () => {
    const en = JSON.parse(readFileSync(join(out, 'functions.json'), 'utf8'));
    for (const [locale, rfmName] of [['de-de', 'RFMWERT'], ['nl-nl', undefined]] as const) {
      const meta = JSON.parse(readFileSync(join(out, `functions-${locale}.json`), 'utf8'));
      expect(meta.functions.map((f: { id: string }) => f.id)).toEqual(en.functions.map((f: { id: string }) => f.id));
      if (rfmName) expect(meta.functions.find((f: { id: string }) => f.id === 'RFMSCORE').name).toBe(rfmName);
    }
  });

  it('loads office.js from its own origin, then functions, commands and the task pane, under a strict CSP', () => {
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(['office-js/office.js', 'functions.js', 'commands.js', 'taskpane.js']);
    const csp = /Content-Security-Policy content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('http');
  });

  it('passes the bundle check: strict CSP on every page, no eval, least permissions', () => {
    expect(checkBundle(out)).toEqual([]);
  });

  it('contains no eval or new Function in any emitted script', () => {
    const scripts = ownScripts(out);
    expect(scripts).toEqual(expect.arrayContaining(['taskpane.js', 'functions.js', 'commands.js']));
    for (const f of scripts) {
      const code = readFileSync(join(out, f), 'utf8');
      expect([f, /\beval\(|new Function\(/.test(code)]).toEqual([f, false]);
    }
  });

  it('rewrites the built manifest to the base URL and it validates against dist', () => {
    const xml = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(xml).not.toContain('localhost');
    expect(xml).toContain(`${BASE}taskpane.html`);
    expect(xml).toContain('<Version>0.1.0.9</Version>');
    expect(validateManifest(xml, { assetRoot: out })).toEqual([]);
    expect(readFileSync(join(ROOT, 'manifest.xml'), 'utf8')).toContain('https://localhost:3000/taskpane.html');
  });

  it('keeps the task pane first load under 400 KB gzipped and prints the sizes', () => {
    const report = JSON.parse(readFileSync(join(out, 'bundle-sizes.json'), 'utf8'));
    expect(report.entries.taskpane.files).toContain('taskpane.js');
    expect(report.entries.taskpane.gzipBytes).toBeGreaterThan(0);
    expect(report.entries.taskpane.gzipBytes).toBeLessThan(400 * 1024);
    expect(report.assets.map((a: { name: string }) => a.name)).not.toContain('office-js/office.js');
    expect(stdout).toMatch(/entry taskpane: [\d.]+ KB gzipped up front \(budget 400\.0 KB\)/);
    expect(stdout).toMatch(/^taskpane\.js\s+[\d.]+ KB\s+[\d.]+ KB$/m);
  });
});
