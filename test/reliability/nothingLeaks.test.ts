import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { ALLOWED_ADVISORIES, describeAudit, judgeAudit } from '../../src/build/auditCheck';
import { checkBundle, cspProblems } from '../../src/build/checkBundle';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');
const audit = (name: string) => JSON.parse(readFileSync(join(__dirname, 'audit', `${name}.json`), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(d.name) ? [full] : [];
  });
}

describe('no network from SegmentKit’s own code', () => {
  /** The online manifest validator is opt-in (`npm run validate`); nothing else may talk to a network. */
  const OPT_IN = new Set(['src/build/validateManifestOnline.ts']);
  const NETWORK = [
    /\bfetch\s*\(/,
    /\bXMLHttpRequest\b/,
    /\bWebSocket\b/,
    /\bsendBeacon\b/,
    /\bEventSource\b/,
    /\bimportScripts\s*\(/,
    /(?:from\s+|require\(\s*|import\(\s*)['"](?:node:)?(?:http|https|http2|net|tls|dgram)['"]/,
  ];

  it('no file under src/ calls fetch / XMLHttpRequest / WebSocket / sendBeacon or imports http, https, net', () => {
    const hits: string[] = [];
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const rel = relative(ROOT, file).split('\\').join('/');
      if (OPT_IN.has(rel)) continue;
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
      for (const re of NETWORK) if (re.test(code)) hits.push(`${rel}: ${re}`);
    }
    expect(hits).toEqual([]);
  });

  it('the scan would catch each pattern', () => {
    const samples = ["fetch('https://x')", 'new XMLHttpRequest()', "new WebSocket('wss://x')", 'navigator.sendBeacon(u, d)', "import https from 'node:https';", "const net = require('net');"];
    for (const s of samples) expect([s, NETWORK.some((re) => re.test(s))]).toEqual([s, true]);
  });
});

describe('Content-Security-Policy and bundle checks', () => {
  it('cspProblems accepts the shipped policy and names every loosening', () => {
    const shipped = /content="([^"]+)"/.exec(readFileSync(join(SRC, 'taskpane/taskpane.html'), 'utf8'))![1];
    expect(cspProblems(shipped)).toEqual([]);
    expect(cspProblems("default-src 'self'; script-src 'self' 'unsafe-eval' https://cdn.example; connect-src *")).toEqual(["script-src allows 'unsafe-eval'", 'script-src allows https://cdn.example', 'connect-src allows *']);
    expect(cspProblems("script-src 'self'")).toEqual(['no default-src']);
  });

  it('checkBundle reports a page without CSP, an eval, and a manifest asking for more than it needs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sk-bundle-'));
    try {
      writeFileSync(join(dir, 'taskpane.html'), '<html><head></head></html>');
      writeFileSync(join(dir, 'taskpane.js'), 'var f = new Function("return 1");');
      mkdirSync(join(dir, 'office-js'));
      writeFileSync(join(dir, 'office-js', 'office.js'), 'eval("Microsoft, not ours")');
      writeFileSync(join(dir, 'manifest.xml'), '<OfficeApp><Permissions>ReadWriteMailbox</Permissions></OfficeApp>');
      expect(checkBundle(dir)).toEqual([
        { file: 'taskpane.html', message: 'no Content-Security-Policy meta tag' },
        { file: 'taskpane.js', message: 'calls new Function( (at character 8)' },
        { file: 'manifest.xml', message: 'permissions are ReadWriteMailbox; SegmentKit needs ReadWriteDocument and no more' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the manifest asks for ReadWriteDocument only', () => {
    expect([...readFileSync(join(ROOT, 'manifest.xml'), 'utf8').matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual(['ReadWriteDocument']);
  });

  /** newest modification time under a folder, to tell whether dist/ was built from the current sources */
});

describe('npm audit check', () => {
  it('allow-lists exactly the two xlsx 0.18.5 advisories, each with its reason', () => {
    expect(Object.keys(ALLOWED_ADVISORIES)).toEqual(['GHSA-4r6h-8v6p-xvw6', 'GHSA-5pgg-2g8v-p4x9']);
    for (const reason of Object.values(ALLOWED_ADVISORIES)) expect(reason).toMatch(/^CVE-\d{4}-\d+, xlsx .*SegmentKit never calls it$/);
  });

  it('passes when only the xlsx advisories (through danfojs) are reported', () => {
    const outcome = judgeAudit(audit('xlsx-only'));
    expect(outcome).toMatchObject({ status: 'pass', other: [] });
    expect(outcome.status === 'pass' && outcome.allowed.map((f) => `${f.package} ${f.id}`)).toEqual(['xlsx GHSA-4r6h-8v6p-xvw6', 'xlsx GHSA-5pgg-2g8v-p4x9']);
    expect(describeAudit(outcome)).toEqual({
      exitCode: 0,
      lines: [
        '✓ npm audit: no new high/critical advisories in production dependencies (2 allow-listed, 0 of lower severity).',
        `  allowed: xlsx GHSA-4r6h-8v6p-xvw6 (high) Prototype Pollution in sheetJS — ${ALLOWED_ADVISORIES['GHSA-4r6h-8v6p-xvw6']}`,
        `  allowed: xlsx GHSA-5pgg-2g8v-p4x9 (high) SheetJS Regular Expression Denial of Service (ReDoS) — ${ALLOWED_ADVISORIES['GHSA-5pgg-2g8v-p4x9']}`,
      ],
    });
  });

  it('fails on a new critical advisory and names it; a low one alone passes', () => {
    const bad = judgeAudit(audit('new-critical'));
    expect(bad.status).toBe('fail');
    const report = describeAudit(bad);
    expect(report.exitCode).toBe(1);
    expect(report.lines[0]).toBe('✗ npm audit: 1 new high/critical advisory in production dependencies:');
    expect(report.lines[1]).toBe('  papaparse GHSA-aaaa-bbbb-cccc (critical) Hypothetical remote code execution https://github.com/advisories/GHSA-aaaa-bbbb-cccc');
    const low = judgeAudit(audit('low-only'));
    expect(low).toMatchObject({ status: 'pass', other: [{ package: 'commander', severity: 'low', id: 'GHSA-dddd-eeee-ffff' }] });
  });

  it('an unreachable registry is reported clearly and exits 0', () => {
    const offline = judgeAudit(audit('offline'));
    expect(offline).toEqual({ status: 'unreachable', reason: 'ENOTFOUND: request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org' });
    expect(describeAudit(offline).exitCode).toBe(0);
    const refused = judgeAudit(audit('method-not-allowed'));
    expect(describeAudit(refused)).toEqual({ exitCode: 0, lines: ['• npm audit could not reach the registry (405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk); dependencies were not audited this time.'] });
    expect(judgeAudit('not json')).toEqual({ status: 'unreachable', reason: 'npm audit printed no JSON report' });
  });
});
