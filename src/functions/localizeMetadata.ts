/** The parts of functions.json that Excel localises: function and parameter names and descriptions. */
export interface FunctionsMetadata {
  functions: { id: string; name: string; description?: string; parameters: { name: string; description?: string }[] }[];
  [key: string]: unknown;
}

/** One locale's translations: per function id, the name, description and [name, description] per parameter. */
export interface FunctionTranslations {
  locale: string;
  functions: Record<string, { name: string; description: string; parameters: Record<string, [string, string]> }>;
}

/**
 * Builds a locale's functions.json (e.g. functions-de.json) from the English metadata the
 * plugin generates: Excel localises only `name` and `description`, ids stay, so the manifest
 * points each locale at its own file with `<bt:Override Locale="de-de" .../>`. Throws when a
 * function or parameter has no translation, so a new function cannot ship half-translated.
 *
 * @example
 * const de = localizeMetadata(JSON.parse(englishJson), require('./locales/de.json'));
 */
export function localizeMetadata(english: FunctionsMetadata, translations: FunctionTranslations): FunctionsMetadata {
  return {
    ...english,
    functions: english.functions.map((f) => {
      const t = translations.functions[f.id];
      if (!t) throw new Error(`${translations.locale}: no translation for function ${f.id}`);
      return {
        ...f,
        name: t.name,
        description: t.description,
        parameters: f.parameters.map((p) => {
          const tp = t.parameters[p.name];
          if (!tp) throw new Error(`${translations.locale}: no translation for parameter ${p.name} of ${f.id}`);
          return { ...p, name: tp[0], description: tp[1] };
        }),
      };
    }),
  };
}
