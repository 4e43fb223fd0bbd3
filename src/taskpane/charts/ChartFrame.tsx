import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: '4px', maxWidth: '420px' },
  caption: { fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** Shared frame: a caption people read and an accessible name for the drawing. */
export function ChartFrame({ title, note, width, height, children }: { title: string; note?: string; width: number; height: number; children: ReactNode }) {
  const styles = useStyles();
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <svg role="img" aria-label={note ? `${title}. ${note}` : title} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxHeight: height * 1.5 }}>
        {children}
      </svg>
      {note && <span className={styles.note}>{note}</span>}
    </figure>
  );
}

/** Fluent tokens as SVG paints, so charts follow the light and dark Office themes. */
export const PAINT = {
  size: tokens.colorBrandBackground,
  value: tokens.colorPaletteGreenBackground3,
  text: tokens.colorNeutralForeground1,
  muted: tokens.colorNeutralForeground3,
  grid: tokens.colorNeutralStroke2,
  accent: tokens.colorPaletteRedBackground3,
};
