import { Button, Checkbox, makeStyles, ProgressBar } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import type { OutputChoice, WriteReport } from '../services/SegmentKitServices';
import type { AsyncState } from './AsyncState';
import { Cell } from './Cell';
import { ErrorNotice } from './ErrorNotice';
import { progressLabel } from './progressLabel';

const OUTPUTS: (keyof OutputChoice)[] = ['columns', 'summarySheets', 'pivotTable', 'charts', 'playbook'];

const useStyles = makeStyles({
  choices: { display: 'flex', flexDirection: 'column' },
  list: { margin: 0, paddingLeft: '20px' },
});

export interface WriteBackCellProps {
  outputs: OutputChoice;
  runReady: boolean;
  write: AsyncState<WriteReport>;
  onOutputsChange: (outputs: OutputChoice) => void;
  onWrite: () => void;
  onCancel: () => void;
}

/** Step 5: choose outputs, write them with progress, and report what went where. */
export function WriteBackCell({ outputs, runReady, write, onOutputsChange, onWrite, onCancel }: WriteBackCellProps) {
  const tr = useI18n();
  const { t } = tr;
  const styles = useStyles();
  const any = OUTPUTS.some((k) => outputs[k]);
  return (
    <Cell
      id="write"
      title={t('write.title')}
      intro={t('write.intro')}
      state={write}
      onRun={onWrite}
      runLabel={t('write.go')}
      runDisabled={!runReady || !any}
      settings={
        <div className={styles.choices} role="group" aria-label={t('write.title')}>
          {OUTPUTS.map((k) => (
            <Checkbox key={k} label={t(`write.${k}`)} checked={outputs[k]} onChange={(_, d) => onOutputsChange({ ...outputs, [k]: Boolean(d.checked) })} />
          ))}
          {!runReady && <p role="status">{t('write.empty')}</p>}
          {runReady && !any && <p role="status">{t('write.nothing')}</p>}
        </div>
      }
    >
      {write.status === 'loading' && (
        <div>
          <ProgressBar value={write.progress ? write.progress.percent / 100 : undefined} aria-label={t('progress.write')} />
          <span data-testid="write-progress">{write.progress ? progressLabel(tr, write.progress) : t('progress.write')}</span>
          <div>
            <Button onClick={onCancel}>{t('cell.cancel')}</Button>
          </div>
        </div>
      )}
      {write.status === 'error' && <ErrorNotice error={write.error} onRetry={onWrite} cancelledKey="error.cancelledWrite" />}
      {write.status === 'done' && (
        <div data-testid="write-report">
          <p>{t('write.done')}</p>
          <ul className={styles.list}>
            {write.value.items.map((i) => (
              <li key={`${i.what}@${i.where}`}>{t('write.item', { what: i.what, where: i.where })}</li>
            ))}
          </ul>
          {write.value.warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
        </div>
      )}
    </Cell>
  );
}
