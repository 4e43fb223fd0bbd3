// Start-up of `segmentkit` without paying for TypeScript on every run. tsx compiles and resolves
// some 140 source files one by one (0.5–0.8 s CPU, 1–2 s wall on a busy machine), and exceljs
// with its ~150 modules and DuckDB's native library load eagerly although only .xlsx files and
// the DuckDB engine need them. The first run
// bundles src/cli/main.ts with the esbuild that tsx ships into node_modules/.cache/segmentkit;
// later runs load that one file when none of its inputs has changed (a stat per input, a few ms).
// Anything unusual (esbuild missing, read-only cache, SEGMENTKIT_NO_CACHE=1) returns null and
// the launcher falls back to tsx, so `npx segmentkit` works straight after `npm ci`.
const { cachedBundle } = require('../io/cachedBundle.cjs');

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
  try {
    const bundle = await cachedBundle({ name: 'cli', entry: 'src/cli/main.ts', plugins: [lazyPackages], alsoDependsOn: ['src/cli/compiledCli.cjs'] });
    if (!bundle) return null;
    // Stack traces point into the sources only when asked for: mapping costs start-up time.
    if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
    return require(bundle);
  } catch {
    return null;
  }
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

module.exports = { loadCompiledCli };
