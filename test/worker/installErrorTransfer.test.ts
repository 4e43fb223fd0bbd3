import { expose, transferHandlers, wrap } from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { SegmentKitError } from '../../src/core/errors/SegmentKitError';
import { installErrorTransfer } from '../../src/worker/installErrorTransfer';

interface Thrower {
  fail(kind: 'sk' | 'plain'): void;
}

describe('installErrorTransfer', () => {
  test('a SegmentKitError thrown across a comlink channel arrives with its code, location and hint; other errors as before', async () => {
    installErrorTransfer();
    const { port1, port2 } = new MessageChannel();
    expose(
      {
        fail(kind: 'sk' | 'plain') {
          if (kind === 'sk') throw new SegmentKitError('E_CANCELLED', 'The run was cancelled', { location: { sheet: 'Orders' }, hint: 'Run the step again when you are ready.' });
          throw new Error('boom');
        },
      },
      port1 as unknown as Parameters<typeof expose>[1],
    );
    const remote = wrap<Thrower>(port2 as unknown as Parameters<typeof wrap>[0]);
    try {
      const sk = await Promise.resolve(remote.fail('sk')).then(
        () => null,
        (e: unknown) => e,
      );
      expect(sk).toBeInstanceOf(SegmentKitError);
      expect(sk).toMatchObject({ code: 'E_CANCELLED', location: { sheet: 'Orders' }, hint: 'Run the step again when you are ready.', message: 'sheet "Orders": The run was cancelled. Run the step again when you are ready.' });
      const plain = await Promise.resolve(remote.fail('plain')).then(
        () => null,
        (e: unknown) => e,
      );
      expect(plain).not.toBeInstanceOf(SegmentKitError);
      expect(plain).toMatchObject({ message: 'boom' });
    } finally {
      port1.close();
      port2.close();
    }
  });

  test('installing twice keeps the one handler (it does not wrap itself)', () => {
    installErrorTransfer();
    const first = transferHandlers.get('throw');
    installErrorTransfer();
    expect(transferHandlers.get('throw')).toBe(first);
  });
});
