import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ResultError } from '../../core/errors/Result';
import { useI18n } from '../i18n/I18nContext';

export interface ErrorNoticeProps {
  error: ResultError;
  onRetry?: () => void;
  /** What a cancel left behind, when it is more than nothing (a write-back stopped part-way). */
  cancelledKey?: 'error.cancelled' | 'error.cancelledWrite';
}

/** An error in the user's words: the engine's located message and what to do; never a stack. */
export function ErrorNotice({ error, onRetry, cancelledKey = 'error.cancelled' }: ErrorNoticeProps) {
  const { t } = useI18n();
  const cancelled = error.code === 'E_CANCELLED';
  return (
    <MessageBar intent={cancelled ? 'warning' : 'error'} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('error.title')}</MessageBarTitle>
        {cancelled ? t(cancelledKey) : `${firstLine(error.message)} ${error.hint && !error.message.includes(error.hint) ? error.hint : ''}`}
        {!cancelled && <div>{t('error.generic')}</div>}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('cell.retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** Messages from outside SegmentKit can carry a stack after the first line; users never see it. */
function firstLine(message: string): string {
  const line = message.split('\n')[0];
  return line.replace(/\s+at\s+\S+\s+\(.*$/, '');
}
