/*
 * Logistic regression for the position scorer, in plain TypeScript: full-batch gradient descent on the mean log loss
 * (weighted by each row's weight when given) with an L2 penalty on the weights (not the bias), a fixed number of
 * iterations from zero weights. Deterministic: the same rows give the same weights, bit for bit.
 */
import { candidateScore } from '../lambda/facts/scorer-model.js';

export interface FitOptions {
  /** L2 penalty on the weights, per row (the loss is the mean log loss plus l2 / 2 · |w|²). */
  l2: number;
  iterations: number;
  /** The step size of gradient descent. */
  rate: number;
}

export const DEFAULT_FIT: FitOptions = { l2: 0.01, iterations: 1500, rate: 0.5 };

export interface LogisticModel {
  weights: number[];
  bias: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Fits weights to rows `x` (each of the same length) and 0/1 labels `y`. With `rowWeights`, each row's log loss counts
 * that many times (the mean is over their sum; a row of weight 0 is left out); without, every row counts once.
 */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: FitOptions = DEFAULT_FIT,
  rowWeights?: readonly number[],
): LogisticModel {
  const d = x[0]?.length ?? 0;
  const keep = x.map((_, i) => i).filter((i) => (rowWeights?.[i] ?? 1) > 0);
  const n = keep.length;
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  if (n === 0) return { weights, bias };
  // The rows as their nonzero entries, for speed (most features are 0 or 1 and most are 0); the arithmetic left out
  // adds or subtracts zeros, so the weights are those of the plain loops over every column.
  const starts = new Int32Array(n + 1);
  const columns: number[] = [];
  const values: number[] = [];
  const labels = new Float64Array(n);
  const counts = new Float64Array(n);
  let total = 0;
  keep.forEach((i, k) => {
    const row = x[i] as readonly number[];
    for (let j = 0; j < d; j++) {
      const v = row[j] as number;
      if (v !== 0) {
        columns.push(j);
        values.push(v);
      }
    }
    starts[k + 1] = columns.length;
    labels[k] = y[i] as number;
    counts[k] = rowWeights?.[i] ?? 1;
    total += counts[k] as number;
  });
  const at = Int32Array.from(columns);
  const value = Float64Array.from(values);
  const w = new Float64Array(d);
  const gradient = new Float64Array(d);
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    gradient.fill(0);
    let gradientBias = 0;
    for (let k = 0; k < n; k++) {
      const from = starts[k] as number;
      const to = starts[k + 1] as number;
      let z = bias;
      for (let e = from; e < to; e++) z += (w[at[e] as number] as number) * (value[e] as number);
      const error = (sigmoid(z) - (labels[k] as number)) * (counts[k] as number);
      gradientBias += error;
      for (let e = from; e < to; e++) {
        const j = at[e] as number;
        gradient[j] = (gradient[j] as number) + error * (value[e] as number);
      }
    }
    for (let j = 0; j < d; j++) {
      const wj = w[j] as number;
      w[j] = wj - options.rate * ((gradient[j] as number) / total + options.l2 * wj);
    }
    bias -= options.rate * (gradientBias / total);
  }
  for (let j = 0; j < d; j++) weights[j] = w[j] as number;
  return { weights, bias };
}

/** The probability a fitted model gives a row: the very score the extractor ships (scorer-model.ts). */
export const predictLogistic = (model: LogisticModel, row: readonly number[]): number => candidateScore(model, row);
