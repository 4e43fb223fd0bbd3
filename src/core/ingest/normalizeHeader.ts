/**
 * A header reduced to lowercase ASCII words so `Kunden-ID`, `kunden_id` and `Kunden Id` compare
 * equal and `Unternehmensgröße` matches `unternehmensgroesse`.
 *
 * @example
 * normalizeHeader('Unternehmens-Größe'); // 'unternehmens groesse'
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
