import { Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import type { PlaybookEntry } from '../services/SegmentKitServices';

const FIELDS = ['channel', 'tone', 'priority', 'queue', 'resources'] as const;
/** Closed lists the recipe validates against; the rest is free text. */
const CHOICES: Partial<Record<(typeof FIELDS)[number], readonly string[]>> = {
  channel: ['phone', 'email', 'chat', 'social', 'self_service'],
  priority: ['P1', 'P2', 'P3'],
};

/** The support playbook per segment; edits go into the recipe and into the written playbook sheet. */
export function PlaybookEditor({ entries, onChange }: { entries: PlaybookEntry[]; onChange: (entries: PlaybookEntry[]) => void }) {
  const { t } = useI18n();
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table size="extra-small" aria-label={t('results.playbook')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('results.segment')}</TableHeaderCell>
            {FIELDS.map((f) => (
              <TableHeaderCell key={f}>{t(`playbook.${f}`)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((e, i) => (
            <TableRow key={e.segment}>
              <TableCell>{e.segment}</TableCell>
              {FIELDS.map((f) => (
                <TableCell key={f}>
                  {CHOICES[f] ? (
                    <Select
                      size="small"
                      value={e[f]}
                      aria-label={t('playbook.edit', { field: t(`playbook.${f}`), segment: e.segment })}
                      onChange={(_, d) => onChange(entries.map((x, j) => (j === i ? { ...x, [f]: d.value } : x)))}
                    >
                      {CHOICES[f]!.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Input
                      size="small"
                      value={e[f]}
                      aria-label={t('playbook.edit', { field: t(`playbook.${f}`), segment: e.segment })}
                      onChange={(_, d) => onChange(entries.map((x, j) => (j === i ? { ...x, [f]: d.value } : x)))}
                    />
                  )}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
