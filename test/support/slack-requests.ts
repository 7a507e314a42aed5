import { type SlackApiStub, slackHeaders, waitFor } from './slack-stub.js';

/** A Block Kit button as the bot renders it. */
export interface SlackButton {
  type: string;
  text: { text: string };
  action_id: string;
  value: string;
}

/** A message (or a modal's blocks) as the stub recorded it; `ts`, the one it answered a post with. */
export interface Recorded {
  body: Record<string, unknown>;
  ts?: string;
}

interface LooseBlock {
  type: string;
  block_id?: string;
  elements?: SlackButton[];
  accessory?: SlackButton;
}

/** Every button of a message: in rows, and beside the text it stands for (a section's accessory). */
export function buttonsOf(blocks: unknown): SlackButton[] {
  return ((blocks ?? []) as LooseBlock[])
    .flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])])
    .filter((e) => e?.type === 'button');
}

/** The button of a message with this label (its visible start, for a label cut with "…"). */
export function buttonOf(call: Recorded, label: string): SlackButton {
  const found = buttonsOf(call.body.blocks).find(
    (b) => b.text.text === label || (b.text.text.endsWith('…') && label.startsWith(b.text.text.slice(0, -1))),
  );
  if (!found)
    throw new Error(`no "${label}" button in ${JSON.stringify(call.body.blocks ?? []).slice(0, 600)}`);
  return found;
}

/** What a message says: its fallback text and its blocks. */
export const textOf = (call: Recorded) =>
  `${String(call.body.text)} ${JSON.stringify(call.body.blocks ?? [])}`;

/** Where a button is clicked: a message in a thread (its own ts), or a private one (through its response_url). */
export type ClickedOn =
  | { channel: string; ts: string; thread?: string }
  | { channel: string; private: true; responseId: string };

/**
 * Signed requests to a bot's /slack/events, as Slack sends them: events, slash commands, clicks
 * and modal submissions.
 */
export class SlackRequests {
  private seq = 0;

  constructor(
    private readonly base: () => string,
    private readonly stub: SlackApiStub,
    readonly team = 'T1',
  ) {}

  private post(body: string, contentType: string): Promise<Response> {
    return fetch(`${this.base()}/slack/events`, {
      method: 'POST',
      headers: slackHeaders(body, contentType),
      body,
    });
  }

  private form(payload: unknown): Promise<Response> {
    return this.post(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      'application/x-www-form-urlencoded',
    );
  }

  /** "@UC Triage <text>" in a channel; the bot answers in the thread of `ts`. */
  mention(text: string, channel: string, ts: string, user = 'U1'): Promise<Response> {
    const n = ++this.seq;
    return this.post(
      JSON.stringify({
        type: 'event_callback',
        team_id: this.team,
        api_app_id: 'A1',
        event_id: `EvReq${Date.now()}${n}`,
        event_time: 1,
        event: {
          type: 'app_mention',
          user,
          text: `<@UBOT> ${text}`,
          ts,
          channel,
          client_msg_id: `req-${n}-${ts}`,
        },
      }),
      'application/json',
    );
  }

  /** /webex-code <text>, answered through the response_url `responseId`. */
  command(text: string, channel: string, user: string, responseId: string): Promise<Response> {
    return this.post(
      new URLSearchParams({
        command: '/webex-code',
        text,
        team_id: this.team,
        channel_id: channel,
        user_id: user,
        user_name: user.toLowerCase(),
        response_url: this.stub.responseUrl(responseId),
        trigger_id: `trigger-${++this.seq}`,
      }).toString(),
      'application/x-www-form-urlencoded',
    );
  }

  /**
   * The "Diagnostiquer ce message" shortcut on `message` (its `ts`, text, files…), answered
   * through the response_url `responseId`.
   */
  shortcut(
    message: Record<string, unknown>,
    responseId: string,
    { user = 'U9', channel = 'C9' } = {},
  ): Promise<Response> {
    return this.form({
      type: 'message_action',
      callback_id: 'diagnose_message',
      trigger_id: 't',
      team: { id: this.team },
      user: { id: user },
      channel: { id: channel, name: 'support' },
      message_ts: message.ts,
      response_url: this.stub.responseUrl(responseId),
      message: { type: 'message', ...message },
    });
  }

  /** A click on a button, with a fresh trigger_id (returned) and a response_url. */
  async click(
    button: SlackButton,
    on: ClickedOn,
    user: { id: string; name?: string },
    responseId = `click-${this.seq + 1}`,
  ): Promise<{ status: number; triggerId: string }> {
    const triggerId = `trigger-${++this.seq}`;
    const isPrivate = 'private' in on;
    const res = await this.form({
      type: 'block_actions',
      team: { id: this.team },
      user: {
        id: user.id,
        username: user.name ?? user.id.toLowerCase(),
        name: user.name ?? user.id.toLowerCase(),
      },
      channel: { id: on.channel },
      container: isPrivate
        ? { type: 'message', is_ephemeral: true }
        : { type: 'message', message_ts: on.ts, ...(on.thread ? { thread_ts: on.thread } : {}) },
      ...(isPrivate
        ? {}
        : { message: { ts: on.ts, ...(on.thread ? { thread_ts: on.thread } : {}), text: 'x' } }),
      response_url: this.stub.responseUrl(isPrivate ? on.responseId : responseId),
      trigger_id: triggerId,
      actions: [
        { type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, action_ts: '1' },
      ],
    });
    return { status: res.status, triggerId };
  }

  /**
   * Submits a modal the bot opened (as the stub recorded it): `values` by field id (a block_id);
   * the other inputs keep their initial value, as Slack sends them.
   */
  submit(view: Record<string, unknown>, values: Record<string, string>, user: { id: string; name?: string }) {
    const state: Record<string, Record<string, { type: string; value: string | null }>> = {};
    for (const block of (view.blocks ?? []) as {
      type: string;
      block_id?: string;
      element?: { action_id: string; initial_value?: string };
    }[]) {
      if (block.type !== 'input' || !block.block_id || !block.element) continue;
      const value = values[block.block_id] ?? block.element.initial_value ?? null;
      state[block.block_id] = { [block.element.action_id]: { type: 'plain_text_input', value } };
    }
    return this.form({
      type: 'view_submission',
      team: { id: this.team },
      user: { id: user.id, name: user.name ?? user.id.toLowerCase() },
      api_app_id: 'A1',
      trigger_id: `trigger-${++this.seq}`,
      view: {
        id: 'V1',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: state },
        hash: 'h',
      },
    });
  }
}

/** Waits for the n-th (0-based) recorded call of a method, and returns it. */
export function nth(stub: SlackApiStub, method: string, n: number, timeoutMs = 5000): Promise<Recorded> {
  return waitFor(() => stub.posts(method)[n], timeoutMs);
}
