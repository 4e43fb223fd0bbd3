/** Types for cachedBundle.cjs (plain CommonJS so the CLI launcher can use it before TypeScript is available). */
export interface BundleSpec {
  /** Names the bundle and its manifest in node_modules/.cache/segmentkit. */
  name: string;
  /** The entry file, relative to the repository root. */
  entry: string;
  /** esbuild plugins. */
  plugins?: object[];
  /** Files (from the root) that shape the bundle without being in it, such as a plugin's source. */
  alsoDependsOn?: string[];
}
/** The path of an up-to-date bundle of `spec.entry`, built on first use; null when none can be had. */
export function cachedBundle(spec: BundleSpec): Promise<string | null>;
/** The repository root. */
export const ROOT: string;
