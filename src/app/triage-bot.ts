import type { Answer } from '../answer/answer.js';
import { Cases } from '../cases/cases.js';
import { type CaseStore, MemoryCaseStore } from '../cases/store.js';
import { type CandidateExplanation, explainDecision } from '../decision/explain.js';
import { type DecisionModel, modelOf } from '../decision/model.js';
import type { FeedbackRecorder } from '../feedback/recorder.js';
import { IntentParser, MAX_QUERY_LENGTH } from '../intent/intent.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import { type CoreLogger, stderrLogger } from '../ports/logger.js';
import { type FormView, formOf } from '../reply/form.js';
import type { Reply } from '../reply/reply.js';
import { type ReplyView, replyView, type ViewOptions } from '../reply/view.js';
import { loadSearchIndex } from '../search/cache.js';
import type { Retrieval } from '../search/retrieval.js';
import { SearchIndex } from '../search/search-index.js';
import { MemoryState, type SharedState } from '../state/shared-state.js';
import { detectLanguage } from '../text/language.js';
import { MemorySessionStore, type SessionStore } from '../triage/store.js';
import type { TriageTree } from '../triage/tree.js';
import { Answers } from './answers.js';
import { ButtonReplies } from './buttons.js';
import { CaseReplies } from './case-replies.js';
import { Conversation } from './conversation.js';
import { PersonLanguages } from './conversation-language.js';
import { type Library, loadLibrary } from './library.js';
import type { IncomingMessage } from './messages.js';
import { Recording } from './recording.js';
import { Router } from './router.js';
import { ShownReplies } from './shown.js';

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
  /** Where escalations are kept as cases (SQLite or Redis, as feedback); in memory when not given. */
  cases?: CaseStore;
  /**
   * Where the records of what replies showed are kept, for their buttons (the process's
   * SharedState: Redis shares them between instances); in memory by default.
   */
  state?: SharedState;
}

/**
 * The use case every platform calls: a message in, a cited answer or a triage step out. It wires
 * the parts (router.ts routes each message) and gives adapters and commands what they need.
 */
export class TriageBot {
  readonly kb: KnowledgeBase;
  /** The guided-triage trees, in their files' order. */
  readonly treeList: readonly TriageTree[];
  readonly parser: IntentParser;
  readonly index: SearchIndex;
  /** Whether to answer, suggest or decline (knowledge/decision.yaml). */
  readonly model: DecisionModel;
  readonly sessions: SessionStore;
  readonly recorder: FeedbackRecorder | undefined;
  /** Every answer, one method per purpose (a question, a diagnosed message, a picked entry). */
  readonly answers: Answers;
  /**
   * Escalations as cases: adapters list them, and record where they posted a case's card
   * (`cases.attachExpertsPost`); opening and the experts' commands go through `handle`.
   */
  readonly cases: Cases;
  private readonly recording: Recording;
  private readonly router: Router;
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
    this.recorder = options.recorder;
    this.observe = options.observe;
    this.answers = new Answers(this.kb, this.parser, this.index, this.model);
    this.recording = new Recording(this.recorder);
    const trees = new Map(library.trees.map((t) => [t.id, t]));
    const ttlSeconds = options.sessionTtlSeconds ?? 86_400;
    const now = options.now ?? Date.now;
    const logger = options.logger ?? stderrLogger;
    this.cases = new Cases(
      options.cases ?? new MemoryCaseStore(),
      (id) => this.kb.byId.has(id),
      () => new Date(now()),
    );
    const conversation = new Conversation({
      kb: this.kb,
      trees,
      parser: this.parser,
      index: this.index,
      answers: this.answers,
      recording: this.recording,
      sessions: this.sessions,
      ttlSeconds,
      idleMs: options.idleTimeoutMs ?? ttlSeconds * 1000,
      now,
      logger,
    });
    const state = options.state ?? new MemoryState(options.now);
    this.router = new Router(
      new PersonLanguages(),
      conversation,
      new ButtonReplies(this.kb, trees, this.answers),
      this.recording,
      new ShownReplies({ kb: this.kb, answers: this.answers, state, logger }),
      new CaseReplies({
        kb: this.kb,
        trees,
        parser: this.parser,
        cases: this.cases,
        logger,
      }),
    );
  }

  /** The bot from the build caches (knowledge base and search index), rebuilt if they are stale. */
  static async load(options: TriageBotOptions = {}): Promise<TriageBot> {
    const library = await loadLibrary();
    return new TriageBot(library, loadSearchIndex(library.kb, options.logger ?? stderrLogger), options);
  }

  /** The one entry point of every adapter: a message or a clicked button in, a reply to render out. */
  async handle(incoming: IncomingMessage): Promise<Reply> {
    const started = performance.now();
    const reply = await this.router.route(incoming);
    this.observe?.(incoming, reply, (performance.now() - started) / 1000);
    return reply;
  }

  /** A reply as the platform-neutral view every adapter renders. */
  view(reply: Reply, options: ViewOptions = {}): ReplyView {
    return replyView(reply, this.kb, options);
  }

  /**
   * The form a reply asks to fill (the case form, an expert's resolution), or null: adapters
   * render it as a Slack modal, a Teams dialog or terminal prompts, and hand
   * `submitForm(form.submit, values)` back to `handle`.
   */
  form(reply: Reply): FormView | null {
    return formOf(reply, this.kb);
  }

  /** One question answered from the sources, outside any conversation (the `ask` command). */
  ask(raw: string): Answer {
    // Told from the raw text: log lines are recognised line by line, before cleaning joins them.
    return this.answers.forQuestion(raw, detectLanguage(raw.slice(0, MAX_QUERY_LENGTH)));
  }

  /** The ranked candidates of a question with their named signals, before the decision (calibrate). */
  candidates(raw: string): Retrieval {
    return this.answers.candidates(raw);
  }

  /** Why the decision answered, suggested or declined a question (`ask --explain`). */
  explain(raw: string): CandidateExplanation[] {
    return explainDecision(this.candidates(raw), this.model);
  }

  /** A question answered for a batch tool (`ask --record`): recorded like a chat question. */
  recordQuestion(answer: Answer, platform: string, userId?: string): void {
    this.recording.question(answer, platform, userId);
  }

  /** Loads (or builds) the free-text index now: a server warms it at start, the CLI when a question needs it. */
  warm(): void {
    this.index.warm();
  }

  /** The words of a text as search reads them (folded, synonyms grouped): the gaps report groups questions by them. */
  searchWords(text: string): string[] {
    return this.index.normalizer.words(text);
  }
}
