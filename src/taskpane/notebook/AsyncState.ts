import type { Result, ResultError } from '../../core/errors/Result';
import type { RunProgress } from '../services/SegmentKitServices';

/** Every async view is in exactly one of these states and renders each explicitly. */
export type AsyncState<T> =
  | { status: 'idle' }
  | { status: 'loading'; progress?: RunProgress }
  | { status: 'error'; error: ResultError }
  | { status: 'done'; value: T };

export const IDLE: AsyncState<never> = { status: 'idle' };

/** The state a finished service call leaves a view in. */
export function settled<T>(result: Result<T>): AsyncState<T> {
  return result.ok ? { status: 'done', value: result.value } : { status: 'error', error: result.error };
}
