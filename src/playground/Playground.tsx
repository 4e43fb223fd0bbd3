import { FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { App } from '../taskpane/App';
import type { Locale } from '../taskpane/i18n/createTranslator';
import type { SegmentKitServices } from '../taskpane/services/SegmentKitServices';
import type { MemoryWorkbook } from '../excel/memory/MemoryWorkbook';
import { WorkbookGrid, type GridSelection } from './WorkbookGrid';

const useStyles = makeStyles({
  page: { position: 'fixed', inset: 0, display: 'grid', gridTemplateColumns: '460px minmax(0, 1fr)', gridTemplateRows: 'minmax(0, 1fr)', backgroundColor: tokens.colorNeutralBackground2 },
  pane: { overflowY: 'auto', borderRight: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1 },
  workbook: { padding: '8px', minWidth: 0, height: '100%', boxSizing: 'border-box', overflow: 'hidden', display: 'flex', flexDirection: 'column' },
  title: { margin: '0 0 4px', fontSize: tokens.fontSizeBase400 },
});

/** The real taskpane beside a view of the in-memory workbook it reads and writes. */
export function Playground({ workbook, services, locale }: { workbook: MemoryWorkbook; services: SegmentKitServices; locale: Locale }) {
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const [selection, setSelection] = useState<GridSelection | null>(null);
  const wired = useMemo<SegmentKitServices>(
    () => ({
      ...services,
      async writeBack(recipe, onProgress) {
        const r = await services.writeBack(recipe, onProgress);
        setVersion((v) => v + 1);
        return r;
      },
      async saveRecipe(recipe) {
        const r = await services.saveRecipe(recipe);
        setVersion((v) => v + 1);
        return r;
      },
      async selectCells(address) {
        const r = await services.selectCells(address);
        if (r.ok) setSelection(parseCell(address));
        return r;
      },
    }),
    [services],
  );
  return (
    <div className={styles.page}>
      <aside className={styles.pane} aria-label="SegmentKit taskpane">
        <App services={wired} initialLocale={locale} dark={false} />
      </aside>
      <FluentProvider theme={webLightTheme}>
        <main className={styles.workbook}>
          <h1 className={styles.title}>In-memory workbook</h1>
          <WorkbookGrid workbook={workbook} version={version} selection={selection} />
        </main>
      </FluentProvider>
    </div>
  );
}

/** `Orders!H17` → sheet Orders, 0-based row 16, column 7. */
function parseCell(address: string): GridSelection | null {
  const at = address.lastIndexOf('!');
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.slice(at + 1));
  if (at < 0 || !m) return null;
  const column = [...m[1]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { sheet: address.slice(0, at).replace(/^'|'$/g, '').replace(/''/g, "'"), row: Number(m[2]) - 1, column };
}
