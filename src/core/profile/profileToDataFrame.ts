import type { DataFrame } from 'danfojs';
import type { SegmentProfile } from './SegmentProfile';

/**
 * The profile as a danfojs DataFrame (one row per segment: size, share, value, value share and
 * the mean of each feature) for users' familiar DataFrame operations. danfojs takes about 1.5 s
 * to load, so it is imported here, on first call, never when SegmentKit loads; keep this out
 * of per-customer code.
 *
 * @example
 * const df = await profileToDataFrame(result.profile);
 * df.sortValues('value', { ascending: false });
 */
export async function profileToDataFrame(profile: SegmentProfile): Promise<DataFrame> {
  const dfd = await import('danfojs');
  const data: Record<string, (string | number | null)[]> = {
    segment: profile.segments.map((s) => s.name),
    size: profile.segments.map((s) => s.size),
    share: profile.segments.map((s) => s.share),
    value: profile.segments.map((s) => s.value),
    value_share: profile.segments.map((s) => s.valueShare),
  };
  for (const f of profile.featureNames) data[`mean_${f}`] = profile.segments.map((s) => s.features[f].mean);
  return new dfd.DataFrame(data);
}
