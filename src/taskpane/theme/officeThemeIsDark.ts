/**
 * Whether Office's current theme is dark, from its body background colour (`#1f1f1f` → true).
 * Outside Office (no theme) the answer is false.
 *
 * @example
 * officeThemeIsDark('#262626'); // true
 */
export function officeThemeIsDark(background: string | undefined | null): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background ?? '');
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
