import type { CaseCommandKind, CaseState } from './states.js';

/** Why the core refused a case action: each has its reply in the catalogue (cases.refused). */
export type CaseRefusal =
  | 'not-found'
  | 'invalid-transition'
  | 'not-an-expert'
  | 'empty-answer'
  | 'unknown-entry'
  | 'unavailable';

/** A case action the core refuses; `refusal` says why, for the reply and the CLI's one line. */
export class CaseError extends Error {
  constructor(
    readonly refusal: CaseRefusal,
    message: string,
    readonly caseId?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'CaseError';
  }
}

export class CaseNotFound extends CaseError {
  constructor(id: number) {
    super('not-found', `case ${id} does not exist`, id);
    this.name = 'CaseNotFound';
  }
}

/** A command the case's state does not allow (taking a case someone has, resolving a closed one...). */
export class CaseTransitionError extends CaseError {
  readonly from: CaseState;
  readonly command: CaseCommandKind;
  /** Who has the case, when it is taken: "already taken by ...". */
  readonly takenBy: string | undefined;

  constructor(c: { id: number; state: CaseState; takenBy?: string }, command: CaseCommandKind) {
    super('invalid-transition', `case ${c.id} is ${c.state}: cannot ${command} it`, c.id);
    this.name = 'CaseTransitionError';
    this.from = c.state;
    this.command = command;
    this.takenBy = c.takenBy;
  }
}

/** Someone the adapter did not vouch for (not a member of the experts' channel) acting on a case. */
export class CaseNotAuthorised extends CaseError {
  constructor(
    readonly actor: string,
    id?: number,
  ) {
    super('not-an-expert', `${actor} may not act on cases: not an expert`, id);
    this.name = 'CaseNotAuthorised';
  }
}

/** An expert's input the core refuses: an empty answer, an entry the knowledge base does not have. */
export class CaseInputError extends CaseError {
  constructor(
    refusal: 'empty-answer' | 'unknown-entry',
    id: number,
    readonly value?: string,
  ) {
    super(refusal, refusal === 'empty-answer' ? 'the answer is empty' : `${value} is no entry`, id);
    this.name = 'CaseInputError';
  }
}

/** The case store cannot be reached or keeps being written by others: nothing was changed. */
export class CaseStoreUnavailable extends CaseError {
  constructor(message: string, options?: ErrorOptions) {
    super('unavailable', message, undefined, options);
    this.name = 'CaseStoreUnavailable';
  }
}
