import { gzipSync } from 'node:zlib';
import type { Compilation, Compiler } from 'webpack';

export interface BundleSizePluginOptions {
  /** Largest gzipped size, in bytes, allowed for the files an entry loads up front, by entry name. */
  budgets?: Record<string, number>;
  /** Name of the JSON report written next to the bundles. */
  reportFile?: string;
}

export interface AssetSize {
  name: string;
  bytes: number;
  gzipBytes: number;
}

export interface EntrySize {
  /** Files the entry's page loads before it runs (not its lazy chunks). */
  files: string[];
  gzipBytes: number;
  budgetGzipBytes?: number;
}

export interface BundleSizeReport {
  assets: AssetSize[];
  entries: Record<string, EntrySize>;
}

const MEASURED = /\.(js|css|html|json|wasm)$/;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Measures every emitted script, page and metadata file raw and gzipped (what a static host sends),
 * sums each entry's up-front files against its budget, prints a table and writes the numbers to
 * `bundle-sizes.json`. Copied files (office.js, icons) are not ours to shrink and are left out.
 *
 * @example
 * plugins: [new BundleSizePlugin({ budgets: { taskpane: 400 * 1024 } })]
 */
export class BundleSizePlugin {
  private readonly budgets: Record<string, number>;
  private readonly reportFile: string;
  private report: BundleSizeReport | undefined;

  constructor(options: BundleSizePluginOptions = {}) {
    this.budgets = options.budgets ?? {};
    this.reportFile = options.reportFile ?? 'bundle-sizes.json';
  }

  apply(compiler: Compiler): void {
    const { Compilation: CompilationClass, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('BundleSizePlugin', (compilation: Compilation) => {
      compilation.hooks.processAssets.tap({ name: 'BundleSizePlugin', stage: CompilationClass.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const report = this.measure(compilation);
        for (const [name, entry] of Object.entries(report.entries)) {
          if (entry.budgetGzipBytes !== undefined && entry.gzipBytes > entry.budgetGzipBytes) {
            compilation.errors.push(
              new WebpackError(
                `Entry "${name}" loads ${kb(entry.gzipBytes)} gzipped before it runs, over its budget of ${kb(entry.budgetGzipBytes)}. Import heavy libraries (danfojs, the engine) with a dynamic import() or in the Web Worker so they become lazy chunks.`,
              ),
            );
          }
        }
        compilation.emitAsset(this.reportFile, new sources.RawSource(`${JSON.stringify(report, null, 2)}\n`));
        this.report = report;
      });
    });
    compiler.hooks.done.tap('BundleSizePlugin', () => {
      if (this.report) process.stdout.write(formatBundleSizes(this.report));
    });
  }

  private measure(compilation: Compilation): BundleSizeReport {
    const assets: AssetSize[] = [];
    const byName = new Map<string, AssetSize>();
    for (const asset of compilation.getAssets()) {
      if (asset.info.copied || asset.info.development || !MEASURED.test(asset.name)) continue;
      const buffer = asset.source.buffer();
      const size = { name: asset.name, bytes: buffer.length, gzipBytes: gzipSync(buffer, { level: 9 }).length };
      assets.push(size);
      byName.set(asset.name, size);
    }
    assets.sort((a, b) => b.gzipBytes - a.gzipBytes || a.name.localeCompare(b.name));
    const entries: Record<string, EntrySize> = {};
    for (const [name, entrypoint] of compilation.entrypoints) {
      const files = entrypoint.getFiles().filter((f) => byName.has(f));
      entries[name] = {
        files,
        gzipBytes: files.reduce((sum, f) => sum + (byName.get(f)?.gzipBytes ?? 0), 0),
        ...(this.budgets[name] !== undefined ? { budgetGzipBytes: this.budgets[name] } : {}),
      };
    }
    return { assets, entries };
  }
}

/** The table printed after a build: one line per file, then each entry's up-front total. */
export function formatBundleSizes(report: BundleSizeReport): string {
  const width = Math.max(5, ...report.assets.map((a) => a.name.length));
  const lines = [`${'file'.padEnd(width)}  ${'size'.padStart(10)}  ${'gzipped'.padStart(10)}`];
  for (const a of report.assets) lines.push(`${a.name.padEnd(width)}  ${kb(a.bytes).padStart(10)}  ${kb(a.gzipBytes).padStart(10)}`);
  for (const [name, e] of Object.entries(report.entries)) {
    const budget = e.budgetGzipBytes !== undefined ? ` (budget ${kb(e.budgetGzipBytes)})` : '';
    lines.push(`entry ${name}: ${kb(e.gzipBytes)} gzipped up front${budget}`);
  }
  return `${lines.join('\n')}\n`;
}
