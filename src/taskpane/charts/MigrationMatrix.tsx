import { useI18n } from '../i18n/I18nContext';
import { ChartFrame, PAINT } from './ChartFrame';

const CELL = 30;
const LABEL = 90;

/** Who moved from which segment (rows, earlier run) to which (columns, this run). */
export function MigrationMatrix({ from, to, counts }: { from: string[]; to: string[]; counts: number[][] }) {
  const { t, number } = useI18n();
  const max = Math.max(1, ...counts.flat());
  const w = LABEL + to.length * CELL + 4;
  const h = LABEL + from.length * CELL + 4;
  const short = (s: string) => (s.length > 12 ? `${s.slice(0, 11)}…` : s);
  return (
    <ChartFrame title={t('chart.migration')} width={w} height={h}>
      {to.map((name, c) => (
        <text key={name} x={LABEL + c * CELL + CELL / 2} y={LABEL - 4} fontSize={9} fill={PAINT.text} transform={`rotate(-60 ${LABEL + c * CELL + CELL / 2} ${LABEL - 4})`}>{short(name)}</text>
      ))}
      {from.map((name, r) => (
        <g key={name}>
          <text x={LABEL - 4} y={LABEL + r * CELL + CELL / 2 + 3} fontSize={9} textAnchor="end" fill={PAINT.text}>{short(name)}</text>
          {to.map((_, c) => {
            const n = counts[r]?.[c] ?? 0;
            return (
              <g key={c}>
                <rect x={LABEL + c * CELL} y={LABEL + r * CELL} width={CELL - 2} height={CELL - 2} fill={r === c ? PAINT.value : PAINT.size} fillOpacity={0.08 + 0.92 * (n / max)} />
                <text x={LABEL + c * CELL + CELL / 2 - 1} y={LABEL + r * CELL + CELL / 2 + 3} fontSize={8} textAnchor="middle" fill={n / max > 0.5 ? '#ffffff' : PAINT.text}>{number(n)}</text>
              </g>
            );
          })}
        </g>
      ))}
      <text x={4} y={12} fontSize={9} fill={PAINT.muted}>{t('chart.from')} ↓ / {t('chart.to')} →</text>
    </ChartFrame>
  );
}
