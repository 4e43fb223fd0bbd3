import { SegmentKitError } from '../errors/SegmentKitError';
import { createRng } from '../random/createRng';

/**
 * The per-initialisation seeds `fitKmeans` uses for a given seed. An adapter that spreads
 * initialisations over workers calls `kmeansSingleInit` with these and gets the same model.
 *
 * @example
 * kmeansInitSeeds(42, 10); // ten 32-bit seeds, the same on every machine
 */
export function kmeansInitSeeds(seed: number, nInit: number): number[] {
  if (!Number.isInteger(nInit) || nInit < 1) {
    throw new SegmentKitError('E_KMEANS_N_INIT', `nInit must be a whole number of at least 1, not ${nInit}`, { location: { path: 'nInit' }, hint: 'Use 10 (the default) unless the data is very large.' });
  }
  const rng = createRng(seed);
  return Array.from({ length: nInit }, () => Math.floor(rng.next() * 4294967296));
}
