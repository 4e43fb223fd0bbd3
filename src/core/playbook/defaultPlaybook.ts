import type { SegmentStats } from '../profile/SegmentProfile';
import type { PlaybookEntry } from './PlaybookEntry';

type Trait = 'vip' | 'risk' | 'lapsed' | 'new' | 'general';

/** Segment names of the built-in models (RFM, lifecycle, value tiers) mapped to a trait. */
function traitOf(name: string): Trait {
  const n = name.toLowerCase();
  if (/champion|loyal|^a ·/.test(n)) return 'vip';
  if (/at risk|can't lose|about to sleep|need(s)? attention/.test(n)) return 'risk';
  if (/lost|lapsed|hibernating|inactive/.test(n)) return 'lapsed';
  if (/new|promising|onboarding|recent|potential/.test(n)) return 'new';
  return 'general';
}

/**
 * A sensible starting playbook entry from a segment's traits: its name (as the built-in models
 * name segments) and its value index (value share ÷ customer share; above 1 = worth more than
 * its size). Younger segments (mean age under 30, when an age column is profiled) are moved to
 * chat with social resources. Users edit the result in the recipe.
 *
 * @example
 * defaultPlaybook(profile.segments[0]); // { channel: 'phone', priority: 'P1', queue: 'VIP', ... }
 */
export function defaultPlaybook(segment: SegmentStats, ageFeature?: string): PlaybookEntry {
  const valueIndex = segment.share > 0 ? segment.valueShare / segment.share : 0;
  const high = valueIndex >= 1;
  let entry: PlaybookEntry;
  switch (traitOf(segment.name)) {
    case 'vip':
      entry = { channel: 'phone', tone: 'proactive, appreciative', priority: 'P1', queue: 'VIP', resources: ['Dedicated contact', 'Early access to new products'] };
      break;
    case 'risk':
      entry = high
        ? { channel: 'phone', tone: 'personal, reassuring', priority: 'P1', queue: 'Senior care', resources: ['Account review call', 'Retention offer'] }
        : { channel: 'email', tone: 'helpful, timely', priority: 'P2', queue: 'Retention', resources: ['Re-engagement email', 'Help centre'] };
      break;
    case 'lapsed':
      entry = { channel: 'email', tone: 'friendly win-back', priority: high ? 'P2' : 'P3', queue: 'Win-back', resources: ['Win-back email', "What's new since your last visit"] };
      break;
    case 'new':
      entry = high
        ? { channel: 'chat', tone: 'welcoming, attentive', priority: 'P2', queue: 'Onboarding', resources: ['Onboarding call', 'Getting-started guide'] }
        : { channel: 'self_service', tone: 'welcoming, instructive', priority: 'P3', queue: 'Onboarding', resources: ['Getting-started guide', 'How-to videos', 'FAQ'] };
      break;
    case 'general':
      entry =
        valueIndex >= 1.5
          ? { channel: 'phone', tone: 'attentive', priority: 'P1', queue: 'Priority', resources: ['Account review'] }
          : high
            ? { channel: 'email', tone: 'friendly', priority: 'P2', queue: 'Standard', resources: ['Help centre'] }
            : { channel: 'self_service', tone: 'clear, efficient', priority: 'P3', queue: 'Self-service', resources: ['Help centre', 'FAQ'] };
  }
  const age = ageFeature ? segment.features[ageFeature]?.mean : null;
  if (age !== null && age !== undefined && age < 30 && (entry.channel === 'phone' || entry.channel === 'email')) {
    entry = { ...entry, channel: 'chat', resources: [...entry.resources, 'Social media support'] };
  }
  return entry;
}
