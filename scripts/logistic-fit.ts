/*
 * Logistic regression for the position scorer, in plain TypeScript: full-batch gradient descent on the mean log loss
 * with an L2 penalty on the weights (not the bias), a fixed number of iterations from zero weights. Deterministic:
 * the same rows give the same weights, bit for bit.
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

/** Fits weights to rows `x` (each of the same length) and 0/1 labels `y`. */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: FitOptions = DEFAULT_FIT,
): LogisticModel {
  const n = x.length;
  const d = x[0]?.length ?? 0;
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  if (n === 0) return { weights, bias };
  const gradient = new Array<number>(d).fill(0);
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    gradient.fill(0);
    let gradientBias = 0;
    for (let i = 0; i < n; i++) {
      const row = x[i] as readonly number[];
      let z = bias;
      for (let j = 0; j < d; j++) z += (weights[j] as number) * (row[j] as number);
      const error = sigmoid(z) - (y[i] as number);
      gradientBias += error;
      for (let j = 0; j < d; j++) gradient[j] = (gradient[j] as number) + error * (row[j] as number);
    }
    for (let j = 0; j < d; j++) {
      const w = weights[j] as number;
      weights[j] = w - options.rate * ((gradient[j] as number) / n + options.l2 * w);
    }
    bias -= options.rate * (gradientBias / n);
  }
  return { weights, bias };
}

/** The probability a fitted model gives a row: the very score the extractor ships (scorer-model.ts). */
export const predictLogistic = (model: LogisticModel, row: readonly number[]): number => candidateScore(model, row);
