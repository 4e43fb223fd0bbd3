import { detectRoles } from '../../../src/core/ingest/detectRoles';
import { detectShape } from '../../../src/core/ingest/detectShape';
import { tableFromValues } from '../../../src/core/ingest/tableFromValues';
import type { SegmentKitError } from '../../../src/core/errors/SegmentKitError';

const roleMap = (header: string[], row: unknown[], row2: unknown[] = row) => {
  const parsed = tableFromValues([header, row, row2]);
  return Object.fromEntries(detectRoles(parsed).map((g) => [g.role, g.column]));
};

describe('detectRoles', () => {
  it('reads English headers', () => {
    expect(
      roleMap(
        ['Customer ID', 'Invoice No', 'Order Date', 'Quantity', 'Unit Price', 'Amount', 'Product', 'Country', 'Signup Date', 'Preferred Channel', 'Tickets', 'CSAT', 'Plan', 'Churned'],
        ['C1', 'I1', '2024-01-02', 2, 3.5, 7, 'Widget', 'NL', '2023-05-01', 'email', 3, 4, 'Pro', 'no'],
        ['C2', 'I2', '2024-01-03', 1, 2.5, 2.5, 'Gizmo', 'DE', '2023-06-01', 'phone', 0, 5, 'Basic', 'yes'],
      ),
    ).toEqual({
      customerId: 'Customer ID', orderId: 'Invoice No', date: 'Order Date', quantity: 'Quantity', unitPrice: 'Unit Price', amount: 'Amount', product: 'Product',
      country: 'Country', signupDate: 'Signup Date', channel: 'Preferred Channel', supportContacts: 'Tickets', satisfaction: 'CSAT', plan: 'Plan', churn: 'Churned',
    });
  });

  it('reads German headers', () => {
    expect(
      roleMap(
        ['Kundennummer', 'Rechnungsnummer', 'Bestelldatum', 'Menge', 'Einzelpreis', 'Umsatz', 'Artikel', 'Alter', 'Geschlecht', 'Einkommen', 'Bundesland', 'Stadt', 'Kunde seit', 'Gerät', 'Kanal', 'Zufriedenheit', 'Tarif', 'Gekündigt'],
        ['K1', 'R1', '01.02.2024', 2, '3,50', '7,00', 'Buch', 34, 'w', 50000, 'Bayern', 'München', '01.01.2020', 'iOS', 'Telefon', 4, 'Basis', 'nein'],
        ['K2', 'R2', '02.02.2024', 1, '2,50', '2,50', 'Heft', 45, 'm', 60000, 'Hessen', 'Kassel', '01.01.2021', 'Android', 'E-Mail', 5, 'Plus', 'ja'],
      ),
    ).toEqual({
      customerId: 'Kundennummer', orderId: 'Rechnungsnummer', date: 'Bestelldatum', quantity: 'Menge', unitPrice: 'Einzelpreis', amount: 'Umsatz', product: 'Artikel',
      age: 'Alter', gender: 'Geschlecht', income: 'Einkommen', region: 'Bundesland', city: 'Stadt', signupDate: 'Kunde seit', platform: 'Gerät', channel: 'Kanal',
      satisfaction: 'Zufriedenheit', plan: 'Tarif', churn: 'Gekündigt',
    });
  });

  it('reads Dutch headers', () => {
    expect(
      roleMap(
        ['klant_id', 'factuurnummer', 'orderdatum', 'aantal', 'stukprijs', 'bedrag', 'leeftijd', 'geslacht', 'opleiding', 'burgerlijke staat', 'provincie', 'plaats', 'klant sinds', 'laatste activiteit', 'apparaat', 'kanaal', 'contactmomenten', 'tevredenheid', 'abonnement', 'opgezegd'],
        ['K1', 'F1', '01-02-2024', 2, '3,50', '7,00', 30, 'v', 'hbo', 'gehuwd', 'Utrecht', 'Zeist', '01-01-2020', '15-01-2024', 'iOS', 'chat', 2, 8, 'Basis', 'nee'],
        ['K2', 'F2', '02-02-2024', 1, '2,50', '2,50', 41, 'm', 'mbo', 'ongehuwd', 'Drenthe', 'Assen', '01-01-2021', '16-01-2024', 'Android', 'telefoon', 0, 9, 'Plus', 'ja'],
      ),
    ).toEqual({
      customerId: 'klant_id', orderId: 'factuurnummer', date: 'orderdatum', quantity: 'aantal', unitPrice: 'stukprijs', amount: 'bedrag', age: 'leeftijd', gender: 'geslacht',
      education: 'opleiding', maritalStatus: 'burgerlijke staat', region: 'provincie', city: 'plaats', signupDate: 'klant sinds', lastActivity: 'laatste activiteit',
      platform: 'apparaat', channel: 'kanaal', supportContacts: 'contactmomenten', satisfaction: 'tevredenheid', plan: 'abonnement', churn: 'opgezegd',
    });
  });

  it('falls back to values when headers say nothing, and tells transactions from customers', () => {
    const parsed = tableFromValues([
      ['00004', '19970101', '2', '29.33'],
      ['00004', '19970118', '2', '29.73'],
      ['00018', '19970102', '1', '11.77'],
    ]);
    const roles = detectRoles(parsed);
    expect(roles.map((g) => `${g.role}=${g.column}`)).toEqual(['customerId=Column A', 'date=Column B', 'amount=Column D', 'quantity=Column C']);
    expect(roles.every((g) => g.confidence <= 0.5)).toBe(true);
    expect(detectShape(parsed, roles)).toBe('transactions');
    const customers = tableFromValues([['customer_id', 'signup'], ['C1', '2024-01-01'], ['C2', '2024-01-02']]);
    expect(detectShape(customers, detectRoles(customers))).toBe('customers');
  });

  it('gives each role to one column and lets the caller override', () => {
    const parsed = tableFromValues([['Datum', 'Bestelldatum', 'Betrag'], ['01.01.2024', '02.01.2024', '1,5'], ['03.01.2024', '04.01.2024', '2,5']]);
    const auto = detectRoles(parsed);
    expect(auto.filter((g) => g.role === 'date')).toHaveLength(1);
    const over = detectRoles(parsed, { overrides: { date: 'bestelldatum' } });
    expect(over.find((g) => g.role === 'date')).toEqual({ role: 'date', column: 'Bestelldatum', confidence: 1, reason: 'set by you' });
    let error: SegmentKitError | undefined;
    try {
      detectRoles(parsed, { overrides: { amount: 'Umsatz' } });
    } catch (e) {
      error = e as SegmentKitError;
    }
    expect(error?.code).toBe('E_ROLE_COLUMN_MISSING');
    expect(error?.message).toBe('column "Umsatz": The column "Umsatz" mapped to amount does not exist. Available columns: Datum, Bestelldatum, Betrag.');
  });
});
