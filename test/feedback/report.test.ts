import { describe, expect, it } from 'vitest';
import type { FeedbackEvent } from '../../src/feedback/events.js';
import { evalCandidates, gapsReport, usageReport } from '../../src/feedback/report.js';
import { realBot } from '../support/bot.js';

const normalize = (text: string) => realBot().index.normalizer.words(text);
const base = { platform: 'slack', language: 'fr' as const };
const q = (
  at: string,
  query: string,
  answered: boolean,
  extra: Record<string, unknown> = {},
): FeedbackEvent => ({
  ...base,
  type: 'question',
  at,
  query,
  answered,
  ...extra,
});

const events: FeedbackEvent[] = [
  q('2026-11-30T09:00:00Z', 'le fax ne part plus', false, { suggestions: ['webex/contacts'] }),
  q('2026-11-30T10:00:00Z', 'Le FAX ne part plus !', false, { suggestions: ['webex/x'] }),
  q('2026-11-30T11:00:00Z', 'imprimante en panne', false, { suggestions: ['webex/contacts'] }),
  q('2026-11-30T12:00:00Z', 'badgeuse hors ligne', false, { suggestions: ['ucwa-20004'] }),
  q('2026-12-01T08:00:00Z', '200039', true, { top: 'webex-200039' }),
  q('2026-12-01T08:05:00Z', '403', true, { top: 'acs-403', platform: 'teams' }),
  { ...base, type: 'feedback', at: '2026-12-01T08:06:00Z', query: '403', useful: false, entry: 'acs-403' },
  {
    ...base,
    type: 'feedback',
    at: '2026-12-01T08:07:00Z',
    query: '403 interdit',
    useful: false,
    entry: 'acs-403',
  },
  {
    ...base,
    type: 'feedback',
    at: '2026-12-01T08:08:00Z',
    query: '200039',
    useful: true,
    entry: 'webex-200039',
  },
  { ...base, type: 'correction', at: '2026-12-01T08:09:00Z', query: '403', entry: 'webex-403', via: 'pick' },
  { ...base, type: 'correction', at: '2026-12-01T08:10:00Z', query: '403', entry: 'webex-403', via: 'pick' },
];

describe('report gaps', () => {
  const report = gapsReport(events, new Date('2026-11-24T00:00:00Z'), normalize);

  it('groups unanswered questions with the same words or the same closest entry, biggest first', () => {
    expect(report.unanswered[0]).toMatchObject({
      count: 3,
      suggestions: expect.arrayContaining(['webex/contacts']),
    });
    expect(report.unanswered[0]?.examples).toEqual(
      expect.arrayContaining(['le fax ne part plus', 'imprimante en panne']),
    );
    expect(report.unanswered[1]).toMatchObject({ query: 'badgeuse hors ligne', count: 1 });
  });

  it('lists the entries marked not useful with the questions that led to them, and the corrections', () => {
    expect(report.notHelpful).toEqual([{ id: 'acs-403', count: 2, queries: ['403', '403 interdit'] }]);
    expect(report.corrections).toEqual([{ query: '403', id: 'webex-403', count: 2 }]);
    expect(report.keywordsYaml).toBe('  webex-403: ["403"]');
    expect(report.since).toBe('2026-11-24T00:00:00.000Z');
  });

  it('exports the corrections as candidate evaluation items', () => {
    expect(evalCandidates(report)).toContain('  - { q: "403", expect: webex-403, cat: from-feedback }');
  });
});

describe('report usage', () => {
  const report = usageReport(
    events,
    new Date('2026-11-29T00:00:00Z'),
    new Date('2026-12-01T23:00:00Z'),
    (id) => /-\d+$/.test(id),
  );

  it('counts questions per day, answered and feedback rates, per platform and top entries', () => {
    expect(report.days.map((d) => [d.date, d.questions, d.answered])).toEqual([
      ['2026-11-29', 0, 0],
      ['2026-11-30', 4, 0],
      ['2026-12-01', 2, 2],
    ]);
    expect(report.totals).toMatchObject({
      questions: 6,
      answered: 2,
      answeredRate: 0.333,
      feedback: 3,
      useful: 1,
      notUseful: 2,
      corrections: 2,
    });
    expect(report.platforms.find((p) => p.platform === 'teams')).toMatchObject({
      questions: 1,
      answeredRate: 1,
    });
    expect(report.topCodes).toEqual([
      { id: 'acs-403', count: 1 },
      { id: 'webex-200039', count: 1 },
    ]);
  });
});

describe('report formats', () => {
  it('writes the gaps as markdown and as CSV', async () => {
    const { runReport } = await import('../../src/cli/report.js');
    const { MemoryFeedbackStore } = await import('../support/feedback.js');
    const store = new MemoryFeedbackStore();
    for (const e of events) await store.append(e);
    const ctx = {
      store,
      normalize,
      isCode: () => true,
      now: () => new Date('2026-12-02T00:00:00Z'),
      writeFile: () => {},
    };
    const md = await runReport({ kind: 'gaps', sinceMs: 7 * 86_400_000, format: 'md' }, ctx);
    expect(md).toContain('## Unanswered questions');
    expect(md).toContain('```yaml\n  webex-403: ["403"]\n```');
    const csv = await runReport({ kind: 'gaps', sinceMs: 7 * 86_400_000, format: 'csv' }, ctx);
    expect(csv.split('\n')[0]).toBe('section,query_or_id,count,details');
    expect(csv).toContain('correction,403,2,webex-403');
  });
});
