import type { IntentParser } from '../intent/intent.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { CoreLogger } from '../ports/logger.js';
import type { Reply } from '../reply/reply.js';
import type { SearchIndex } from '../search/search-index.js';
import type { Language } from '../text/language.js';
import type { TriageAction } from '../triage/actions.js';
import { isIdleExpired } from '../triage/engine.js';
import type { TriageNotice } from '../triage/notices.js';
import type { SessionStore, StoredSession } from '../triage/store.js';
import type { TriageTree } from '../triage/tree.js';
import type { Answers } from './answers.js';
import { conversationKey, type IncomingMessage } from './messages.js';
import type { Recording } from './recording.js';
import { type TriageContext, takeTurn } from './turn.js';

/** Two instances saving one thread's session at once: re-read and re-apply, a few times at most. */
const MAX_SAVE_ATTEMPTS = 5;

export interface ConversationDeps {
  kb: KnowledgeBase;
  trees: ReadonlyMap<string, TriageTree>;
  parser: IntentParser;
  index: SearchIndex;
  answers: Answers;
  recording: Recording;
  sessions: SessionStore;
  /** Session TTL in the store, re-armed on every step. */
  ttlSeconds: number;
  /** A triage idle longer than this is over; the next message starts afresh. */
  idleMs: number;
  now: () => number;
  logger: CoreLogger;
}

/**
 * A typed message or a triage button in a conversation: its triage session is loaded, the turn
 * taken (turn.ts), the session saved; retried when another instance saved first. A session store
 * that cannot be reached still gets single questions answered.
 */
export class Conversation {
  constructor(private readonly deps: ConversationDeps) {}

  async take(
    incoming: IncomingMessage,
    text: string,
    language: Language,
    action?: TriageAction,
  ): Promise<Reply> {
    const { sessions } = this.deps;
    const key = conversationKey(incoming.conversation);
    // A button says nothing of its own: only typed text is a question to answer or record.
    const typed = action ? '' : text;
    for (let attempt = 1; attempt <= MAX_SAVE_ATTEMPTS; attempt++) {
      let stored: StoredSession | null;
      try {
        stored = await sessions.load(key);
      } catch (error) {
        return this.degraded(typed, language, error, 'load');
      }
      let notice: TriageNotice | undefined;
      let session = stored?.session ?? null;
      if (session && isIdleExpired(session, this.deps.now(), this.deps.idleMs)) {
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
        this.deps.recording.turn(incoming, typed, session, transition);
        return transition.reply;
      };
      if (transition.session === (stored?.session ?? null)) return done();
      try {
        if (!transition.session) {
          await sessions.delete(key);
          return done();
        }
        if (await sessions.save(key, transition.session, stored?.version ?? null, this.deps.ttlSeconds))
          return done();
      } catch (error) {
        return this.degraded(typed, language, error, 'save');
      }
      // Another instance saved this thread's session since we read it: apply the message on top.
    }
    return this.degraded(typed, language, new Error('too many concurrent saves'), 'save');
  }

  private context(language: Language): TriageContext {
    const { kb, trees, parser, index, answers } = this.deps;
    return {
      kb,
      trees,
      now: this.deps.now(),
      parse: (text) => parser.parse(text),
      answer: (text, intent) => answers.forQuestion(text, language, intent),
      isKnownCode: (code) => index.isKnownCode(code),
      entryResult: (id, language) => answers.forEntry(id, language)?.results[0] ?? null,
    };
  }

  /** The session store is unreachable: single questions are still answered, and the log says why. */
  private degraded(text: string, language: Language, error: unknown, operation: 'load' | 'save'): Reply {
    this.deps.logger.warn(
      { err: error, operation },
      'session store unavailable: answering without guided triage',
    );
    const answer = this.deps.answers.forQuestion(text, language);
    if (text) this.deps.recording.question(answer, 'degraded');
    return { kind: 'answer', language, answer, notice: 'unavailable' };
  }
}
