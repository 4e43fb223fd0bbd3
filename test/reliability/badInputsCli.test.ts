import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/runCli';

/**
 * Every committed bad input through the `segmentkit` command: a refused input exits 2 with
 * exactly one stderr line naming the file and the problem; an input SegmentKit handles exits 0
 * and reports its warning codes. The table in test/fixtures/bad/README.md lists the same outcomes.
 */
const BAD = join(__dirname, '../fixtures/bad');
const at = (f: string) => join(BAD, f);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sk-rel-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refused(args: string[]): Promise<string> {
  const r = await runCli(...args);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
  expect(r.stderr.split('\n')).toHaveLength(2);
  expect(r.stderr.endsWith('\n')).toBe(true);
  return r.stderr.slice(0, -1);
}

async function inspected(file: string): Promise<{ rows: number; customers: number | null; kind: string; columns: { name: string; type: string; role: string | null; missing: number }[]; warnings: { code: string; message: string }[] }> {
  const r = await runCli('inspect', at(file), '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

interface SegmentJson {
  customers: number;
  rows: number;
  asOf: string;
  warnings: { code: string; message: string; count: number }[];
  models: Record<string, { segments: { name: string; size: number; value: number | null }[]; unassigned: number }>;
}

async function segmented(file: string, ...extra: string[]): Promise<SegmentJson> {
  const r = await runCli('segment', at(file), '--json', ...extra);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const NOT_TEXT_HINT = 'Export the data as CSV (UTF-8) or save it as .xlsx; a UTF-16 file needs its byte-order mark.';
const NO_ROWS = 'The data has a header row but no rows below it. Select the header together with the data rows, or check that the file is complete.';
const FIX = ' Fix this value in the recipe (or reset the step to its defaults).';
const NO_DATES = 'segmentkit: The data has no dates, so "today" for recency and tenure is unknown. Pass an as-of date (for example --as-of 2026-06-30).';

describe('refused inputs: exit 2, one line naming the file and the problem (inspect and segment alike)', () => {
  it.each([
    ['empty.csv', 'empty.csv: The file is empty. Export the data again; the file has 0 bytes.'],
    ['header-only.csv', `header-only.csv, row 1: ${NO_ROWS}`],
    ['header-then-blank.csv', `header-then-blank.csv, row 1: ${NO_ROWS}`],
    ['header-then-empty-cells.csv', `header-then-empty-cells.csv, row 1: ${NO_ROWS}`],
    ['json-array.csv', `json-array.csv, row 1: ${NO_ROWS}`],
    ['duplicate-headers.csv', 'duplicate-headers.csv, column "Amount", row 1, cell C1: Header "Amount" appears twice, in columns B and C. Rename one of them so every column has its own header; SegmentKit maps roles by header name.'],
    ['ragged-long.csv', 'ragged-long.csv, row 3: Row 3 has 4 values but the header has 3 columns. Give the extra values a header, or check the delimiter and quoting of that row.'],
    ['html-page.csv', 'html-page.csv, row 3: Row 3 has 3 values but the header has 2 columns. Give the extra values a header, or check the delimiter and quoting of that row.'],
    ['binary.csv', `binary.csv: The file is not a text file (it contains NUL bytes at byte 321). ${NOT_TEXT_HINT}`],
    ['gzip.csv', `gzip.csv: The file is not a text file (it contains NUL bytes at byte 3). ${NOT_TEXT_HINT}`],
    ['pdf.csv', `pdf.csv: The file is not a text file (it contains NUL bytes at byte 23). ${NOT_TEXT_HINT}`],
    ['utf16-no-bom.csv', `utf16-no-bom.csv: The file is not a text file (it contains NUL bytes at byte 1). ${NOT_TEXT_HINT}`],
    ['truncated.xlsx', "truncated.xlsx: The workbook cannot be opened (Corrupted zip: can't find end of central directory). The file may be truncated or damaged: open it in Excel and save it again, or export it as CSV."],
  ])('%s', async (file, message) => {
    expect(await refused(['inspect', at(file)])).toBe(`segmentkit: ${message}`);
    expect(await refused(['segment', at(file)])).toBe(`segmentkit: ${message}`);
  });

  it('a CSV named .xlsx: inspect and segment both name the mismatch', async () => {
    const mismatch = 'segmentkit: text-named.xlsx: The file is named like a workbook but is not one (it does not start like an .xlsx zip). Open it in Excel and save it as .xlsx again, or rename it if it is a CSV.';
    expect(await refused(['inspect', at('text-named.xlsx')])).toBe(mismatch);
    expect(await refused(['segment', at('text-named.xlsx')])).toBe(mismatch);
  });

  it.each(['blank-column.csv', 'blank-header.csv', 'duplicate-customer-ids.csv', 'excel-errors.csv', 'formula-injection.csv', 'leading-zero-ids.csv', 'numbers-as-text.csv', 'utf16.csv', 'utf16be.csv', 'windows-1252.csv', 'mixed-encoding.csv', 'wrong-delimiter.csv', 'unclosed-quote.csv'])(
    '%s is a customer list without dates: segment asks for --as-of',
    async (file) => {
      expect(await refused(['segment', at(file)])).toBe(NO_DATES);
    },
  );

  it('a file without a customer id column (one column, or no header) cannot be segmented', async () => {
    expect(await refused(['segment', at('one-column.csv')])).toBe('segmentkit: sheet "one-column.csv": No customer id column was found in the customer sheet. Map a column to the role "customer id".');
    expect(await refused(['segment', at('no-header.csv')])).toBe('segmentkit: sheet "no-header.csv": No customer id column was found in the customer sheet. Map a column to the role "customer id".');
  });

  it('k larger than the number of distinct customers', async () => {
    expect(await refused(['segment', at('three-customers.csv'), '--models', 'kmeans', '--k', '5'])).toBe('segmentkit: at models[0].settings.k: k is 5 but only 3 customers have all feature values. Choose fewer clusters, or "auto".');
  });
});

describe('recipes that are wrong, newer or hostile', () => {
  it.each([
    ['recipe-unknown-field.json', 'segmentkit: at colour: expected only version, name, createdAt, roles, asOf, seed, models, segmentNames, playbook, got unknown field "colour". Remove the unknown field or check its spelling.'],
    ['recipe-wrong-type.json', 'segmentkit: at seed: expected an integer from 0 to 4294967295, got "seven".'+FIX],
    ['recipe-newer-version.json', 'segmentkit: at version: this recipe was made by a newer SegmentKit (recipe version 3; this one reads version 1). Update SegmentKit to open it.'],
    ['recipe-unknown-model.json', 'segmentkit: at models[0].kind: expected one of "rfm", "value", "lifecycle", "behavior", "rules", "kmeans", "demographic", "technographic", "clv", got "crystal-ball".'+FIX],
    ['recipe-proto-pollution.json', 'segmentkit: at segmentNames.rfm.__proto__: expected an ordinary name, got "__proto__".'+FIX],
    ['recipe-rule-syntax.json', 'segmentkit: at models[0].settings.rules[0].when, at character 20: expected a column name or "(", found the end of the rule. Check the rule near that character.'],
    ['recipe-rule-injection.json', 'segmentkit: at models[0].settings.rules[0].when, at character 12: expected a column, value or operator, found ";". Check the rule near that character.'],
    ['recipe-rule-constructor.json', 'segmentkit: at models[0].settings.rules[0].when, at character 12: expected a column, value or operator, found ".". Check the rule near that character.'],
    ['recipe-truncated.json', /^segmentkit: \/.*\/recipe-truncated\.json: The recipe is not valid JSON \(Expected ',' or '}' after property value in JSON at position 57\)\. Save the recipe again from SegmentKit, or fix the JSON syntax\.$/],
  ])('%s', async (file, expected) => {
    const line = await refused(['segment', at('three-customers.csv'), '--recipe', at(file)]);
    if (typeof expected === 'string') expect(line).toBe(expected);
    else expect(line).toMatch(expected);
  });

  it('a hostile rule never runs code: the prototype of Object is untouched afterwards', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('inputs SegmentKit handles, with the documented warnings', () => {
  it('blank headers are named after their column; trailing delimiters give a dropped blank column', async () => {
    const b = await inspected('blank-header.csv');
    expect(b.columns.map((c) => c.name)).toEqual(['customer_id', 'Column B', 'amount']);
    expect(b.warnings.map((w) => w.code)).toEqual(['W_BLANK_HEADER']);
    const t = await inspected('trailing-delimiter.csv');
    expect(t.columns.map((c) => c.name)).toEqual(['customer_id', 'order_date', 'amount']);
    expect(t.warnings.map((w) => w.code)).toEqual(['W_BLANK_COLUMN']);
  });

  it('a UTF-8 BOM is not part of the first header; UTF-16 BE and Windows-1252 decode', async () => {
    expect((await inspected('bom-utf8.csv')).columns[0]).toMatchObject({ name: 'customer_id', role: 'customerId' });
    expect((await inspected('utf16be.csv')).columns.map((c) => c.name)).toEqual(['customer_id', 'city', 'amount']);
    const w = await inspected('windows-1252.csv');
    expect(w.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['customer_id:id', 'city:category', 'amount:number']);
  });

  it('a wrong delimiter (":") leaves one column and says so', async () => {
    const w = await inspected('wrong-delimiter.csv');
    expect(w.columns).toHaveLength(1);
    expect(w.warnings.map((x) => x.code)).toEqual(['W_ONE_COLUMN']);
  });

  it('an unclosed quote is reported first, at the cell where it opens, before the short row it leaves', async () => {
    const u = await inspected('unclosed-quote.csv');
    expect(u.rows).toBe(1);
    expect(u.warnings.map((x) => x.code)).toEqual(['W_UNCLOSED_QUOTE', 'W_SHORT_ROWS', 'W_BLANK_COLUMN']);
    expect(u.warnings[0].message).toMatch(/^Row 2, column B: a quote opens a cell and is never closed/);
  });

  it('mixed line endings (CR, LF, CRLF) are all record ends', async () => {
    const s = await segmented('mixed-line-endings.csv');
    expect([s.rows, s.customers]).toEqual([4, 2]);
  });

  it('numbers stored as text (quoted, thousands separators, spaces, exponent) are numbers', async () => {
    expect((await inspected('numbers-as-text.csv')).columns[1]).toMatchObject({ name: 'amount', type: 'number', missing: 0 });
  });

  it('Excel error values in order lines are missing cells, the rows skipped and counted', async () => {
    const i = await inspected('excel-errors-orders.csv');
    expect(i.warnings.map((w) => w.code)).toEqual(['W_EXCEL_ERRORS', 'W_EXCEL_ERRORS']);
    const s = await segmented('excel-errors-orders.csv');
    expect(s.customers).toBe(2);
    expect(s.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['W_NO_AMOUNT']));
  });

  it('NaN / Infinity / overflowing numbers are never amounts: every value stays finite', async () => {
    const s = await segmented('nan-infinity.csv');
    expect(s.warnings.find((w) => w.code === 'W_NO_AMOUNT')?.count).toBe(4);
    for (const m of Object.values(s.models)) for (const seg of m.segments) expect(seg.value === null || Number.isFinite(seg.value)).toBe(true);
    expect(s.models.rfm.segments.every((seg) => seg.value !== null)).toBe(true);
  });

  it('negative amounts are returns and zero amounts are reported', async () => {
    const i = await inspected('amounts-negative-zero.csv');
    expect(i.warnings.map((w) => w.code)).toEqual(['W_NEGATIVE_AMOUNT', 'W_ZERO_AMOUNT']);
    const s = await segmented('amounts-negative-zero.csv');
    expect(s.customers).toBe(4);
  });

  it('blank customer ids are skipped and counted', async () => {
    expect((await inspected('blank-ids.csv')).warnings.map((w) => w.code)).toEqual(['W_BLANK_ID']);
    expect((await segmented('blank-ids.csv')).customers).toBe(2);
  });

  it('duplicate ids in a customer list are reported', async () => {
    expect((await inspected('duplicate-customer-ids.csv')).warnings.map((w) => w.code)).toEqual(['W_DUPLICATE_ID']);
  });

  it('dates in the future and after 2100 are reported; before 1900 they are read', async () => {
    expect((await inspected('dates-future.csv')).warnings.map((w) => w.code)).toEqual(['W_FUTURE_DATE']);
    expect((await inspected('dates-after-2100.csv')).warnings.map((w) => w.code)).toEqual(['W_FUTURE_DATE']);
    const old = await inspected('dates-before-1900.csv');
    expect(old.columns[1]).toMatchObject({ type: 'date', missing: 0 });
    const s = await segmented('dates-future.csv', '--as-of', '2024-06-30');
    expect(s.asOf).toBe('2024-06-30');
  });

  it('dates in several formats in one column: not read as a date column, said by W_MIXED_DATES, and segment names the column', async () => {
    const i = await inspected('dates-mixed-formats.csv');
    expect(i.columns[1]).toMatchObject({ name: 'order_date', type: 'category', role: null });
    expect(i.warnings[0].code).toBe('W_MIXED_DATES');
    expect(i.warnings[0].message).toMatch(/^Column "order_date" holds 5 date\(s\) \(71 % of its values\) but 2 value\(s\) in another form \(first: B7 "Jan 7 2024"\)/);
    expect(await refused(['segment', at('dates-mixed-formats.csv')])).toBe(
      'segmentkit: The data has no dates, so "today" for recency and tenure is unknown. Column "order_date" holds dates in more than one form, so it was read as text: write every date the same way (for example 2024-03-31), or pass an as-of date (for example --as-of 2026-06-30).',
    );
  });

  it('one customer only, and customers that are all identical, segment without failing', async () => {
    const one = await segmented('one-customer.csv');
    expect(one.customers).toBe(1);
    const same = await segmented('identical-customers.csv');
    expect(same.customers).toBe(4);
    for (const m of Object.values(same.models)) {
      const sizes = m.segments.map((s) => s.size).filter((n) => n > 0);
      expect(sizes.length).toBeLessThanOrEqual(1);
    }
  });

  it('formula-like ids and notes come out guarded in the CSV and as text in the workbook', async () => {
    const csv = join(dir, 'guarded.csv');
    const r = await runCli('segment', at('formula-injection-orders.csv'), '--out', csv);
    expect(r.code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).toContain("'+cmd|' /C calc'!A0");
    expect(text).toContain("'@SUM(A1:A9)");
    expect(text.split(/\r?\n/).slice(1).every((line) => !/^[=+\-@]/.test(line))).toBe(true);
    const xlsx = join(dir, 'guarded.xlsx');
    expect((await runCli('segment', at('formula-injection-orders.csv'), '--out', xlsx)).code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const cells: { value: unknown; type: number }[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push({ value: c.value, type: c.type }))));
    const ids = cells.filter((c) => typeof c.value === 'string' && /HYPERLINK|cmd\||SUM\(/.test(c.value));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  it('ids with leading zeros stay text through segment --out', async () => {
    const src = join(dir, 'zeros.csv');
    writeFileSync(src, 'customer_id,order_date,amount\n00042,2024-01-05,10\n00007,2024-02-05,20\n00042,2024-03-05,5\n');
    const out = join(dir, 'zeros-out.csv');
    expect((await runCli('segment', src, '--out', out)).code).toBe(0);
    const ids = readFileSync(out, 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(',')[0]);
    expect(ids.sort()).toEqual(['00007', '00042']);
  });
});
