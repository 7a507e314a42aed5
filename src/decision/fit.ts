/**
 * Logistic regression, small and exact: Newton's method (iteratively reweighted least squares) with
 * an L2 penalty, on standardised features, for a few dozen features and a few thousand examples.
 * The weights come back on the raw features, so the model file is read without any scaling step.
 */

/** One labelled example: its features, whether the answer it stands for was right, how much it counts. */
export interface Example {
  x: readonly number[];
  y: 0 | 1;
  weight?: number;
}

export interface LogisticFit {
  bias: number;
  weights: number[];
  /** Newton iterations run (at most MAX_ITERATIONS). */
  iterations: number;
}

const MAX_ITERATIONS = 50;
const TOLERANCE = 1e-8;

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** p = sigmoid(bias + w·x). */
export function predict(fit: Pick<LogisticFit, 'bias' | 'weights'>, x: readonly number[]): number {
  let z = fit.bias;
  for (let i = 0; i < fit.weights.length; i++) z += (fit.weights[i] ?? 0) * (x[i] ?? 0);
  return sigmoid(z);
}

/** Solves A v = b for a small symmetric positive-definite A (Gaussian elimination, partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs((m[r] as number[])[col] as number) > Math.abs((m[pivot] as number[])[col] as number))
        pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const p = (m[col] as number[])[col] as number;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r] as number[];
      const factor = (row[col] as number) / p;
      if (factor === 0) continue;
      for (let c = col; c <= n; c++)
        row[c] = (row[c] as number) - factor * ((m[col] as number[])[c] as number);
    }
  }
  return m.map((row, i) => {
    const p = row[i] as number;
    return Math.abs(p) < 1e-12 ? 0 : (row[n] as number) / p;
  });
}

/**
 * Fits p(y = 1 | x). `l2`: the penalty on the standardised weights (not on the bias); a constant
 * feature gets weight 0. Deterministic: the same examples give the same weights.
 */
export function fitLogistic(examples: readonly Example[], l2 = 1): LogisticFit {
  const d = examples[0]?.x.length ?? 0;
  const total = examples.reduce((s, e) => s + (e.weight ?? 1), 0);
  // Standardise: mean 0, standard deviation 1 per feature (weighted), so one penalty fits all.
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const e of examples)
    for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (e.weight ?? 1) * (e.x[j] ?? 0);
  for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) / (total || 1);
  for (const e of examples)
    for (let j = 0; j < d; j++)
      sd[j] = (sd[j] as number) + (e.weight ?? 1) * ((e.x[j] ?? 0) - (mean[j] as number)) ** 2;
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt((sd[j] as number) / (total || 1));
  const z = examples.map((e) =>
    e.x.map((v, j) => ((sd[j] as number) > 0 ? (v - (mean[j] as number)) / (sd[j] as number) : 0)),
  );

  // beta[0] is the bias, beta[1..d] the standardised weights.
  let beta = new Array<number>(d + 1).fill(0);
  let iterations = 0;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    const gradient = new Array<number>(d + 1).fill(0);
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    examples.forEach((e, i) => {
      const row = [1, ...(z[i] as number[])];
      let s = 0;
      for (let j = 0; j <= d; j++) s += (beta[j] as number) * (row[j] as number);
      const p = sigmoid(s);
      const w = e.weight ?? 1;
      const r = w * (e.y - p);
      const v = w * p * (1 - p);
      for (let j = 0; j <= d; j++) {
        gradient[j] = (gradient[j] as number) + r * (row[j] as number);
        const hj = hessian[j] as number[];
        for (let k = j; k <= d; k++) hj[k] = (hj[k] as number) + v * (row[j] as number) * (row[k] as number);
      }
    });
    for (let j = 0; j <= d; j++) {
      const hj = hessian[j] as number[];
      for (let k = 0; k < j; k++) hj[k] = (hessian[k] as number[])[j] as number;
      if (j > 0) {
        gradient[j] = (gradient[j] as number) - l2 * (beta[j] as number);
        hj[j] = (hj[j] as number) + l2;
      }
      // A tiny ridge on the bias too, so a separable set still converges.
      else hj[j] = (hj[j] as number) + 1e-9;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((b, j) => b + (step[j] as number));
    if (step.reduce((m, s) => Math.max(m, Math.abs(s)), 0) < TOLERANCE) break;
  }
  // Back to the raw features: w_raw = w / sd, bias_raw = bias - sum(w * mean / sd).
  const weights = beta.slice(1).map((w, j) => ((sd[j] as number) > 0 ? w / (sd[j] as number) : 0));
  const bias = (beta[0] as number) - weights.reduce((s, w, j) => s + w * (mean[j] as number), 0);
  return { bias, weights, iterations };
}
