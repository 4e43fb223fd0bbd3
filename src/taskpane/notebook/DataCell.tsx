import { Field, Link, makeStyles, ProgressBar, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens, Button } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { SHEET_KINDS, type DataSources, type Detection, type RunProgress, type SegmentKitServices, type SheetInfo, type SheetPreview } from '../services/SegmentKitServices';
import { IDLE, settled, type AsyncState } from './AsyncState';
import { Cell } from './Cell';
import { ErrorNotice } from './ErrorNotice';
import { progressLabel } from './progressLabel';

const PREVIEW_ROWS = 5;

const useStyles = makeStyles({
  selects: { display: 'grid', gap: '8px', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  caption: { fontWeight: tokens.fontWeightSemibold, textAlign: 'left', padding: '4px 0' },
  findings: { margin: '4px 0', paddingLeft: '20px' },
});

export interface DataCellProps {
  services: SegmentKitServices;
  sheets: AsyncState<SheetInfo[]>;
  onReloadSheets: () => void;
  sources: DataSources;
  onSourcesChange: (sources: DataSources) => void;
  detection: AsyncState<Detection>;
  onDetect: () => void;
}

/** Step 1: which sheets, a preview of the first rows, and the data quality report. */
export function DataCell({ services, sheets, onReloadSheets, sources, onSourcesChange, detection, onDetect }: DataCellProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const previewSheet = sources.orders ?? sources.customers;
  const [preview, setPreview] = useState<AsyncState<SheetPreview>>(IDLE);

  useEffect(() => {
    if (!previewSheet) {
      setPreview(IDLE);
      return;
    }
    let live = true;
    setPreview({ status: 'loading' });
    void services.preview(previewSheet, PREVIEW_ROWS).then((r) => live && setPreview(settled(r)));
    return () => {
      live = false;
    };
  }, [services, previewSheet]);

  const list = sheets.status === 'done' ? sheets.value : [];
  const hasSource = Boolean(sources.customers || sources.orders);

  return (
    <Cell
      id="data"
      title={t('data.title')}
      intro={t('data.intro')}
      state={sheets.status === 'done' ? detection : sheets}
      onRun={sheets.status === 'done' && list.length > 0 ? onDetect : undefined}
      runLabel={t('data.detect')}
      runDisabled={!hasSource}
      settings={
        <>
          {sheets.status === 'loading' && <Spinner size="small" label={t('cell.loading')} />}
          {sheets.status === 'error' && <ErrorNotice error={sheets.error} onRetry={onReloadSheets} />}
          {sheets.status === 'done' && list.length === 0 && (
            <div>
              <p>{t('data.noSheets')}</p>
              <Button onClick={onReloadSheets}>{t('data.refresh')}</Button>
            </div>
          )}
          {list.length > 0 && (
            <div className={styles.selects}>
              {SHEET_KINDS.map((kind) => (
                <Field key={kind} label={t(`data.kind.${kind}`)}>
                  <Select
                    value={sources[kind] ?? ''}
                    onChange={(_, d) => onSourcesChange({ ...sources, [kind]: d.value || undefined })}
                  >
                    <option value="">{t('data.none')}</option>
                    {list.map((s) => (
                      <option key={s.name} value={s.name}>
                        {s.active ? t('data.active', { name: s.name }) : s.name} · {t('data.rows', { n: Math.max(0, s.rowCount - 1) })}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            </div>
          )}
          {list.length > 0 && !hasSource && <p role="status">{t('data.needSource')}</p>}
          {preview.status === 'loading' && <Spinner size="tiny" label={t('cell.loading')} />}
          {preview.status === 'error' && <ErrorNotice error={preview.error} />}
          {preview.status === 'done' && <PreviewTable preview={preview.value} />}
        </>
      }
    >
      {detection.status === 'loading' && (detection.progress ? <DetectProgress progress={detection.progress} /> : <Spinner size="small" label={t('cell.loading')} />)}
      {detection.status === 'error' && <ErrorNotice error={detection.error} onRetry={onDetect} />}
      {detection.status === 'done' &&
        detection.value.sheets.map((s) => (
          <div key={s.sheet} data-testid={`detected-${s.kind}`}>
            <p>{t('data.summary', { sheet: s.sheet, rows: s.rowCount, columns: s.columns.length, shape: t(`data.shape.${s.shape}`) })}</p>
            <h3 className={styles.caption}>{t('data.quality')}</h3>
            {s.findings.length === 0 ? (
              <p>{t('data.qualityClean', { sheet: s.sheet })}</p>
            ) : (
              <ul className={styles.findings}>
                {s.findings.map((f) => (
                  <li key={f.code}>
                    {t('data.findingCount', { n: f.count })} {f.message}{' '}
                    {f.cells.slice(0, 3).map((cell) => (
                      <Link key={cell} as="button" onClick={() => void services.selectCells(cell)}>
                        {t('data.select', { cell })}
                      </Link>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
    </Cell>
  );
}

/** Rows read so far as a share; once all are read, the worker's parsing has no share to show, so the bar just moves. */
function DetectProgress({ progress }: { progress: RunProgress }) {
  const tr = useI18n();
  const parsing = progress.step === 'parse';
  const label = parsing ? tr.t('progress.parse') : progressLabel(tr, progress);
  return (
    <div>
      <ProgressBar value={parsing ? undefined : progress.percent / 100} aria-label={label} />
      <span data-testid="detect-progress">{label}</span>
    </div>
  );
}

function PreviewTable({ preview }: { preview: SheetPreview }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.scroll}>
      <Table size="extra-small" aria-label={t('data.preview', { name: preview.sheet })}>
        <caption className={styles.caption}>{t('data.preview', { name: preview.sheet })}</caption>
        <TableHeader>
          <TableRow>
            {preview.headers.map((h, i) => (
              <TableHeaderCell key={i}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.rows.map((row, r) => (
            <TableRow key={r}>
              {row.map((v, c) => (
                <TableCell key={c}>{v}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
