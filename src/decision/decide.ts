import type { OutOfScopeMention } from '../intent/products.js';
import type { Hit } from '../search/hits.js';
import type { Candidate, Guard, Retrieval } from '../search/retrieval.js';
import { featuresOf } from './features.js';
import { predict } from './fit.js';
import type { DecisionModel } from './model.js';

/**
 * The one decision: search's candidates in, one of three replies out.
 * - **answer**: the best candidate's probability of being right reaches `thresholds.answer` and
 *   nothing forbids it (a guard);
 * - **suggest** ("Vouliez-vous dire …"): at most SUGGESTIONS choices, the codes the user typed that
 *   may not be the answer first (another system's code, a thing's number, a status without its
 *   product, codes one typo away from an unknown one), then the candidates whose probability reaches `thresholds.suggest`, best first;
 * - **decline**: an honest "I don't know" with no unrelated leads.
 * The probability is what users see as the confidence.
 */

export type DecisionKind = 'answer' | 'suggest' | 'decline';

export type NoAnswerReason = 'empty' | 'unknown-code' | 'low-confidence' | 'out-of-scope';

export interface Decision {
  kind: DecisionKind;
  answered: boolean;
  /** answer: the answer, then its alternatives; suggest: the choices; decline: none. `confidence` is p. */
  hits: Hit[];
  unknownCodes: string[];
  reason?: NoAnswerReason;
  /** With reason "out-of-scope": the uncovered systems the message names (empty for a bare protocol status). */
  outOfScope?: OutOfScopeMention[];
}

/** At most this many results per answer (the `ask --json` contract). */
export const MAX_RESULTS = 5;
/** At most this many choices under "Vouliez-vous dire …". */
export const SUGGESTIONS = 3;
/**
 * Candidates scored per message: the answer and its alternatives. An answered multi-code log keeps
 * every code candidate after these (its findings), unscored.
 */
const SCORED = 8;

/** Leads the user typed as codes: offered as a question even when they may not be the answer. */
const CODE_LEADS: ReadonlySet<Guard> = new Set(['owned', 'thing', 'near-code', 'contextless']);

const round = (p: number) => Math.round(p * 1000) / 1000;

export function decide(retrieval: Retrieval, model: DecisionModel): Decision {
  const { candidates, unknownCodes } = retrieval;
  const scored = candidates.slice(0, SCORED).map((candidate) => ({
    candidate,
    p: round(predict(model, featuresOf(candidate, retrieval))),
  }));
  const hit = ({ candidate, p }: { candidate: Candidate; p: number }): Hit => ({
    entry: candidate.entry,
    confidence: p,
    via: candidate.via,
    ...(candidate.mention ? { mention: candidate.mention } : {}),
  });
  // A message with several codes (a pasted log) is answered when one of its codes is sure: its
  // findings list them all, in the message's order.
  const codes = scored.filter((s) => s.candidate.via !== 'text' && !s.candidate.guard);
  const best =
    codes.length > 1 && codes[0] === scored[0] ? codes.reduce((a, b) => (b.p > a.p ? b : a)) : scored[0];
  if (best && !best.candidate.guard && best.p >= model.thresholds.answer) {
    // Every code of the message stays in the answer (its findings), after the scored ones.
    const rest = candidates
      .slice(SCORED)
      .filter((c) => c.via !== 'text' && !c.guard)
      .map((candidate) => hit({ candidate, p: 0 }));
    return { kind: 'answer', answered: true, hits: [...scored.map(hit), ...rest], unknownCodes };
  }
  const typed = scored.filter((s) => s.candidate.guard && CODE_LEADS.has(s.candidate.guard));
  const likely = scored
    .filter((s) => !s.candidate.guard && s.p >= model.thresholds.suggest)
    .sort((a, b) => b.p - a.p);
  const choices = [...typed, ...likely].slice(0, SUGGESTIONS).map(hit);
  const reason: NoAnswerReason = retrieval.signals.elsewhere
    ? 'out-of-scope'
    : retrieval.empty && choices.length === 0
      ? 'empty'
      : unknownCodes.length > 0
        ? 'unknown-code'
        : 'low-confidence';
  return {
    kind: choices.length > 0 ? 'suggest' : 'decline',
    answered: false,
    hits: choices,
    unknownCodes,
    reason,
    ...(reason === 'out-of-scope' ? { outOfScope: retrieval.outOfScope } : {}),
  };
}
