import { Badge, Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { AsyncState } from './AsyncState';

const useStyles = makeStyles({
  cell: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '12px 12px 16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
  },
  header: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface CellProps {
  id: string;
  title: string;
  intro?: string;
  state: AsyncState<unknown>;
  /** Runs this step alone; absent for cells without a computation of their own. */
  onRun?: () => void;
  runLabel?: string;
  runDisabled?: boolean;
  settings?: ReactNode;
  children?: ReactNode;
}

const BADGE_COLOR = { idle: 'informative', loading: 'brand', error: 'danger', done: 'success' } as const;

/** One notebook step: heading with status, its settings, a run button, and its output below. */
export function Cell({ id, title, intro, state, onRun, runLabel, runDisabled, settings, children }: CellProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <section className={styles.cell} aria-labelledby={`${id}-title`} data-testid={`cell-${id}`} data-status={state.status}>
      <div className={styles.header}>
        <h2 id={`${id}-title`} className={styles.title}>
          {title}
        </h2>
        <Badge appearance="tint" color={BADGE_COLOR[state.status]}>
          {t(`cell.status.${state.status}`)}
        </Badge>
      </div>
      {intro && <p className={styles.intro}>{intro}</p>}
      {settings}
      {onRun && (
        <div>
          <Button appearance="primary" onClick={onRun} disabled={runDisabled || state.status === 'loading'} icon={state.status === 'loading' ? <Spinner size="tiny" /> : undefined}>
            {runLabel ?? (state.status === 'done' ? t('cell.rerun') : t('cell.run'))}
          </Button>
        </div>
      )}
      <div aria-live="polite">{children}</div>
    </section>
  );
}
