import { transferHandlers, type TransferHandler } from 'comlink';
import { SegmentKitError, type ErrorLocation } from '../core/errors/SegmentKitError';

interface WireError {
  isError: boolean;
  value: unknown;
  segmentKit?: { code: string; detail: string; location: ErrorLocation; hint?: string };
}

/**
 * Makes a SegmentKitError thrown in the worker arrive on the UI thread as a SegmentKitError with
 * its code, location and hint: comlink's own handler keeps only message, name and stack, so the
 * UI could not tell E_CANCELLED from a crash. Call it on both sides of the worker boundary.
 *
 * @example
 * installErrorTransfer();
 * const engine = wrap<EngineApi>(worker);
 */
export function installErrorTransfer(): void {
  const base = transferHandlers.get('throw') as TransferHandler<{ value: unknown }, WireError>;
  if ((base as { segmentKit?: boolean }).segmentKit) return;
  const handler: TransferHandler<{ value: unknown }, WireError> & { segmentKit: true } = {
    segmentKit: true,
    canHandle: (value): value is { value: unknown } => base.canHandle(value),
    serialize(thrown) {
      const e = thrown.value;
      if (!(e instanceof SegmentKitError)) return base.serialize(thrown);
      const wire: WireError = {
        isError: true,
        value: { message: e.message, name: e.name, stack: e.stack },
        segmentKit: { code: e.code, detail: e.detail, location: e.location, ...(e.hint === undefined ? {} : { hint: e.hint }) },
      };
      return [wire, []];
    },
    deserialize(wire) {
      const sk = wire.segmentKit;
      if (!sk) return base.deserialize(wire);
      throw new SegmentKitError(sk.code, sk.detail, { location: sk.location, hint: sk.hint });
    },
  };
  transferHandlers.set('throw', handler);
}
