import { de } from '../../../src/taskpane/i18n/de';
import { en } from '../../../src/taskpane/i18n/en';
import { nl } from '../../../src/taskpane/i18n/nl';
import { createTranslator, localeFromDisplayLanguage } from '../../../src/taskpane/i18n/createTranslator';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('taskpane strings', () => {
  test.each([
    ['de', de],
    ['nl', nl],
  ])('%s has exactly the English keys, none empty, with the same placeholders', (_, table) => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(table)) {
      expect(value.trim()).not.toBe('');
      expect([key, placeholders(value)]).toEqual([key, placeholders(en[key as keyof typeof en])]);
    }
  });

  test('Office display languages map to en, de, nl with English as fallback', () => {
    expect(localeFromDisplayLanguage('de-AT')).toBe('de');
    expect(localeFromDisplayLanguage('nl-BE')).toBe('nl');
    expect(localeFromDisplayLanguage('fr-FR')).toBe('en');
    expect(localeFromDisplayLanguage(undefined)).toBe('en');
  });

  test('numbers in placeholders and percentages follow the locale', () => {
    expect(createTranslator('de').t('data.rows', { n: 1234567 })).toBe('1.234.567 Zeilen');
    expect(createTranslator('en').t('data.rows', { n: 1234567 })).toBe('1,234,567 rows');
    expect(createTranslator('nl').percent(0.125)).toBe('12,5%');
    expect(createTranslator('de').percent(0.125)).toBe('12,5\u00a0%');
  });
});
