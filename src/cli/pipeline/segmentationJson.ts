import type { Segmentation } from './segmentFiles';

/**
 * The `--json` contract of `segmentkit segment`:
 * `{ customers, rows, warnings: [{code, message, count}], models: { <id>: { segments: [{name,
 * size, share, value, valueShare}], quality, ...model-specific fields } } }`.
 */
export function segmentationJson(s: Segmentation): Record<string, unknown> {
  const warnings = [
    ...s.customers.skipped.map((w) => ({ code: w.code, message: w.message, count: w.count })),
    ...s.skippedModels.map((m) => ({ code: 'W_MODEL_SKIPPED', message: `${m.kind} was not run: ${m.why}`, count: 0 })),
    ...s.results.flatMap((r) => r.warnings.map((w) => ({ code: w.code, message: `${r.modelId}: ${w.message}`, count: w.count ?? 0 }))),
  ];
  const models: Record<string, unknown> = {};
  s.results.forEach((r, i) => {
    const { segments: _names, sizes: _sizes, ...specific } = r.json;
    const q = s.quality[i];
    models[r.modelId] = {
      kind: r.kind,
      segments: r.profile.segments.map((seg) => ({ name: seg.name, size: seg.size, share: round(seg.share), value: round(seg.value), valueShare: round(seg.valueShare) })),
      ...specific,
      quality: Object.fromEntries(
        (['measurable', 'substantial', 'differentiable', 'accessible', 'actionable'] as const).map((k) => [k, { ok: q[k].ok, value: Number.isNaN(q[k].value) ? null : round(q[k].value), detail: q[k].detail }]),
      ),
    };
  });
  return { customers: s.customers.table.rowCount, rows: s.rows, asOf: s.recipe.asOf, warnings, models };
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
