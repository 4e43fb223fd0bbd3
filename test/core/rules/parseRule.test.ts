import { parseRule } from '../../../src/core/rules/parseRule';
import { SegmentKitError } from '../../../src/core/errors/SegmentKitError';

function syntaxError(source: string): SegmentKitError {
  try {
    parseRule(source);
  } catch (e) {
    return e as SegmentKitError;
  }
  throw new Error(`no error for ${source}`);
}

describe('parseRule', () => {
  it('gives "and" precedence over "or" and honours parentheses', () => {
    const t = parseRule('a > 1 or b > 2 and c > 3');
    expect(t.kind).toBe('or');
    expect(t.kind === 'or' && t.right.kind).toBe('and');
    const p = parseRule('(a > 1 or b > 2) and c > 3');
    expect(p.kind).toBe('and');
  });

  it('parses lists, dates, strings, booleans, not, is missing and backtick names', () => {
    expect(parseRule('channel in [chat, social, "walk in"]')).toEqual({
      kind: 'in', column: 'channel', negated: false, offset: 0,
      values: [{ kind: 'string', value: 'chat' }, { kind: 'string', value: 'social' }, { kind: 'string', value: 'walk in' }],
    });
    expect(parseRule('signup >= 2024-01-01')).toMatchObject({ kind: 'compare', op: '>=', value: { kind: 'date', value: 19723 } });
    expect(parseRule('not churned')).toEqual({ kind: 'not', offset: 0, operand: { kind: 'truthy', column: 'churned', offset: 4 } });
    expect(parseRule('age is not missing')).toMatchObject({ kind: 'missing', negated: true });
    expect(parseRule('`Total spend` <> -1.5')).toMatchObject({ kind: 'compare', column: 'Total spend', op: '!=', value: { kind: 'number', value: -1.5 } });
    expect(parseRule("country = 'DE' AND vip = true")).toMatchObject({ kind: 'and' });
  });

  it.each([
    ['age <', 5, 'expected a number, text, date or column after the comparison, found the end of the rule'],
    ['age < 30 and', 12, 'expected a column name or "(", found the end of the rule'],
    ['(age < 30', 9, 'expected ")", found the end of the rule'],
    ['age < 30 orders > 2', 9, 'expected "and", "or" or the end of the rule, found "orders"'],
    ['channel in [chat social]', 17, 'expected "," or "]", found "social"'],
    ['country = "DE', 10, 'expected a closing " to end the text'],
    ['age # 3', 4, 'expected a column, value or operator, found "#"'],
    ['signup > 2024-02-30', 9, 'expected a real calendar date, found "2024-02-30"'],
    ['x is present', 5, 'expected "missing", found "present"'],
    ['); process.exit()', 1, 'expected a column, value or operator, found ";"'],
    [') or process', 0, 'expected a column name or "(", found ")"'],
  ])('%s → E_RULE_SYNTAX at offset %i', (source, offset, detail) => {
    const e = syntaxError(source);
    expect(e.code).toBe('E_RULE_SYNTAX');
    expect(e.location.offset).toBe(offset);
    expect(e.detail).toBe(detail);
    expect(e.message).toContain(`at character ${offset + 1}`);
  });
});
