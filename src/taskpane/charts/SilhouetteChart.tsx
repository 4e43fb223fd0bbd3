import { useI18n } from '../i18n/I18nContext';
import { ChartFrame, PAINT } from './ChartFrame';

const W = 300;
const H = 160;
const PAD = 28;

/** Silhouette per candidate k; the chosen k is marked so the automatic choice is explainable. */
export function SilhouetteChart({ candidates, chosen }: { candidates: { k: number; silhouette: number }[]; chosen?: number }) {
  const { t, number } = useI18n();
  if (candidates.length === 0) return null;
  const ks = candidates.map((c) => c.k);
  const kMin = Math.min(...ks);
  const kMax = Math.max(...ks);
  const sMax = Math.max(0.01, ...candidates.map((c) => c.silhouette));
  const sx = (k: number) => PAD + ((k - kMin) / Math.max(1, kMax - kMin)) * (W - PAD - 12);
  const sy = (s: number) => H - PAD - (Math.max(0, s) / sMax) * (H - PAD - 10);
  const path = candidates.map((c, i) => `${i ? 'L' : 'M'}${sx(c.k).toFixed(1)},${sy(c.silhouette).toFixed(1)}`).join(' ');
  return (
    <ChartFrame title={t('chart.silhouette')} width={W} height={H}>
      <line x1={PAD} y1={H - PAD} x2={W - 8} y2={H - PAD} stroke={PAINT.muted} />
      <path d={path} fill="none" stroke={PAINT.size} strokeWidth={2} />
      {candidates.map((c) => (
        <g key={c.k}>
          <circle cx={sx(c.k)} cy={sy(c.silhouette)} r={c.k === chosen ? 5 : 3} fill={c.k === chosen ? PAINT.accent : PAINT.size} />
          <text x={sx(c.k)} y={H - PAD + 12} fontSize={9} textAnchor="middle" fill={PAINT.muted}>{c.k}</text>
          <text x={sx(c.k)} y={sy(c.silhouette) - 7} fontSize={8} textAnchor="middle" fill={PAINT.text}>{number(c.silhouette, 2)}</text>
        </g>
      ))}
    </ChartFrame>
  );
}
