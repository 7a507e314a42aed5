import type { ConnectorStub } from './connector-stub.js';

/** Adaptive Card JSON as the connector or an invoke's answer carries it. */
export type Card = any;

/** Someone in Teams: their Bot Framework id, display name and Entra object id. */
export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId?: string;
}

/** Where an activity comes from: its conversation, and the channel data Teams adds in a team. */
export interface TeamsPlace {
  conversation: { id: string; conversationType: 'personal' | 'channel' | 'groupChat'; tenantId: string };
  channelData?: Record<string, unknown>;
}

export const TENANT = 'tenant-1';

/** A personal chat with the bot. */
export const personalChat = (id: string): TeamsPlace => ({
  conversation: { id, conversationType: 'personal', tenantId: TENANT },
});

/** A thread of a team's channel (the thread of the message `root`). */
export const channelThread = (channel: string, root: string, team: string): TeamsPlace => ({
  conversation: { id: `${channel};messageid=${root}`, conversationType: 'channel', tenantId: TENANT },
  channelData: { channel: { id: channel }, team: { id: team }, tenant: { id: TENANT } },
});

const collect = (node: Card, keep: (n: Card) => boolean): Card[] => {
  if (Array.isArray(node)) return node.flatMap((n) => collect(n, keep));
  if (typeof node !== 'object' || node === null) return [];
  return [...(keep(node) ? [node] : []), ...Object.values(node).flatMap((v) => collect(v, keep))];
};
/** Every button (Action.*) of a card. */
export const buttonsOf = (card: Card): Card[] =>
  collect(card, (n) => typeof n.type === 'string' && n.type.startsWith('Action.'));
export const buttonOf = (card: Card, title: string): Card => {
  const found = buttonsOf(card).find((b) => b.title === title);
  if (!found) throw new Error(`no button "${title}" in ${buttonsOf(card).map((b) => b.title)}`);
  return found;
};
/** The inputs of a dialog's card. */
export const inputsOf = (card: Card): Card[] => collect(card, (n) => n.type === 'Input.Text');
/** The texts of a card's body, as written before Teams' markdown doubled their line breaks. */
export const textsOf = (card: Card): string[] =>
  collect(card, (n) => n.type === 'TextBlock').map((t) => String(t.text).replace(/\n\n/g, '\n'));
/** The card of a message the connector received. */
export const cardOfCall = (call: { activity: Record<string, any> } | undefined): Card =>
  call?.activity.attachments?.[0]?.content;

/**
 * Teams as the bot's users reach it, over HTTP on 127.0.0.1: messages, card buttons (Action.Submit),
 * dialogs (task/fetch, task/submit) and Universal Actions (adaptiveCard/action), each an activity
 * posted to /api/messages with the stub connector's serviceUrl.
 */
export class TeamsClient {
  private seq = 0;

  constructor(
    private readonly base: () => string,
    private readonly connector: ConnectorStub,
  ) {}

  activity(place: TeamsPlace, who: TeamsUser, overrides: Record<string, unknown>): Record<string, unknown> {
    return {
      type: 'message',
      id: `client-${++this.seq}-${Date.now()}`,
      channelId: 'msteams',
      serviceUrl: this.connector.serviceUrl,
      from: who,
      recipient: { id: '28:bot-1', name: 'UC Triage' },
      locale: 'fr-FR',
      text: '',
      ...place,
      ...overrides,
    };
  }

  post(body: unknown): Promise<Response> {
    return fetch(`${this.base()}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async say(place: TeamsPlace, who: TeamsUser, text: string): Promise<void> {
    expect200(await this.post(this.activity(place, who, { text })));
  }

  /** An Action.Submit clicked on the message `card`. */
  async click(place: TeamsPlace, who: TeamsUser, data: unknown, card?: string): Promise<void> {
    expect200(
      await this.post(this.activity(place, who, { value: data, ...(card ? { replyToId: card } : {}) })),
    );
  }

  private async invoke(place: TeamsPlace, who: TeamsUser, name: string, value: unknown, card?: string) {
    return this.post(
      this.activity(place, who, { type: 'invoke', name, value, ...(card ? { replyToId: card } : {}) }),
    );
  }

  /** A button with msteams task/fetch: the dialog Teams would show (its card), or the whole answer. */
  async fetchDialog(place: TeamsPlace, who: TeamsUser, data: unknown, card?: string): Promise<Card> {
    const res = await this.invoke(place, who, 'task/fetch', { data, context: { theme: 'default' } }, card);
    expect200(res);
    return res.json();
  }

  /** `question` said, then "Escalader" clicked under its answer: the case form's dialog (as fetchDialog). */
  async escalationDialog(place: TeamsPlace, who: TeamsUser, question = '200039'): Promise<Card> {
    await this.say(place, who, question);
    const answer = this.connector.calls.at(-1);
    return this.fetchDialog(place, who, buttonOf(cardOfCall(answer), 'Escalader').data, answer?.id);
  }

  /** A dialog's form submitted: null when the dialog closes (an empty answer), else Teams' next dialog. */
  async submitDialog(place: TeamsPlace, who: TeamsUser, data: unknown): Promise<Card | null> {
    const res = await this.invoke(place, who, 'task/submit', { data, context: { theme: 'default' } });
    expect200(res);
    const body = await res.text();
    return body ? JSON.parse(body) : null;
  }

  /** An Action.Execute on the message `card`: the answer Teams shows the person who clicked. */
  async execute(place: TeamsPlace, who: TeamsUser, action: Card, card: string): Promise<Card> {
    const value = {
      action: { type: 'Action.Execute', verb: action.verb, data: action.data },
      trigger: 'manual',
    };
    const res = await this.invoke(place, who, 'adaptiveCard/action', value, card);
    expect200(res);
    return res.json();
  }
}

function expect200(res: Response): void {
  if (res.status !== 200) throw new Error(`the bot answered ${res.status}`);
}

/** The card of a dialog (task module) answer. */
export const dialogCard = (answer: Card): Card => answer?.task?.value?.card?.content;

/** A dialog's form filled as Teams sends it: its submit button's data with the inputs' values beside it. */
export function filled(dialog: Card, values: Record<string, string>): Record<string, unknown> {
  const card = dialogCard(dialog);
  const submit = card.actions?.find((a: Card) => a.type === 'Action.Submit');
  if (!submit) throw new Error('no submit button in the dialog');
  const inputs = Object.fromEntries(inputsOf(card).map((i) => [i.id, i.value ?? '']));
  return { ...submit.data, ...inputs, ...values };
}
