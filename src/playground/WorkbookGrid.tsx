import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MemoryWorkbook } from '../excel/memory/MemoryWorkbook';
import { SK_PREFIX } from '../core/results/Outputs';
import { columnLetter } from '../core/ingest/columnLetter';
import { formatPreviewCell } from '../taskpane/services/formatPreviewCell';

const MAX_ROWS = 200;
const MAX_COLUMNS = 40;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minWidth: 0, height: '100%' },
  scroll: { overflow: 'auto', flexGrow: 1, border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyMonospace },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '1px 6px', whiteSpace: 'nowrap', maxWidth: '180px', overflow: 'hidden', textOverflow: 'ellipsis' },
  head: { backgroundColor: tokens.colorNeutralBackground3, position: 'sticky', top: 0, fontWeight: tokens.fontWeightSemibold },
  own: { backgroundColor: tokens.colorBrandBackground2 },
  selected: { outline: `2px solid ${tokens.colorPaletteRedBorder2}` },
  info: { color: tokens.colorNeutralForeground2, margin: '4px 0' },
});

export interface GridSelection {
  sheet: string;
  row: number;
  column: number;
}

/** A read-only look at the in-memory workbook: a tab per sheet, its first 200 rows, SegmentKit's columns tinted. */
export function WorkbookGrid({ workbook, version, selection }: { workbook: MemoryWorkbook; version: number; selection: GridSelection | null }) {
  const styles = useStyles();
  const names = workbook.sheetNames();
  const [active, setActive] = useState(names[0] ?? '');
  useEffect(() => {
    if (selection) setActive(selection.sheet);
  }, [selection]);
  const sheet = names.includes(active) ? active : (names[0] ?? '');
  const used = sheet ? workbook.usedAddress(sheet) : null;
  const rect = used ? used.slice(used.lastIndexOf('!') + 1) : null;
  const [rows, cols] = rect ? size(rect) : [0, 0];
  const shownRows = Math.min(rows, MAX_ROWS);
  const shownCols = Math.min(cols, MAX_COLUMNS);
  const values = shownRows && shownCols ? workbook.values(sheet, `A1:${columnLetter(shownCols - 1)}${shownRows}`) : [];
  const header = values[0] ?? [];
  const formats = shownRows > 1 ? header.map((_, c) => workbook.cell(sheet, `${columnLetter(c)}2`).numberFormat) : [];
  return (
    <section className={styles.root} aria-label="Workbook" data-version={version} data-testid="workbook-grid">
      <TabList selectedValue={sheet} onTabSelect={(_, d) => setActive(String(d.value))} aria-label="Sheets" size="small">
        {names.map((n) => (
          <Tab key={n} value={n}>
            {n}
          </Tab>
        ))}
      </TabList>
      <p className={styles.info}>
        {sheet}: {rows.toLocaleString('en')} rows × {cols} columns{rows > MAX_ROWS ? `, first ${MAX_ROWS} shown` : ''}
      </p>
      <div className={styles.scroll} tabIndex={0} aria-label={`${sheet} cells`}>
        <table className={styles.table}>
          <tbody>
            {values.map((row, r) => (
              <tr key={r}>
                <th className={`${styles.cell} ${styles.head}`} scope="row">{r + 1}</th>
                {row.map((v, c) => {
                  const own = typeof header[c] === 'string' && (header[c] as string).startsWith(SK_PREFIX);
                  const isSelected = selection && selection.sheet === sheet && selection.row === r && selection.column === c;
                  const cls = [styles.cell, r === 0 ? styles.head : '', own ? styles.own : '', isSelected ? styles.selected : ''].join(' ');
                  return (
                    <td key={c} className={cls}>
                      {r === 0 ? String(v) : formatPreviewCell(v, formats[c])}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Rows and columns from A1 to the used range's far corner: `A1:H2001` → [2001, 8]. */
function size(range: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(range);
  if (!m) return [0, 0];
  const col = (s: string) => [...s].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[4] ?? m[2]), col(m[3] ?? m[1])];
}
