import { describe, expect, it } from 'vitest';
import { CaseNoticeLoop } from '../../adapters/case-notices.js';
import { loadConfig } from '../../adapters/config.js';
import type { Logger } from '../../adapters/logger.js';
import { CaseOutbox, Cases, MemoryCaseStore, MemoryState } from '../../src/index.js';
import { newCase } from '../support/cases.js';

/** A logger that keeps what was said, by level. */
function logs() {
  const said: { level: string; msg: string }[] = [];
  const at = (level: string) => (_details: unknown, msg?: string) =>
    void said.push({ level, msg: typeof _details === 'string' ? _details : (msg ?? '') });
  return { said, logger: { info: at('info'), warn: at('warn'), error: at('error') } as unknown as Logger };
}

describe('CASE_NOTICE_INTERVAL_SECONDS', () => {
  it('defaults to 5 seconds and refuses what is not a whole number of seconds from 1 to 3600', () => {
    expect(loadConfig({}).caseNoticeIntervalSeconds).toBe(5);
    expect(loadConfig({ CASE_NOTICE_INTERVAL_SECONDS: '30' }).caseNoticeIntervalSeconds).toBe(30);
    for (const wrong of ['0', '1.5', 'soon', '3601'])
      expect(() => loadConfig({ CASE_NOTICE_INTERVAL_SECONDS: wrong })).toThrow(
        'Invalid setting CASE_NOTICE_INTERVAL_SECONDS',
      );
  });
});

describe('the bot’s look at the case outbox', () => {
  it('says once that the store is down, never throws, and delivers once it is back', async () => {
    const store = new MemoryCaseStore();
    const cases = new Cases(store, () => true);
    const { state, history, openedAt, ...opening } = newCase();
    const { id } = await cases.open(opening);
    await cases.act(id, { kind: 'take', by: 'bob' }, true, 'later');
    const read = store.undelivered.bind(store);
    let down = true;
    store.undelivered = () => (down ? Promise.reject(new Error('ECONNREFUSED')) : read());
    const delivered: number[] = [];
    const { said, logger } = logs();
    const loop = new CaseNoticeLoop(
      new CaseOutbox(cases, new MemoryState(), logger),
      [
        {
          name: 'slack',
          deliverCase: async (r) => {
            delivered.push(r.case.id);
            return 'delivered';
          },
        },
      ],
      logger,
      1000,
    );
    await loop.look();
    await loop.look();
    expect(said.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual([
      'case store unavailable: case notices wait until it is back',
    ]);
    down = false;
    await loop.look();
    expect(delivered).toEqual([id]);
    expect(await cases.undelivered()).toEqual([]);
    await loop.stop();
  });

  it('reads the outbox once per look and hands each platform its own cases', async () => {
    const store = new MemoryCaseStore();
    const cases = new Cases(store, () => true);
    const { state, history, openedAt, ...opening } = newCase();
    const teamsPlace = { platform: 'teams', workspace: 't', channel: 'a:1', thread: 'a:1' } as const;
    const onSlack = await cases.open(opening);
    const onTeams = await cases.open({ ...opening, conversation: teamsPlace });
    for (const { id } of [onSlack, onTeams]) await cases.act(id, { kind: 'take', by: 'bob' }, true, 'later');
    const read = store.undelivered.bind(store);
    let reads = 0;
    store.undelivered = () => {
      reads++;
      return read();
    };
    const delivered: Record<string, number[]> = { slack: [], teams: [] };
    const platform = (name: 'slack' | 'teams') => ({
      name,
      deliverCase: async (r: { case: { id: number } }) => {
        delivered[name]?.push(r.case.id);
        return 'delivered' as const;
      },
    });
    const { logger } = logs();
    const loop = new CaseNoticeLoop(
      new CaseOutbox(cases, new MemoryState(), logger),
      [platform('slack'), platform('teams')],
      logger,
      1000,
    );
    await loop.look();
    expect(reads).toBe(1);
    expect(delivered).toEqual({ slack: [onSlack.id], teams: [onTeams.id] });
    expect(await cases.undelivered()).toEqual([]);
  });

  it('stops between two deliveries: what is left stays marked for the next process', async () => {
    const cases = new Cases(new MemoryCaseStore(), () => true);
    const { state, history, openedAt, ...opening } = newCase();
    for (let i = 0; i < 3; i++) {
      const { id } = await cases.open(opening);
      await cases.act(id, { kind: 'close', by: 'bob' }, true, 'later');
    }
    const { logger } = logs();
    let loop: CaseNoticeLoop | null = null;
    loop = new CaseNoticeLoop(
      new CaseOutbox(cases, new MemoryState(), logger),
      [
        {
          name: 'slack',
          deliverCase: async () => {
            void loop?.stop();
            return 'delivered';
          },
        },
      ],
      logger,
      1000,
    );
    await loop.look();
    expect((await cases.undelivered()).map((s) => s.case.id)).toEqual([2, 3]);
  });
});
