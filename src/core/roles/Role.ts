/**
 * What a column means to the models. Detected from headers and values, always overridable.
 */
export const ROLES = [
  'customerId',
  'orderId',
  'date',
  'amount',
  'quantity',
  'unitPrice',
  'product',
  'age',
  'birthDate',
  'gender',
  'income',
  'education',
  'maritalStatus',
  'country',
  'region',
  'city',
  'companySize',
  'signupDate',
  'tenure',
  'lastActivity',
  'platform',
  'appUsage',
  'channel',
  'techComfort',
  'supportContacts',
  'satisfaction',
  'plan',
  'churn',
] as const;

export type Role = (typeof ROLES)[number];

/** Column name per role, as the user confirmed or the detector proposed. */
export type RoleMap = Partial<Record<Role, string>>;

/** Human labels (English) used in messages such as "Lifecycle needs a signup or first purchase date". */
export const ROLE_LABELS: Record<Role, string> = {
  customerId: 'customer id',
  orderId: 'order / invoice id',
  date: 'transaction date',
  amount: 'amount',
  quantity: 'quantity',
  unitPrice: 'unit price',
  product: 'product / category',
  age: 'age',
  birthDate: 'birth date',
  gender: 'gender',
  income: 'income',
  education: 'education',
  maritalStatus: 'marital status',
  country: 'country',
  region: 'region',
  city: 'city',
  companySize: 'company size',
  signupDate: 'signup / first purchase date',
  tenure: 'tenure',
  lastActivity: 'last activity date',
  platform: 'platform / device / OS',
  appUsage: 'app usage',
  channel: 'preferred channel',
  techComfort: 'tech comfort score',
  supportContacts: 'support contacts',
  satisfaction: 'satisfaction (CSAT / NPS)',
  plan: 'plan / subscription',
  churn: 'churn flag',
};
