import { Badge, makeStyles, Tab, TabList, Tooltip, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { MigrationMatrix } from '../charts/MigrationMatrix';
import { ParetoCurve } from '../charts/ParetoCurve';
import { RfmHeatGrid } from '../charts/RfmHeatGrid';
import { SegmentBars } from '../charts/SegmentBars';
import { SilhouetteChart } from '../charts/SilhouetteChart';
import { useI18n } from '../i18n/I18nContext';
import type { ModelOutcome, PlaybookEntry, RunOutcome, SegmentKitServices, SegmentSummary } from '../services/SegmentKitServices';
import type { AsyncState } from './AsyncState';
import { Cell } from './Cell';
import { DrillDown } from './DrillDown';
import { PlaybookEditor } from './PlaybookEditor';
import { SegmentTable } from './SegmentTable';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '10px' },
  badges: { display: 'flex', gap: '6px', flexWrap: 'wrap' },
  charts: { display: 'grid', gap: '12px', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))' },
  caption: { margin: '4px 0 0', fontSize: tokens.fontSizeBase400 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, margin: 0 },
});

export interface ResultsCellProps {
  services: SegmentKitServices;
  run: AsyncState<RunOutcome>;
  playbooks: Record<string, PlaybookEntry[]>;
  onPlaybookChange: (modelId: string, entries: PlaybookEntry[]) => void;
}

/** Step 4: per model the segments, their quality, charts, playbook and a drill-down into customers. */
export function ResultsCell({ services, run, playbooks, onPlaybookChange }: ResultsCellProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [selected, setSelected] = useState<string | undefined>();
  const models = run.status === 'done' ? run.value.models : [];
  const current = models.find((m) => m.modelId === selected) ?? models[0];
  return (
    <Cell id="results" title={t('results.title')} state={run.status === 'done' ? run : { status: 'idle' }}>
      {run.status !== 'done' ? (
        <p>{t('results.empty')}</p>
      ) : models.length === 0 ? (
        <p>{t('results.noSegments')}</p>
      ) : (
        <div className={styles.section}>
          <TabList selectedValue={current?.modelId} onTabSelect={(_, d) => setSelected(String(d.value))} aria-label={t('results.title')}>
            {models.map((m) => (
              <Tab key={m.modelId} value={m.modelId}>
                {t(`model.${m.kind}`)}
              </Tab>
            ))}
          </TabList>
          {current && (
            <ModelResults
              key={current.modelId}
              services={services}
              model={current}
              playbook={playbooks[current.modelId] ?? current.playbook}
              onPlaybookChange={(e) => onPlaybookChange(current.modelId, e)}
            />
          )}
        </div>
      )}
    </Cell>
  );
}

function ModelResults({ services, model, playbook, onPlaybookChange }: { services: SegmentKitServices; model: ModelOutcome; playbook: PlaybookEntry[]; onPlaybookChange: (e: PlaybookEntry[]) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState<SegmentSummary | null>(null);
  const onOpen = useCallback((s: SegmentSummary) => setOpen(s), []);
  const chosenK = model.kind === 'kmeans' ? model.segments.length : undefined;
  return (
    <div className={styles.section} role="tabpanel" aria-label={t(`model.${model.kind}`)}>
      {model.warnings.map((w) => (
        <p key={w} className={styles.warning}>{w}</p>
      ))}
      {model.unassigned > 0 && <p>{t('results.unassigned', { n: model.unassigned })}</p>}
      {model.segments.length === 0 ? (
        <p>{t('results.noSegments')}</p>
      ) : (
        <>
          <h3 className={styles.caption}>{t('results.quality')}</h3>
          <div className={styles.badges} data-testid="quality-badges">
            {model.quality.map((q) => (
              <Tooltip key={q.criterion} content={q.detail} relationship="description">
                <Badge tabIndex={0} appearance="tint" color={q.ok ? 'success' : 'warning'}>
                  {t(`quality.${q.criterion}`)}: {q.ok ? t('quality.ok') : t('quality.fail')}
                </Badge>
              </Tooltip>
            ))}
          </div>
          <SegmentTable modelId={model.modelId} segments={model.segments} onOpen={onOpen} />
          {open && <DrillDown services={services} modelId={model.modelId} segment={open} onClose={() => setOpen(null)} />}
          <h3 className={styles.caption}>{t('results.charts')}</h3>
          <div className={styles.charts}>
            <SegmentBars segments={model.segments} />
            {model.charts.pareto && <ParetoCurve points={model.charts.pareto} />}
            {model.charts.rfmGrid && <RfmHeatGrid grid={model.charts.rfmGrid} />}
            {model.charts.kCandidates && <SilhouetteChart candidates={model.charts.kCandidates} chosen={chosenK} />}
            {model.charts.migration && <MigrationMatrix from={model.charts.migration.segments} to={model.charts.migration.segments} counts={model.charts.migration.matrix} />}
          </div>
          <h3 className={styles.caption}>{t('results.playbook')}</h3>
          <PlaybookEditor entries={playbook} onChange={onPlaybookChange} />
        </>
      )}
    </div>
  );
}
