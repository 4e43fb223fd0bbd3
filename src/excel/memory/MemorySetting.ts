import { ClientCollection, ClientObject, type ContextCore } from './ClientObject';
import { ApiErrorCode, OfficeApiError } from './OfficeApiError';

interface SettingRef {
  key: string;
}

/** `Excel.SettingCollection` (ExcelApi 1.4): JSON values stored with the document. */
export class MemorySettingCollection extends ClientCollection<SettingRef, MemorySetting> {
  constructor(ctx: ContextCore) {
    super(ctx, () => [...ctx.model.settings.keys()].map((key) => ({ key })), false);
  }

  protected itemProxy(m: SettingRef): MemorySetting {
    return new MemorySetting(this.ctx, () => m);
  }

  protected itemScalars(): string[] {
    return ['key', 'value'];
  }

  /** Adds or replaces a setting; the value goes through JSON as it does in Excel. */
  add(key: string, value: unknown): MemorySetting {
    this.queue({ key, value }, () => {
      if (key.trim() === '') throw new OfficeApiError(ApiErrorCode.invalidArgument, 'The setting key cannot be blank.', 'SettingCollection.add');
      this.ctx.model.settings.set(key, JSON.parse(JSON.stringify(value ?? null)));
    });
    return this.getItem(key);
  }

  getItem(key: string): MemorySetting {
    return new MemorySetting(this.ctx, () => {
      if (!this.ctx.model.settings.has(key)) throw new OfficeApiError(ApiErrorCode.itemNotFound, `The requested resource doesn't exist: setting "${key}".`, 'SettingCollection.getItem');
      return { key };
    });
  }

  getItemOrNullObject(key: string): MemorySetting {
    return new MemorySetting(this.ctx, () => (this.ctx.model.settings.has(key) ? { key } : null), true);
  }
}

/** `Excel.Setting`. */
export class MemorySetting extends ClientObject<SettingRef> {
  constructor(ctx: ContextCore, resolver: () => SettingRef | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  protected scalarProperties(): string[] {
    return ['key', 'value'];
  }

  protected readProperty(s: SettingRef, name: string): unknown {
    if (name === 'key') return s.key;
    if (name === 'value') return this.ctx.model.settings.get(s.key);
    throw new OfficeApiError(ApiErrorCode.invalidArgument, `The property '${name}' is not supported by the in-memory workbook.`, 'Setting.load');
  }

  get key(): string {
    return this.loadedValue('key');
  }

  get value(): unknown {
    return this.loadedValue('value');
  }
  set value(v: unknown) {
    this.queue(v, (s) => this.ctx.model.settings.set(s.key, JSON.parse(JSON.stringify(v ?? null))));
  }

  delete(): void {
    this.queue(null, (s) => this.ctx.model.settings.delete(s.key));
  }
}
