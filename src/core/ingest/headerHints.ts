import { normalizeHeader } from './normalizeHeader';

const ID_WORDS = /(?:^| )(?:id|ids|nr|nummer|uuid|guid|key|code|sku|ean)(?: |$)|(?:^| )(?:no|number|num)$|(?:nummer|nr)$|(?:customer|client|order|invoice|user|account|kunden|klant|member|ticket|transaction)id$/;
const DATE_WORDS = /(?:^| )(?:date|datum|day|dag|tag|time|timestamp|created|updated|since|seit|sinds|at)$|(?:^| )(?:date|datum|dt)(?: |$)|datum$|date$/;
const FLAG_WORDS = /^(?:is|has|was) |(?:^| )(?:churn|churned|flag|active|cancelled|canceled|gekuendigt|opgezegd|opgezegd|abgewandert|vip)(?: |$)/;

/** Whether a header names an identifier (`customer_id`, `Kundennummer`, `klant nr`, `Order No`). */
export function isIdHeader(header: string): boolean {
  return ID_WORDS.test(normalizeHeader(header));
}

/** Whether a header names a date (`order_date`, `Bestelldatum`, `Kunde seit`, `created_at`). */
export function isDateHeader(header: string): boolean {
  return DATE_WORDS.test(normalizeHeader(header));
}

/** Whether a header names a yes/no flag, so a 0/1 column becomes boolean (`churned`, `is_vip`). */
export function isFlagHeader(header: string): boolean {
  return FLAG_WORDS.test(normalizeHeader(header));
}
