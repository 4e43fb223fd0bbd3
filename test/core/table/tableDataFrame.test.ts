import { tableFromDataFrame, tableToDataFrame } from '../../../src/core/table/tableDataFrame';
import { encodeStrings, type Table } from '../../../src/core/table/Table';
import { dayNumberFromIso } from '../../../src/core/table/dayNumber';

describe('danfojs DataFrame bridge (small result tables)', () => {
  it('round-trips numbers, dates, booleans and categories, missing values included', async () => {
    const table: Table = {
      rowCount: 3,
      columns: [
        encodeStrings('segment', ['Champions', null, 'Lost']),
        { name: 'size', type: 'number', values: Float64Array.of(12, NaN, 3.5) },
        { name: 'since', type: 'date', values: Float64Array.of(dayNumberFromIso('2024-01-31'), dayNumberFromIso('2025-06-30'), NaN) },
        { name: 'vip', type: 'boolean', values: Uint8Array.of(1, 0, 255) },
      ],
    };
    const df = await tableToDataFrame(table);
    expect(df.shape).toEqual([3, 4]);
    expect(df.columns).toEqual(['segment', 'size', 'since', 'vip']);
    const back = tableFromDataFrame(df);
    expect(back.rowCount).toBe(3);
    expect(back.columns.map((c) => c.type)).toEqual(['category', 'number', 'date', 'boolean']);
    expect(Array.from((back.columns[1] as { values: Float64Array }).values)).toEqual([12, NaN, 3.5]);
    expect(Array.from((back.columns[2] as { values: Float64Array }).values)).toEqual([dayNumberFromIso('2024-01-31'), dayNumberFromIso('2025-06-30'), NaN]);
    expect(Array.from((back.columns[3] as { values: Uint8Array }).values)).toEqual([1, 0, 255]);
    const seg = back.columns[0] as { codes: Int32Array; dictionary: string[] };
    expect(Array.from(seg.codes, (c) => (c < 0 ? null : seg.dictionary[c]))).toEqual(['Champions', null, 'Lost']);
  }, 60_000);
});
