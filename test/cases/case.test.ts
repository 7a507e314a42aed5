import { describe, expect, it } from 'vitest';
import { applyCommand, type Case, type CaseCommand } from '../../src/cases/case.js';
import { CaseInputError, CaseTransitionError } from '../../src/cases/errors.js';
import { storedCase } from '../support/cases.js';

/** The state machine on its own: a command applied to a case, pure. */
const at = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const run = (c: Case, ...commands: CaseCommand[]) =>
  commands.reduce((current, command, i) => applyCommand(current, command, at(i + 1)), c);

describe('the case state machine', () => {
  it('goes open → taken → resolved, recording who did what and when', () => {
    const resolved = run(
      storedCase(12),
      { kind: 'take', by: 'alice' },
      {
        kind: 'resolve',
        by: 'alice',
        answer: '  Le compte existait dans une autre org.  ',
        entry: 'webex-200039',
      },
    );
    expect(resolved).toMatchObject({
      state: 'resolved',
      takenBy: 'alice',
      takenAt: at(1),
      resolvedBy: 'alice',
      resolvedAt: at(2),
      answer: 'Le compte existait dans une autre org.',
      entry: 'webex-200039',
    });
    expect(resolved.history.map((e) => [e.action, e.from, e.to, e.by])).toEqual([
      ['open', null, 'open', 'jean'],
      ['take', 'open', 'taken', 'alice'],
      ['resolve', 'taken', 'resolved', 'alice'],
    ]);
  });

  it('resolves or closes an open case without anyone taking it first', () => {
    expect(run(storedCase(1), { kind: 'resolve', by: 'bob', answer: 'ok' }).state).toBe('resolved');
    const closed = run(storedCase(1), { kind: 'close', by: 'bob' });
    expect(closed).toMatchObject({ state: 'closed', closedAt: at(1) });
    expect(closed.answer).toBeUndefined();
  });

  it('reopens a resolved or closed case as open, its previous outcome kept in the history only', () => {
    const reopened = run(
      storedCase(3),
      { kind: 'take', by: 'alice' },
      { kind: 'resolve', by: 'alice', answer: 'redémarrer', entry: 'ucwa-20003' },
      { kind: 'reopen', by: 'jean' },
    );
    expect(reopened.state).toBe('open');
    for (const field of ['takenBy', 'takenAt', 'resolvedBy', 'resolvedAt', 'answer', 'entry'] as const)
      expect(reopened[field], field).toBeUndefined();
    expect(reopened.history.at(-2)).toMatchObject({
      action: 'resolve',
      answer: 'redémarrer',
      entry: 'ucwa-20003',
    });
    expect(run(storedCase(4), { kind: 'close', by: 'a' }, { kind: 'reopen', by: 'b' }).state).toBe('open');
    // Reopened, it can be taken again, by someone else.
    expect(run(reopened, { kind: 'take', by: 'bob' }).takenBy).toBe('bob');
  });

  it.each([
    ['take a taken case', [{ kind: 'take', by: 'a' }], { kind: 'take', by: 'b' }, 'taken'],
    [
      'take a resolved case',
      [{ kind: 'resolve', by: 'a', answer: 'x' }],
      { kind: 'take', by: 'b' },
      'resolved',
    ],
    [
      'resolve a closed case',
      [{ kind: 'close', by: 'a' }],
      { kind: 'resolve', by: 'b', answer: 'x' },
      'closed',
    ],
    [
      'close a resolved case',
      [{ kind: 'resolve', by: 'a', answer: 'x' }],
      { kind: 'close', by: 'b' },
      'resolved',
    ],
    ['reopen an open case', [], { kind: 'reopen', by: 'b' }, 'open'],
    ['reopen a taken case', [{ kind: 'take', by: 'a' }], { kind: 'reopen', by: 'b' }, 'taken'],
  ] as [string, CaseCommand[], CaseCommand, string][])(
    'refuses to %s with a typed error naming the state, and changes nothing',
    (_, before, command, state) => {
      const c = run(storedCase(7), ...before);
      const copy = structuredClone(c);
      let error: unknown;
      try {
        applyCommand(c, command, at(59));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CaseTransitionError);
      expect(error).toMatchObject({
        refusal: 'invalid-transition',
        caseId: 7,
        from: state,
        command: command.kind,
      });
      expect(c).toEqual(copy);
    },
  );

  it('says who has a case when taking it again is refused', () => {
    const taken = run(storedCase(9), { kind: 'take', by: 'alice' });
    expect(() => applyCommand(taken, { kind: 'take', by: 'bob' }, at(5))).toThrow(
      expect.objectContaining({ takenBy: 'alice' }),
    );
  });

  it('refuses a resolution without an answer', () => {
    expect(() => applyCommand(storedCase(2), { kind: 'resolve', by: 'a', answer: '   ' }, at(1))).toThrow(
      CaseInputError,
    );
  });
});
