import { defaultPlaybook } from '../../../src/core/playbook/defaultPlaybook';
import { playbookToSummaryTable } from '../../../src/core/playbook/playbookToSummaryTable';
import type { SegmentStats } from '../../../src/core/profile/SegmentProfile';

const seg = (name: string, share: number, valueShare: number, age?: number): SegmentStats => ({
  name, size: 10, share, value: 0, valueShare, topCategories: {},
  features: age === undefined ? {} : { Age: { mean: age, median: age, lift: 1, missing: 0 } },
});

describe('defaultPlaybook', () => {
  it.each([
    [seg("Can't Lose Them", 0.1, 0.3), { channel: 'phone', priority: 'P1', queue: 'Senior care' }],
    [seg('At risk', 0.3, 0.05), { channel: 'email', priority: 'P2', queue: 'Retention' }],
    [seg('Champions', 0.1, 0.4), { queue: 'VIP', tone: 'proactive, appreciative', priority: 'P1' }],
    [seg('Lapsed', 0.2, 0.05), { channel: 'email', queue: 'Win-back' }],
    [seg('New Customers', 0.2, 0.05), { channel: 'self_service', queue: 'Onboarding' }],
    [seg('Cluster 3', 0.1, 0.2), { channel: 'phone', priority: 'P1', queue: 'Priority' }],
  ])('%s', (s, expected) => {
    expect(defaultPlaybook(s)).toMatchObject(expected);
  });

  it('moves younger segments to chat with social resources', () => {
    const e = defaultPlaybook(seg('Champions', 0.1, 0.4, 24), 'Age');
    expect(e.channel).toBe('chat');
    expect(e.resources).toContain('Social media support');
    expect(defaultPlaybook(seg('Champions', 0.1, 0.4, 45), 'Age').channel).toBe('phone');
  });

  it('renders a playbook sheet table', () => {
    const t = playbookToSummaryTable('p', ['Champions', 'Lost'], { Champions: defaultPlaybook(seg('Champions', 0.1, 0.4)) });
    expect(t.headers).toEqual(['Segment', 'Channel', 'Tone', 'Priority', 'Routing queue', 'Self-service resources']);
    expect(t.rows).toEqual([['Champions', 'phone', 'proactive, appreciative', 'P1', 'VIP', 'Dedicated contact, Early access to new products']]);
  });
});
