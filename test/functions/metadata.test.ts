import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import path from 'node:path';
import de from '../../src/functions/locales/de.json';
import nl from '../../src/functions/locales/nl.json';
import { localizeMetadata } from '../../src/functions/localizeMetadata';

const EXPECTED: Record<string, string[]> = {
  SEGMENT: ['values', 'recipe', 'model'],
  RFMSCORE: ['recency', 'frequency', 'monetary', 'cutpoints'],
  RFMSEGMENT: ['score', 'ruleset'],
  CLV: ['frequency', 'recency', 'T', 'monetary', 'horizon', 'discount', 'recipe'],
  PALIVE: ['frequency', 'recency', 'T', 'recipe'],
  EXPECTEDPURCHASES: ['t', 'frequency', 'recency', 'T', 'recipe'],
  VALUETIER: ['value', 'values'],
  LIFECYCLE: ['first', 'last', 'asOf', 'recipe'],
  COSTTOSERVE: ['contacts', 'channels', 'costs'],
  VERSION: [],
};

interface GeneratedFunction {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; optional?: boolean; dimensionality?: string }[];
  result: { dimensionality?: string };
  options?: { volatile?: boolean };
}

let metadata: { functions: GeneratedFunction[]; [key: string]: unknown };

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.resolve(__dirname, '../../src/functions/functions.ts'));
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson);
}, 30_000);

test('functions.json lists every function with its parameters, ranges in and spilled ranges out, none volatile', () => {
  expect(Object.fromEntries(metadata.functions.map((f) => [f.id, f.parameters.map((p) => p.name)]))).toEqual(EXPECTED);
  for (const f of metadata.functions) {
    expect(f.description).toMatch(/Example: =SK\.[A-Z]+\(/);
    expect(f.options?.volatile).toBeFalsy();
    if (f.id !== 'VERSION') {
      expect(f.result.dimensionality).toBe('matrix');
      expect(f.parameters.every((p) => p.dimensionality === 'matrix')).toBe(true);
    }
  }
  expect(metadata.functions.find((f) => f.id === 'CLV')!.parameters.filter((p) => p.optional).map((p) => p.name)).toEqual(['horizon', 'discount', 'recipe']);
});

test.each([
  ['de', de, 'Beispiel'],
  ['nl', nl, 'Voorbeeld'],
])('%s: every function and parameter is translated, ids unchanged', (_locale, translations, example) => {
  const localized = localizeMetadata(metadata, translations as never);
  expect(localized.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
  for (const f of localized.functions) {
    expect(f.description).toContain(`${example}: =SK.${f.name}(`);
    expect(f.name).toMatch(/^[A-ZÄÖÜ][A-ZÄÖÜ.]{2,}$/);
  }
  expect(Object.keys(translations.functions).sort()).toEqual(Object.keys(EXPECTED).sort());
});

test('a missing translation is reported by function and parameter', () => {
  const broken = { locale: 'xx', functions: { ...de.functions, PALIVE: { ...de.functions.PALIVE, parameters: {} } } };
  expect(() => localizeMetadata(metadata, broken as never)).toThrow('xx: no translation for parameter frequency of PALIVE');
});
