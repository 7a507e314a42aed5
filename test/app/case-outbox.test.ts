import { describe, expect, it } from 'vitest';
import {
  type CaseCardReply,
  CaseOutbox,
  CaseStoreUnavailable,
  Cases,
  MemoryCaseStore,
  MemoryState,
  renderText,
} from '../../src/index.js';
import type { CoreLogger } from '../../src/ports/logger.js';
import type { ViewKnowledge } from '../../src/reply/blocks.js';
import { replyView } from '../../src/reply/view.js';
import { newCase } from '../support/cases.js';

const isEntry = () => true;
const quiet: CoreLogger = { warn: () => {}, error: () => {} };
/** The notices name no entry here: the view needs nothing of the knowledge base. */
const kb = { productLabel: (p: string) => p, byId: () => undefined } as unknown as ViewKnowledge;
const opening = (over: Parameters<typeof newCase>[0] = {}) => {
  const { state, history, openedAt, ...rest } = newCase(over);
  return rest;
};

/** A platform that records what it was asked to deliver (the notice as the technician reads it). */
function recorder(outcome: 'delivered' | 'unreachable' = 'delivered') {
  const told: string[] = [];
  const cards: CaseCardReply[] = [];
  return {
    told,
    cards,
    deliver: async (reply: CaseCardReply) => {
      cards.push(reply);
      if (reply.notify) told.push(renderText(replyView(reply.notify, kb)).text);
      return outcome;
    },
  };
}

describe('the case outbox: what the CLI did, delivered by the running bot', () => {
  it('delivers a resolution made from the CLI as a click would: the technician’s notice with the answer, in their language', async () => {
    const store = new MemoryCaseStore();
    const cases = new Cases(store, isEntry);
    const { id } = await cases.open(opening({ language: 'en' }));
    await cases.act(id, { kind: 'take', by: 'bob' }, true, 'later');
    await cases.act(id, { kind: 'resolve', by: 'bob', answer: 'Domain released.' }, true, 'later');
    const slack = recorder();
    const { slack: round } = await new CaseOutbox(cases, new MemoryState(), quiet).deliver({
      slack: slack.deliver,
    });
    expect(round?.delivered).toEqual([id]);
    // The case as it now is: one notice, the resolution, in English with the answer.
    expect(slack.told).toHaveLength(1);
    expect(slack.told[0]).toContain('Case 1 resolved by bob');
    expect(slack.told[0]).toContain('Domain released.');
    expect(slack.cards[0]?.case.state).toBe('resolved');
    expect(await cases.undelivered()).toEqual([]);
  });

  it('leaves another platform’s cases and a click’s transitions alone, and never marks the terminal’s', async () => {
    const cases = new Cases(new MemoryCaseStore(), isEntry);
    const teams = await cases.open(
      opening({ conversation: { platform: 'teams', workspace: 't', channel: 'a:1', thread: 'a:1' } }),
    );
    const clicked = await cases.open(opening());
    const terminal = await cases.open(
      opening({ conversation: { platform: 'terminal', workspace: 'h', channel: 'tty', thread: 'tty' } }),
    );
    await cases.act(teams.id, { kind: 'take', by: 'bob' }, true, 'later');
    await cases.act(clicked.id, { kind: 'take', by: 'alice' }, true);
    await cases.act(terminal.id, { kind: 'take', by: 'bob' }, true, 'later');
    const slack = recorder();
    const { slack: round } = await new CaseOutbox(cases, new MemoryState(), quiet).deliver({
      slack: slack.deliver,
    });
    expect(round?.delivered).toEqual([]);
    expect((await cases.undelivered()).map((s) => s.case.id)).toEqual([teams.id]);
  });

  it('delivers once across two instances sharing their state, and tries a failed delivery again once its claim lapses', async () => {
    let now = 0;
    const state = new MemoryState(() => now);
    const cases = new Cases(new MemoryCaseStore(), isEntry);
    const { id } = await cases.open(opening());
    await cases.act(id, { kind: 'close', by: 'bob' }, true, 'later');
    let attempts = 0;
    const failing = async () => {
      attempts++;
      throw new Error('chat.postMessage: 500');
    };
    const [a, b] = [new CaseOutbox(cases, state, quiet, 60), new CaseOutbox(cases, state, quiet, 60)];
    expect((await a.deliver({ slack: failing })).slack?.failed).toEqual([id]);
    // Still claimed: neither instance tries again yet; the mark stays.
    expect((await b.deliver({ slack: failing })).slack?.skipped).toEqual([id]);
    expect(attempts).toBe(1);
    expect((await cases.undelivered()).map((s) => s.case.id)).toEqual([id]);
    now += 61_000;
    const slack = recorder();
    const [first, second] = await Promise.all([
      a.deliver({ slack: slack.deliver }).then((rounds) => rounds.slack),
      b.deliver({ slack: slack.deliver }).then((rounds) => rounds.slack),
    ]);
    expect([...(first?.delivered ?? []), ...(second?.delivered ?? [])]).toEqual([id]);
    expect(slack.told).toEqual(['Dossier 1 fermé sans réponse par bob.']);
    expect(await cases.undelivered()).toEqual([]);
  });

  it('drops what a platform can never deliver, and says a store that cannot be read is unavailable', async () => {
    const cases = new Cases(new MemoryCaseStore(), isEntry);
    const { id } = await cases.open(opening());
    await cases.act(id, { kind: 'take', by: 'bob' }, true, 'later');
    const { slack: round } = await new CaseOutbox(cases, new MemoryState(), quiet).deliver({
      slack: recorder('unreachable').deliver,
    });
    expect(round?.unreachable).toEqual([id]);
    expect(await cases.undelivered()).toEqual([]);
    const down = new MemoryCaseStore();
    down.undelivered = async () => {
      throw new Error('ECONNREFUSED');
    };
    await expect(
      new CaseOutbox(new Cases(down, isEntry), new MemoryState(), quiet).deliver({
        slack: recorder().deliver,
      }),
    ).rejects.toBeInstanceOf(CaseStoreUnavailable);
  });
});
