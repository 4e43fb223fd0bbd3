import type { CellValue, SummaryTable } from '../results/Outputs';
import type { SegmentProfile } from './SegmentProfile';

/**
 * The profile as a sheet table: one row per segment, then an "All customers" row; per feature
 * its mean and lift against everyone.
 *
 * @example
 * const table = profileToSummaryTable(result.profile, 'RFM segments');
 */
export function profileToSummaryTable(profile: SegmentProfile, title: string): SummaryTable {
  const headers = ['Segment', 'Customers', 'Share', `Value (${profile.valueLabel})`, 'Value share'];
  const numberFormats: (string | undefined)[] = ['', '#,##0', '0.0%', '#,##0.00', '0.0%'];
  for (const f of profile.featureNames) {
    headers.push(`Mean ${f}`, `Median ${f}`, `Lift ${f}`);
    numberFormats.push('#,##0.00', '#,##0.00', '0.00');
  }
  headers.push('Top categories');
  numberFormats.push('');
  const rows: CellValue[][] = profile.segments.map((s) => {
    const row: CellValue[] = [s.name, s.size, s.share, s.value, s.valueShare];
    for (const f of profile.featureNames) {
      const st = s.features[f];
      row.push(st.mean, st.median, st.lift);
    }
    row.push(
      Object.entries(s.topCategories)
        .filter(([, list]) => list.length)
        .map(([col, list]) => `${col}: ${list.map((c) => `${c.value} ${Math.round(c.share * 100)} %`).join(', ')}`)
        .join('; '),
    );
    return row;
  });
  const assigned = profile.customerCount - profile.unassigned;
  const total: CellValue[] = ['All customers', assigned, assigned ? 1 : 0, profile.overall.value, profile.overall.value !== 0 ? 1 : 0];
  for (const f of profile.featureNames) {
    const st = profile.overall.features[f];
    total.push(st.mean, st.median, st.lift);
  }
  total.push('');
  rows.push(total);
  return { title, headers, rows, numberFormats };
}
