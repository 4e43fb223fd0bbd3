import { createRoot } from 'react-dom/client';
import { App } from './App';
import { localeFromDisplayLanguage, type Locale } from './i18n/createTranslator';
import type { SegmentKitServices } from './services/SegmentKitServices';
import { officeThemeIsDark } from './theme/officeThemeIsDark';

interface OfficeContextLike {
  displayLanguage?: string;
  officeTheme?: { bodyBackgroundColor?: string };
}

/**
 * Renders the taskpane into `container` with Office's language and theme when Office provides
 * them (English and light otherwise, as in the playground).
 *
 * @example
 * mountTaskpane(document.getElementById('root')!, services);
 */
export function mountTaskpane(container: HTMLElement, services: SegmentKitServices, options: { locale?: Locale } = {}): void {
  const office = (globalThis as { Office?: { context?: OfficeContextLike } }).Office;
  const context = office?.context;
  const locale = options.locale ?? localeFromDisplayLanguage(context?.displayLanguage ?? (typeof navigator !== 'undefined' ? navigator.language : undefined));
  const dark = officeThemeIsDark(context?.officeTheme?.bodyBackgroundColor);
  createRoot(container).render(<App services={services} initialLocale={locale} dark={dark} />);
}
