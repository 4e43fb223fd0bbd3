/**
 * Where a problem is, as precisely as the caller knows it. Every field is optional because a
 * CSV has no sheet and a recipe has no cell; the message builder prints what is present.
 */
export interface ErrorLocation {
  file?: string;
  sheet?: string;
  column?: string;
  /** 1-based row number as a person sees it in Excel or a text editor. */
  row?: number;
  /** An A1 address such as `Orders!D17`. */
  cell?: string;
  /** A JSON path inside a recipe, e.g. `models[0].k`. */
  path?: string;
  /** A 0-based character offset inside an expression (rule segments). */
  offset?: number;
}

export interface SegmentKitErrorInit {
  location?: ErrorLocation;
  /** What the user can do about it, in their words. */
  hint?: string;
  cause?: unknown;
}

/**
 * The one error type public entry points throw. `code` is stable and machine-readable
 * (tests and the UI switch on it); `message` is the full human sentence with location and hint.
 *
 * @example
 * throw new SegmentKitError('E_COLUMN_MISSING', 'No customer id column was found',
 *   { location: { sheet: 'Orders' }, hint: 'Map a column to the role "customer id".' });
 */
export class SegmentKitError extends Error {
  readonly code: string;
  readonly location: ErrorLocation;
  readonly hint: string | undefined;
  readonly detail: string;

  constructor(code: string, detail: string, init: SegmentKitErrorInit = {}) {
    const location = init.location ?? {};
    super(formatErrorMessage(detail, location, init.hint));
    this.name = 'SegmentKitError';
    this.code = code;
    this.location = location;
    this.hint = init.hint;
    this.detail = detail;
    if (init.cause !== undefined) (this as { cause?: unknown }).cause = init.cause;
  }

  /** Plain data for the UI and for `--json` output. */
  toJSON(): { code: string; message: string; location: ErrorLocation; hint?: string } {
    return { code: this.code, message: this.message, location: this.location, ...(this.hint ? { hint: this.hint } : {}) };
  }
}

/** `file, sheet "Orders", column "Amount", row 17 (Orders!D17): detail. hint` */
export function formatErrorMessage(detail: string, location: ErrorLocation, hint?: string): string {
  const parts: string[] = [];
  if (location.file) parts.push(location.file);
  if (location.sheet) parts.push(`sheet "${location.sheet}"`);
  if (location.column) parts.push(`column "${location.column}"`);
  if (location.row !== undefined) parts.push(`row ${location.row}`);
  if (location.cell) parts.push(`cell ${location.cell}`);
  if (location.path) parts.push(`at ${location.path}`);
  if (location.offset !== undefined) parts.push(`at character ${location.offset + 1}`);
  const where = parts.length ? `${parts.join(', ')}: ` : '';
  const tail = hint ? ` ${hint}` : '';
  return `${where}${detail.replace(/\.$/, '')}.${tail}`;
}

export function isSegmentKitError(e: unknown): e is SegmentKitError {
  return e instanceof SegmentKitError;
}
