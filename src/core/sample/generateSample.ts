import { SegmentKitError } from '../errors/SegmentKitError';
import { createRng, type Rng } from '../random/createRng';
import { cumulate, sampleBeta, sampleExponential, sampleGamma, sampleIndex, samplePoisson } from '../random/distributions';
import type { Column, Table } from '../table/Table';
import { CODE_MISSING } from '../table/Table';
import { dayNumberFromYmd } from '../table/dayNumber';
import { CHANNELS, COMPANY_SIZES, COUNTRIES, EDUCATION, GENDERS, MARITAL, PLATFORMS, PRODUCTS } from './sampleCatalog';

export interface SampleOptions {
  customers: number;
  seed: number;
  /** Last day of the data (day number); default 2026-06-30. */
  end?: number;
  /** Years of history before `end`; default 3. */
  years?: number;
}

/** A block of order lines as typed arrays: formatted into text only when written. */
export interface OrderChunk {
  rows: number;
  customer: Int32Array;
  day: Float64Array;
  /** Invoice number; cancellations reuse the series with a `C` prefix. */
  invoice: Float64Array;
  cancelled: Uint8Array;
  product: Int32Array;
  quantity: Float64Array;
  unitPrice: Float64Array;
}

export interface TicketChunk {
  rows: number;
  ticket: Float64Array;
  customer: Int32Array;
  day: Float64Array;
  channel: Int32Array;
  topic: Int32Array;
}

export interface Sample {
  options: Required<SampleOptions>;
  /** The Customers sheet as a typed table (column names as written). */
  customers: Table;
  customerIds: string[];
  /** Streams the Orders sheet in blocks of customers, so 8 million lines never sit in memory at once. */
  forEachOrderChunk(fn: (chunk: OrderChunk) => void): void;
  forEachTicketChunk(fn: (chunk: TicketChunk) => void): void;
}

export const MAX_SAMPLE_CUSTOMERS = 1_048_576;
const BLOCK = 32_768;

/**
 * A deterministic, realistic sample: customers with demographics and technographics, an order
 * history drawn from a BG/NBD-style process (heterogeneous purchase rates, drop-out after each
 * purchase, customer-specific spend), returns as cancelled invoices, and support tickets whose
 * rate and channel depend on the customer. Same options → same data on every machine.
 *
 * @example
 * const sample = generateSample({ customers: 1000, seed: 7 });
 * sample.customers.rowCount; // 1000
 */
export function generateSample(options: SampleOptions): Sample {
  const { customers: n, seed } = options;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SAMPLE_CUSTOMERS) {
    throw new SegmentKitError('E_ARGUMENT', `--customers must be a whole number from 1 to ${MAX_SAMPLE_CUSTOMERS.toLocaleString('en')}, got ${n}`, {
      hint: 'Pass for example --customers 10000.',
    });
  }
  if (!Number.isInteger(seed)) {
    throw new SegmentKitError('E_ARGUMENT', `--seed must be a whole number, got ${seed}`, { hint: 'Pass for example --seed 42.' });
  }
  const end = options.end ?? dayNumberFromYmd(2026, 6, 30);
  const years = options.years ?? 3;
  const start = end - Math.round(years * 365.25);
  const resolved = { customers: n, seed, end, years };

  const rng = createRng(seed);
  const ids: string[] = new Array(n);
  const age = new Float64Array(n);
  const gender = new Int32Array(n);
  const income = new Float64Array(n);
  const education = new Int32Array(n);
  const marital = new Int32Array(n);
  const country = new Int32Array(n);
  const city = new Int32Array(n);
  const companySize = new Int32Array(n);
  const signup = new Float64Array(n);
  const platform = new Int32Array(n);
  const channel = new Int32Array(n);
  const comfort = new Float64Array(n);
  // Latent purchase process per customer (not written; it is what the models should recover).
  const rate = new Float64Array(n);
  const dropout = new Float64Array(n);
  const qtyMean = new Float64Array(n);
  const ticketRate = new Float64Array(n);

  const countryCum = cumulate(COUNTRIES.map((c) => c.weight));
  const cityNames: string[] = [];
  const cityBase: number[] = [];
  for (const c of COUNTRIES) {
    cityBase.push(cityNames.length);
    cityNames.push(...c.cities);
  }
  const eduCum = cumulate([30, 28, 26, 13, 3]);
  const genderCum = cumulate([49.5, 49.5, 1]);
  const sizeCum = cumulate([40, 30, 20, 10]);

  for (let i = 0; i < n; i++) {
    ids[i] = `C${String(i + 1).padStart(7, '0')}`;
    const a = Math.round(Math.min(85, Math.max(18, 42 + 14 * rng.normal())));
    age[i] = a;
    gender[i] = sampleIndex(rng, genderCum);
    const k = sampleIndex(rng, countryCum);
    country[i] = k;
    city[i] = cityBase[k] + rng.int(COUNTRIES[k].cities.length);
    const e = sampleIndex(rng, eduCum);
    education[i] = e;
    const ageFactor = 1 - Math.pow((a - 50) / 40, 2) * 0.5;
    income[i] = Math.round((COUNTRIES[k].incomeMedian * ageFactor * (1 + 0.18 * e) * Math.exp(0.35 * rng.normal())) / 100) * 100;
    marital[i] = a < 28 ? (rng.next() < 0.8 ? 0 : 1) : sampleIndex(rng, cumulate([28, 52, 14, a > 65 ? 10 : 2]));
    companySize[i] = rng.next() < 0.2 ? sampleIndex(rng, sizeCum) : CODE_MISSING;
    // Signups grow over time (a young business): density rises towards the end of the window.
    signup[i] = start + Math.floor(Math.sqrt(rng.next()) * (end - start - 14));
    const young = a < 35;
    platform[i] = sampleIndex(rng, cumulate(young ? [34, 30, 20, 8, 8] : a > 60 ? [14, 12, 34, 32, 8] : [24, 22, 26, 18, 10]));
    channel[i] = sampleIndex(rng, cumulate(young ? [6, 18, 38, 22, 16] : a > 60 ? [48, 32, 10, 2, 8] : [22, 34, 24, 6, 14]));
    comfort[i] = Math.max(1, Math.min(5, Math.round(3.6 - (a - 42) / 22 + 0.9 * rng.normal())));
    // Gamma-distributed purchase rates (per day) and beta-distributed drop-out, as in BG/NBD.
    rate[i] = sampleGamma(rng, 0.9, 1 / 55);
    dropout[i] = sampleBeta(rng, 0.8, 3.2);
    qtyMean[i] = sampleGamma(rng, 1.5, 0.5);
    ticketRate[i] = (0.004 + 0.003 * (5 - comfort[i])) * (companySize[i] >= 0 ? 1.6 : 1);
  }

  const columns: Column[] = [
    { name: 'customer_id', type: 'id', codes: Int32Array.from({ length: n }, (_, i) => i), dictionary: ids },
    { name: 'age', type: 'number', values: age },
    { name: 'gender', type: 'category', codes: gender, dictionary: [...GENDERS] },
    { name: 'income', type: 'number', values: income },
    { name: 'education', type: 'category', codes: education, dictionary: [...EDUCATION] },
    { name: 'marital_status', type: 'category', codes: marital, dictionary: [...MARITAL] },
    { name: 'country', type: 'category', codes: country, dictionary: COUNTRIES.map((c) => c.code) },
    { name: 'city', type: 'category', codes: city, dictionary: cityNames },
    { name: 'company_size', type: 'category', codes: companySize, dictionary: [...COMPANY_SIZES] },
    { name: 'signup_date', type: 'date', values: signup },
    { name: 'platform', type: 'category', codes: platform, dictionary: [...PLATFORMS] },
    { name: 'preferred_channel', type: 'category', codes: channel, dictionary: [...CHANNELS] },
    { name: 'tech_comfort', type: 'number', values: comfort },
  ];

  const productCum = cumulate(PRODUCTS.map((p) => p.weight));
  const blockRng = (kind: number, block: number): Rng => createRng((seed * 1_000_003 + kind * 7919 + block * 104_729) | 0);

  function forEachOrderChunk(fn: (chunk: OrderChunk) => void): void {
    let invoiceNo = 100000;
    for (let b0 = 0; b0 < n; b0 += BLOCK) {
      const b1 = Math.min(n, b0 + BLOCK);
      const r = blockRng(1, b0 / BLOCK);
      const out = new OrderBuffer();
      for (let i = b0; i < b1; i++) {
        let t = signup[i] + Math.floor(sampleExponential(r, 1 / 3));
        while (t <= end) {
          invoiceNo++;
          const lines = 1 + Math.min(3, samplePoisson(r, 1.0));
          for (let l = 0; l < lines; l++) {
            const p = sampleIndex(r, productCum);
            const q = 1 + samplePoisson(r, qtyMean[i]);
            const price = Math.round(PRODUCTS[p].price * (r.next() < 0.15 ? 0.9 : 1) * 100) / 100;
            out.push(i, t, invoiceNo, 0, p, q, price);
            if (r.next() < 0.03) {
              const back = t + 1 + r.int(20);
              if (back <= end) out.push(i, back, invoiceNo, 1, p, -q, price);
            }
          }
          if (r.next() < dropout[i]) break;
          t += Math.max(1, Math.round(sampleExponential(r, rate[i])));
        }
      }
      fn(out.chunk());
    }
  }

  function forEachTicketChunk(fn: (chunk: TicketChunk) => void): void {
    let ticketNo = 500000;
    const topicCum = cumulate([18, 24, 14, 22, 12, 10]);
    for (let b0 = 0; b0 < n; b0 += BLOCK) {
      const b1 = Math.min(n, b0 + BLOCK);
      const r = blockRng(2, b0 / BLOCK);
      const rows: number[][] = [[], [], [], [], []];
      for (let i = b0; i < b1; i++) {
        const span = end - signup[i] + 1;
        const count = samplePoisson(r, ticketRate[i] * span * 0.25);
        for (let k = 0; k < count; k++) {
          rows[0].push(++ticketNo);
          rows[1].push(i);
          rows[2].push(signup[i] + r.int(span));
          rows[3].push(r.next() < 0.6 ? channel[i] : r.int(CHANNELS.length));
          rows[4].push(sampleIndex(r, topicCum));
        }
      }
      fn({
        rows: rows[0].length,
        ticket: Float64Array.from(rows[0]),
        customer: Int32Array.from(rows[1]),
        day: Float64Array.from(rows[2]),
        channel: Int32Array.from(rows[3]),
        topic: Int32Array.from(rows[4]),
      });
    }
  }

  return { options: resolved, customers: { rowCount: n, columns }, customerIds: ids, forEachOrderChunk, forEachTicketChunk };
}

/** Growable typed buffers for one block of order lines. */
class OrderBuffer {
  private size = 0;
  private cap = 1024;
  private customer = new Int32Array(this.cap);
  private day = new Float64Array(this.cap);
  private invoice = new Float64Array(this.cap);
  private cancelled = new Uint8Array(this.cap);
  private product = new Int32Array(this.cap);
  private quantity = new Float64Array(this.cap);
  private unitPrice = new Float64Array(this.cap);

  push(c: number, d: number, inv: number, canc: number, p: number, q: number, price: number): void {
    if (this.size === this.cap) this.grow();
    const k = this.size++;
    this.customer[k] = c;
    this.day[k] = d;
    this.invoice[k] = inv;
    this.cancelled[k] = canc;
    this.product[k] = p;
    this.quantity[k] = q;
    this.unitPrice[k] = price;
  }

  chunk(): OrderChunk {
    const s = this.size;
    return {
      rows: s,
      customer: this.customer.subarray(0, s),
      day: this.day.subarray(0, s),
      invoice: this.invoice.subarray(0, s),
      cancelled: this.cancelled.subarray(0, s),
      product: this.product.subarray(0, s),
      quantity: this.quantity.subarray(0, s),
      unitPrice: this.unitPrice.subarray(0, s),
    };
  }

  private grow(): void {
    this.cap *= 2;
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.cap);
      b.set(a);
      return b;
    };
    this.customer = grow(this.customer, (k) => new Int32Array(k));
    this.day = grow(this.day, (k) => new Float64Array(k));
    this.invoice = grow(this.invoice, (k) => new Float64Array(k));
    this.cancelled = grow(this.cancelled, (k) => new Uint8Array(k));
    this.product = grow(this.product, (k) => new Int32Array(k));
    this.quantity = grow(this.quantity, (k) => new Float64Array(k));
    this.unitPrice = grow(this.unitPrice, (k) => new Float64Array(k));
  }
}
