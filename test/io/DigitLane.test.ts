import { DigitLane } from '../../src/io/DigitLane';

describe('DigitLane', () => {
  const b = Buffer.from('C1,C2,C1,2024-03-31,X,12345678901234567');

  it('reads the digits of fields of its shape as the key, and refuses other shapes', () => {
    const lane = DigitLane.from(b, 0, 2) as DigitLane;
    expect(lane.key(b, 3, 2)).toBe(2);
    expect(lane.key(b, 0, 1)).toBe(-1);
    expect(lane.key(b, 9, 2)).toBe(-1);
    const date = DigitLane.from(b, 9, 10) as DigitLane;
    expect(date.key(b, 9, 10)).toBe(20240331);
  });

  it('takes no field without digits, nor one with more digits than a double holds exactly', () => {
    expect(DigitLane.from(b, 20, 1)).toBeNull();
    expect(DigitLane.from(b, 22, 17)).toBeNull();
  });

  it('stores codes by key and refuses a key that would spread the table too thin', () => {
    const lane = DigitLane.from(b, 0, 2) as DigitLane;
    expect(lane.set(500, 0)).toBe(true);
    expect(lane.set(20, 1)).toBe(true);
    expect([lane.get(500), lane.get(20), lane.get(21)]).toEqual([0, 1, -1]);
    expect(lane.set(500 + 70_000, 2)).toBe(false);
    expect(lane.get(500 + 70_000)).toBe(-1);
    expect(lane.count).toBe(2);
  });
});
