import { createContext, useContext } from 'react';
import { createTranslator, type Translator } from './createTranslator';

export const I18nContext = createContext<Translator>(createTranslator('en'));

/** The current language's strings and formatters. */
export function useI18n(): Translator {
  return useContext(I18nContext);
}
