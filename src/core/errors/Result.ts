import { SegmentKitError, type ErrorLocation } from './SegmentKitError';

/** What services hand to the UI: never a thrown exception, always one of two shapes. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ResultError };

export interface ResultError {
  code: string;
  message: string;
  location?: ErrorLocation;
  hint?: string;
}

/** Runs `fn` and turns a thrown SegmentKitError (or anything else) into `{ ok: false }`. */
export async function toResult<T>(fn: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return { ok: false, error: toResultError(e) };
  }
}

export function toResultError(e: unknown): ResultError {
  if (e instanceof SegmentKitError) return e.toJSON();
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'E_INTERNAL', message: `Something went wrong inside SegmentKit: ${message}` };
}
