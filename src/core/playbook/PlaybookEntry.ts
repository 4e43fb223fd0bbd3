import { SUPPORT_CHANNELS } from '../customers/CustomerTable';
import type { SettingsSchema } from '../recipe/SettingsSchema';

/** How support treats one segment; stored in the recipe and editable there. */
export interface PlaybookEntry {
  channel: (typeof SUPPORT_CHANNELS)[number];
  tone: string;
  /** P1 = answer first. */
  priority: 'P1' | 'P2' | 'P3';
  queue: string;
  resources: string[];
}

export const PLAYBOOK_ENTRY_SCHEMA: SettingsSchema = {
  channel: { type: 'enum', values: SUPPORT_CHANNELS },
  tone: { type: 'string' },
  priority: { type: 'enum', values: ['P1', 'P2', 'P3'] },
  queue: { type: 'string' },
  resources: { type: 'array', items: { type: 'string' }, default: [] },
};
