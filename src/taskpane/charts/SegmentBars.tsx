import { useI18n } from '../i18n/I18nContext';
import type { SegmentSummary } from '../services/SegmentKitServices';
import { ChartFrame, PAINT } from './ChartFrame';

const ROW = 22;
const LABEL = 120;
const WIDTH = 400;

/** Customer share next to value share per segment: where value concentrates at a glance. */
export function SegmentBars({ segments }: { segments: SegmentSummary[] }) {
  const { t, percent } = useI18n();
  const max = Math.max(0.01, ...segments.map((s) => Math.max(s.share, s.valueShare)));
  const bar = (WIDTH - LABEL - 50) / max;
  const height = segments.length * ROW + 24;
  return (
    <ChartFrame title={t('chart.sizeValue')} width={WIDTH} height={height}>
      <rect x={LABEL} y={2} width={10} height={8} fill={PAINT.size} />
      <text x={LABEL + 14} y={10} fontSize={10} fill={PAINT.text}>{t('results.share')}</text>
      <rect x={LABEL + 90} y={2} width={10} height={8} fill={PAINT.value} />
      <text x={LABEL + 104} y={10} fontSize={10} fill={PAINT.text}>{t('results.valueShare')}</text>
      {segments.map((s, i) => {
        const y = 20 + i * ROW;
        return (
          <g key={s.index}>
            <text x={LABEL - 4} y={y + 13} fontSize={10} textAnchor="end" fill={PAINT.text}>{s.name.length > 20 ? `${s.name.slice(0, 19)}…` : s.name}</text>
            <rect x={LABEL} y={y + 2} width={Math.max(1, s.share * bar)} height={8} fill={PAINT.size} />
            <rect x={LABEL} y={y + 11} width={Math.max(1, s.valueShare * bar)} height={8} fill={PAINT.value} />
            <text x={LABEL + Math.max(s.share, s.valueShare) * bar + 4} y={y + 14} fontSize={9} fill={PAINT.muted}>{percent(s.valueShare)}</text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
