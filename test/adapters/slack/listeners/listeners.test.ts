import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../../adapters/logger.js';
import { SlackApiHealth } from '../../../../adapters/slack/api-health.js';
import { buttonListener } from '../../../../adapters/slack/listeners/actions/button.js';
import { webexCodeListener } from '../../../../adapters/slack/listeners/commands/webex-code.js';
import { appMentionListener } from '../../../../adapters/slack/listeners/events/app-mention.js';
import { SlackOutbound } from '../../../../adapters/slack/outbound.js';
import { type CoreAction, encodeAction, MemoryState, type TriageBot } from '../../../../src/index.js';
import { realBot } from '../../../support/bot.js';

/** The listener callbacks on their own: Bolt's arguments built by hand, the core real. */
const deps = (bot: TriageBot = realBot()) => {
  const logger = createLogger('silent');
  return {
    bot,
    state: new MemoryState(),
    logger,
    outbound: new SlackOutbound({ logger, health: new SlackApiHealth() }),
    experts: null,
  };
};
const broken = {
  handle: () => Promise.reject(new Error('boom')),
  view: () => ({ language: 'fr', blocks: [] }),
};
const sent = (spy: ReturnType<typeof vi.fn>) => JSON.stringify(spy.mock.calls.map((c) => c[0]));

function commandArgs(text: string) {
  return {
    command: { text, team_id: 'T1', channel_id: 'C1', user_id: 'U1' },
    ack: vi.fn(async () => {}),
    respond: vi.fn(async () => ({})),
  } as never;
}

function clickArgs(action: CoreAction | string, ephemeral = true) {
  return {
    ack: vi.fn(async () => {}),
    respond: vi.fn(async () => ({})),
    client: { chat: { postMessage: vi.fn(async () => ({ ok: true })) } },
    action: { action_id: 'uc:0', value: typeof action === 'string' ? action : encodeAction(action) },
    body: {
      team: { id: 'T1' },
      channel: { id: 'C1' },
      user: { id: 'U1' },
      container: { is_ephemeral: ephemeral, message_ts: '1.1' },
      message: { ts: '1.1' },
    },
  } as never;
}

describe('/webex-code listener', () => {
  it('acknowledges, then answers privately with a share button', async () => {
    const args = commandArgs('200039') as unknown as {
      ack: ReturnType<typeof vi.fn>;
      respond: ReturnType<typeof vi.fn>;
    };
    await webexCodeListener(deps())(args as never);
    expect(args.ack).toHaveBeenCalledOnce();
    expect(args.respond.mock.calls[0]?.[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(sent(args.respond)).toContain('Partager dans le canal');
    expect(sent(args.respond)).toContain('emailId déjà utilisé dans une autre organisation');
  });

  it('shows the usage and the help on an empty command', async () => {
    const args = commandArgs('  ') as unknown as { respond: ReturnType<typeof vi.fn> };
    await webexCodeListener(deps())(args as never);
    expect(sent(args.respond)).toContain('Usage');
    expect(sent(args.respond)).toContain('Je réponds à partir de 3 guides');
  });

  it('apologises in the user’s language when the core fails', async () => {
    const args = commandArgs('user cannot sign in') as unknown as { respond: ReturnType<typeof vi.fn> };
    await webexCodeListener(deps(broken as never))(args as never);
    expect(sent(args.respond)).toContain('Sorry, I could not process this message');
  });
});

describe('button listener', () => {
  it('answers "Ce n’était pas ça" privately with the other leads', async () => {
    // A button of an earlier version, which carried the question itself.
    const args = clickArgs(JSON.stringify({ kind: 'alternatives', q: '403', l: 'fr' })) as unknown as {
      respond: ReturnType<typeof vi.fn>;
    };
    await buttonListener(deps())(args as never);
    expect(sent(args.respond)).toContain('Autres pistes');
  });

  it('answers a forged or stale button with a clear line, never an error', async () => {
    const args = clickArgs('{"kind":"drop-tables"}') as unknown as { respond: ReturnType<typeof vi.fn> };
    await buttonListener(deps())(args as never);
    expect(sent(args.respond)).toContain('Ce bouton n’est plus valide');
  });

  it('posts a follow-up clicked on a public answer in the answer’s thread', async () => {
    const args = clickArgs({ kind: 'ask', q: '200039', l: 'fr' }, false) as unknown as {
      client: { chat: { postMessage: ReturnType<typeof vi.fn> } };
    };
    await buttonListener(deps())(args as never);
    expect(args.client.chat.postMessage.mock.calls[0]?.[0]).toMatchObject({
      channel: 'C1',
      thread_ts: '1.1',
    });
  });
});

describe('app_mention listener', () => {
  it('answers in the thread of the mention', async () => {
    const postMessage = vi.fn(async (_message: Record<string, unknown>) => ({ ok: true }));
    await appMentionListener(deps())({
      event: { text: '<@UBOT> 20017', channel: 'C1', ts: '5.5', user: 'U1' },
      client: { chat: { postMessage } },
      body: { team_id: 'T1' },
    } as never);
    expect(postMessage.mock.calls[0]?.[0]).toMatchObject({ channel: 'C1', thread_ts: '5.5' });
    expect(JSON.stringify(postMessage.mock.calls[0]?.[0])).toContain('AS MCU n’est pas disponible');
  });
});
