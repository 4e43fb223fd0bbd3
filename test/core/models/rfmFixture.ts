import { makeCustomers } from './makeCustomers';

/**
 * Ten customers whose scores are computed by hand in rfmModel.test.ts:
 * recency days 1..10 → cuts ceil(2.8, 4.6, 6.4, 8.2) = 3, 5, 7, 9;
 * orders [8,5,1,3,1,2,1,2,1,1] → quantiles 1, 1, 2, 3.4 → cuts 1, 1, 2, 4 (band 2 empty: ties stay together);
 * revenue [100,90,10,70,20,30,50,80,40,60] → cuts 28, 46, 64, 82.
 */
export function rfmFixture() {
  const days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  return makeCustomers(
    {
      last_purchase: { type: 'date', values: days.map((d) => 1000 - d) },
      orders: [8, 5, 1, 3, 1, 2, 1, 2, 1, 1],
      revenue: [100, 90, 10, 70, 20, 30, 50, 80, 40, 60],
      returns: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    },
    { asOf: 1000 },
  );
}
