import { rulesModel, type RulesSettings } from '../../../src/core/rules/rulesModel';
import { evaluateRule } from '../../../src/core/rules/evaluateRule';
import { parseRule } from '../../../src/core/rules/parseRule';
import { validateSettings } from '../../../src/core/recipe/validateSettings';
import { makeCustomers, testContext } from '../models/makeCustomers';

const customers = makeCustomers({
  age: [25, 41, null, 29, 60],
  channel: { type: 'category', values: ['chat', 'phone', 'social', 'email', null] },
  revenue: [1200, 50, 900, 10, 5000],
  orders: [3, 12, 1, 1, 20],
  churned: { type: 'boolean', values: [false, true, false, null, false] },
  country: { type: 'category', values: ['DE', 'FR', 'DE', 'DE', 'US'] },
  signup: { type: 'date', values: [19800, 19000, 19723, 19722, null] },
  'Total spend': [1, 2, 3, 4, 5],
});

const mask = (rule: string) => Array.from(evaluateRule(parseRule(rule), customers.table));

describe('evaluateRule', () => {
  it.each([
    ['age < 30 and channel in [chat, social]', [1, 0, 0, 0, 0]],
    ['revenue >= 1000 or orders > 10', [1, 1, 0, 0, 1]],
    ['not churned', [1, 0, 1, 1, 1]],
    ['country = "DE"', [1, 0, 1, 1, 0]],
    ["country != 'DE'", [0, 1, 0, 0, 1]],
    ['signup >= 2024-01-01', [1, 0, 1, 0, 0]],
    ['age is missing', [0, 0, 1, 0, 0]],
    ['channel not in [phone]', [1, 0, 1, 1, 0]],
    ['not (age < 30)', [0, 1, 1, 0, 1]],
    ['`Total spend` > 3', [0, 0, 0, 1, 1]],
    ['revenue > orders', [1, 1, 1, 1, 1]],
    ['Age >= 41', [0, 1, 0, 0, 1]],
  ])('%s', (rule, expected) => {
    expect(mask(rule)).toEqual(expected);
  });

  it('names the unknown column and the closest existing ones', () => {
    expect(() => mask('revnue > 10')).toThrow(expect.objectContaining({ code: 'E_RULE_UNKNOWN_COLUMN', location: { offset: 0, column: 'revnue' }, hint: expect.stringContaining('"revenue"') }));
    expect(() => mask('age > 1 and __proto__ = 1')).toThrow(expect.objectContaining({ code: 'E_RULE_UNKNOWN_COLUMN', location: { offset: 12, column: '__proto__' } }));
    expect(() => mask('constructor.name = 1')).toThrow(expect.objectContaining({ code: 'E_RULE_SYNTAX', location: { offset: 11 } }));
  });

  it('rejects comparisons across types', () => {
    expect(() => mask('country > 3')).toThrow(expect.objectContaining({ code: 'E_RULE_TYPE' }));
    expect(() => mask('age = "old"')).toThrow(expect.objectContaining({ code: 'E_RULE_TYPE' }));
  });
});

describe('rulesModel', () => {
  const settings = (rules: { name: string; when: string }[]) => validateSettings({ rules }, rulesModel.settingsSchema, 'models[2].settings') as unknown as RulesSettings;
  const ctx = { ...testContext(), settingsPath: 'models[2].settings' };

  it('assigns the first matching rule and leaves the rest in Others', () => {
    const s = settings([{ name: 'Young digital', when: 'age < 30 and channel in [chat, social]' }, { name: 'Big', when: 'revenue >= 1000' }]);
    const r = rulesModel.apply(customers, s, rulesModel.fit(customers, s, ctx), ctx);
    expect(Array.from(r.labels)).toEqual([0, 2, 2, 2, 1]);
    expect(r.segmentNames).toEqual(['Young digital', 'Big', 'Others']);
  });

  it('reports rule errors with the recipe path and the character offset', () => {
    const s = settings([{ name: 'ok', when: 'age > 1' }, { name: 'bad', when: 'age >> 1' }]);
    expect(() => rulesModel.fit(customers, s, ctx)).toThrow(expect.objectContaining({ code: 'E_RULE_SYNTAX', location: { offset: 5, path: 'models[2].settings.rules[1].when' } }));
  });
});
