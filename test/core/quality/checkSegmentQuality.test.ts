import { checkSegmentQuality, type SegmentQualityInput } from '../../../src/core/quality/checkSegmentQuality';

/** 200 customers in two segments of 100, clearly different spend, all reachable, both with a playbook. */
function good(): SegmentQualityInput {
  const n = 200;
  const labels = Int32Array.from({ length: n }, (_, i) => (i < 100 ? 0 : 1));
  const spend = Float64Array.from({ length: n }, (_, i) => (i < 100 ? 100 + (i % 10) : 500 + (i % 10)));
  return {
    labels,
    segmentNames: ['Low spenders', 'High spenders'],
    features: [{ name: 'spend', values: spend }],
    inputsPresent: new Uint8Array(n).fill(1),
    reachable: new Uint8Array(n).fill(1),
    playbookSegments: ['Low spenders', 'High spenders'],
    silhouette: 0.6,
  };
}

describe('checkSegmentQuality', () => {
  it('passes every criterion on well-built segments', () => {
    const q = checkSegmentQuality(good());
    for (const c of [q.measurable, q.substantial, q.differentiable, q.accessible, q.actionable]) expect(c.ok).toBe(true);
    expect(q.substantial.value).toBe(0.5);
    expect(q.sizes).toEqual([100, 100]);
    expect(q.differentiable.value).toBeGreaterThan(0.99);
  });

  it('computes η² as between-segment over total sum of squares (hand value 54/58)', () => {
    const q = checkSegmentQuality({ labels: Int32Array.of(0, 0, 0, 1, 1, 1, -1), segmentNames: ['a', 'b'], features: [{ name: 'x', values: Float64Array.of(1, 2, 3, 7, 8, 9, 100) }] });
    expect(q.etaSquared[0].value).toBeCloseTo(54 / 58, 12);
    expect(q.etaSquared[0].skipped).toBe(1);
  });

  it('fails measurable when inputs are missing for too many customers', () => {
    const input = good();
    (input.inputsPresent as Uint8Array).fill(0, 0, 40);
    const q = checkSegmentQuality(input);
    expect(q.measurable).toEqual({ ok: false, value: 0.8, detail: '160 of 200 customers (80.0 %) have all model inputs; at least 90.0 % needed' });
  });

  it('fails substantial and names the small segment', () => {
    const input = good();
    input.labels.fill(2, 0, 3);
    input.segmentNames.push('Tiny');
    const q = checkSegmentQuality(input);
    expect(q.substantial.ok).toBe(false);
    expect(q.substantial.value).toBeCloseTo(0.015, 12);
    expect(q.substantial.detail).toBe('too small: Tiny (3 customers, 1.5 %); each needs 30 customers and 2.0 %');
  });

  it('fails differentiable when segments look alike, or the silhouette is weak', () => {
    const input = good();
    input.features = [{ name: 'spend', values: Float64Array.from({ length: 200 }, (_, i) => i % 10) }];
    expect(checkSegmentQuality(input).differentiable.ok).toBe(false);
    expect(checkSegmentQuality(input).differentiable.value).toBe(0);
    const weak = { ...good(), silhouette: 0.1 };
    expect(checkSegmentQuality(weak).differentiable).toEqual(expect.objectContaining({ ok: false, detail: expect.stringContaining('silhouette 0.100 (at least 0.25)') }));
  });

  it('fails accessible when few are reachable, and says when it was not checked', () => {
    const input = good();
    (input.reachable as Uint8Array).fill(0, 0, 100);
    expect(checkSegmentQuality(input).accessible).toEqual({ ok: false, value: 0.5, detail: '100 of 200 customers (50.0 %) have a reachable channel; at least 80.0 % needed' });
    const none = { ...good(), reachable: undefined };
    expect(checkSegmentQuality(none).accessible.detail).toBe('not checked: no contact or channel data was given');
  });

  it('fails actionable when a segment has no playbook entry', () => {
    const q = checkSegmentQuality({ ...good(), playbookSegments: ['High spenders'] });
    expect(q.actionable).toEqual({ ok: false, value: 0.5, detail: 'no playbook entry for: Low spenders' });
  });

  it('rejects bad input with exact codes and messages', () => {
    expect(() => checkSegmentQuality({ ...good(), labels: Int32Array.of(0, 5) })).toThrow(expect.objectContaining({ code: 'E_QUALITY_LABEL', message: 'row 3: Segment code 5 has no name (there are 2 segment names). Pass the segment names of the model that produced the labels; use -1 for unassigned customers.' }));
    expect(() => checkSegmentQuality({ ...good(), reachable: new Uint8Array(3) })).toThrow(expect.objectContaining({ code: 'E_QUALITY_LENGTH', message: 'column "reachable": The column has 3 rows but there are 200 labels. Pass columns of the same customers as the labels.' }));
    expect(() => checkSegmentQuality({ ...good(), thresholds: { minShare: 2 } })).toThrow(expect.objectContaining({ code: 'E_QUALITY_THRESHOLD', message: 'at thresholds.minShare: The threshold minShare must be a share from 0 to 1, not 2. Leave it out to use the default.' }));
  });
});
