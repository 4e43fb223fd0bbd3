/** Edit distance (Levenshtein), case-insensitive, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/**
 * Up to `limit` candidate names closest to `name` (substring matches first, then by distance).
 *
 * @example
 * closestNames('revnue', ['revenue', 'orders']); // ['revenue']
 */
export function closestNames(name: string, candidates: string[], limit = 3): string[] {
  const key = name.toLowerCase();
  return candidates
    .map((c) => ({ c, d: c.toLowerCase().includes(key) || key.includes(c.toLowerCase()) ? 0 : distance(name, c) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(name.length / 2)))
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : a.c > b.c ? 1 : 0))
    .slice(0, limit)
    .map((x) => x.c);
}
