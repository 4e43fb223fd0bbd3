import { de } from './de';
import { en, type StringKey, type Strings } from './en';
import { nl } from './nl';

export const LOCALES = ['en', 'de', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

const TABLES: Record<Locale, Strings> = { en, de, nl };

/** Language names shown in the switch, each in its own language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch', nl: 'Nederlands' };

/** Intl locale per UI language (number and date formats). */
export const INTL_LOCALES: Record<Locale, string> = { en: 'en-US', de: 'de-DE', nl: 'nl-NL' };

export interface Translator {
  locale: Locale;
  t(key: StringKey, values?: Record<string, string | number>): string;
  /** Grouped number with at most `digits` decimals, e.g. 12,345 / 12.345. */
  number(n: number, digits?: number): string;
  /** 0.123 → 12.3 % in the locale's style. */
  percent(share: number): string;
}

/**
 * Picks the UI language from Office's display language (`de-AT` → de), English otherwise.
 *
 * @example
 * localeFromDisplayLanguage('nl-BE'); // 'nl'
 */
export function localeFromDisplayLanguage(tag: string | undefined | null): Locale {
  const base = (tag ?? '').slice(0, 2).toLowerCase();
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
}

/**
 * Strings and Intl formatters for one language; numbers in placeholders are formatted too.
 *
 * @example
 * createTranslator('de').t('data.rows', { n: 1234 }); // '1.234 Zeilen'
 */
export function createTranslator(locale: Locale): Translator {
  const table = TABLES[locale];
  const intl = INTL_LOCALES[locale];
  const integer = new Intl.NumberFormat(intl, { maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 1 });
  const number = (n: number, digits = 0) => (digits === 0 ? integer.format(n) : new Intl.NumberFormat(intl, { maximumFractionDigits: digits }).format(n));
  return {
    locale,
    t(key, values) {
      const template = table[key];
      if (!values) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const v = values[name];
        if (v === undefined) return whole;
        return typeof v === 'number' ? integer.format(v) : v;
      });
    },
    number,
    percent: (share) => pct.format(share),
  };
}
