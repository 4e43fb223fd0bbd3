import { timed } from '../../../src/taskpane/services/timed';

describe('timed', () => {
  test('records a User Timing measure of the awaited work under the given name and passes the value through', async () => {
    performance.clearMeasures('test:wait');
    const v = await timed('test:wait', () => new Promise<number>((r) => setTimeout(() => r(7), 30)));
    expect(v).toBe(7);
    const [m] = performance.getEntriesByName('test:wait');
    expect(m!.duration).toBeGreaterThanOrEqual(25);
  });

  test('records the measure when the work fails, and the failure still reaches the caller', async () => {
    performance.clearMeasures('test:fail');
    await expect(timed('test:fail', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(performance.getEntriesByName('test:fail')).toHaveLength(1);
  });
});
