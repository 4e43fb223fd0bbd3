import { useI18n } from '../i18n/I18nContext';
import { ChartFrame, PAINT } from './ChartFrame';

const CELL = 34;
const PAD = 36;

/** Customers per recency score (rows, best on top) × frequency score (columns). */
export function RfmHeatGrid({ grid }: { grid: number[][] }) {
  const { t, number } = useI18n();
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const max = Math.max(1, ...grid.flat());
  const w = PAD + cols * CELL + 4;
  const h = PAD + rows * CELL + 4;
  return (
    <ChartFrame title={t('chart.rfmGrid')} width={w} height={h}>
      <text x={PAD} y={12} fontSize={10} fill={PAINT.text}>{t('chart.frequency')} →</text>
      <text x={10} y={PAD + (rows * CELL) / 2} fontSize={10} fill={PAINT.text} transform={`rotate(-90 10 ${PAD + (rows * CELL) / 2})`} textAnchor="middle">{t('chart.recency')} →</text>
      {grid.map((row, r) =>
        row.map((count, c) => {
          const x = PAD + c * CELL;
          const y = PAD + (rows - 1 - r) * CELL;
          const strength = count / max;
          return (
            <g key={`${r}-${c}`}>
              <rect x={x} y={y} width={CELL - 2} height={CELL - 2} fill={PAINT.size} fillOpacity={0.08 + 0.92 * strength} />
              <text x={x + CELL / 2 - 1} y={y + CELL / 2 + 3} fontSize={9} textAnchor="middle" fill={strength > 0.5 ? '#ffffff' : PAINT.text}>{number(count)}</text>
            </g>
          );
        }),
      )}
      {grid[0]?.map((_, c) => <text key={c} x={PAD + c * CELL + CELL / 2} y={PAD - 4} fontSize={9} textAnchor="middle" fill={PAINT.muted}>{c + 1}</text>)}
      {grid.map((_, r) => <text key={r} x={PAD - 6} y={PAD + (rows - 1 - r) * CELL + CELL / 2 + 3} fontSize={9} textAnchor="end" fill={PAINT.muted}>{r + 1}</text>)}
    </ChartFrame>
  );
}
