import { awaitRange, readRangeInWorker, stopRange } from '../../src/io/readRangeInWorker';
import { RecordRange } from '../../src/io/RecordRange';

function shared(text: string): Buffer {
  const plain = Buffer.from(text);
  const bytes = Buffer.from(new SharedArrayBuffer(plain.length));
  plain.copy(bytes);
  return bytes;
}

/** Typed arrays as plain arrays: the worker's arrays arrive from another realm, which deep equality tells apart. */
function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

describe('readRangeInWorker', () => {
  const text = `C1,1\n\nC2,x\nC1,3\n`;
  const from = text.indexOf('\n') + 1;

  it('reads the records from a byte on in another thread, numbered from that record', () => {
    const body = shared(text);
    const pending = readRangeInWorker(body, 44, 2, from, 16);
    expect(pending).not.toBeNull();
    const part = awaitRange(pending!);
    expect(part).toMatchObject({ rows: 2, records: 3, blankRows: 1, lastDataRecord: 2, shortRows: 0, ragged: null });
    expect(Array.from(part!.rowSources)).toEqual([2, 3]);
    expect(part!.columns.map((c) => c.kind)).toEqual(['text', 'text']);
  }, 30_000);

  it('gives the same part as reading the range here, and absorbing it equals reading on', () => {
    const body = shared(text);
    const here = new RecordRange(body, 44, 2, from, 0, 16);
    here.read(body.length);
    const part = awaitRange(readRangeInWorker(body, 44, 2, from, 16)!);
    expect(plain(part)).toEqual(plain(here.part()));
    const first = new RecordRange(body, 44, 2, 0, 0, 16);
    first.read(from);
    first.absorb(part!);
    const whole = new RecordRange(body, 44, 2, 0, 0, 16);
    whole.read(body.length);
    expect(plain(first.cells())).toEqual(plain(whole.cells()));
    expect(plain(first.fittedRowSources())).toEqual(plain(whole.fittedRowSources()));
    expect([first.rows, first.record, first.blankRows, first.lastDataRecord]).toEqual([whole.rows, whole.record, whole.blankRows, whole.lastDataRecord]);
  }, 30_000);

  it('starts no worker for bytes outside shared memory (they would be copied)', () => {
    expect(readRangeInWorker(Buffer.from(text), 44, 2, from, 16)).toBeNull();
  });

  it('can be stopped before it answers', () => {
    const pending = readRangeInWorker(shared(text), 44, 2, from, 16)!;
    expect(() => stopRange(pending)).not.toThrow();
  });
});
