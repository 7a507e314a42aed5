import type { CaseAction } from '../cases/actions.js';
import type { Case, CaseCommand } from '../cases/case.js';
import type { CaseOpening, Cases } from '../cases/cases.js';
import { caseOpeningOf, checklistOf, draftFromAnswer } from '../cases/draft.js';
import { CaseError, CaseInputError, CaseNotAuthorised, CaseTransitionError } from '../cases/errors.js';
import { allows } from '../cases/states.js';
import type { IntentParser } from '../intent/intent.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { CoreLogger } from '../ports/logger.js';
import type { CaseCardReply, CaseFormReply, CaseRefusedReply, Reply } from '../reply/reply.js';
import type { Language } from '../text/language.js';
import type { TriageTree } from '../triage/tree.js';
import type { IncomingMessage } from './messages.js';
import type { Shown } from './shown.js';

export interface CaseRepliesDeps {
  kb: KnowledgeBase;
  trees: ReadonlyMap<string, TriageTree>;
  parser: IntentParser;
  cases: Cases;
  logger: CoreLogger;
}

/** Who acts, as the adapter named them: their display name, else their platform id. */
export function actorOf(incoming: IncomingMessage): string {
  return incoming.userName ?? incoming.user ?? incoming.conversation.platform;
}

/**
 * The replies of escalation as a case: "Escalader" gives the form, the filled form opens the case,
 * the experts' commands move it (the adapter vouches for the actor with `incoming.expert`). A
 * refusal (a CaseError) is a reply that says why; the store's own failure reaches the log too.
 */
export class CaseReplies {
  constructor(private readonly deps: CaseRepliesDeps) {}

  async reply(incoming: IncomingMessage, action: CaseAction, language: Language): Promise<Reply> {
    try {
      return await this.act(incoming, action, language);
    } catch (error) {
      if (!(error instanceof CaseError)) throw error;
      if (error.refusal === 'unavailable')
        this.deps.logger.warn({ err: error, action: action.kind }, 'case store unavailable');
      return refusalOf(
        error,
        language,
        action.kind === 'case-open' ? this.opening(incoming, action, language) : undefined,
      );
    }
  }

  private async act(incoming: IncomingMessage, action: CaseAction, language: Language): Promise<Reply> {
    const { cases } = this.deps;
    const by = actorOf(incoming);
    const authorised = incoming.expert === true;
    switch (action.kind) {
      case 'case-open': {
        const opened = await cases.open(this.opening(incoming, action, language));
        return {
          kind: 'case-opened',
          language,
          case: opened,
          card: { kind: 'case-card', language, case: opened },
        };
      }
      case 'case-take':
        return this.command(action.id, { kind: 'take', by }, authorised, language);
      case 'case-close':
        return this.command(action.id, { kind: 'close', by }, authorised, language);
      case 'case-reopen':
        return this.command(action.id, { kind: 'reopen', by }, authorised, language);
      case 'case-resolve': {
        if (action.answer !== undefined) {
          const entry = action.entry ? { entry: action.entry } : {};
          return this.command(
            action.id,
            { kind: 'resolve', by, answer: action.answer, ...entry },
            authorised,
            language,
          );
        }
        // "Résoudre" clicked: the form that asks for the answer, for an expert and a case that can be resolved.
        const c = await this.authorisedCase(action.id, by, authorised);
        if (!allows(c.state, 'resolve')) throw new CaseTransitionError(c, 'resolve');
        return { kind: 'case-resolve-form', language, case: c };
      }
    }
  }

  /**
   * "Escalader": the case form of an answer, an "I don't know" or a diagnosis, as it was shown (its
   * record: every finding of a long message), with the entry it showed (a diagnosis: its first finding).
   */
  escalate(shown: Shown, language: Language): CaseFormReply {
    const { kb, trees, parser } = this.deps;
    const answer = shown.answer();
    const intent = parser.parse(answer.query);
    const hint = intent.products[0]?.product;
    const entryId = answer.findings.length > 1 ? answer.findings[0]?.id : shown.best;
    // The findings' codes too: the record keeps 2,000 characters of a message, its findings all.
    const codes = [...answer.findings.map((f) => f.code), ...intent.codes.map((c) => c.code)];
    const draft = draftFromAnswer(kb, answer, { codes, ...(hint ? { productHint: hint } : {}) }, entryId);
    return { kind: 'case-form', language, draft, checklist: checklistOf(kb, trees, draft) };
  }

  private opening(
    incoming: IncomingMessage,
    action: Extract<CaseAction, { kind: 'case-open' }>,
    language: Language,
  ): CaseOpening {
    return caseOpeningOf(this.deps.kb, this.deps.trees, action, {
      conversation: incoming.conversation,
      by: actorOf(incoming),
      language,
    });
  }

  private async command(
    id: number,
    command: CaseCommand,
    authorised: boolean,
    language: Language,
  ): Promise<CaseCardReply> {
    const c = await this.deps.cases.act(id, command, authorised);
    return {
      kind: 'case-card',
      language,
      case: c,
      notify: { kind: 'case-notice', language: c.language, case: c, event: command.kind },
    };
  }

  private async authorisedCase(id: number, by: string, authorised: boolean): Promise<Case> {
    if (!authorised) throw new CaseNotAuthorised(by, id);
    return this.deps.cases.get(id);
  }
}

/** A refused case action as the reply that says why; `unopened`: the case that could not be stored, to forward. */
export function refusalOf(error: CaseError, language: Language, unopened?: CaseOpening): CaseRefusedReply {
  const transition = error instanceof CaseTransitionError ? error : undefined;
  return {
    kind: 'case-refused',
    language,
    refusal: error.refusal,
    ...(error.caseId !== undefined ? { caseId: error.caseId } : {}),
    ...(transition ? { command: transition.command, state: transition.from } : {}),
    ...(transition?.takenBy ? { takenBy: transition.takenBy } : {}),
    ...(error instanceof CaseInputError && error.value !== undefined ? { entry: error.value } : {}),
    ...(unopened && error.refusal === 'unavailable' ? { unopened } : {}),
  };
}
