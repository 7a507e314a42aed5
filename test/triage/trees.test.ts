import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../../src/app/messages.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import type { Reply } from '../../src/reply/reply.js';
import { treeProblems } from '../../src/triage/lint.js';
import { isQuestion } from '../../src/triage/node.js';
import type { TriageTree } from '../../src/triage/tree.js';
import { realBot } from '../support/bot.js';

const toy = (nodes: TriageTree['nodes'], start = 'a'): TriageTree => ({
  id: 'toy',
  product: 'webex-broadworks',
  title: 'Toy',
  triggers: ['toy'],
  entries: [],
  escalation: { checklist: ['webex/escalader-un-probleme'] },
  start,
  nodes,
});
const ids = new Set(['webex/escalader-un-probleme', 'webex-200039']);

describe('tree lint (kb lint rejects broken trees)', () => {
  it('rejects an unreachable node', () => {
    const tree = toy({
      a: { question: 'Q?', cite: 'webex-200039', options: [{ label: 'Oui', match: [], next: 'b' }] },
      b: { outcome: { cite: 'webex-200039', fixed: true } },
      orphan: { outcome: { cite: 'webex-200039', fixed: true } },
    });
    expect(treeProblems(tree, ids)).toEqual(['triage/toy.yaml: node orphan is unreachable from a']);
  });

  it('rejects a dead end (a loop no outcome can be reached from)', () => {
    const tree = toy({
      a: {
        question: 'Q?',
        cite: 'webex-200039',
        options: [
          { label: 'Oui', match: [], next: 'b' },
          { label: 'Non', match: [], next: 'c' },
        ],
      },
      b: { question: 'Q2?', cite: 'webex-200039', options: [{ label: 'Encore', match: [], next: 'a' }] },
      c: { question: 'Q3?', cite: 'webex-200039', options: [{ label: 'Boucle', match: [], next: 'c' }] },
    });
    expect(treeProblems(tree, ids).join('\n')).toMatch(
      /node a is a dead end[\s\S]*node b is a dead end[\s\S]*node c is a dead end/,
    );
  });

  it('rejects an uncited step and a citation of a missing entry', () => {
    const tree = toy({
      a: { question: 'Q?', cite: '', options: [{ label: 'Oui', match: [], next: 'b' }] },
      b: { outcome: { cite: 'webex-999999', fixed: true } },
    });
    const problems = treeProblems(tree, ids);
    expect(problems).toContain('triage/toy.yaml: node a cites nothing');
    expect(problems).toContain('triage/toy.yaml: node b cites webex-999999, which is no entry');
  });

  it('accepts every shipped tree', () => {
    const bot = realBot();
    const entryIds = new Set(bot.kb.entries.map((e) => e.id));
    expect(bot.treeList.length).toBeGreaterThanOrEqual(6);
    for (const tree of bot.treeList) expect(treeProblems(tree, entryIds)).toEqual([]);
  });
});

/** Every path from the start to an outcome, as the option indexes to click. */
function paths(tree: TriageTree): { options: number[]; end: string }[] {
  const out: { options: number[]; end: string }[] = [];
  const walk = (id: string, options: number[]) => {
    const node = tree.nodes[id];
    if (!node) return;
    if (!isQuestion(node)) {
      out.push({ options, end: id });
      return;
    }
    node.options.forEach((o, i) => {
      walk(o.next, [...options, i]);
    });
  };
  walk(tree.start, []);
  return out;
}

describe('walking every tree to every outcome (through the core)', () => {
  it('reaches each outcome with the cited source at every step', async () => {
    const shared = realBot();
    const bot = new TriageBot(shared.library, shared.index);
    let n = 0;
    for (const tree of bot.treeList) {
      const outcomes = new Set<string>();
      for (const path of paths(tree)) {
        const conversation = {
          platform: 'terminal' as const,
          workspace: 'w',
          channel: 'c',
          thread: `walk-${++n}`,
        };
        const send = (m: Omit<IncomingMessage, 'conversation'>) => bot.handle({ conversation, ...m });
        let reply: Reply = await send({ text: '', action: { kind: 'triage-start', treeId: tree.id } });
        let node = tree.start;
        for (const [step, option] of path.options.entries()) {
          if (reply.kind !== 'triage') throw new Error(`expected a triage step, got ${reply.kind}`);
          expect(reply.view.state).toBe('question');
          expect(reply.view.step).toBe(step + 1);
          const current = tree.nodes[node];
          if (!current || !isQuestion(current)) throw new Error('path left the questions');
          expect(reply.view.question?.citation.id).toBe(current.cite);
          expect(reply.view.question?.citation.text).toMatch(/\.md, l\. \d+-\d+\)$/);
          reply = await send({
            text: '',
            action: { kind: 'triage-choice', treeId: tree.id, step: step + 1, option },
          });
          node = current.options[option]?.next ?? '';
        }
        const end = tree.nodes[path.end];
        if (reply.kind !== 'triage' || !end || isQuestion(end)) throw new Error('no outcome');
        expect(reply.view.outcome?.result.id).toBe(end.outcome.cite);
        expect(reply.view.state).toBe(end.outcome.fixed ? 'outcome' : 'escalation');
        if (!end.outcome.fixed) expect(reply.view.escalation?.text).toContain(tree.title);
        outcomes.add(path.end);
      }
      const all = Object.entries(tree.nodes)
        .filter(([, node]) => !isQuestion(node))
        .map(([id]) => id);
      expect([...outcomes].sort()).toEqual(all.sort());
    }
  });
});
