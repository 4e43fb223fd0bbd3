import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface BundleProblem {
  file: string;
  message: string;
}

/** The only sources a directive may name: the add-in's own origin, nothing, or inline images. */
const ALLOWED_SOURCES: Readonly<Record<string, readonly string[]>> = {
  'img-src': ["'self'", 'data:'],
  default: ["'self'", "'none'"],
};

/** Microsoft's office.js is copied verbatim (it must load from the add-in's origin); it is not ours to check. */
const SKIPPED_FOLDERS = new Set(['office-js']);

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((d) => {
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    if (d.isDirectory()) return SKIPPED_FOLDERS.has(rel) ? [] : filesUnder(dir, rel);
    return [rel];
  });
}

/**
 * Problems in a Content-Security-Policy: every fetch directive must allow only `'self'`
 * (`'none'` where nothing is needed, `data:` images), never `unsafe-eval` / `unsafe-inline`,
 * a scheme or another host; `script-src` and `connect-src` must be present (directly or via
 * `default-src`).
 *
 * @example
 * cspProblems("default-src 'self'; script-src 'self' 'unsafe-eval'"); // ["script-src allows 'unsafe-eval'"]
 */
export function cspProblems(policy: string): string[] {
  const problems: string[] = [];
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  if (!directives.has('default-src')) problems.push('no default-src');
  for (const [name, sources] of directives) {
    if (!name.endsWith('-src')) continue;
    const allowed = ALLOWED_SOURCES[name] ?? ALLOWED_SOURCES.default;
    for (const s of sources) if (!allowed.includes(s.toLowerCase())) problems.push(`${name} allows ${s}`);
  }
  return problems;
}

/**
 * Checks a production build folder for what would let the add-in leak data or run injected
 * code: every HTML page carries a strict CSP ({@link cspProblems}), no emitted script of ours
 * calls `eval(` or `new Function(`, and the manifest asks for `ReadWriteDocument` and nothing more.
 *
 * @example
 * checkBundle('dist'); // [] when the build is clean
 */
export function checkBundle(dir: string): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const files = filesUnder(dir);
  const pages = files.filter((f) => f.endsWith('.html') && !f.startsWith('assets/'));
  if (pages.length === 0) problems.push({ file: relative(process.cwd(), dir) || dir, message: 'no HTML page found: is this a build folder?' });
  for (const page of pages) {
    const html = readFileSync(join(dir, page), 'utf8');
    const csp = /<meta[^>]+http-equiv=["']?Content-Security-Policy["']?[^>]+content="([^"]+)"/i.exec(html)?.[1];
    if (!csp) problems.push({ file: page, message: 'no Content-Security-Policy meta tag' });
    else for (const p of cspProblems(csp)) problems.push({ file: page, message: `Content-Security-Policy: ${p}` });
  }
  for (const script of files.filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(join(dir, script), 'utf8');
    const hit = /\beval\(|new Function\(/.exec(code);
    if (hit) problems.push({ file: script, message: `calls ${hit[0]} (at character ${hit.index})` });
  }
  const manifest = join(dir, 'manifest.xml');
  if (!existsSync(manifest)) problems.push({ file: 'manifest.xml', message: 'missing' });
  else {
    const permission = /<Permissions>\s*([^<]*?)\s*<\/Permissions>/.exec(readFileSync(manifest, 'utf8'))?.[1];
    if (permission !== 'ReadWriteDocument') problems.push({ file: 'manifest.xml', message: `permissions are ${permission ?? 'missing'}; SegmentKit needs ReadWriteDocument and no more` });
  }
  return problems;
}

if (require.main === module) {
  const dir = process.argv[2] ?? 'dist';
  const problems = checkBundle(dir);
  for (const p of problems) console.error(`✗ ${p.file}: ${p.message}`);
  if (problems.length === 0) console.log(`✓ ${dir}: strict CSP on every page, no eval / new Function, manifest asks for ReadWriteDocument only.`);
  process.exitCode = problems.length ? 1 : 0;
}
