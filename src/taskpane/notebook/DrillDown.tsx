import { Button, Input, makeStyles, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { DrillDownPage, SegmentKitServices, SegmentSummary } from '../services/SegmentKitServices';
import { settled, type AsyncState } from './AsyncState';
import { ErrorNotice } from './ErrorNotice';

const PAGE = 25;

const useStyles = makeStyles({
  panel: { border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: '8px', display: 'flex', flexDirection: 'column', gap: '6px' },
  head: { display: 'flex', alignItems: 'center', gap: '8px' },
  title: { margin: 0, flexGrow: 1, fontSize: tokens.fontSizeBase400 },
  scroll: { overflowX: 'auto', maxHeight: '360px', overflowY: 'auto' },
  filter: { minWidth: '70px', width: '100%' },
});

export interface DrillDownProps {
  services: SegmentKitServices;
  modelId: string;
  segment: SegmentSummary;
  onClose: () => void;
}

/** The customers of one segment, paged, with a filter box per column. */
export function DrillDown({ services, modelId, segment, onClose }: DrillDownProps) {
  const { t, number } = useI18n();
  const styles = useStyles();
  const [offset, setOffset] = useState(0);
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [page, setPage] = useState<AsyncState<DrillDownPage>>({ status: 'loading' });
  const [headers, setHeaders] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    setPage({ status: 'loading' });
    void services.drillDown({ modelId, segment: segment.index, offset, limit: PAGE, filters }).then((r) => {
      if (!live) return;
      if (r.ok && r.value.headers.length) setHeaders(r.value.headers);
      setPage(settled(r));
    });
    return () => {
      live = false;
    };
  }, [services, modelId, segment.index, offset, filters]);

  const total = page.status === 'done' ? page.value.total : 0;
  return (
    <section className={styles.panel} aria-labelledby={`drill-${modelId}`} data-testid="drilldown">
      <div className={styles.head}>
        <h3 id={`drill-${modelId}`} className={styles.title}>{t('drill.title', { segment: segment.name })}</h3>
        <Button onClick={onClose}>{t('drill.close')}</Button>
      </div>
      <div className={styles.scroll}>
        <Table size="extra-small" aria-label={t('drill.title', { segment: segment.name })}>
          <TableHeader>
            <TableRow>
              {headers.map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
            <TableRow>
              {headers.map((h) => (
                <TableHeaderCell key={h}>
                  <Input
                    size="small"
                    className={styles.filter}
                    aria-label={t('drill.filter', { column: h })}
                    value={filters[h] ?? ''}
                    onChange={(_, d) => {
                      setOffset(0);
                      setFilters({ ...filters, [h]: d.value });
                    }}
                  />
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.status === 'done' &&
              page.value.rows.map((row, r) => (
                <TableRow key={offset + r}>
                  {row.map((v, c) => (
                    <TableCell key={c}>{typeof v === 'number' ? number(v, 2) : v === null ? '' : String(v)}</TableCell>
                  ))}
                </TableRow>
              ))}
          </TableBody>
        </Table>
      </div>
      {page.status === 'loading' && <Spinner size="tiny" label={t('cell.loading')} />}
      {page.status === 'error' && <ErrorNotice error={page.error} />}
      {page.status === 'done' && total === 0 && <p>{t('drill.empty')}</p>}
      {page.status === 'done' && total > 0 && (
        <div className={styles.head}>
          <span>{t('drill.showing', { from: offset + 1, to: Math.min(total, offset + PAGE), total })}</span>
          <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('drill.prev')}</Button>
          <Button disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>{t('drill.next')}</Button>
        </div>
      )}
    </section>
  );
}
