// One TypeScript entry bundled with the esbuild that tsx ships, into node_modules/.cache/segmentkit,
// and rebuilt only when one of its inputs changed (a stat per input, a few ms). The CLI starts from
// such a bundle instead of compiling some 140 sources through tsx on every run, and the k-means
// worker threads start from one instead of each loading tsx and compiling the clustering sources
// (30–50 ms per thread, as long as a whole k-means fit of 125,000 customers on one core).
// Plain CommonJS, so it runs before anything can compile TypeScript.
const fs = require('node:fs');
const path = require('node:path');

/** The repository root: found from here, whether this file runs from src/io or inside a bundle in the cache. */
const ROOT = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'src', 'io', 'cachedBundle.cjs'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', '..');
  }
})();
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'segmentkit');
/** Age after which a replaced bundle is removed (by the next rebuild of the same name). */
const STALE_MS = 10 * 60 * 1000;

/**
 * The path of an up-to-date bundle of `entry` (relative to the repository root), built on first
 * use; null when no bundle can be had (esbuild missing, read-only cache, SEGMENTKIT_NO_CACHE=1),
 * so the caller falls back to tsx.
 *
 * @param {{ name: string, entry: string, plugins?: object[], alsoDependsOn?: string[] }} spec
 *   `alsoDependsOn`: files (from the root) that shape the bundle without being in it, such as a plugin's source.
 * @returns {Promise<string | null>}
 * @example
 * const file = await cachedBundle({ name: 'kmeans-worker', entry: 'src/io/kmeansPoolWorker.ts' });
 * if (file) new Worker(file, { workerData });
 */
async function cachedBundle(spec) {
  if (process.env.SEGMENTKIT_NO_CACHE === '1') return null;
  try {
    return freshBundle(spec.name) ?? (await buildBundle(spec));
  } catch {
    return null;
  }
}

function manifestPath(name) {
  return path.join(CACHE, `${name}.json`);
}

function fingerprint(file) {
  const s = fs.statSync(file);
  return `${s.size}:${s.mtimeMs}`;
}

function readManifest(name) {
  try {
    return JSON.parse(fs.readFileSync(manifestPath(name), 'utf8'));
  } catch {
    return null;
  }
}

function freshBundle(name) {
  const manifest = readManifest(name);
  if (!manifest || manifest.node !== process.version) return null;
  try {
    for (const [file, print] of Object.entries(manifest.inputs)) if (fingerprint(path.join(ROOT, file)) !== print) return null;
  } catch {
    return null;
  }
  const bundle = path.join(CACHE, manifest.bundle);
  return fs.existsSync(bundle) ? bundle : null;
}

async function buildBundle({ name, entry, plugins = [], alsoDependsOn = [] }) {
  const esbuild = require(require.resolve('esbuild', { paths: [path.dirname(require.resolve('tsx/package.json'))] }));
  fs.mkdirSync(CACHE, { recursive: true });
  const tmp = path.join(CACHE, `build-${name}-${process.pid}-${Date.now()}`);
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    outfile: `${tmp}.js`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    plugins,
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    absWorkingDir: ROOT,
    logLevel: 'silent',
  });
  const inputs = {};
  for (const input of [...Object.keys(result.metafile.inputs), 'src/io/cachedBundle.cjs', 'tsconfig.json', ...alsoDependsOn]) {
    if (!input.includes(':')) inputs[input] = fingerprint(path.join(ROOT, input));
  }
  const file = `${name}-${process.pid}-${Date.now()}.js`;
  // Only the comment esbuild puts last: the bundle may hold this very line (the CLI's does).
  const code = fs.readFileSync(`${tmp}.js`, 'utf8').replace(/\/\/# sourceMappingURL=[^\n]*\s*$/, `//# sourceMappingURL=${file}.map\n`);
  fs.writeFileSync(path.join(CACHE, file), code);
  fs.renameSync(`${tmp}.js.map`, path.join(CACHE, `${file}.map`));
  fs.rmSync(`${tmp}.js`, { force: true });
  // Other runs may be reading an earlier bundle, or building one at the same time (test runners
  // start several processes on a fresh clone): the manifest flips atomically to the new one, and
  // only bundles older than STALE_MS are removed, so none is taken from a run that just chose it.
  fs.writeFileSync(`${tmp}.json`, JSON.stringify({ node: process.version, bundle: file, inputs }));
  fs.renameSync(`${tmp}.json`, manifestPath(name));
  for (const old of fs.readdirSync(CACHE)) {
    if (!old.startsWith(`${name}-`) || old.startsWith(file)) continue;
    const at = path.join(CACHE, old);
    if (Date.now() - fs.statSync(at).mtimeMs > STALE_MS) fs.rmSync(at, { force: true });
  }
  return path.join(CACHE, file);
}

module.exports = { cachedBundle, ROOT };
