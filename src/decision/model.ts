import type { DecisionData } from '../knowledge/overlays.js';
import { FEATURE_NAMES } from './features.js';

/**
 * The decision model: p(the candidate is the right answer) = sigmoid(bias + Σ weight × feature)
 * (`predict` in fit.ts, as calibration computes it),
 * fitted by `uc-triage calibrate` on labelled sets (knowledge/decision.yaml). Two thresholds turn p
 * into a reply: answer at or above `answer`, "did you mean" at or above `suggest`, else "I don't know".
 */
export interface DecisionModel {
  bias: number;
  /** One weight per feature, in FEATURES' order (a feature the file does not name weighs 0). */
  weights: number[];
  thresholds: { answer: number; suggest: number };
}

export function modelOf(data: DecisionData): DecisionModel {
  return {
    bias: data.bias,
    weights: FEATURE_NAMES.map((name) => data.weights[name] ?? 0),
    thresholds: data.thresholds,
  };
}

/** What `kb lint` says of the model file: weights of unknown features, features without a weight. */
export function modelProblems(data: DecisionData): string[] {
  const known = new Set(FEATURE_NAMES);
  return [
    ...Object.keys(data.weights)
      .filter((name) => !known.has(name))
      .map((name) => `decision.yaml: weights.${name} is not a feature (src/decision/features.ts)`),
    ...FEATURE_NAMES.filter((name) => !(name in data.weights)).map(
      (name) => `decision.yaml: feature ${name} has no weight (run uc-triage calibrate --write)`,
    ),
  ];
}
