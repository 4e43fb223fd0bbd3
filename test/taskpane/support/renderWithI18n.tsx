import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createTranslator, type Locale } from '../../../src/taskpane/i18n/createTranslator';
import { I18nContext } from '../../../src/taskpane/i18n/I18nContext';

/** Renders a taskpane component inside the providers the App gives it. */
export function renderWithI18n(ui: ReactElement, locale: Locale = 'en') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={createTranslator(locale)}>{ui}</I18nContext.Provider>
    </FluentProvider>,
  );
}
