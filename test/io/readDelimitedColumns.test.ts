import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDelimitedColumns } from '../../src/io/readDelimitedColumns';
import { readTableFile } from '../../src/io/readTableFile';
import { cellValue } from '../../src/core/table/Table';
import type { ParsedTable } from '../../src/core/ingest/ParsedTable';
import { decodeText } from '../../src/io/decodeText';
import { detectDelimiter } from '../../src/io/detectDelimiter';
import { readDelimitedText } from '../../src/io/readDelimitedText';
import fc from 'fast-check';

const BAD = join(__dirname, '../fixtures/bad');
const CDNOW = join(__dirname, '../../../shared/data/cdnow');

/** Everything a caller can observe, including row mapping, as plain data. */
function observable(p: ParsedTable) {
  return {
    columns: p.table.columns.map((c) => ({ name: c.name, type: c.type, values: Array.from({ length: p.table.rowCount }, (_, i) => cellValue(c, i)) })),
    reports: p.columns,
    warnings: p.warnings,
    headerRow: p.headerRow,
    rows: Array.from({ length: p.table.rowCount }, (_, i) => p.sourceRowOf(i)),
  };
}

async function outcome(read: () => ParsedTable | Promise<ParsedTable>) {
  try {
    return observable(await read());
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('readDelimitedColumns gives what readTableFile gives', () => {
  const files = [
    ...readdirSync(BAD).filter((f) => f.endsWith('.csv')).map((f) => join(BAD, f)),
    join(CDNOW, 'cdnow_customers_summary.csv'),
    join(CDNOW, 'cdnow_customers_summary_with_transactions.csv'),
    join(CDNOW, 'CDNOW_sample.txt'),
  ];
  it.each(files)('%s', async (path) => {
    const fast = await outcome(() => readDelimitedColumns(path));
    const general = await outcome(() => readTableFile(path));
    expect(fast).toEqual(general);
  });

  it('parses quoted fields with delimiters, quotes and line breaks, and types the plain columns', () => {
    const csv = 'invoice_id,customer_id,order_date,note,amount\r\n1,C1,2024-01-02,"a, ""b""\nc",10.5\r\n2,C1,2024-01-03,,"7"\r\n';
    const p = readDelimitedColumns(Buffer.from(csv), { file: 'x.csv' });
    expect(p.table.columns.map((c) => c.type)).toEqual(['id', 'id', 'date', 'category', 'number']);
    expect(cellValue(p.table.columns[3], 0)).toBe('a, "b"\nc');
    expect(p.sourceRowOf(1)).toBe(3);
  });
});

/** The general path on the same bytes: what readTableFile does for files under 4 MB. */
function generalRead(bytes: Buffer) {
  const { text } = decodeText(bytes, 'x.csv');
  return readDelimitedText(text, detectDelimiter(text), { file: 'x.csv' });
}

describe('readDelimitedColumns equals the general path on generated CSV', () => {
  const cell = fc.oneof(
    fc.constantFrom('', ' ', '  ', '"', '""', '" "', '#N/A', ' #n/a ', 'C1', 'C1 ', ' C1', '"C1"', 'C2', '007', '0', '-0', '1', '12', '-3.5', '1e3', '1e999', '1,5', '12,50 €', '2024-01-02', '"2024-01-03"', '03/04/2024', 'yes', 'no', 'true', 'é', '\u00a0', 'a""b', '"a,b"', '"x\ny"', '"q""q"'),
    fc.integer({ min: -99999, max: 999999 }).map(String),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => String(x)),
  );
  const csv = fc.tuple(
    fc.constantFrom(',', ';', '\t', '|'),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }),
    fc.boolean(),
    fc.boolean(),
  );
  it('same table, reports, warnings and errors (1,500 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(csv, async ([d, eol, rows, header, bom]) => {
        const lines = rows.map((r) => r.map((c) => (d === ',' ? c : c.replace(/,/g, d === ';' ? ',' : d))).join(d));
        const text = (header ? ['customer_id', 'amount', 'order_date', 'note', 'x'].slice(0, Math.max(...rows.map((r) => r.length))).join(d) + eol : '') + lines.join(eol) + eol;
        const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
        const fast = await outcome(() => readDelimitedColumns(bytes, { file: 'x.csv' }));
        const general = await outcome(() => generalRead(bytes));
        expect(fast).toEqual(general);
      }),
      { numRuns: 1500, seed: 7 },
    );
  }, 60_000);

  it('a numeric column that meets text late is re-read as text from its first row', () => {
    const body = Array.from({ length: 3000 }, (_, i) => `C${i % 40},${i},${i < 2500 ? i * 2 : `x${i}`}`).join('\n');
    const bytes = Buffer.from(`customer_id,amount,code\n${body}\n`);
    const fast = observable(readDelimitedColumns(bytes, { file: 'x.csv' }));
    expect(fast).toEqual(observable(generalRead(bytes)));
    expect(fast.columns[2]).toMatchObject({ name: 'code', type: 'id' });
  });

  it('agrees across chunks of records: text met chunks late, short and blank rows, ids of two shapes', () => {
    // The byte-level reader takes records 4,096 at a time; these rows put every event past the first chunks.
    const rows = Array.from({ length: 13_000 }, (_, i) => {
      if (i === 9001) return '';
      if (i % 4999 === 7) return `C${i % 900}`;
      const invoice = i % 37 === 0 ? `C${100000 + (i >> 1)}` : String(100000 + (i >> 1));
      return `${invoice},C${String(i % 900).padStart(7, '0')},${i < 8200 ? (i % 50) / 4 : `n${i}`},2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    });
    const bytes = Buffer.from(`invoice_id,customer_id,score,order_date\n${rows.join('\n')}\n`);
    const fast = observable(readDelimitedColumns(bytes, { file: 'x.csv' }));
    expect(fast).toEqual(observable(generalRead(bytes)));
    expect(fast.columns.map((c) => c.type)).toEqual(['id', 'id', 'text', 'date']);
    expect(fast.warnings.map((w) => w.code)).toEqual(['W_BLANK_ROWS', 'W_SHORT_ROWS']);
  });

  it('a quoted and an unquoted spelling of one value share one code', () => {
    const p = readDelimitedColumns(Buffer.from('customer_id,product\nC1,Kit\nC2,"Kit"\nC3,Plan\nC4,Kit\n'), { file: 'x.csv' });
    const product = p.table.columns[1];
    expect(product.type).toBe('category');
    if (product.type === 'category') {
      expect(product.dictionary).toEqual(['Kit', 'Plan']);
      expect(Array.from(product.codes)).toEqual([0, 0, 1, 0]);
    }
  });
});

describe('a quote that never closes', () => {
  const message =
    'Row 2, column B: a quote opens a cell and is never closed, so everything after it to the end of the file was read into that one cell; close the quote (a quote inside a cell is written "") and read the file again';

  it('is reported first, by row and column, by the general reader and the byte-level reader alike', async () => {
    const path = join(BAD, 'unclosed-quote.csv');
    const general = await readTableFile(path);
    expect(general.warnings[0]).toEqual({ code: 'W_UNCLOSED_QUOTE', message, count: 1 });
    expect(general.warnings.map((w) => w.code)).toEqual(['W_UNCLOSED_QUOTE', 'W_SHORT_ROWS', 'W_BLANK_COLUMN']);
    expect(observable(readDelimitedColumns(path))).toEqual(observable(general));
  });

  it('is found on the worker thread\'s side too, with the row counted over the whole file', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `C${i % 300},${i}`);
    rows[4000] = 'C1,"12';
    const text = `customer_id,amount\n${rows.join('\n')}\n`;
    const bytes = Buffer.from(new SharedArrayBuffer(Buffer.byteLength(text)));
    bytes.write(text);
    const fast = readDelimitedColumns(bytes, { file: 'x.csv', threads: 2 });
    expect(fast.warnings[0]).toEqual({ code: 'W_UNCLOSED_QUOTE', message: message.replace('Row 2, column B', 'Row 4002, column B'), count: 1 });
    expect(observable(fast)).toEqual(observable(generalRead(Buffer.from(text))));
  }, 30_000);
});

describe('free-text columns', () => {
  it('hold null, not a hole, for a blank cell (Table: text is string | null)', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `C${i},${i === 3 ? '' : `note number ${i}`}`);
    const csv = `customer_id,note\n${lines.join('\n')}\n`;
    const dir = mkdtempSync(join(tmpdir(), 'sk-text-'));
    const path = join(dir, 'notes.csv');
    writeFileSync(path, csv);
    const p = await readTableFile(path);
    rmSync(dir, { recursive: true, force: true });
    const note = p.table.columns[1];
    expect(note.type).toBe('text');
    if (note.type === 'text') {
      expect(3 in note.values).toBe(true);
      expect(note.values[3]).toBeNull();
    }
    expect(observable(readDelimitedColumns(Buffer.from(csv), { file: 'x.csv' })).columns).toEqual(observable(p).columns);
  });
});

describe('reading with a worker thread', () => {
  /** The bytes in shared memory, as readFileBytes gives big files: only then may a worker read them. */
  const shared = (text: string): Buffer => {
    const plain = Buffer.from(text);
    const bytes = Buffer.from(new SharedArrayBuffer(plain.length));
    plain.copy(bytes);
    return bytes;
  };
  const both = async (text: string) => [await outcome(() => readDelimitedColumns(shared(text), { file: 'x.csv', threads: 2 })), await outcome(() => readDelimitedColumns(Buffer.from(text), { file: 'x.csv', threads: 1 }))];

  it('gives the table one thread gives: blank and short rows, columns turning text on either side, ids in first-appearance order', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => {
      if (i === 3000 || i === 9000 || i === 11_999) return '';
      if (i === 2500 || i === 8500) return `${100000 + i},C${i % 700}`;
      const late = i === 10_000 ? 'n/a' : String(i % 13);
      const early = i === 100 ? 'x' : String(i);
      return `${i % 53 === 0 ? 'C' : ''}${100000 + (i >> 1)},C${String((i * 7) % 5000).padStart(7, '0')},${late},${early},"p ${i % 9}",2024-0${1 + (i % 9)}-1${i % 10}`;
    });
    const [fast, alone] = await both(`invoice_id,customer_id,late,early,product,order_date\n${rows.join('\n')}\n`);
    expect(fast).toEqual(alone);
    expect((fast as ReturnType<typeof observable>).warnings.map((w) => w.code)).toEqual(['W_BLANK_ROWS', 'W_SHORT_ROWS', 'W_UNPARSABLE', 'W_UNPARSABLE']);
  }, 60_000);

  it('reads on alone when the split falls inside a quoted line break', async () => {
    // The middle of the data falls inside one note of 5,000 quoted lines.
    const small = (from: number) => Array.from({ length: 2000 }, (_, i) => `C${(from + i) % 300},${from + i},plain`);
    const rows = [...small(0), `C1,7,"${'a\n'.repeat(5000)}"`, ...small(2000)];
    const [fast, alone] = await both(`customer_id,amount,note\n${rows.join('\n')}\n`);
    expect(fast).toEqual(alone);
  }, 60_000);

  it('reports a row with too many values on the worker side by its row number in the file', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => (i === 5000 ? `C1,${i},x,y` : `C${i % 300},${i}`));
    const [fast, alone] = await both(`customer_id,amount\n${rows.join('\n')}\n`);
    expect(fast).toEqual({ error: 'x.csv, row 5002: Row 5002 has 4 values but the header has 2 columns. Give the extra values a header, or check the delimiter and quoting of that row.' });
    expect(alone).toEqual(fast);
  }, 60_000);
});
