import type { Retrieval } from '../search/retrieval.js';
import { FEATURES, featuresOf } from './features.js';
import { predict } from './fit.js';
import type { DecisionModel } from './model.js';

/** Why the decision said what it said about one candidate: its probability and what moved it. */
export interface CandidateExplanation {
  id: string;
  via: string;
  guard?: string;
  p: number;
  /** The features that moved the probability most (weight × value), strongest first. */
  contributions: { feature: string; value: number; contribution: number }[];
}

/** The first `count` candidates with their probability and strongest contributions (`ask --explain`). */
export function explainDecision(
  retrieval: Retrieval,
  model: DecisionModel,
  count = 3,
): CandidateExplanation[] {
  return retrieval.candidates.slice(0, count).map((candidate) => {
    const x = featuresOf(candidate, retrieval);
    const contributions = FEATURES.map((f, i) => ({
      feature: f.name,
      value: Math.round((x[i] ?? 0) * 1000) / 1000,
      contribution: Math.round((model.weights[i] ?? 0) * (x[i] ?? 0) * 100) / 100,
    }))
      .filter((c) => c.contribution !== 0)
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
    return {
      id: candidate.entry.id,
      via: candidate.via,
      ...(candidate.guard ? { guard: candidate.guard } : {}),
      p: Math.round(predict(model, x) * 1000) / 1000,
      contributions,
    };
  });
}
