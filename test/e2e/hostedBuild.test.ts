import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureDevCertificate } from '../../src/build/devCertificate';
import { validateManifest } from '../../src/build/validateManifest';
import { CHROMIUM } from './support/launchBrowser';

const ROOT = resolve(__dirname, '../..');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml' };

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/**
 * Issue #12's acceptance check: a production build for a base URL, served by a plain static
 * HTTPS server under that path, loads the task pane and the functions in Chromium. Outside
 * Office, office.js reports no host; the page must still load without errors.
 */
describe('production build on a static HTTPS host', () => {
  let server: Server;
  let base: string;
  let dist: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `https://localhost:${port}/segmentkit/`;
    dist = mkdtempSync(join(tmpdir(), 'sk-hosted-'));
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', `baseUrl=${base}`, '--output-path', dist], { cwd: ROOT, stdio: 'pipe' });
    const cert = await ensureDevCertificate(mkdtempSync(join(tmpdir(), 'sk-cert-')));
    server = createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', base).pathname);
      if (!path.startsWith('/segmentkit/')) return void res.writeHead(404).end();
      const file = normalize(join(dist, path.slice('/segmentkit/'.length)));
      if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  });

  afterAll(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  it('rewrites the built manifest to the base and it passes the local check', () => {
    const xml = readFileSync(join(dist, 'manifest.xml'), 'utf8');
    expect(xml).not.toContain('https://localhost:3000');
    expect(xml).toContain(`${base}taskpane.html`);
    expect(validateManifest(xml, { assetRoot: dist, file: 'dist/manifest.xml' })).toEqual([]);
  });

  it('loads the task pane, office.js and the functions without errors and without leaving the host', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    try {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      const origin = new URL(base).origin;
      const elsewhere: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        elsewhere.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${base}taskpane.html`, { waitUntil: 'load' });
      const host = await page.evaluate(async () => {
        const office = (window as unknown as { Office?: { onReady: () => Promise<{ host: unknown }> } }).Office;
        return office ? (await office.onReady()).host : 'no office.js';
      });
      expect(host).toBeNull();
      await page.waitForSelector('#root *', { timeout: 30000 });
      const scripts = await page.evaluate(() => [...document.scripts].map((s) => new URL(s.src, location.href).pathname));
      expect(scripts).toEqual(expect.arrayContaining(['/segmentkit/office-js/office.js', '/segmentkit/functions.js', '/segmentkit/taskpane.js']));
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
      expect(elsewhere).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
