/**
 * Fitting the diagnosis weights from labelled pastes: L2-regularised logistic regression over the
 * rules' raw features, in plain TypeScript (no dependency). Each row is one (paste, topic) candidate:
 * its features (one number per weight of the table) and whether the topic is a right answer.
 * Pure and deterministic: full-batch gradient descent with Adam from zero weights.
 */

export interface FitRow {
  /** One raw feature per weight (evidence of that row, before its weight is applied). */
  x: readonly number[];
  /** 1 when the candidate topic is a right answer for the paste. */
  y: 0 | 1;
  /** How much the row counts (default 1); used to balance pastes with many candidates. */
  weight?: number;
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias); default 0.01. */
  l2?: number;
  iterations?: number;
  learningRate?: number;
  /**
   * Sign constraints per weight: 1 keeps it ≥ 0 (evidence for), -1 keeps it ≤ 0 (evidence
   * against), 0 leaves it free. A fitted weight that would cross zero stops at zero.
   */
  signs?: readonly (1 | -1 | 0)[];
}

export interface FitResult {
  weights: number[];
  bias: number;
  /** Mean log-loss on the rows at the end. */
  loss: number;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** The probability the model gives a row. */
export function predict(fit: Pick<FitResult, 'weights' | 'bias'>, x: readonly number[]): number {
  let z = fit.bias;
  for (let j = 0; j < fit.weights.length; j++) z += (fit.weights[j] ?? 0) * (x[j] ?? 0);
  return sigmoid(z);
}

/** Fits weights and a bias so that σ(w·x + b) approximates y over the rows. */
export function fitLogistic(rows: readonly FitRow[], opts: FitOptions = {}): FitResult {
  const n = rows[0]?.x.length ?? 0;
  const l2 = opts.l2 ?? 0.01;
  const iterations = opts.iterations ?? 3000;
  const lr = opts.learningRate ?? 0.05;
  const w = new Array<number>(n).fill(0);
  let b = 0;
  const m = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const total = rows.reduce((s, r) => s + (r.weight ?? 1), 0) || 1;
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  for (let t = 1; t <= iterations; t++) {
    const g = new Array<number>(n + 1).fill(0);
    for (const r of rows) {
      const p = predict({ weights: w, bias: b }, r.x);
      const err = ((p - r.y) * (r.weight ?? 1)) / total;
      for (let j = 0; j < n; j++) g[j]! += err * (r.x[j] ?? 0);
      g[n]! += err;
    }
    for (let j = 0; j < n; j++) g[j]! += l2 * w[j]!;
    for (let j = 0; j <= n; j++) {
      m[j] = beta1 * m[j]! + (1 - beta1) * g[j]!;
      v[j] = beta2 * v[j]! + (1 - beta2) * g[j]! * g[j]!;
      const step = (lr * (m[j]! / (1 - beta1 ** t))) / (Math.sqrt(v[j]! / (1 - beta2 ** t)) + eps);
      if (j === n) b -= step;
      else {
        w[j] = w[j]! - step;
        const sign = opts.signs?.[j] ?? 0;
        if (sign > 0 && w[j]! < 0) w[j] = 0;
        if (sign < 0 && w[j]! > 0) w[j] = 0;
      }
    }
  }
  let loss = 0;
  for (const r of rows) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, predict({ weights: w, bias: b }, r.x)));
    loss -= (r.weight ?? 1) * (r.y ? Math.log(p) : Math.log(1 - p));
  }
  return { weights: w, bias: b, loss: loss / total };
}

/**
 * The lowest probability cut at which the rows above it are at least `precision` right, scanning
 * the rows' own probabilities; undefined when no cut reaches it with at least `minRows` rows.
 */
export function cutForPrecision(scored: readonly { p: number; right: boolean }[], precision: number, minRows = 5): number | undefined {
  const sorted = [...scored].sort((a, b) => b.p - a.p);
  let right = 0;
  let best: number | undefined;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]!.right) right++;
    const n = i + 1;
    // A cut between equal probabilities is no cut: wait for the last of a run.
    if (i + 1 < sorted.length && sorted[i + 1]!.p === sorted[i]!.p) continue;
    if (n >= minRows && right / n >= precision) best = sorted[i]!.p;
  }
  return best;
}
