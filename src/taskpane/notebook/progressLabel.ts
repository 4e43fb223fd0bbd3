import type { Translator } from '../i18n/createTranslator';
import { MODEL_KINDS, type ModelKind, type RunProgress } from '../services/SegmentKitServices';

const STEPS = ['read', 'parse', 'aggregate', 'join', 'profile', 'write', 'done'] as const;

/**
 * The user's words for an engine step key: `model:rfm` → "Running RFM (…)".
 *
 * @example
 * progressLabel(createTranslator('en'), { percent: 40, step: 'aggregate' }); // 'Summing orders per customer — 40%'
 */
export function progressLabel(tr: Translator, p: RunProgress): string {
  const [head, arg] = p.step.split(':');
  let step: string;
  if (head === 'model' && (MODEL_KINDS as readonly string[]).includes(arg)) step = tr.t('progress.model', { model: tr.t(`model.${arg as ModelKind}`) });
  else if ((STEPS as readonly string[]).includes(head)) step = tr.t(`progress.${head as (typeof STEPS)[number]}`);
  else step = tr.t('cell.loading');
  return tr.t('models.progress', { step, percent: tr.percent(p.percent / 100) });
}
