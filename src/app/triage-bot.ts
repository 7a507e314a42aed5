import { type Answer, buildAnswer, citationOf } from '../answer/answer.js';
import { decide } from '../decision/decide.js';
import { type CandidateExplanation, explainDecision } from '../decision/explain.js';
import { type DecisionModel, modelOf } from '../decision/model.js';
import type { FeedbackRecorder } from '../feedback/recorder.js';
import { cleanMessage } from '../intent/clean.js';
import { type Intent, IntentParser, MAX_QUERY_LENGTH } from '../intent/intent.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import { entryTitle } from '../knowledge/types.js';
import { type CoreLogger, stderrLogger } from '../ports/logger.js';
import type { CoreAction } from '../reply/actions.js';
import type { Reply } from '../reply/reply.js';
import { type ReplyView, replyView, type ViewOptions } from '../reply/view.js';
import { loadSearchIndex } from '../search/cache.js';
import { SearchIndex } from '../search/search-index.js';
import { detectHumanLanguage, detectLanguage, type Language } from '../text/language.js';
import type { TriageAction } from '../triage/actions.js';
import { isIdleExpired, type TriageSession } from '../triage/engine.js';
import { offerFor } from '../triage/fit.js';
import type { TriageNotice } from '../triage/notices.js';
import { MemorySessionStore, type SessionStore, type StoredSession } from '../triage/store.js';
import type { TriageTree } from '../triage/tree.js';
import { isHelpRequest } from './help.js';
import { type Library, loadLibrary } from './library.js';
import { conversationKey, type IncomingMessage } from './messages.js';
import { type TriageContext, takeTurn } from './turn.js';

export interface TriageBotOptions {
  sessions?: SessionStore;
  /** Session TTL in the store, re-armed on every step (TRIAGE_SESSION_TTL_SECONDS, default 24 h). */
  sessionTtlSeconds?: number;
  /** A triage idle longer than this is over; the next message starts afresh. */
  idleTimeoutMs?: number;
  now?: () => number;
  /** Where the core reports what went wrong (the session store unreachable...). */
  logger?: CoreLogger;
  /** Records questions, feedback and corrections (off the answer's path); none when FEEDBACK=off. */
  recorder?: FeedbackRecorder;
  /** Told of every reply and the time it took (metrics). */
  observe?: (message: IncomingMessage, reply: Reply, seconds: number) => void;
}

/** A diagnosed message (with its attached text file) is read up to 1 MB for codes. */
export const MAX_DIAGNOSED_LENGTH = 1_000_000;

/** Conversations whose language is remembered, per instance (the oldest is forgotten first). */
const REMEMBERED_CONVERSATIONS = 10_000;

/** Two instances saving one thread's session at once: re-read and re-apply, a few times at most. */
const MAX_SAVE_ATTEMPTS = 5;

function isTriageAction(action: CoreAction | undefined): action is TriageAction & { l?: Language } {
  return (
    action?.kind === 'triage-start' || action?.kind === 'triage-choice' || action?.kind === 'triage-control'
  );
}

/** The use case every platform calls: a message in, a cited answer or a triage step out. */
export class TriageBot {
  readonly kb: KnowledgeBase;
  /** The guided-triage trees, in their files' order. */
  readonly treeList: readonly TriageTree[];
  readonly parser: IntentParser;
  readonly index: SearchIndex;
  /** Whether to answer, suggest or decline (knowledge/decision.yaml). */
  readonly model: DecisionModel;
  readonly sessions: SessionStore;
  private readonly ttlSeconds: number;
  private readonly idleMs: number;
  private readonly now: () => number;
  private readonly trees: Map<string, TriageTree>;
  private readonly logger: CoreLogger;
  /** The language of each recent conversation (most recent last). */
  private readonly languages = new Map<string, Language>();
  readonly recorder: FeedbackRecorder | undefined;
  private readonly observe: TriageBotOptions['observe'];

  constructor(
    readonly library: Library,
    index?: SearchIndex,
    options: TriageBotOptions = {},
  ) {
    this.kb = library.kb;
    this.treeList = library.trees;
    this.parser = new IntentParser(this.kb.overlays, this.kb.vocabulary);
    this.index = index ?? new SearchIndex(this.kb);
    this.model = modelOf(this.kb.overlays.decision);
    this.sessions = options.sessions ?? new MemorySessionStore(options.now);
    this.ttlSeconds = options.sessionTtlSeconds ?? 86_400;
    this.idleMs = options.idleTimeoutMs ?? this.ttlSeconds * 1000;
    this.now = options.now ?? Date.now;
    this.trees = new Map(library.trees.map((t) => [t.id, t]));
    this.logger = options.logger ?? stderrLogger;
    this.recorder = options.recorder;
    this.observe = options.observe;
  }

  /** The bot from the build caches (knowledge base and search index), rebuilt if they are stale. */
  static async load(options: TriageBotOptions = {}): Promise<TriageBot> {
    const library = await loadLibrary();
    return new TriageBot(library, loadSearchIndex(library.kb, options.logger ?? stderrLogger), options);
  }

  /** A reply as the platform-neutral view every adapter renders. */
  view(reply: Reply, options: ViewOptions = {}): ReplyView {
    return replyView(reply, this.kb, options);
  }

  /** The one entry point of every adapter: a message or a clicked button in, a reply to render out. */
  async handle(incoming: IncomingMessage): Promise<Reply> {
    const started = performance.now();
    const reply = await this.reply(incoming);
    this.observe?.(incoming, reply, (performance.now() - started) / 1000);
    return reply;
  }

  private async reply(incoming: IncomingMessage): Promise<Reply> {
    const action = incoming.action;
    // Mentions and markup go first: "<@U123> diagnostic" is a request to start a triage.
    const text = cleanMessage(action?.kind === 'ask' ? action.q : incoming.text);
    const language = this.languageOf(incoming);
    if (!action || action.kind === 'ask') {
      if (isHelpRequest(text)) return { kind: 'help', language };
      return this.converse(incoming, text, language);
    }
    if (isTriageAction(action)) return this.converse(incoming, text, language, action);
    const reply = this.onButton(action, language);
    this.recordButton(incoming, action, reply);
    return reply;
  }

  /** A question answered for a batch tool (`ask --record`): recorded like a chat question. */
  recordQuestion(answer: Answer, platform: string, userId?: string): void {
    const best = answer.results[0];
    this.recorder?.record({
      type: 'question',
      platform,
      language: answer.language,
      query: answer.query,
      answered: answer.answered,
      ...(answer.reason ? { reason: answer.reason } : {}),
      ...(best ? { top: best.id, confidence: best.score } : {}),
      ...(!answer.answered && answer.results.length > 0
        ? { suggestions: answer.results.map((r) => r.id) }
        : {}),
      ...(userId ? { userId } : {}),
    });
  }

  private recordButton(incoming: IncomingMessage, action: CoreAction, reply: Reply): void {
    if (!this.recorder) return;
    const base = {
      platform: incoming.conversation.platform,
      language: reply.language,
      ...(incoming.user ? { userId: incoming.user } : {}),
    };
    if (action.kind === 'diagnose' && reply.kind === 'answer') {
      this.recordQuestion(reply.answer, incoming.conversation.platform, incoming.user);
    } else if (action.kind === 'feedback') {
      // A button's id is whatever the client sent: only an entry of the knowledge base is recorded.
      const entry = action.id && this.kb.byId.has(action.id) ? { entry: action.id } : {};
      this.recorder.record({ ...base, type: 'feedback', query: action.q, useful: action.useful, ...entry });
    } else if (action.kind === 'alternatives' && reply.kind === 'alternatives') {
      // "Ce n'était pas ça" is a "not useful" on the answer that was shown.
      const top = reply.answer.results[0]?.id;
      this.recorder.record({
        ...base,
        type: 'feedback',
        query: action.q,
        useful: false,
        ...(top ? { entry: top } : {}),
      });
    } else if (action.kind === 'pick' && action.q && action.q !== action.id && this.kb.byId.has(action.id)) {
      this.recorder.record({ ...base, type: 'correction', query: action.q, entry: action.id, via: 'pick' });
    }
  }

  private recordConversation(
    incoming: IncomingMessage,
    text: string,
    before: TriageSession | null,
    transition: { session: TriageSession | null; reply: Reply },
  ): void {
    if (!this.recorder) return;
    const { reply } = transition;
    const userId = incoming.user;
    if (reply.kind === 'answer' && text)
      this.recordQuestion(reply.answer, incoming.conversation.platform, userId);
    if (reply.kind !== 'triage') return;
    if (reply.answer) this.recordQuestion(reply.answer, incoming.conversation.platform, userId);
    // The outcome a guided triage reaches is the right answer to the question it started from.
    const origin = transition.session?.origin ?? before?.origin;
    const outcome = reply.view.outcome?.result.id;
    if (reply.view.state === 'outcome' && outcome && origin && transition.session?.node !== before?.node) {
      this.recorder.record({
        type: 'correction',
        platform: incoming.conversation.platform,
        language: reply.language,
        query: origin,
        entry: outcome,
        via: 'triage',
        ...(userId ? { userId } : {}),
      });
    }
  }

  /**
   * The reply's language: the one a button carries, else the one the person's words say (log lines
   * and identifiers say nothing), else the conversation's so far, else the platform's locale, else
   * French. A conversation keeps its language across turns: a pasted English log does not switch a
   * French thread to English.
   */
  private languageOf(incoming: IncomingMessage): Language {
    const key = conversationKey(incoming.conversation);
    // The raw text: log lines are told apart line by line, before cleaning joins the lines.
    const raw =
      incoming.action?.kind === 'ask'
        ? incoming.action.q
        : incoming.action?.kind === 'diagnose'
          ? incoming.action.text.slice(0, MAX_QUERY_LENGTH)
          : incoming.text;
    const said = incoming.action?.l ?? detectHumanLanguage(raw);
    const language = said ?? this.languages.get(key) ?? incoming.locale ?? 'fr';
    this.languages.delete(key);
    this.languages.set(key, language);
    if (this.languages.size > REMEMBERED_CONVERSATIONS) {
      const oldest = this.languages.keys().next().value;
      if (oldest !== undefined) this.languages.delete(oldest);
    }
    return language;
  }

  /** Buttons that show something without touching the conversation's triage. */
  private onButton(action: Exclude<CoreAction, TriageAction | { kind: 'ask' }>, language: Language): Reply {
    switch (action.kind) {
      case 'pick': {
        // The full answer of one lead or finding, with its follow-ups and the guided triage that fits it.
        const answer =
          this.answerEntry(action.id, language, action.q ?? action.id) ??
          this.answerIn(action.q ?? '', language);
        const offer = offerFor(this.trees, answer);
        return { kind: 'answer', language, answer, ...(offer ? { triageOffer: offer } : {}) };
      }
      case 'alternatives':
        return {
          kind: 'alternatives',
          language,
          answer: this.answerIn(action.q, language),
        };
      case 'share': {
        const answer =
          (action.id && this.answerEntry(action.id, language, action.q)) || this.answerIn(action.q, language);
        return { kind: 'answer', language, answer, shared: true };
      }
      case 'feedback':
        return { kind: 'feedback-ack', language, useful: action.useful };
      case 'diagnose': {
        const answer = this.answerFor(
          action.text,
          this.parser.parse(action.text, MAX_DIAGNOSED_LENGTH),
          language,
        );
        const offer = offerFor(this.trees, answer);
        return { kind: 'answer', language, answer, ...(offer ? { triageOffer: offer } : {}) };
      }
      case 'full': {
        const entry = this.kb.byId.get(action.id);
        if (!entry) return { kind: 'help', language };
        const text =
          entry.kind === 'section'
            ? entry.body
            : [entry.message, entry.cause, entry.action].filter(Boolean).join('\n\n');
        const title = `${this.kb.productLabel(entry.product, language)} — ${entryTitle(entry)}`;
        return { kind: 'full-text', language, id: entry.id, title, text, citation: citationOf(entry) };
      }
    }
  }

  /** Load the conversation's triage session, take the turn, save; retried when another instance saved first. */
  private async converse(
    incoming: IncomingMessage,
    text: string,
    language: Language,
    action?: TriageAction,
  ): Promise<Reply> {
    const key = conversationKey(incoming.conversation);
    for (let attempt = 1; attempt <= MAX_SAVE_ATTEMPTS; attempt++) {
      let stored: StoredSession | null;
      try {
        stored = await this.sessions.load(key);
      } catch (error) {
        return this.degraded(action ? '' : text, language, error, 'load');
      }
      let notice: TriageNotice | undefined;
      let session = stored?.session ?? null;
      if (session && isIdleExpired(session, this.now(), this.idleMs)) {
        session = null;
        notice = 'expired';
      }
      const transition = takeTurn(
        this.context(language),
        { text, language, ...(action ? { action } : {}) },
        session,
        notice,
      );
      const done = () => {
        this.recordConversation(incoming, action ? '' : text, session, transition);
        return transition.reply;
      };
      if (transition.session === (stored?.session ?? null)) return done();
      try {
        if (!transition.session) {
          await this.sessions.delete(key);
          return done();
        }
        if (await this.sessions.save(key, transition.session, stored?.version ?? null, this.ttlSeconds))
          return done();
      } catch (error) {
        return this.degraded(action ? '' : text, language, error, 'save');
      }
      // Another instance saved this thread's session since we read it: apply the message on top.
    }
    return this.degraded(action ? '' : text, language, new Error('too many concurrent saves'), 'save');
  }

  private context(language: Language): TriageContext {
    return {
      kb: this.kb,
      trees: this.trees,
      now: this.now(),
      parse: (text) => this.parser.parse(text),
      answer: (text, intent) => this.answerFor(text, intent ?? this.parser.parse(text), language),
      isKnownCode: (code) => this.index.isKnownCode(code),
      entryResult: (id, language) => this.answerEntry(id, language)?.results[0] ?? null,
    };
  }

  /** The session store is unreachable: single questions are still answered, and the log says why. */
  private degraded(text: string, language: Language, error: unknown, operation: 'load' | 'save'): Reply {
    this.logger.warn({ err: error, operation }, 'session store unavailable: answering without guided triage');
    const answer = this.answerIn(text, language);
    if (text) this.recordQuestion(answer, 'degraded');
    return { kind: 'answer', language, answer, notice: 'unavailable' };
  }

  /** The full answer for one entry, as when a user picks an alternative or a "did you mean". */
  answerEntry(id: string, language: Language, query = id): Answer | null {
    const entry = this.kb.byId.get(id);
    if (!entry) return null;
    return buildAnswer(this.kb, query, language, {
      kind: 'answer',
      answered: true,
      hits: [{ entry, confidence: 1, via: 'code' }],
      unknownCodes: [],
    });
  }

  /** Why the decision answered, suggested or declined a question (`ask --explain`). */
  explain(raw: string): CandidateExplanation[] {
    return explainDecision(this.index.retrieve(this.parser.parse(raw)), this.model);
  }

  /** One question answered from the sources, outside any conversation (the `ask` command). */
  ask(raw: string): Answer {
    // Told from the raw text: log lines are recognised line by line, before cleaning joins them.
    return this.answerFor(raw, this.parser.parse(raw), detectLanguage(raw.slice(0, MAX_QUERY_LENGTH)));
  }

  /** A question answered in the conversation's language. */
  private answerIn(text: string, language: Language): Answer {
    return this.answerFor(text, this.parser.parse(text), language);
  }

  private answerFor(raw: string, intent: Intent, language: Language): Answer {
    return buildAnswer(this.kb, raw, language, decide(this.index.retrieve(intent), this.model));
  }
}
