import type { RunProgress } from '../core/recipe/runRecipe';

/** Progress on stderr for people at a terminal; silent under --json or when piped. */
export function progressReporter(json: boolean): ((p: RunProgress) => void) | undefined {
  if (json || !process.stderr.isTTY) return undefined;
  return (p) => {
    const pct = Math.round(((p.index + (p.phase === 'apply' ? 0.5 : 0)) / p.total) * 100);
    process.stderr.write(`\r${String(pct).padStart(3)} %  ${p.phase === 'fit' ? 'fitting' : 'applying'} ${p.modelId}…`.padEnd(60));
    if (p.index === p.total - 1 && p.phase === 'apply') process.stderr.write('\r'.padEnd(61) + '\r');
  };
}
