import type { KmeansModel } from './KmeansModel';

export interface NameClustersOptions {
  /** Words for features, e.g. `{ monetary: 'spending' }`; one-hot features default to their category text. */
  labels?: Record<string, string>;
  /** A standardised centroid at least this far from 0 stands out (default 0.5 sd). */
  threshold?: number;
  /** At least this far is "very" (default 1.5 sd). */
  strong?: number;
  /** Words per name before a name needs disambiguating (default 2). */
  maxWords?: number;
  /** Name of a cluster where nothing stands out (default "Typical"). */
  typical?: string;
}

/**
 * Readable, unique names from standardised centroids: the features furthest from average
 * become words ("High income · low spending"); a cluster where nothing stands out is
 * "Typical". Clashing names take further words, then a number.
 *
 * @example
 * nameClusters(model, { labels: { income: 'income', monetary: 'spending' } });
 * // ['High income · low spending', 'Typical', 'Very high spending']
 */
export function nameClusters(model: KmeansModel, options: NameClustersOptions = {}): string[] {
  const threshold = options.threshold ?? 0.5;
  const strong = options.strong ?? 1.5;
  const maxWords = options.maxWords ?? 2;
  const typical = options.typical ?? 'Typical';
  const wordsPerCluster = model.centroids.map((z) => {
    const order = z.map((v, j) => j).filter((j) => Math.abs(z[j]) >= threshold).sort((a, b) => Math.abs(z[b]) - Math.abs(z[a]));
    return order.map((j) => describe(model, j, z[j], strong, options.labels));
  });
  const nameOf = (words: string[], count: number): string => {
    if (words.length === 0) return typical;
    const phrase = words.slice(0, count).join(' · ');
    return phrase.charAt(0).toUpperCase() + phrase.slice(1);
  };
  let counts = wordsPerCluster.map(() => maxWords);
  let names = wordsPerCluster.map((w, c) => nameOf(w, counts[c]));
  for (;;) {
    const clashing = new Set(names.filter((n, i) => names.indexOf(n) !== i));
    const next = counts.map((c, i) => (clashing.has(names[i]) && c < wordsPerCluster[i].length ? c + 1 : c));
    if (next.every((c, i) => c === counts[i])) break;
    counts = next;
    names = wordsPerCluster.map((w, c) => nameOf(w, counts[c]));
  }
  const used = new Map<string, number>();
  return names.map((n) => {
    const seen = (used.get(n) ?? 0) + 1;
    used.set(n, seen);
    return names.filter((m) => m === n).length > 1 ? `${n} (${seen})` : n;
  });
}

function describe(model: KmeansModel, j: number, z: number, strong: number, labels?: Record<string, string>): string {
  const source = model.scaler.sources[j];
  const feature = model.features[j];
  if (source.kind === 'category') {
    const word = labels?.[feature] ?? source.category;
    return `${z > 0 ? 'more' : 'fewer'} ${word}`;
  }
  const word = labels?.[feature] ?? feature;
  const level = z > 0 ? 'high' : 'low';
  return `${Math.abs(z) >= strong ? `very ${level}` : level} ${word}`;
}
