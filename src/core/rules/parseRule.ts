import { SegmentKitError } from '../errors/SegmentKitError';
import { dayNumberFromIso } from '../table/dayNumber';
import type { CompareOp, Literal, RuleNode, Token } from './RuleAst';
import { tokenizeRule } from './tokenizeRule';

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'missing', 'true', 'false']);

/**
 * Parses a rule into an AST with a hand-written recursive-descent parser (no eval, no Function):
 *
 * ```
 * expr    := and ('or' and)*
 * and     := unary ('and' unary)*
 * unary   := 'not' unary | primary
 * primary := '(' expr ')' | column [op operand | ['not'] 'in' '[' list ']' | 'is' ['not'] 'missing']
 * ```
 * A bare column is true where a boolean column is true. Keywords are case-insensitive.
 *
 * @example
 * parseRule('revenue >= 1000 or orders > 10').kind; // 'or'
 */
export function parseRule(source: string): RuleNode {
  const tokens = tokenizeRule(source);
  let pos = 0;
  const peek = (): Token => tokens[pos];
  const isKw = (t: Token, kw: string) => t.kind === 'ident' && !t.quoted && t.text.toLowerCase() === kw;
  const describe = (t: Token) => (t.kind === 'end' ? 'the end of the rule' : t.kind === 'string' ? `"${t.text}"` : `"${t.text}"`);
  const fail = (t: Token, expected: string) =>
    new SegmentKitError('E_RULE_SYNTAX', `expected ${expected}, found ${describe(t)}`, { location: { offset: t.offset }, hint: 'Check the rule near that character.' });

  const expr = (): RuleNode => {
    let left = andExpr();
    while (isKw(peek(), 'or')) {
      pos++;
      left = { kind: 'or', left, right: andExpr(), offset: left.offset };
    }
    return left;
  };
  const andExpr = (): RuleNode => {
    let left = unary();
    while (isKw(peek(), 'and')) {
      pos++;
      left = { kind: 'and', left, right: unary(), offset: left.offset };
    }
    return left;
  };
  const unary = (): RuleNode => {
    const t = peek();
    if (isKw(t, 'not')) {
      pos++;
      return { kind: 'not', operand: unary(), offset: t.offset };
    }
    return primary();
  };
  const literal = (t: Token, bareWordsAsText: boolean): Literal | undefined => {
    if (t.kind === 'number') return { kind: 'number', value: Number(t.text) };
    if (t.kind === 'string') return { kind: 'string', value: t.text };
    if (t.kind === 'date') {
      const day = dayNumberFromIso(t.text);
      if (Number.isNaN(day)) throw new SegmentKitError('E_RULE_SYNTAX', `expected a real calendar date, found "${t.text}"`, { location: { offset: t.offset } });
      return { kind: 'date', value: day };
    }
    if (isKw(t, 'true') || isKw(t, 'false')) return { kind: 'boolean', value: t.text.toLowerCase() === 'true' };
    if (bareWordsAsText && t.kind === 'ident' && !KEYWORDS.has(t.text.toLowerCase())) return { kind: 'string', value: t.text };
    return undefined;
  };
  const list = (): Literal[] => {
    const open = peek();
    if (open.kind !== 'lbracket') throw fail(open, '"[" to start the list');
    pos++;
    const values: Literal[] = [];
    for (;;) {
      const t = peek();
      const lit = literal(t, true);
      if (!lit) throw fail(t, 'a value in the list');
      values.push(lit);
      pos++;
      const sep = peek();
      if (sep.kind === 'comma') {
        pos++;
        continue;
      }
      if (sep.kind === 'rbracket') {
        pos++;
        return values;
      }
      throw fail(sep, '"," or "]"');
    }
  };
  const primary = (): RuleNode => {
    const t = peek();
    if (t.kind === 'lparen') {
      pos++;
      const inner = expr();
      if (peek().kind !== 'rparen') throw fail(peek(), '")"');
      pos++;
      return inner;
    }
    if (t.kind !== 'ident' || (!t.quoted && KEYWORDS.has(t.text.toLowerCase()))) throw fail(t, 'a column name or "("');
    pos++;
    const column = t.text;
    const next = peek();
    if (next.kind === 'op') {
      pos++;
      const v = peek();
      const lit = literal(v, false);
      pos++;
      if (lit) return { kind: 'compare', column, op: next.text as CompareOp, value: lit, offset: t.offset };
      if (v.kind === 'ident' && (v.quoted || !KEYWORDS.has(v.text.toLowerCase()))) return { kind: 'compare', column, op: next.text as CompareOp, value: { kind: 'column', name: v.text, offset: v.offset }, offset: t.offset };
      throw fail(v, 'a number, text, date or column after the comparison');
    }
    if (isKw(next, 'in')) {
      pos++;
      return { kind: 'in', column, values: list(), negated: false, offset: t.offset };
    }
    if (isKw(next, 'not') && isKw(tokens[pos + 1], 'in')) {
      pos += 2;
      return { kind: 'in', column, values: list(), negated: true, offset: t.offset };
    }
    if (isKw(next, 'is')) {
      pos++;
      let negated = false;
      if (isKw(peek(), 'not')) {
        negated = true;
        pos++;
      }
      if (!isKw(peek(), 'missing')) throw fail(peek(), '"missing"');
      pos++;
      return { kind: 'missing', column, negated, offset: t.offset };
    }
    return { kind: 'truthy', column, offset: t.offset };
  };

  const root = expr();
  if (peek().kind !== 'end') throw fail(peek(), '"and", "or" or the end of the rule');
  return root;
}
