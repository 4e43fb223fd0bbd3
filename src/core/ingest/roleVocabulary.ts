import type { ColumnType } from '../table/Table';
import type { Role } from '../roles/Role';

export interface RoleVocabulary {
  /** Normalised headers (see normalizeHeader) in English, German and Dutch that name the role outright. */
  names: string[];
  /** Word stems that suggest the role when they appear inside a longer header. */
  stems: string[];
  /** Column types that can carry the role. */
  types: ColumnType[];
}

const ID_TYPES: ColumnType[] = ['id', 'category', 'text', 'number'];
const LABEL_TYPES: ColumnType[] = ['category', 'text', 'id'];
const DATE_TYPES: ColumnType[] = ['date'];
const NUMBER_TYPES: ColumnType[] = ['number'];

/** Header vocabulary per role, as data so a new language is a list, not code. */
export const ROLE_VOCABULARY: Record<Role, RoleVocabulary> = {
  customerId: {
    names: ['customer id', 'customer', 'customer no', 'customer number', 'client id', 'client', 'user id', 'account id', 'kundennummer', 'kunden id', 'kunde', 'kunden nr', 'kundennr', 'klantnummer', 'klant id', 'klant', 'klantnr', 'member id'],
    stems: ['customer', 'client', 'kunde', 'klant'],
    types: ID_TYPES,
  },
  orderId: {
    names: ['order id', 'order', 'order no', 'order number', 'invoice', 'invoice id', 'invoice no', 'invoice number', 'invoiceno', 'transaction id', 'bestellnummer', 'bestellung', 'rechnungsnummer', 'rechnung', 'auftragsnummer', 'ordernummer', 'bestelnummer', 'factuurnummer', 'factuur'],
    stems: ['invoice', 'bestell', 'rechnung', 'factuur', 'auftrag'],
    types: ID_TYPES,
  },
  date: {
    names: ['date', 'order date', 'invoice date', 'purchase date', 'transaction date', 'invoicedate', 'bestelldatum', 'datum', 'rechnungsdatum', 'kaufdatum', 'orderdatum', 'besteldatum', 'factuurdatum', 'aankoopdatum'],
    stems: ['date', 'datum'],
    types: DATE_TYPES,
  },
  amount: {
    names: ['amount', 'revenue', 'sales', 'total', 'value', 'dollar value', 'dollars', 'spend', 'order value', 'umsatz', 'betrag', 'gesamtbetrag', 'summe', 'wert', 'omzet', 'bedrag', 'totaal', 'waarde'],
    stems: ['amount', 'revenue', 'umsatz', 'betrag', 'omzet', 'bedrag', 'dollar'],
    types: NUMBER_TYPES,
  },
  quantity: {
    names: ['quantity', 'qty', 'units', 'number of cds', 'menge', 'anzahl', 'stueck', 'stueckzahl', 'aantal', 'hoeveelheid'],
    stems: ['quantity', 'menge', 'anzahl', 'aantal'],
    types: NUMBER_TYPES,
  },
  unitPrice: {
    names: ['unit price', 'price', 'unitprice', 'einzelpreis', 'preis', 'stueckpreis', 'stukprijs', 'prijs', 'eenheidsprijs'],
    stems: ['price', 'preis', 'prijs'],
    types: NUMBER_TYPES,
  },
  product: {
    names: ['product', 'product name', 'item', 'sku', 'stock code', 'stockcode', 'description', 'category', 'product category', 'artikel', 'produkt', 'artikelnummer', 'warengruppe', 'kategorie', 'productnaam', 'categorie'],
    stems: ['product', 'produkt', 'artikel', 'item'],
    types: LABEL_TYPES,
  },
  age: { names: ['age', 'alter', 'leeftijd'], stems: ['age', 'alter', 'leeftijd'], types: NUMBER_TYPES },
  birthDate: { names: ['birth date', 'birthdate', 'date of birth', 'dob', 'birthday', 'geburtsdatum', 'geburtstag', 'geboortedatum'], stems: ['birth', 'geburt', 'geboorte'], types: DATE_TYPES },
  gender: { names: ['gender', 'sex', 'geschlecht', 'geslacht'], stems: ['gender', 'geschlecht', 'geslacht'], types: LABEL_TYPES },
  income: { names: ['income', 'annual income', 'salary', 'einkommen', 'jahreseinkommen', 'gehalt', 'inkomen', 'salaris'], stems: ['income', 'einkommen', 'inkomen'], types: NUMBER_TYPES },
  education: { names: ['education', 'education level', 'bildung', 'bildungsabschluss', 'abschluss', 'opleiding', 'opleidingsniveau'], stems: ['education', 'bildung', 'opleiding'], types: LABEL_TYPES },
  maritalStatus: { names: ['marital status', 'marital', 'familienstand', 'burgerlijke staat'], stems: ['marital', 'familienstand', 'burgerlijk'], types: LABEL_TYPES },
  country: { names: ['country', 'land', 'staat', 'country code'], stems: ['country'], types: LABEL_TYPES },
  region: { names: ['region', 'state', 'province', 'bundesland', 'provincie', 'regio'], stems: ['region', 'bundesland', 'provinc'], types: LABEL_TYPES },
  city: { names: ['city', 'town', 'stadt', 'ort', 'wohnort', 'stad', 'plaats', 'woonplaats'], stems: ['city', 'stadt', 'plaats'], types: LABEL_TYPES },
  companySize: {
    names: ['company size', 'employees', 'number of employees', 'headcount', 'mitarbeiter', 'mitarbeiterzahl', 'anzahl mitarbeiter', 'unternehmensgroesse', 'firmengroesse', 'bedrijfsgrootte', 'medewerkers', 'aantal medewerkers'],
    stems: ['employee', 'mitarbeiter', 'unternehmensgroesse', 'bedrijfsgrootte', 'medewerker'],
    types: ['number', 'category', 'text'],
  },
  signupDate: {
    names: ['signup date', 'signup', 'sign up date', 'registration date', 'joined', 'join date', 'customer since', 'first purchase', 'registrierung', 'registrierungsdatum', 'kunde seit', 'anmeldedatum', 'aanmelddatum', 'klant sinds', 'registratiedatum'],
    stems: ['signup', 'registr', 'seit', 'sinds', 'joined', 'aanmeld', 'anmeld'],
    types: DATE_TYPES,
  },
  tenure: { names: ['tenure', 'tenure months', 'months active', 'kundendauer', 'looptijd'], stems: ['tenure'], types: NUMBER_TYPES },
  lastActivity: {
    names: ['last activity', 'last login', 'last seen', 'last active', 'last purchase', 'letzte aktivitaet', 'letzter login', 'letzter kauf', 'laatste activiteit', 'laatste login', 'laatste aankoop'],
    stems: ['last', 'letzte', 'laatste'],
    types: DATE_TYPES,
  },
  platform: {
    names: ['platform', 'device', 'os', 'operating system', 'browser', 'geraet', 'betriebssystem', 'plattform', 'apparaat', 'besturingssysteem', 'platform type'],
    stems: ['platform', 'device', 'geraet', 'apparaat', 'plattform'],
    types: LABEL_TYPES,
  },
  appUsage: {
    names: ['app usage', 'sessions', 'logins', 'usage', 'sessions per month', 'app sessions', 'nutzung', 'sitzungen', 'gebruik', 'sessies'],
    stems: ['session', 'usage', 'nutzung', 'sitzung', 'sessie', 'gebruik'],
    types: NUMBER_TYPES,
  },
  channel: {
    names: ['channel', 'preferred channel', 'contact channel', 'kanal', 'bevorzugter kanal', 'kontaktkanal', 'kanaal', 'voorkeurskanaal'],
    stems: ['channel', 'kanal', 'kanaal'],
    types: LABEL_TYPES,
  },
  techComfort: { names: ['tech comfort', 'tech savvy', 'digital affinity', 'technikaffinitaet', 'digitale affinitaet', 'digitale vaardigheid'], stems: ['tech', 'affinit'], types: ['number', 'category'] },
  supportContacts: {
    names: ['support contacts', 'contacts', 'tickets', 'support tickets', 'number of tickets', 'anfragen', 'supportanfragen', 'kontakte', 'contactmomenten', 'contacten', 'klantcontacten'],
    stems: ['ticket', 'contact', 'anfrage', 'kontakt'],
    types: NUMBER_TYPES,
  },
  satisfaction: {
    names: ['satisfaction', 'csat', 'nps', 'customer satisfaction', 'rating', 'zufriedenheit', 'kundenzufriedenheit', 'bewertung', 'tevredenheid', 'klanttevredenheid', 'beoordeling'],
    stems: ['satisf', 'csat', 'nps', 'zufrieden', 'tevreden'],
    types: ['number', 'category'],
  },
  plan: { names: ['plan', 'subscription', 'tier', 'package', 'tarif', 'abo', 'abonnement', 'paket', 'pakket'], stems: ['plan', 'subscription', 'tarif', 'abonnement'], types: LABEL_TYPES },
  churn: {
    names: ['churn', 'churned', 'is churned', 'cancelled', 'canceled', 'gekuendigt', 'abgewandert', 'opgezegd', 'vertrokken'],
    stems: ['churn', 'kuendig', 'opgezegd'],
    types: ['boolean', 'number', 'category'],
  },
};
