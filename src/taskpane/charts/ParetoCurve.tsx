import { useI18n } from '../i18n/I18nContext';
import { ChartFrame, PAINT } from './ChartFrame';

const W = 300;
const H = 180;
const PAD = 28;

/** Cumulative value share against customer share; the note reads off the top 20 %. */
export function ParetoCurve({ points }: { points: { x: number; y: number }[] }) {
  const { t, percent } = useI18n();
  const sx = (x: number) => PAD + x * (W - PAD - 8);
  const sy = (y: number) => H - PAD - y * (H - PAD - 8);
  const at20 = points.find((p) => p.x >= 0.2)?.y ?? 0;
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  return (
    <ChartFrame title={t('chart.pareto')} note={t('chart.paretoNote', { share: percent(0.2), value: percent(at20) })} width={W} height={H}>
      <line x1={sx(0)} y1={sy(0)} x2={sx(1)} y2={sy(1)} stroke={PAINT.grid} strokeDasharray="4 3" />
      <line x1={sx(0)} y1={sy(0)} x2={sx(1)} y2={sy(0)} stroke={PAINT.muted} />
      <line x1={sx(0)} y1={sy(0)} x2={sx(0)} y2={sy(1)} stroke={PAINT.muted} />
      <path d={path} fill="none" stroke={PAINT.size} strokeWidth={2} />
      <line x1={sx(0.2)} y1={sy(0)} x2={sx(0.2)} y2={sy(at20)} stroke={PAINT.accent} strokeDasharray="2 2" />
      <text x={sx(0)} y={H - 8} fontSize={9} fill={PAINT.muted}>0</text>
      <text x={sx(1)} y={H - 8} fontSize={9} textAnchor="end" fill={PAINT.muted}>{percent(1)}</text>
      <text x={4} y={sy(1) + 4} fontSize={9} fill={PAINT.muted}>{percent(1)}</text>
    </ChartFrame>
  );
}
