import { type Answer, type AnswerResult, buildAnswer } from '../answer/answer.js';
import { cleanMessage } from '../intent/clean.js';
import { type Intent, IntentParser } from '../intent/intent.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import { loadSearchIndex } from '../search/cache.js';
import { SearchIndex } from '../search/search-index.js';
import { foldText } from '../text/fold.js';
import { detectLanguage, type Language } from '../text/language.js';
import {
  back,
  choose,
  currentQuestion,
  isIdleExpired,
  logLinesOf,
  matchOption,
  newSession,
  parseControl,
  parseStart,
  restart,
  stepNumber,
  type TriageControl,
  type TriageSession,
  withEvidence,
} from '../triage/engine.js';
import { MemorySessionStore, type SessionStore } from '../triage/store.js';
import type { TriageTree } from '../triage/tree.js';
import { viewOf } from '../triage/view.js';
import { isHelpRequest } from './help.js';
import { type Library, loadLibrary } from './library.js';
import { conversationKey, type IncomingMessage, type Reply, type TriageNotice } from './messages.js';

export interface TriageBotOptions {
  sessions?: SessionStore;
  /** Session TTL in the store, re-armed on every step (TRIAGE_SESSION_TTL_SECONDS, default 24 h). */
  sessionTtlSeconds?: number;
  /** A triage idle longer than this is over; the next message starts afresh. */
  idleTimeoutMs?: number;
  now?: () => number;
}

const MAX_SAVE_ATTEMPTS = 5;

/** What one message does to a triage session: the session to save (or delete) and the reply. */
interface Transition {
  session: TriageSession | null;
  reply: Reply;
}

/** The use case every platform calls: a message in, a cited answer or a triage step out. */
export class TriageBot {
  readonly parser: IntentParser;
  readonly index: SearchIndex;
  readonly sessions: SessionStore;
  private readonly ttlSeconds: number;
  private readonly idleMs: number;
  private readonly now: () => number;
  private readonly trees: Map<string, TriageTree>;

  readonly kb: KnowledgeBase;
  /** The guided-triage trees, in their files' order. */
  readonly treeList: readonly TriageTree[];

  constructor(
    readonly library: Library,
    index?: SearchIndex,
    options: TriageBotOptions = {},
  ) {
    const kb = library.kb;
    this.kb = kb;
    this.treeList = library.trees;
    this.parser = new IntentParser(kb.overlays);
    this.index = index ?? new SearchIndex(kb);
    this.sessions = options.sessions ?? new MemorySessionStore(options.now);
    this.ttlSeconds = options.sessionTtlSeconds ?? 86_400;
    this.idleMs = options.idleTimeoutMs ?? this.ttlSeconds * 1000;
    this.now = options.now ?? Date.now;
    this.trees = new Map(library.trees.map((t) => [t.id, t]));
  }

  /** The bot from the build caches (knowledge base and search index), rebuilt if they are stale. */
  static async load(options: TriageBotOptions = {}): Promise<TriageBot> {
    const library = await loadLibrary();
    return new TriageBot(library, loadSearchIndex(library.kb), options);
  }

  /** The one entry point of every adapter: a message in, a reply to render out. */
  async handle(incoming: IncomingMessage): Promise<Reply> {
    // Mentions and markup go first: "<@U123> diagnostic" is a request to start a triage.
    const message = { ...incoming, text: cleanMessage(incoming.text) };
    const language = detectLanguage(message.text);
    if (!message.action && isHelpRequest(message.text)) return { kind: 'help', language };
    const key = conversationKey(message.conversation);
    for (let attempt = 1; attempt <= MAX_SAVE_ATTEMPTS; attempt++) {
      let stored: Awaited<ReturnType<SessionStore['load']>>;
      try {
        stored = await this.sessions.load(key);
      } catch {
        return this.degraded(message, language);
      }
      let notice: TriageNotice | undefined;
      let session = stored?.session ?? null;
      if (session && isIdleExpired(session, this.now(), this.idleMs)) {
        session = null;
        notice = 'expired';
      }
      const transition = this.transition(message, language, session, notice);
      if (transition.session === (stored?.session ?? null)) return transition.reply;
      try {
        if (transition.session) {
          if (await this.sessions.save(key, transition.session, stored?.version ?? null, this.ttlSeconds))
            return transition.reply;
        } else {
          await this.sessions.delete(key);
          return transition.reply;
        }
      } catch {
        return this.degraded(message, language);
      }
      // Another instance saved this thread's session since we read it: apply the message on top.
    }
    return this.degraded(message, language);
  }

  /** The session store is unreachable: single questions are still answered. */
  private degraded(message: IncomingMessage, language: Language): Reply {
    const text = message.action ? '' : message.text;
    return { kind: 'answer', language, answer: this.ask(text), notice: 'unavailable' };
  }

  private transition(
    message: IncomingMessage,
    language: Language,
    session: TriageSession | null,
    notice?: TriageNotice,
  ): Transition {
    const action = message.action;
    const now = this.now();
    if (action?.kind === 'triage-start') {
      const tree = this.trees.get(action.treeId);
      if (!tree) return { session, reply: this.answerReply(message.text, language, notice) };
      return this.step(tree, this.seeded(newSession(tree, now), message.text), language, undefined, notice);
    }
    const tree = session ? this.trees.get(session.treeId) : undefined;
    if (action?.kind === 'triage-choice') {
      if (!session || !tree || session.treeId !== action.treeId) {
        return { session, reply: { ...this.answerReply('', language), notice: notice ?? 'no-session' } };
      }
      if (action.step !== stepNumber(session) || session.status !== 'active') {
        return this.step(tree, session, language, undefined, 'stale-choice');
      }
      return this.step(tree, choose(tree, session, action.option, now), language);
    }
    const control =
      action?.kind === 'triage-control' ? action.control : session ? parseControl(message.text) : null;
    if (control) {
      if (!session || !tree)
        return { session, reply: { ...this.answerReply('', language), notice: 'no-session' } };
      return this.control(tree, session, control, language);
    }
    const start = parseStart(message.text);
    if (start) return this.start(start.symptom, message.text, language, notice);
    if (session && tree && session.status === 'active')
      return this.inTriage(tree, session, message.text, language);
    const reply = this.answerReply(message.text, language, notice);
    // A finished triage stays in the store until it expires, so "retour" and "escalader" still work.
    return { session: session?.status === 'finished' ? session : null, reply };
  }

  private control(
    tree: TriageTree,
    session: TriageSession,
    control: TriageControl,
    language: Language,
  ): Transition {
    const now = this.now();
    switch (control) {
      case 'back':
        return this.step(tree, back(session, now), language);
      case 'restart':
        return this.step(tree, restart(tree, session, now), language);
      case 'resume':
        return this.step(tree, { ...session, updatedAt: now }, language);
      case 'escalate':
        return this.end(tree, session, language, 'escalation');
      case 'stop':
        return this.end(tree, session, language, 'stopped');
    }
  }

  /** Escalation or stop: the session is over, the view says how. */
  private end(
    tree: TriageTree,
    session: TriageSession,
    language: Language,
    state: 'escalation' | 'stopped',
  ): Transition {
    const view = viewOf(this.kb, tree, session, language, (id) => this.result(id, language), state);
    return { session: null, reply: { kind: 'triage', language, view } };
  }

  private start(symptom: string, text: string, language: Language, notice?: TriageNotice): Transition {
    const answer = this.ask(symptom);
    const tree = symptom ? this.treeFor(symptom, answer) : null;
    if (!tree) {
      const trees = [...this.trees.values()].map((t) => ({ treeId: t.id, title: t.title }));
      return {
        session: null,
        reply: { kind: 'answer', language, answer, notice: notice ?? 'choose-tree', trees },
      };
    }
    return this.step(tree, this.seeded(newSession(tree, this.now()), text), language, undefined, notice);
  }

  /** A message while a question is pending: an option, a jump to a better tree, or an off-script question. */
  private inTriage(tree: TriageTree, session: TriageSession, text: string, language: Language): Transition {
    const question = currentQuestion(tree, session);
    const intent = this.parser.parse(text);
    const seeded = this.seeded(session, text, intent);
    if (question) {
      const option = matchOption(question, text);
      if (option !== null) return this.step(tree, choose(tree, seeded, option, this.now()), language);
    }
    const answer = this.answerFor(text, intent);
    const hasKnownCode = intent.codes.some((c) => this.index.isKnownCode(c.code));
    if (!hasKnownCode) {
      const better = this.treeFor(text, answer);
      if (better && better.id !== tree.id) {
        return this.step(
          better,
          this.seeded(newSession(better, this.now()), text),
          language,
          undefined,
          'switched-tree',
        );
      }
    }
    if (answer.answered)
      return this.step(tree, { ...seeded, updatedAt: this.now() }, language, answer, 'paused');
    return this.step(tree, { ...seeded, updatedAt: this.now() }, language, undefined, 'not-understood');
  }

  private step(
    tree: TriageTree,
    session: TriageSession,
    language: Language,
    answer?: Answer,
    notice?: TriageNotice,
  ): Transition {
    const view = viewOf(this.kb, tree, session, language, (id) => this.result(id, language));
    return {
      session: view.state === 'question' || view.state === 'outcome' ? session : null,
      reply: { kind: 'triage', language, view, ...(answer ? { answer } : {}), ...(notice ? { notice } : {}) },
    };
  }

  /** Codes and log lines of a message, kept for the escalation summary. */
  private seeded(session: TriageSession, text: string, intent = this.parser.parse(text)): TriageSession {
    const codes = intent.codes.map((c) => c.code);
    return withEvidence(session, codes, logLinesOf(text));
  }

  /** The tree whose symptom words (or whose entries, given the text's answer) best match a text. */
  treeFor(text: string, top: Answer = this.ask(text)): TriageTree | null {
    const folded = foldText(text);
    const topIds = top.answered ? top.results.slice(0, 2).map((r) => r.id) : [];
    let best: { tree: TriageTree; score: number } | null = null;
    for (const tree of this.trees.values()) {
      let score = tree.triggers.filter((t) => folded.includes(foldText(t))).length;
      if (topIds.some((id) => tree.entries.includes(id))) score += 2;
      if (score > 0 && (!best || score > best.score)) best = { tree, score };
    }
    return best?.tree ?? null;
  }

  private answerReply(
    text: string,
    language: Language,
    notice?: TriageNotice,
  ): Extract<Reply, { kind: 'answer' }> {
    const answer = this.ask(text);
    const offer = this.offerFor(answer);
    return {
      kind: 'answer',
      language: answer.language ?? language,
      answer,
      ...(offer ? { triageOffer: offer } : {}),
      ...(notice ? { notice } : {}),
    };
  }

  /** A guided triage fits an answer when its best entry is one the tree starts from. */
  private offerFor(answer: Answer): { treeId: string; title: string } | undefined {
    const best = answer.results[0];
    if (!answer.answered || !best) return undefined;
    for (const tree of this.trees.values()) {
      if (tree.entries.includes(best.id)) return { treeId: tree.id, title: tree.title };
    }
    return undefined;
  }

  private result(id: string, language: Language): AnswerResult | null {
    return this.answerEntry(id, language)?.results[0] ?? null;
  }

  /** The full answer for one entry, as when a user picks an alternative or a "did you mean". */
  answerEntry(id: string, language: Language, query = id): Answer | null {
    const entry = this.kb.byId.get(id);
    if (!entry) return null;
    return buildAnswer(this.kb, query, language, {
      answered: true,
      hits: [{ entry, confidence: 1, via: 'code' }],
      unknownCodes: [],
    });
  }

  ask(raw: string): Answer {
    return this.answerFor(raw, this.parser.parse(raw));
  }

  private answerFor(raw: string, intent: Intent): Answer {
    return buildAnswer(this.kb, raw, intent.language, this.index.search(intent));
  }
}
