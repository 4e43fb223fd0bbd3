import type { SummaryTable } from '../results/Outputs';
import type { PlaybookEntry } from './PlaybookEntry';

/**
 * The playbook of one model as a sheet table, segments in the model's order.
 *
 * @example
 * playbookToSummaryTable('RFM playbook', result.segmentNames, fitted.playbook.rfm);
 */
export function playbookToSummaryTable(title: string, segments: string[], entries: Readonly<Record<string, PlaybookEntry>>): SummaryTable {
  return {
    title,
    headers: ['Segment', 'Channel', 'Tone', 'Priority', 'Routing queue', 'Self-service resources'],
    rows: segments.filter((s) => entries[s]).map((s) => {
      const e = entries[s];
      return [s, e.channel, e.tone, e.priority, e.queue, e.resources.join(', ')];
    }),
  };
}
