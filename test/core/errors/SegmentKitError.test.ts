import { SegmentKitError } from '../../../src/core/errors/SegmentKitError';
import { toResult } from '../../../src/core/errors/Result';

describe('SegmentKitError', () => {
  it('puts the location first and the hint last', () => {
    const e = new SegmentKitError('E_X', 'Amount is not a number', { location: { file: 'a.xlsx', sheet: 'Orders', column: 'Amount', row: 17, cell: 'Orders!D17' }, hint: 'Fix the cell.' });
    expect(e.message).toBe('a.xlsx, sheet "Orders", column "Amount", row 17, cell Orders!D17: Amount is not a number. Fix the cell.');
    expect(e.toJSON()).toEqual({ code: 'E_X', message: e.message, location: e.location, hint: 'Fix the cell.' });
  });

  it('becomes { ok: false } for the UI, with internal errors worded for people', async () => {
    expect(await toResult(() => 3)).toEqual({ ok: true, value: 3 });
    const r = await toResult(() => {
      throw new SegmentKitError('E_Y', 'bad', { location: { path: 'models[0].k' } });
    });
    expect(r).toEqual({ ok: false, error: { code: 'E_Y', message: 'at models[0].k: bad.', location: { path: 'models[0].k' } } });
    const i = await toResult(() => {
      throw new TypeError('x is undefined');
    });
    expect(i).toEqual({ ok: false, error: { code: 'E_INTERNAL', message: 'Something went wrong inside SegmentKit: x is undefined' } });
  });
});
