import { SegmentKitError } from '../core/errors/SegmentKitError';

/** Stops between requests when the user pressed Cancel; Excel has already applied earlier ones. */
export function throwIfCancelled(signal: AbortSignal | undefined, step: string): void {
  if (signal?.aborted) {
    throw new SegmentKitError('E_CANCELLED', `Cancelled during step "${step}"`, { hint: 'Run again when you are ready; SegmentKit replaces any partial output.' });
  }
}
