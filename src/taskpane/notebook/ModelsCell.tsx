import { Button, makeStyles, ProgressBar, Switch, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import type { ModelKind, NotebookRecipe, RunOutcome } from '../services/SegmentKitServices';
import type { AsyncState } from './AsyncState';
import { Cell } from './Cell';
import { ErrorNotice } from './ErrorNotice';
import { missingInputs } from './missingInputs';
import { ModelSettings } from './ModelSettings';
import { progressLabel } from './progressLabel';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '6px' },
  unavailable: { color: tokens.colorNeutralForeground3, paddingLeft: '28px', margin: 0 },
  progress: { display: 'flex', flexDirection: 'column', gap: '4px' },
});

export interface ModelsCellProps {
  recipe: NotebookRecipe;
  dataReady: boolean;
  featureOptions: string[];
  run: AsyncState<RunOutcome>;
  onToggle: (id: string, enabled: boolean) => void;
  onSettingsChange: (id: string, settings: Record<string, unknown>) => void;
  onRun: () => void;
  onCancel: () => void;
}

/** Step 3: which models run and with which settings; runs them with progress and cancel. */
export function ModelsCell({ recipe, dataReady, featureOptions, run, onToggle, onSettingsChange, onRun, onCancel }: ModelsCellProps) {
  const tr = useI18n();
  const { t } = tr;
  const styles = useStyles();
  const missing = missingInputs(recipe.sources, recipe.roles);
  const runnable = recipe.models.filter((m) => m.enabled && !missing[m.kind as ModelKind]);
  return (
    <Cell
      id="models"
      title={t('models.title')}
      intro={t('models.intro')}
      state={run}
      onRun={onRun}
      runLabel={t('models.run')}
      runDisabled={!dataReady || runnable.length === 0}
      settings={
        <div className={styles.list}>
          {recipe.models.map((m) => {
            const reason = missing[m.kind];
            return (
              <div key={m.id} data-testid={`model-${m.kind}`}>
                <Switch
                  label={t(`model.${m.kind}`)}
                  checked={m.enabled && !reason}
                  disabled={Boolean(reason) && dataReady}
                  onChange={(_, d) => onToggle(m.id, d.checked)}
                />
                {reason && dataReady && <p className={styles.unavailable}>{t('models.unavailable', { reason: t(reason) })}</p>}
                {m.enabled && !reason && <ModelSettings step={m} featureOptions={featureOptions} onChange={(s) => onSettingsChange(m.id, s)} />}
              </div>
            );
          })}
          {!dataReady && <p role="status">{t('error.needData')}</p>}
          {dataReady && runnable.length === 0 && <p role="status">{t('models.noneSelected')}</p>}
        </div>
      }
    >
      {run.status === 'loading' && (
        <div className={styles.progress}>
          <ProgressBar value={run.progress ? run.progress.percent / 100 : undefined} aria-label={run.progress ? progressLabel(tr, run.progress) : t('cell.loading')} />
          <span data-testid="run-progress">{run.progress ? progressLabel(tr, run.progress) : t('cell.loading')}</span>
          <div>
            <Button onClick={onCancel}>{t('cell.cancel')}</Button>
          </div>
        </div>
      )}
      {run.status === 'error' && <ErrorNotice error={run.error} onRetry={onRun} />}
      {run.status === 'done' && <p>{t('results.customers', { n: run.value.customers })}</p>}
    </Cell>
  );
}
