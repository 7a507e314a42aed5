import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../../src/app/messages.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import type { CoreAction } from '../../src/reply/actions.js';
import { opensForm } from '../../src/reply/form.js';
import { renderText } from '../../src/reply/render-text.js';
import type { Reply } from '../../src/reply/reply.js';
import { actsOnTriageCard, triageCardUpdate } from '../../src/reply/triage-card.js';
import { realBot } from '../support/bot.js';
import { treePaths } from '../support/tree-paths.js';

/** A triage card updated in place (Teams, Slack): what each click's reply does to it, decided in the core. */
let threads = 0;
function conversationOf(bot: TriageBot) {
  const conversation = { platform: 'test', workspace: 'w', channel: 'c', thread: `card${++threads}` };
  return (text: string, action?: CoreAction): Promise<Reply> =>
    bot.handle({ conversation, text, ...(action ? { action } : {}) } as IncomingMessage);
}
const text = (bot: TriageBot, reply: Reply, options = {}) => renderText(bot.view(reply, options)).text;
const choice = (step: number, option: number): CoreAction => ({
  kind: 'triage-choice',
  treeId: 'provisioning',
  step,
  option,
});

describe('a guided triage card updated in place', () => {
  it('keeps a compact trail of the answers given above the next question', async () => {
    const bot = realBot();
    const say = conversationOf(bot);
    const first = await say('diagnostic provisionnement');
    expect(text(bot, first)).not.toContain('Vos réponses');
    const second = await say('', choice(1, 1));
    expect(triageCardUpdate(second)).toBe('update');
    const lines = text(bot, second).split('\n');
    const trail = lines.indexOf('Vos réponses :');
    expect(trail).toBeGreaterThan(0);
    expect(lines[trail + 1]).toMatch(/^✓ .+ → Certains utilisateurs$/);
    expect(lines.findIndex((l) => l.startsWith('Étape 2'))).toBeGreaterThan(trail);
  });

  it('gives the result as a new message and keeps the trail on the card; a stop keeps only the trail', async () => {
    const bot = realBot();
    const say = conversationOf(bot);
    const tree = bot.treeList.find((t) => t.id === 'provisioning');
    const path = tree && treePaths(tree).find((p) => p.labels.length === 2);
    if (!path) throw new Error('no two-step path');
    let reply = await say('diagnostic provisionnement');
    for (const [i, label] of path.labels.entries()) {
      if (reply.kind !== 'triage') throw new Error(reply.kind);
      reply = await say('', choice(i + 1, reply.view.question?.options.indexOf(label) ?? -1));
    }
    expect(triageCardUpdate(reply)).toBe('result');
    const trail = text(bot, reply, { triageTrail: true }).split('\n');
    expect(trail[0]).toBe(`Diagnostic guidé — ${tree?.title}`);
    expect(trail.filter((l) => l.startsWith('✓ '))).toHaveLength(2);
    expect(trail.at(-1)).toBe('Résultat ci-dessous.');
    expect(triageCardUpdate(await say('', { kind: 'triage-control', control: 'restart' }))).toBe('update');
    const stopped = await say('', { kind: 'triage-control', control: 'stop' });
    expect(triageCardUpdate(stopped)).toBe('stopped');
    expect(text(bot, stopped, { triageTrail: true }).split('\n').at(-1)).toBe('Diagnostic guidé arrêté.');
  });

  it('answers a click on an earlier step, or on a triage that is over or expired, with one line', async () => {
    let now = Date.parse('2026-12-01T09:00:00Z');
    const shared = realBot();
    const bot = new TriageBot(shared.library, shared.index, { now: () => now, idleTimeoutMs: 60_000 });
    const say = conversationOf(bot);
    await say('diagnostic provisionnement');
    await say('', choice(1, 1));
    expect(triageCardUpdate(await say('', choice(1, 0)))).toBe('stale');
    now += 120_000;
    expect(triageCardUpdate(await say('', choice(2, 0)))).toBe('ended');
    expect(triageCardUpdate(await say('', choice(1, 0)))).toBe('ended');
    expect(triageCardUpdate(await say('200039'))).toBe('new');
  });

  it('says which buttons act on the card and which open a form', () => {
    expect(actsOnTriageCard(choice(1, 0))).toBe(true);
    expect(actsOnTriageCard({ kind: 'triage-control', control: 'back' })).toBe(true);
    expect(actsOnTriageCard({ kind: 'triage-control', control: 'escalate' })).toBe(false);
    expect(actsOnTriageCard({ kind: 'triage-start', treeId: 'provisioning' })).toBe(false);
    expect(opensForm({ kind: 'triage-control', control: 'escalate' })).toBe(true);
    expect(opensForm({ kind: 'escalate', ref: 'abcdefgh1234' })).toBe(true);
    expect(opensForm({ kind: 'case-resolve', id: 3 })).toBe(true);
    expect(opensForm({ kind: 'case-resolve', id: 3, answer: 'fait' })).toBe(false);
    expect(opensForm({ kind: 'case-take', id: 3 })).toBe(false);
  });
});
