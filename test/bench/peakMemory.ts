/**
 * Samples resident memory while `fn` runs: process.resourceUsage().maxRSS is a lifetime
 * maximum, so a timer-based sample is what tells one case's peak from the previous one's.
 */
export async function measure<T>(fn: () => T | Promise<T>): Promise<{ value: T; seconds: number; peakMB: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
  }, 20);
  const t0 = process.hrtime.bigint();
  try {
    const value = await fn();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds, peakMB: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}
