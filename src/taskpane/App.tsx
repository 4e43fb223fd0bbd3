import { Button, Field, FluentProvider, makeStyles, MessageBar, MessageBarBody, Select, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createTranslator, LOCALE_NAMES, LOCALES, type Locale } from './i18n/createTranslator';
import { I18nContext } from './i18n/I18nContext';
import { defaultRecipe } from './notebook/defaultRecipe';
import { ErrorNotice } from './notebook/ErrorNotice';
import { Notebook } from './notebook/Notebook';
import type { ResultError } from '../core/errors/Result';
import type { NotebookRecipe, SegmentKitServices } from './services/SegmentKitServices';

const useStyles = makeStyles({
  root: { minHeight: '100%', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  header: { display: 'flex', alignItems: 'flex-end', gap: '12px', padding: '12px', flexWrap: 'wrap' },
  titles: { flexGrow: 1 },
  title: { margin: 0, fontSize: tokens.fontSizeBase600 },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground2 },
  notice: { padding: '0 12px 8px' },
});

export interface AppProps {
  services: SegmentKitServices;
  initialLocale: Locale;
  dark: boolean;
}

/** The taskpane: theme, language, and the notebook whose recipe is saved in the workbook. */
export function App({ services, initialLocale, dark }: AppProps) {
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const tr = useMemo(() => createTranslator(locale), [locale]);
  const [recipe, setRecipe] = useState<NotebookRecipe>(defaultRecipe);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ResultError | null>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let live = true;
    void services.loadRecipes().then((r) => {
      if (!live) return;
      if (r.ok && r.value.length > 0) {
        setRecipe(r.value[0]);
        setNotice(createTranslator(initialLocale).t('app.recipeLoaded', { name: r.value[0].name }));
      } else if (!r.ok) setError(r.error);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [services, initialLocale]);

  const save = useCallback(async () => {
    const r = await services.saveRecipe(recipe);
    if (r.ok) {
      setError(null);
      setNotice(tr.t('app.saved'));
    } else setError(r.error);
  }, [services, recipe, tr]);

  return (
    // The provider's class is copied onto portal mount nodes (tooltips, dropdowns): the page
    // background goes on an inner element, or every open tooltip would paint over the pane.
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={locale}>
      <I18nContext.Provider value={tr}>
        <div className={styles.root}>
        <header className={styles.header}>
          <div className={styles.titles}>
            <h1 className={styles.title}>{tr.t('app.title')}</h1>
            <p className={styles.subtitle}>{tr.t('app.subtitle')}</p>
          </div>
          <Field label={tr.t('app.language')}>
            <Select value={locale} onChange={(_, d) => setLocale(d.value as Locale)} data-testid="language">
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={() => void save()}>{tr.t('app.saveRecipe')}</Button>
        </header>
        <div className={styles.notice}>
          {notice && (
            <MessageBar intent="success">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          {error && <ErrorNotice error={error} />}
        </div>
        <main>{loaded && <Notebook services={services} recipe={recipe} onRecipeChange={setRecipe} />}</main>
        </div>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
