import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/cases/case.js';
import { Cases } from '../../src/cases/cases.js';
import {
  CaseInputError,
  CaseNotAuthorised,
  CaseNotFound,
  CaseStoreUnavailable,
  CaseTransitionError,
} from '../../src/cases/errors.js';
import { type CaseStore, MemoryCaseStore } from '../../src/cases/store.js';
import { newCase } from '../support/cases.js';

const clock = () => new Date('2026-12-01T10:00:00.000Z');
const isEntry = (id: string) => id === 'webex-200039';
const opening = () => {
  const { state, history, openedAt, ...rest } = newCase();
  return rest;
};

describe('cases over a store', () => {
  it('numbers cases in order and opens them with their first history event', async () => {
    const cases = new Cases(new MemoryCaseStore(), isEntry, clock);
    const first = await cases.open(opening());
    const second = await cases.open({ ...opening(), openedBy: 'marie' });
    expect([first.id, second.id]).toEqual([1, 2]);
    expect(second).toMatchObject({ state: 'open', openedAt: '2026-12-01T10:00:00.000Z', openedBy: 'marie' });
    expect(second.history).toEqual([
      { at: '2026-12-01T10:00:00.000Z', by: 'marie', action: 'open', from: null, to: 'open' },
    ]);
    expect((await cases.list('open')).map((c) => c.id)).toEqual([1, 2]);
  });

  it('refuses an actor the adapter did not vouch for, before reading the store', async () => {
    const store = new MemoryCaseStore();
    const cases = new Cases(store, isEntry, clock);
    const { id } = await cases.open(opening());
    await expect(cases.act(id, { kind: 'take', by: 'intrus' }, false)).rejects.toBeInstanceOf(
      CaseNotAuthorised,
    );
    expect((await cases.get(id)).state).toBe('open');
  });

  it('refuses an entry the knowledge base does not have, and an unknown case', async () => {
    const cases = new Cases(new MemoryCaseStore(), isEntry, clock);
    const { id } = await cases.open(opening());
    await expect(
      cases.act(id, { kind: 'resolve', by: 'a', answer: 'x', entry: 'webex-999999' }, true),
    ).rejects.toEqual(expect.any(CaseInputError));
    await expect(
      cases.act(id, { kind: 'resolve', by: 'a', answer: 'x', entry: 'webex-999999' }, true),
    ).rejects.toMatchObject({ refusal: 'unknown-entry', value: 'webex-999999' });
    await expect(
      cases.act(id, { kind: 'resolve', by: 'a', answer: 'x', entry: 'webex-200039' }, true),
    ).resolves.toMatchObject({
      entry: 'webex-200039',
    });
    await expect(cases.act(99, { kind: 'take', by: 'a' }, true)).rejects.toBeInstanceOf(CaseNotFound);
  });

  it('gives a concurrent take one winner: the loser re-reads and is told who has it', async () => {
    // Both read the open case before either writes: the second save finds a newer version.
    const store = new MemoryCaseStore();
    const reads: (() => void)[] = [];
    const gated: CaseStore = {
      open: (f) => store.open(f),
      list: (f) => store.list(f),
      undelivered: () => store.undelivered(),
      close: () => store.close(),
      save: (c, v) => store.save(c, v),
      get: async (id) => {
        const read = await store.get(id);
        if (reads.length < 2)
          await new Promise<void>((resolve) => {
            reads.push(resolve);
            if (reads.length === 2) for (const release of reads) release();
          });
        return read;
      },
    };
    const cases = new Cases(gated, isEntry, clock);
    const { id } = await cases.open(opening());
    const outcomes = await Promise.allSettled([
      cases.act(id, { kind: 'take', by: 'alice' }, true),
      cases.act(id, { kind: 'take', by: 'bob' }, true),
    ]);
    const won = outcomes.filter((o): o is PromiseFulfilledResult<Case> => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(CaseTransitionError);
    expect(lost[0]?.reason.takenBy).toBe(won[0]?.value.takenBy);
    expect((await cases.get(id)).history.filter((e) => e.action === 'take')).toHaveLength(1);
  });

  it('keeps both of two concurrent writes that do not conflict (a take and the experts’ post)', async () => {
    const store = new MemoryCaseStore();
    const cases = new Cases(store, isEntry, clock);
    const { id } = await cases.open(opening());
    await Promise.all([
      cases.act(id, { kind: 'take', by: 'alice' }, true),
      cases.attachExpertsPost(id, 'slack:C-EXPERTS:1700000000.000200'),
    ]);
    expect(await cases.get(id)).toMatchObject({
      state: 'taken',
      expertsPost: 'slack:C-EXPERTS:1700000000.000200',
    });
  });

  it('turns a store that fails into CaseStoreUnavailable, its error as the cause', async () => {
    const down = new Error('ECONNREFUSED');
    const failing: CaseStore = {
      open: async () => {
        throw down;
      },
      get: async () => {
        throw down;
      },
      save: async () => {
        throw down;
      },
      list: async () => {
        throw down;
      },
      undelivered: async () => {
        throw down;
      },
      close: async () => {},
    };
    const cases = new Cases(failing, isEntry, clock);
    await expect(cases.open(opening())).rejects.toMatchObject({ refusal: 'unavailable', cause: down });
    await expect(cases.act(1, { kind: 'take', by: 'a' }, true)).rejects.toBeInstanceOf(CaseStoreUnavailable);
    await expect(cases.list()).rejects.toBeInstanceOf(CaseStoreUnavailable);
  });

  it('gives up after repeated concurrent writes rather than looping', async () => {
    const store = new MemoryCaseStore();
    const alwaysBehind: CaseStore = {
      open: (f) => store.open(f),
      get: (id) => store.get(id),
      list: (f) => store.list(f),
      undelivered: () => store.undelivered(),
      close: () => store.close(),
      save: async () => false,
    };
    const cases = new Cases(alwaysBehind, isEntry, clock);
    const { id } = await cases.open(opening());
    await expect(cases.act(id, { kind: 'take', by: 'a' }, true)).rejects.toBeInstanceOf(CaseStoreUnavailable);
  });
});
