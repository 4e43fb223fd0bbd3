import { SegmentKitError } from '../errors/SegmentKitError';
import type { Token } from './RuleAst';

const IDENT_START = /[A-Za-z_\u00C0-\uFFFF]/;
const IDENT_PART = /[A-Za-z0-9_\u00C0-\uFFFF]/;

/**
 * Splits a rule such as `age < 30 and channel in [chat, social]` into tokens. Names with spaces
 * go in backticks (`` `Total spend` >= 100 ``); strings in single or double quotes; dates as
 * YYYY-MM-DD. Anything else is an E_RULE_SYNTAX error at its exact character.
 *
 * @example
 * tokenizeRule('revenue >= 1000').map((t) => t.text); // ['revenue', '>=', '1000', '']
 */
export function tokenizeRule(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (offset: number, detail: string) => new SegmentKitError('E_RULE_SYNTAX', detail, { location: { offset }, hint: 'Check the rule near that character.' });
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(ch) || ((ch === '-' || ch === '.') && /[0-9]/.test(source[i + 1] ?? ''))) {
      const date = /^\d{4}-\d{2}-\d{2}(?![0-9A-Za-z_])/.exec(source.slice(i));
      if (date) {
        tokens.push({ kind: 'date', text: date[0], offset: start });
        i += date[0].length;
        continue;
      }
      const num = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/.exec(source.slice(i))!;
      i += num[0].length;
      if (IDENT_PART.test(source[i] ?? '')) throw fail(i, `expected an operator after the number ${num[0]}, found "${source[i]}"`);
      tokens.push({ kind: 'number', text: num[0], offset: start });
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      let text = '';
      while (j < source.length && source[j] !== ch) {
        if (source[j] === '\\' && j + 1 < source.length) j++;
        text += source[j++];
      }
      if (j >= source.length) throw fail(start, ch === '`' ? 'expected a closing ` after the column name' : `expected a closing ${ch} to end the text`);
      tokens.push(ch === '`' ? { kind: 'ident', text, offset: start, quoted: true } : { kind: 'string', text, offset: start });
      i = j + 1;
      continue;
    }
    if (IDENT_START.test(ch)) {
      let j = i + 1;
      while (j < source.length && IDENT_PART.test(source[j])) j++;
      tokens.push({ kind: 'ident', text: source.slice(i, j), offset: start });
      i = j;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '!=' || two === '<>' || two === '==') {
      tokens.push({ kind: 'op', text: two === '<>' ? '!=' : two === '==' ? '=' : two, offset: start });
      i += 2;
      continue;
    }
    const single: Record<string, Token['kind']> = { '<': 'op', '>': 'op', '=': 'op', '(': 'lparen', ')': 'rparen', '[': 'lbracket', ']': 'rbracket', ',': 'comma' };
    if (single[ch]) {
      tokens.push({ kind: single[ch], text: ch, offset: start });
      i++;
      continue;
    }
    throw fail(start, `expected a column, value or operator, found "${ch}"`);
  }
  tokens.push({ kind: 'end', text: '', offset: source.length });
  return tokens;
}
