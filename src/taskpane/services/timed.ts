/**
 * Runs `fn` and records its wall time as a User Timing measure named `name`, so the browser's
 * performance timeline (and the responsiveness benchmark) shows each phase of a run.
 *
 * @example
 * const data = await timed('sk:read', () => port.readSheet('Orders'));
 * performance.getEntriesByName('sk:read')[0].duration; // milliseconds
 */
export async function timed<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}
