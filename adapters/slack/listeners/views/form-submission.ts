import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import {
  ANSWER_FIELD,
  ENTRY_FIELD,
  type IncomingMessage,
  type Language,
  type Reply,
  renderText,
  submitForm,
} from '../../../../src/index.js';
import { decodeMetadata, FORM_CALLBACK_ID, formValues, type TechnicianPlace } from '../../cases/modal.js';
import { CasePosts } from '../../cases/posts.js';
import { type SlackDeps, slackConversation } from '../../context.js';
import { isExpert } from '../../experts.js';
import { REPLY_POLICY, SLACK_API_TIMEOUT_MS } from '../../outbound.js';
import type { SlackMessage } from '../../render/blocks.js';
import { renderReply } from '../../reply.js';
import { OPEN_ONCE_TTL_SECONDS, openOnceKey } from '../actions/case-buttons.js';
import { replyPrivately } from '../private-reply.js';

/**
 * A submission is acknowledged within 3 s or Slack shows the person an error. What is refused can
 * be said in the modal only before the acknowledgement: past this, the modal closes and the answer
 * comes as a message.
 */
export const FORM_ACK_DEADLINE_MS = 2000;

type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Ack = SubmissionArgs['ack'];

const TIMED_OUT = Symbol('timed out');

function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** The conversation a place of the metadata stands for (the technician's: the case's conversation). */
function conversationOf(at: TechnicianPlace) {
  return slackConversation({
    team: at.team,
    channel: at.channel,
    thread: at.thread,
    private: at.private,
    user: at.user,
  });
}

/** A response_url as Bolt's respond(): it throws on anything but a 2xx, so the next way is tried. */
function respondVia(url: string) {
  return async (message: unknown) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(SLACK_API_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`response_url answered ${res.status}`);
  };
}

/** Tells the technician where they escalated from: privately, or in their thread. */
function technicianTeller(deps: SlackDeps, client: WebClient, at: TechnicianPlace) {
  return async (message: SlackMessage) => {
    if (at.private) {
      const respond = at.responseUrl
        ? respondVia(at.responseUrl)
        : () => Promise.reject(new Error('no response_url'));
      await replyPrivately(deps, respond as never, client, { channel: at.channel, user: at.user }, message);
      return;
    }
    await deps.outbound.postMessage(client, {
      channel: at.channel,
      ...(at.thread ? { thread_ts: at.thread } : {}),
      ...message,
    });
  };
}

/** The field a refusal is about, where the modal shows it. */
function fieldOf(reply: Reply): string {
  return reply.kind === 'case-refused' && reply.refusal === 'unknown-entry' ? ENTRY_FIELD : ANSWER_FIELD;
}

/**
 * The modals' submissions: the case form opens the case (once per escalation, however many times
 * it is sent) and the technician is told; an expert's resolution resolves it, or says in the
 * modal why not (an unknown entry, a case resolved meanwhile, someone not in the experts' channel).
 */
export function formSubmissionListener(deps: SlackDeps) {
  const posts = new CasePosts(deps);
  return async ({ ack, body, view, client }: SubmissionArgs): Promise<void> => {
    const metadata = decodeMetadata(view.private_metadata);
    const action = metadata ? submitForm(metadata.submit, formValues(view.state)) : null;
    if (!metadata || !action) {
      await ack();
      deps.logger.warn({ callbackId: view.callback_id }, 'form submission not understood: closed');
      return;
    }
    const user = body.user.id;
    const conversation = metadata.at
      ? conversationOf(metadata.at)
      : slackConversation({
          team: body.team?.id,
          channel: deps.experts?.channel,
          thread: undefined,
          private: true,
          user,
        });
    const incoming: IncomingMessage = {
      conversation,
      text: '',
      user,
      ...(body.user.name ? { userName: body.user.name } : {}),
      action,
    };
    const submission = { deps, posts, client, ack, incoming };
    if (action.kind === 'case-open') return openCase(submission, metadata.once, metadata.at);
    await resolveCase(submission, action.l ?? 'fr');
  };
}

interface Submission {
  deps: SlackDeps;
  posts: CasePosts;
  client: WebClient;
  ack: Ack;
  incoming: IncomingMessage;
}

/** The case form: the modal closes at once (nothing in it is refused), the case opens once, the technician is told. */
async function openCase(
  { deps, posts, client, ack, incoming }: Submission,
  once: string | undefined,
  at: TechnicianPlace | undefined,
): Promise<void> {
  await ack();
  if (!at) {
    deps.logger.warn({ user: incoming.user }, 'case form without the technician’s place: not opened');
    return;
  }
  if (once && !(await deps.state.firstSeen(openOnceKey(once), OPEN_ONCE_TTL_SECONDS))) {
    deps.logger.info({ user: incoming.user }, 'case form sent again: the case is already opened');
    return;
  }
  const reply = await deps.bot.handle(incoming);
  const tell = technicianTeller(deps, client, at);
  if (reply.kind === 'case-opened') return posts.opened(client, reply, tell);
  await tell(renderReply(deps.bot, reply, at.private));
}

/**
 * An expert's resolution: resolved, the card updated and the technician told; refused, the modal
 * says why on the field it is about. What takes longer than the acknowledgement allows closes the
 * modal and is said privately in the experts' channel.
 */
async function resolveCase(
  { deps, posts, client, ack, incoming }: Submission,
  language: Language,
): Promise<void> {
  const work = (async (): Promise<Reply> => {
    const expert = await isExpert(deps, client, incoming.user, 'resolution');
    if (expert === null) return { kind: 'case-refused', language, refusal: 'unavailable' };
    return deps.bot.handle({ ...incoming, expert });
  })();
  let early: Reply | typeof TIMED_OUT;
  try {
    early = await within(work, FORM_ACK_DEADLINE_MS);
  } catch (error) {
    await ack();
    throw error;
  }
  if (early !== TIMED_OUT && early.kind !== 'case-card') {
    await ack({
      response_action: 'errors',
      errors: { [fieldOf(early)]: renderText(deps.bot.view(early)).text },
    });
    return;
  }
  await ack();
  const reply = early === TIMED_OUT ? await work : early;
  if (reply.kind === 'case-card') return posts.commanded(client, reply);
  const channel = deps.experts?.channel;
  const user = incoming.user;
  if (!channel || !user) return;
  const message = renderReply(deps.bot, reply, true);
  await deps.outbound.call({ method: 'chat.postEphemeral', channel }, REPLY_POLICY, () =>
    client.chat.postEphemeral({ channel, user, ...message } as never),
  );
}

export function registerFormSubmission(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(
    { callback_id: FORM_CALLBACK_ID, type: 'view_submission' },
    formSubmissionListener(deps),
  );
}
