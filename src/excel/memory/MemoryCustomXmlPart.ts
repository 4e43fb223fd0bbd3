import { ClientCollection, ClientObject, MemoryClientResult, type ContextCore } from './ClientObject';
import { ApiErrorCode, OfficeApiError } from './OfficeApiError';
import type { XmlPartModel } from './WorkbookModel';

const ROOT = /^\s*(<\?xml[^>]*\?>\s*)?<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*?)(\/?)>/;

/** Root namespace of an XML document, or throws InvalidArgument for text that has no root element. */
function rootNamespace(xml: string): string {
  const m = ROOT.exec(xml);
  if (!m) throw new OfficeApiError(ApiErrorCode.invalidArgument, 'The XML is not well-formed: no root element.', 'CustomXmlPartCollection.add');
  const tag = `${m[2] ?? ''}${m[3]}`;
  if (m[5] !== '/' && !new RegExp(`</${tag.replace(/[.]/g, '\\.')}>\\s*$`).test(xml)) {
    throw new OfficeApiError(ApiErrorCode.invalidArgument, `The XML is not well-formed: <${tag}> is not closed at the end.`, 'CustomXmlPartCollection.add');
  }
  const prefix = m[2] ? m[2].slice(0, -1) : '';
  const ns = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}="([^"]*)"`).exec(m[4] ?? '');
  return ns ? ns[1]! : '';
}

/** `Excel.CustomXmlPartCollection` (ExcelApi 1.5). */
export class MemoryCustomXmlPartCollection extends ClientCollection<XmlPartModel, MemoryCustomXmlPart> {
  private readonly namespaceFilter: string | null;

  constructor(ctx: ContextCore, namespaceFilter: string | null = null) {
    super(ctx, () => ctx.model.xmlParts.filter((p) => !p.deleted && (namespaceFilter === null || p.namespaceUri === namespaceFilter)), false);
    this.namespaceFilter = namespaceFilter;
  }

  protected itemProxy(m: XmlPartModel): MemoryCustomXmlPart {
    return new MemoryCustomXmlPart(this.ctx, () => m);
  }

  protected itemScalars(): string[] {
    return ['id', 'namespaceUri'];
  }

  add(xml: string): MemoryCustomXmlPart {
    let created: XmlPartModel | null = null;
    this.queue(xml, () => {
      const model = this.ctx.model;
      created = { id: model.newId('xml'), namespaceUri: rootNamespace(xml), xml, deleted: false };
      model.xmlParts.push(created);
    });
    return new MemoryCustomXmlPart(this.ctx, () => created);
  }

  getByNamespace(namespaceUri: string): MemoryCustomXmlPartCollection {
    return new MemoryCustomXmlPartCollection(this.ctx, this.namespaceFilter ?? namespaceUri);
  }

  getItem(id: string): MemoryCustomXmlPart {
    return new MemoryCustomXmlPart(this.ctx, () => {
      const p = this.find(id);
      if (!p) throw new OfficeApiError(ApiErrorCode.itemNotFound, `The requested resource doesn't exist: custom XML part "${id}".`, 'CustomXmlPartCollection.getItem');
      return p;
    });
  }

  getItemOrNullObject(id: string): MemoryCustomXmlPart {
    return new MemoryCustomXmlPart(this.ctx, () => this.find(id), true);
  }

  private find(id: string): XmlPartModel | null {
    return (this.resolveTarget() ?? []).find((p) => p.id === id) ?? null;
  }
}

/** `Excel.CustomXmlPart`. */
export class MemoryCustomXmlPart extends ClientObject<XmlPartModel> {
  constructor(ctx: ContextCore, resolver: () => XmlPartModel | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  protected scalarProperties(): string[] {
    return ['id', 'namespaceUri'];
  }

  protected readProperty(p: XmlPartModel, name: string): unknown {
    if (name === 'id') return p.id;
    if (name === 'namespaceUri') return p.namespaceUri;
    throw new OfficeApiError(ApiErrorCode.invalidArgument, `The property '${name}' is not supported by the in-memory workbook.`, 'CustomXmlPart.load');
  }

  get id(): string {
    return this.loadedValue('id');
  }
  get namespaceUri(): string {
    return this.loadedValue('namespaceUri');
  }

  getXml(): MemoryClientResult<string> {
    const result = new MemoryClientResult<string>();
    this.queue(null, (p, batch) => {
      this.ctx.model.chargeResponse(batch, p.xml.length);
      result.set(p.xml);
    });
    return result;
  }

  setXml(xml: string): void {
    this.queue(xml, (p) => {
      p.namespaceUri = rootNamespace(xml);
      p.xml = xml;
    });
  }

  delete(): void {
    this.queue(null, (p) => (p.deleted = true));
  }
}
