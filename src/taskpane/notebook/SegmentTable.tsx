import {
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Field,
  Input,
  Link,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { SegmentSummary } from '../services/SegmentKitServices';

export interface SegmentTableProps {
  modelId: string;
  segments: SegmentSummary[];
  onOpen: (segment: SegmentSummary) => void;
}

/** Segments with size, share, value, value share and traits; sortable, filterable, each row opens its customers. */
export function SegmentTable({ modelId, segments, onOpen }: SegmentTableProps) {
  const { t, number, percent } = useI18n();
  const [filter, setFilter] = useState('');
  const columns: TableColumnDefinition<SegmentSummary>[] = useMemo(
    () => [
      createTableColumn<SegmentSummary>({
        columnId: 'name',
        compare: (a, b) => a.name.localeCompare(b.name),
        renderHeaderCell: () => t('results.segment'),
        renderCell: (s) => (
          <Link as="button" onClick={() => onOpen(s)} aria-label={t('results.open', { segment: s.name })}>
            {s.name}
          </Link>
        ),
      }),
      createTableColumn<SegmentSummary>({ columnId: 'size', compare: (a, b) => a.size - b.size, renderHeaderCell: () => t('results.size'), renderCell: (s) => number(s.size) }),
      createTableColumn<SegmentSummary>({ columnId: 'share', compare: (a, b) => a.share - b.share, renderHeaderCell: () => t('results.share'), renderCell: (s) => percent(s.share) }),
      createTableColumn<SegmentSummary>({ columnId: 'value', compare: (a, b) => a.value - b.value, renderHeaderCell: () => t('results.value'), renderCell: (s) => number(s.value) }),
      createTableColumn<SegmentSummary>({ columnId: 'valueShare', compare: (a, b) => a.valueShare - b.valueShare, renderHeaderCell: () => t('results.valueShare'), renderCell: (s) => percent(s.valueShare) }),
      createTableColumn<SegmentSummary>({ columnId: 'traits', renderHeaderCell: () => t('results.traits'), renderCell: (s) => s.traits.join('; ') }),
    ],
    [t, number, percent, onOpen],
  );
  const key = filter.trim().toLowerCase();
  const rows = key ? segments.filter((s) => s.name.toLowerCase().includes(key) || s.traits.some((x) => x.toLowerCase().includes(key))) : segments;
  return (
    <div>
      <Field label={t('results.filter')}>
        <Input value={filter} onChange={(_, d) => setFilter(d.value)} id={`${modelId}-segment-filter`} />
      </Field>
      <div style={{ overflowX: 'auto' }}>
        <DataGrid style={{ minWidth: 620 }} items={rows} columns={columns} sortable getRowId={(s: SegmentSummary) => String(s.index)} size="small" aria-label={`${modelId} ${t('results.segment')}`} data-testid={`segments-${modelId}`}>
          <DataGridHeader>
            <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
          </DataGridHeader>
          <DataGridBody<SegmentSummary>>
            {({ item, rowId }) => (
              <DataGridRow<SegmentSummary> key={rowId}>{({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}</DataGridRow>
            )}
          </DataGridBody>
        </DataGrid>
      </div>
    </div>
  );
}
