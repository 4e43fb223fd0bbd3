import type { PlaybookEntry as CorePlaybookEntry } from '../core/playbook/PlaybookEntry';
import type { PlaybookEntry } from '../taskpane/services/SegmentKitServices';

/** Core playbook entries (per segment name) as the rows the taskpane edits. */
export function toRows(segments: string[], entries: Readonly<Record<string, CorePlaybookEntry>>): PlaybookEntry[] {
  return segments.filter((s) => entries[s]).map((segment) => {
    const e = entries[segment];
    return { segment, channel: e.channel, tone: e.tone, priority: e.priority, queue: e.queue, resources: e.resources.join('; ') };
  });
}

/** The taskpane's edited rows back into the recipe's playbook (validated again by the core). */
export function toEntries(rows: PlaybookEntry[]): Record<string, CorePlaybookEntry> {
  const out: Record<string, CorePlaybookEntry> = {};
  for (const r of rows) {
    out[r.segment] = {
      channel: r.channel as CorePlaybookEntry['channel'],
      tone: r.tone,
      priority: r.priority as CorePlaybookEntry['priority'],
      queue: r.queue,
      resources: r.resources.split(';').map((x) => x.trim()).filter(Boolean),
    };
  }
  return out;
}
