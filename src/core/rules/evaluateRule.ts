import { SegmentKitError } from '../errors/SegmentKitError';
import { BOOLEAN_MISSING, findColumn, type Column, type Table } from '../table/Table';
import { closestNames } from './closestNames';
import type { CompareOp, Literal, RuleNode } from './RuleAst';

function unknownColumn(table: Table, name: string, offset: number): SegmentKitError {
  const close = closestNames(name, table.columns.map((c) => c.name));
  return new SegmentKitError('E_RULE_UNKNOWN_COLUMN', `there is no column "${name}"`, {
    location: { offset, column: name },
    hint: close.length ? `Did you mean ${close.map((c) => `"${c}"`).join(', ')}? Names with spaces go in backticks.` : 'Check the column name; names with spaces go in backticks.',
  });
}

function typeError(column: Column, what: string, offset: number): SegmentKitError {
  return new SegmentKitError('E_RULE_TYPE', `column "${column.name}" holds ${column.type} values and cannot be ${what}`, { location: { offset, column: column.name }, hint: 'Compare numbers with numbers, dates with YYYY-MM-DD dates and categories with = or in.' });
}

function compareNumbers(op: CompareOp, a: number, b: number): boolean {
  switch (op) {
    case '=': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
  }
}

function literalText(lit: Literal): string {
  return lit.kind === 'string' ? lit.value : String(lit.value);
}

/**
 * Evaluates a parsed rule over a whole table, column by column, into a 0/1 mask. Comparisons
 * with a missing cell are false (so `not (age < 30)` includes customers without an age);
 * `is missing` tests for missing cells explicitly.
 *
 * @example
 * const mask = evaluateRule(parseRule('orders > 10'), customers.table);
 */
export function evaluateRule(node: RuleNode, table: Table): Uint8Array {
  const n = table.rowCount;
  const col = (name: string, offset: number): Column => {
    const c = findColumn(table, name);
    if (!c) throw unknownColumn(table, name, offset);
    return c;
  };
  switch (node.kind) {
    case 'and':
    case 'or': {
      const a = evaluateRule(node.left, table);
      const b = evaluateRule(node.right, table);
      if (node.kind === 'and') for (let i = 0; i < n; i++) a[i] &= b[i];
      else for (let i = 0; i < n; i++) a[i] |= b[i];
      return a;
    }
    case 'not': {
      const a = evaluateRule(node.operand, table);
      for (let i = 0; i < n; i++) a[i] ^= 1;
      return a;
    }
    case 'truthy': {
      const c = col(node.column, node.offset);
      if (c.type !== 'boolean') throw typeError(c, 'used alone as a condition (only true/false columns can)', node.offset);
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = c.values[i] === 1 ? 1 : 0;
      return out;
    }
    case 'missing': {
      const c = col(node.column, node.offset);
      const out = new Uint8Array(n);
      const want = node.negated ? 0 : 1;
      for (let i = 0; i < n; i++) {
        let miss: boolean;
        switch (c.type) {
          case 'number':
          case 'date': miss = Number.isNaN(c.values[i]); break;
          case 'boolean': miss = c.values[i] === BOOLEAN_MISSING; break;
          case 'category':
          case 'id': miss = c.codes[i] < 0; break;
          case 'text': miss = c.values[i] === null; break;
        }
        out[i] = (miss ? 1 : 0) === want ? 1 : 0;
      }
      return out;
    }
    case 'in': {
      const c = col(node.column, node.offset);
      const out = new Uint8Array(n);
      const yes = node.negated ? 0 : 1;
      if (c.type === 'category' || c.type === 'id') {
        const wanted = new Set(node.values.map(literalText));
        const hit = Uint8Array.from(c.dictionary, (d) => (wanted.has(d) ? 1 : 0));
        for (let i = 0; i < n; i++) out[i] = c.codes[i] < 0 ? 0 : hit[c.codes[i]] ? yes : 1 - yes;
      } else if (c.type === 'number' || c.type === 'date') {
        if (node.values.some((v) => v.kind !== 'number' && v.kind !== 'date')) throw typeError(c, 'matched against text', node.offset);
        const wanted = new Set(node.values.map((v) => v.value as number));
        for (let i = 0; i < n; i++) out[i] = Number.isNaN(c.values[i]) ? 0 : wanted.has(c.values[i]) ? yes : 1 - yes;
      } else if (c.type === 'text') {
        const wanted = new Set(node.values.map(literalText));
        for (let i = 0; i < n; i++) out[i] = c.values[i] === null ? 0 : wanted.has(c.values[i] as string) ? yes : 1 - yes;
      } else throw typeError(c, 'matched against a list', node.offset);
      return out;
    }
    case 'compare':
      return compare(node, table, col);
  }
}

function compare(node: Extract<RuleNode, { kind: 'compare' }>, table: Table, col: (name: string, offset: number) => Column): Uint8Array {
  const n = table.rowCount;
  const c = col(node.column, node.offset);
  const out = new Uint8Array(n);
  const { op, value } = node;
  if (value.kind === 'column') {
    const d = col(value.name, value.offset);
    if ((c.type === 'number' || c.type === 'date') && (d.type === 'number' || d.type === 'date')) {
      for (let i = 0; i < n; i++) out[i] = compareNumbers(op, c.values[i], d.values[i]) && !Number.isNaN(c.values[i]) && !Number.isNaN(d.values[i]) ? 1 : 0;
      return out;
    }
    throw typeError(c, `compared with column "${d.name}"`, node.offset);
  }
  switch (c.type) {
    case 'number':
    case 'date': {
      const ok = c.type === 'number' ? value.kind === 'number' : value.kind === 'date' || value.kind === 'number';
      if (!ok) throw typeError(c, `compared with ${value.kind === 'string' ? 'text' : `a ${value.kind}`}`, node.offset);
      const v = value.value as number;
      for (let i = 0; i < n; i++) out[i] = compareNumbers(op, c.values[i], v) ? 1 : 0;
      return out;
    }
    case 'boolean': {
      if (value.kind !== 'boolean' || (op !== '=' && op !== '!=')) throw typeError(c, `compared with ${op} ${literalText(value)}`, node.offset);
      const want = value.value === (op === '=') ? 1 : 0;
      for (let i = 0; i < n; i++) out[i] = c.values[i] === BOOLEAN_MISSING ? 0 : c.values[i] === want ? 1 : 0;
      return out;
    }
    case 'category':
    case 'id': {
      if (op !== '=' && op !== '!=') throw typeError(c, `ordered with ${op}`, node.offset);
      const code = c.dictionary.indexOf(literalText(value));
      const eq = op === '=' ? 1 : 0;
      for (let i = 0; i < n; i++) out[i] = c.codes[i] < 0 ? 0 : c.codes[i] === code ? eq : 1 - eq;
      return out;
    }
    case 'text': {
      if (op !== '=' && op !== '!=') throw typeError(c, `ordered with ${op}`, node.offset);
      const text = literalText(value);
      const eq = op === '=' ? 1 : 0;
      for (let i = 0; i < n; i++) out[i] = c.values[i] === null ? 0 : c.values[i] === text ? eq : 1 - eq;
      return out;
    }
  }
}
