import type { Compiler } from 'webpack';
import { localizeMetadata, type FunctionsMetadata, type FunctionTranslations } from '../functions/localizeMetadata';

export interface LocalizedFunctionsOptions {
  /** The English metadata asset the custom-functions plugin emits. */
  source: string;
  /** One translation file per locale; each becomes `functions-<locale>.json`. */
  translations: FunctionTranslations[];
}

/**
 * Emits `functions-de.json`, `functions-nl.json`… next to functions.json. Excel does not
 * localise generated metadata itself; the manifest points each locale at its own file.
 */
export class LocalizedFunctionsPlugin {
  constructor(private readonly options: LocalizedFunctionsOptions) {}

  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('LocalizedFunctionsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'LocalizedFunctionsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.options.source);
        if (!asset) return;
        const english = JSON.parse(asset.source.source().toString()) as FunctionsMetadata;
        for (const t of this.options.translations) {
          const localized = localizeMetadata(english, t);
          compilation.emitAsset(this.options.source.replace(/\.json$/, `-${t.locale}.json`), new sources.RawSource(JSON.stringify(localized, null, 2)));
        }
      });
    });
  }
}
