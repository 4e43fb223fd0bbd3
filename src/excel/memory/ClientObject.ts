import { ApiErrorCode, OfficeApiError } from './OfficeApiError';
import type { BatchState, WorkbookModel } from './WorkbookModel';

/** What every proxy needs from its request context. */
export interface ContextCore {
  readonly model: WorkbookModel;
  enqueue(bytes: number, run: (batch: BatchState) => void): void;
  registerNullable(obj: ClientObject<unknown>): void;
}

/** Rough size of a statement as sent over the wire: its arguments serialised plus framing. */
export function statementBytes(args: unknown): number {
  return 64 + (args === undefined ? 0 : JSON.stringify(args).length);
}

/**
 * A proxy like the ones Office JS hands out: it names an object, queues statements against it,
 * and knows property values only after `load()` and `sync()`. The object it stands for is found
 * at the first sync that uses it and stays the same object afterwards (renames do not lose it).
 */
export abstract class ClientObject<T> {
  protected readonly ctx: ContextCore;
  private readonly resolver: () => T | null;
  private resolvedTarget: { value: T | null } | null = null;
  private nullState: boolean | undefined;
  private readonly loaded = new Map<string, unknown>();

  constructor(ctx: ContextCore, resolver: () => T | null, nullable: boolean) {
    this.ctx = ctx;
    this.resolver = resolver;
    if (nullable) ctx.registerNullable(this as ClientObject<unknown>);
    else this.nullState = false;
  }

  /** The scalar properties a bare `load()` fetches. */
  protected abstract scalarProperties(): string[];
  /** Reads one property from the model (at sync time). */
  protected abstract readProperty(target: T, name: string): unknown;

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  /** Resolves the object now (during a sync); null for a missing `...OrNullObject`. */
  resolveTarget(): T | null {
    if (!this.resolvedTarget) {
      const value = this.resolver();
      this.resolvedTarget = { value };
      this.nullState = value === null;
    }
    return this.resolvedTarget.value;
  }

  settleNullState(): void {
    try {
      this.resolveTarget();
    } catch {
      this.nullState = true;
    }
  }

  load(properties?: string | string[] | { select?: string }): this {
    const names = parseLoadNames(properties, this.scalarProperties());
    this.ctx.enqueue(statementBytes(names), (batch) => this.loadNow(batch, names));
    return this;
  }

  /** Fetches properties during a sync (collections call it for each item they load). */
  loadNow(batch: BatchState, names: string[]): void {
    const target = this.resolveTarget();
    if (target === null) return;
    const data: Record<string, unknown> = {};
    for (const n of names) data[n] = this.readProperty(target, n);
    this.ctx.model.chargeResponse(batch, JSON.stringify(data).length);
    for (const n of names) this.loaded.set(n, data[n]);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  protected loadedValue<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }

  protected setLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  /** Queues a statement against the object; statements on a null object do nothing, like Excel. */
  protected queue(args: unknown, run: (target: T, batch: BatchState) => void, bytes?: number): void {
    this.ctx.enqueue(bytes ?? statementBytes(args), (batch) => {
      const target = this.resolveTarget();
      if (target !== null) run(target, batch);
    });
  }

  /** Resolver for a child proxy: it resolves this object first, then derives its own. */
  protected child<U>(derive: (target: T) => U | null): () => U | null {
    return () => {
      const t = this.resolveTarget();
      return t === null ? null : derive(t);
    };
  }
}

export function notLoaded(name: string): OfficeApiError {
  return new OfficeApiError(
    ApiErrorCode.propertyNotLoaded,
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function parseLoadNames(properties: string | string[] | { select?: string } | undefined, scalars: string[]): string[] {
  let list: string[];
  if (properties === undefined) list = scalars;
  else if (typeof properties === 'string') list = properties.split(',');
  else if (Array.isArray(properties)) list = properties;
  else list = (properties.select ?? '').split(',');
  const names = list.map((s) => s.trim()).filter((s) => s !== '');
  return names.length ? names : scalars;
}

/** `ClientResult<T>`: a value that exists only after the sync that fetched it. */
export class MemoryClientResult<T> {
  private has = false;
  private v: T | undefined;

  get value(): T {
    if (!this.has) throw notLoaded('value');
    return this.v as T;
  }

  set(value: T): void {
    this.v = value;
    this.has = true;
  }
}

/**
 * A collection proxy (`worksheets`, `tables`, `charts`, ...): `load('items/name')` or
 * `load('name')` fetches the items and the named properties of each.
 */
export abstract class ClientCollection<M, P extends ClientObject<M>> extends ClientObject<M[]> {
  private itemProxies: P[] | undefined;

  protected abstract itemProxy(model: M): P;
  protected abstract itemScalars(): string[];

  protected scalarProperties(): string[] {
    return ['items'];
  }

  protected readProperty(): unknown {
    return undefined;
  }

  get items(): P[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }

  override load(properties?: string | string[] | { select?: string }): this {
    const raw = parseLoadNames(properties, ['items']);
    const names = raw.map((n) => n.replace(/^items\//, '')).filter((n) => n !== 'items');
    const itemNames = names.length ? names : this.itemScalars();
    this.ctx.enqueue(statementBytes(raw), (batch) => {
      const list = this.resolveTarget() ?? [];
      const proxies = list.map((m) => this.itemProxy(m));
      for (const p of proxies) p.loadNow(batch, itemNames);
      this.itemProxies = proxies;
    });
    return this;
  }

  getCount(): MemoryClientResult<number> {
    const result = new MemoryClientResult<number>();
    this.queue(null, (list) => result.set(list.length));
    return result;
  }
}
