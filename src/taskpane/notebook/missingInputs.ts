import type { Role } from '../../core/roles/Role';
import type { DataSources, ModelKind } from '../services/SegmentKitServices';

type RoleMaps = Record<string, Partial<Record<Role, string>>>;

const DEMOGRAPHIC: Role[] = ['age', 'birthDate', 'gender', 'income', 'education', 'maritalStatus', 'country', 'region', 'city', 'companySize'];
const TECHNOGRAPHIC: Role[] = ['platform', 'appUsage', 'channel', 'techComfort'];
const NUMERIC: Role[] = ['age', 'income', 'tenure', 'techComfort', 'supportContacts', 'satisfaction', 'appUsage'];

/**
 * Which models cannot run with the sheets and roles chosen so far, so the Columns cell can say
 * plainly what is missing before anything runs. The engine checks again (`requires`) at run time.
 *
 * @example
 * missingInputs({ customers: 'Customers' }, { Customers: { customerId: 'id' } }).lifecycle; // 'missing.lifecycle'
 */
export function missingInputs(sources: DataSources, roles: RoleMaps): Partial<Record<ModelKind, `missing.${ModelKind}`>> {
  const customers = sources.customers ? (roles[sources.customers] ?? {}) : {};
  const orders = sources.orders ? (roles[sources.orders] ?? {}) : {};
  const transactions = Boolean(orders.customerId && orders.date && (orders.amount || (orders.quantity && orders.unitPrice)));
  const hasAny = (list: Role[]) => list.some((r) => customers[r]);
  const out: Partial<Record<ModelKind, `missing.${ModelKind}`>> = {};
  if (!transactions) {
    out.rfm = 'missing.rfm';
    out.value = 'missing.value';
    out.clv = 'missing.clv';
  }
  if (!transactions && !customers.signupDate) out.lifecycle = 'missing.lifecycle';
  if (!transactions && NUMERIC.filter((r) => customers[r]).length < 2) out.kmeans = 'missing.kmeans';
  if (!hasAny(DEMOGRAPHIC)) out.demographic = 'missing.demographic';
  if (!hasAny(TECHNOGRAPHIC)) out.technographic = 'missing.technographic';
  if (!customers.customerId && !orders.customerId) out.rules = 'missing.rules';
  return out;
}
