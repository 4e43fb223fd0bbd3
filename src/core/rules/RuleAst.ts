/** Tokens of the rule language; `offset` is the 0-based character where the token starts. */
export type TokenKind = 'ident' | 'number' | 'string' | 'date' | 'op' | 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'comma' | 'end';

export interface Token {
  kind: TokenKind;
  /** Keywords and bare names keep their text; quoted strings and `[...]`/backtick names are unquoted. */
  text: string;
  offset: number;
  /** True for names written in backticks (never keywords). */
  quoted?: boolean;
}

export type Literal = { kind: 'number'; value: number } | { kind: 'string'; value: string } | { kind: 'date'; value: number } | { kind: 'boolean'; value: boolean };

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** The parsed expression; `offset` points at the node's first character for error messages. */
export type RuleNode =
  | { kind: 'and' | 'or'; left: RuleNode; right: RuleNode; offset: number }
  | { kind: 'not'; operand: RuleNode; offset: number }
  | { kind: 'compare'; column: string; op: CompareOp; value: Literal | { kind: 'column'; name: string; offset: number }; offset: number }
  | { kind: 'in'; column: string; values: Literal[]; negated: boolean; offset: number }
  | { kind: 'missing'; column: string; negated: boolean; offset: number }
  | { kind: 'truthy'; column: string; offset: number };
