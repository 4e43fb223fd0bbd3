// Start-up of `segmentkit` without paying for TypeScript on every run. tsx compiles and resolves
// some 140 source files one by one (0.5–0.8 s CPU, 1–2 s wall on a busy machine), and exceljs
// with its ~150 modules and DuckDB's native library load eagerly although only .xlsx files and
// the DuckDB engine need them. The first run
// bundles src/cli/main.ts with the esbuild that tsx ships into node_modules/.cache/segmentkit;
// later runs load that one file when none of its inputs has changed (a stat per input, a few ms).
// Anything unusual (esbuild missing, read-only cache, SEGMENTKIT_NO_CACHE=1) returns null and
// the launcher falls back to tsx, so `npx segmentkit` works straight after `npm ci`.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const ENTRY = path.join(__dirname, 'main.ts');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'segmentkit');
const MANIFEST = path.join(CACHE, 'cli.json');
/** Packages loaded on first use instead of at start-up (only workbook reading and writing need them). */
const LAZY = ['exceljs', '@duckdb/node-api'];

/**
 * The CLI's main module from the cached bundle, rebuilt when a source changed; null when the
 * bundle cannot be used (the caller then runs the sources through tsx).
 *
 * @example
 * const cli = (await loadCompiledCli()) ?? (require('tsx/cjs'), require('./main.ts'));
 * await cli.main(process.argv);
 */
async function loadCompiledCli() {
  if (process.env.SEGMENTKIT_NO_CACHE === '1') return null;
  try {
    const bundle = freshBundle() ?? (await buildBundle());
    // Stack traces point into the sources only when asked for: mapping costs start-up time.
    if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
    return require(bundle);
  } catch {
    return null;
  }
}

function fingerprint(file) {
  const s = fs.statSync(file);
  return `${s.size}:${s.mtimeMs}`;
}

function freshBundle() {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  } catch {
    return null;
  }
  if (manifest.node !== process.version) return null;
  try {
    for (const [file, print] of Object.entries(manifest.inputs)) if (fingerprint(path.join(ROOT, file)) !== print) return null;
  } catch {
    return null;
  }
  const bundle = path.join(CACHE, manifest.bundle);
  return fs.existsSync(bundle) ? bundle : null;
}

/**
 * Each lazy package becomes a stand-in with a getter per export (listed once, at build time) that
 * requires the package when first read, so `import X from 'pkg'` and `import { Y } from 'pkg'`
 * both work and cost nothing until used.
 */
const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    const filter = new RegExp(`^(${LAZY.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => (args.namespace === 'lazy' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
      const names = Object.keys(require(args.path)).filter((k) => k !== 'default' && k !== '__esModule');
      return {
        contents: `const load = () => require(${JSON.stringify(args.path)});
Object.defineProperty(exports, '__esModule', { value: true });
Object.defineProperty(exports, 'default', { enumerable: true, get: () => (load().__esModule ? load().default : load()) });
for (const key of ${JSON.stringify(names)}) Object.defineProperty(exports, key, { enumerable: true, get: () => load()[key] });`,
        loader: 'js',
      };
    });
  },
};

async function buildBundle() {
  const esbuild = require(require.resolve('esbuild', { paths: [path.dirname(require.resolve('tsx/package.json'))] }));
  fs.mkdirSync(CACHE, { recursive: true });
  const tmp = path.join(CACHE, `build-${process.pid}-${Date.now()}`);
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    outfile: `${tmp}.js`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    plugins: [lazyPackages],
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    absWorkingDir: ROOT,
    logLevel: 'silent',
  });
  const inputs = {};
  for (const input of [...Object.keys(result.metafile.inputs), path.relative(ROOT, path.join(__dirname, 'compiledCli.cjs')), 'tsconfig.json']) {
    if (!input.startsWith('lazy:')) inputs[input] = fingerprint(path.join(ROOT, input));
  }
  const name = `cli-${process.pid}-${Date.now()}.js`;
  const code = fs.readFileSync(`${tmp}.js`, 'utf8').replace(/sourceMappingURL=.*$/m, `sourceMappingURL=${name}.map`);
  fs.writeFileSync(path.join(CACHE, name), code);
  fs.renameSync(`${tmp}.js.map`, path.join(CACHE, `${name}.map`));
  fs.rmSync(`${tmp}.js`, { force: true });
  // Other runs may be reading the previous bundle: the manifest flips atomically to the new one.
  const previous = manifestBundle();
  fs.writeFileSync(`${tmp}.json`, JSON.stringify({ node: process.version, bundle: name, inputs }));
  fs.renameSync(`${tmp}.json`, MANIFEST);
  if (previous && previous !== name) {
    fs.rmSync(path.join(CACHE, previous), { force: true });
    fs.rmSync(path.join(CACHE, `${previous}.map`), { force: true });
  }
  return path.join(CACHE, name);
}

function manifestBundle() {
  try {
    return JSON.parse(fs.readFileSync(MANIFEST, 'utf8')).bundle;
  } catch {
    return undefined;
  }
}

module.exports = { loadCompiledCli };
