import { SegmentKitError } from '../core/errors/SegmentKitError';
import { closestNames } from '../core/rules/closestNames';
import type { Literal, RuleNode } from '../core/rules/RuleAst';
import type { SqlColumnType } from './customerAggregationSql';
import { resolveColumn } from './ModelSql';
import type { SqlDialect } from './SqlDialect';

const OPS = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' } as const;

function literalText(lit: Literal): string {
  return lit.kind === 'string' ? lit.value : String(lit.value);
}

/**
 * Compiles a parsed rule to a SQL condition that is never NULL, so NOT / AND / OR behave as in
 * `evaluateRule` (two-valued): a comparison with a missing cell is false, except `!=` on a
 * number or date column, which is true there (NaN !== x). Column names and literals are always
 * quoted by the dialect, never pasted.
 *
 * @example
 * ruleToSql(parseRule('orders > 10'), { orders: 'number' }, sqlDialect('duckdb')); // COALESCE("orders" > 1e+1, FALSE)
 */
export function ruleToSql(node: RuleNode, columns: Record<string, SqlColumnType>, d: SqlDialect): string {
  const col = (name: string, offset: number): { sql: string; type: SqlColumnType; name: string } => {
    const c = resolveColumn(columns, name);
    if (!c) {
      const close = closestNames(name, Object.keys(columns));
      throw new SegmentKitError('E_RULE_UNKNOWN_COLUMN', `there is no column "${name}"`, {
        location: { offset, column: name },
        hint: close.length ? `Did you mean ${close.map((x) => `"${x}"`).join(', ')}? Names with spaces go in backticks.` : 'Check the column name; names with spaces go in backticks.',
      });
    }
    return { sql: d.ident(c), type: columns[c], name: c };
  };
  const typeError = (c: { type: SqlColumnType; name: string }, what: string, offset: number) =>
    new SegmentKitError('E_RULE_TYPE', `column "${c.name}" holds ${c.type} values and cannot be ${what}`, { location: { offset, column: c.name }, hint: 'Compare numbers with numbers, dates with YYYY-MM-DD dates and categories with = or in.' });
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${ruleToSql(node.left, columns, d)} ${node.kind === 'and' ? 'AND' : 'OR'} ${ruleToSql(node.right, columns, d)})`;
    case 'not':
      return `(NOT ${ruleToSql(node.operand, columns, d)})`;
    case 'truthy': {
      const c = col(node.column, node.offset);
      throw typeError(c, 'used alone as a condition (only true/false columns can)', node.offset);
    }
    case 'missing': {
      const c = col(node.column, node.offset);
      return `(${c.sql} IS ${node.negated ? 'NOT ' : ''}NULL)`;
    }
    case 'in': {
      const c = col(node.column, node.offset);
      let list: string;
      if (c.type === 'id') list = node.values.map((v) => d.text(literalText(v))).join(', ');
      else {
        if (node.values.some((v) => v.kind !== 'number' && v.kind !== 'date')) throw typeError(c, 'matched against text', node.offset);
        list = node.values.map((v) => d.number(v.value as number)).join(', ');
      }
      return `COALESCE(${c.sql} ${node.negated ? 'NOT IN' : 'IN'} (${list}), FALSE)`;
    }
    case 'compare': {
      const c = col(node.column, node.offset);
      const { op, value } = node;
      if (value.kind === 'column') {
        const other = col(value.name, value.offset);
        if (c.type !== 'id' && other.type !== 'id') return `COALESCE(${c.sql} ${OPS[op]} ${other.sql}, FALSE)`;
        throw typeError(c, `compared with column "${other.name}"`, node.offset);
      }
      if (c.type === 'id') {
        if (op !== '=' && op !== '!=') throw typeError(c, `ordered with ${op}`, node.offset);
        return `COALESCE(${c.sql} ${OPS[op]} ${d.text(literalText(value))}, FALSE)`;
      }
      const ok = c.type === 'number' ? value.kind === 'number' : value.kind === 'date' || value.kind === 'number';
      if (!ok) throw typeError(c, `compared with ${value.kind === 'string' ? 'text' : `a ${value.kind}`}`, node.offset);
      const v = d.number(value.value as number);
      return op === '!=' ? `(${c.sql} IS NULL OR ${c.sql} <> ${v})` : `COALESCE(${c.sql} ${OPS[op]} ${v}, FALSE)`;
    }
  }
}
