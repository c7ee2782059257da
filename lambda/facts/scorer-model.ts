import * as z from 'zod/mini';

/*
 * What the learned scorers share (position-scorer.ts, guarantor-scorer.ts): the weight file's schema and validation,
 * and a candidate's score. Each scorer is a logistic regression over its own features, its weights data in
 * config/<category>-scorer.json, trained by `npm run train:<category>-scorer`; the file names the features it was
 * trained on, and they must be the code's, in the code's order.
 */

const Finite = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));
const Probability = Finite.check(z.gte(0), z.lte(1));

export const ScorerModelSchema = z.object({
  $comment: z.optional(z.string()),
  version: z.literal(1),
  /** The feature names, in the order of `weights`: they must be the code's. */
  features: z.array(z.string()),
  weights: z.array(Finite),
  bias: Finite,
  addThreshold: Probability,
  dropThreshold: z.nullable(Probability),
  /** What the weights were trained on, for the record. */
  trainedOn: z.optional(z.string()),
});

export type ScorerModel = z.infer<typeof ScorerModelSchema>;

/** What a weight file is checked against: the code's features, and how errors name the scorer. */
export interface ScorerSpec {
  /** "position", "guarantor": errors say "invalid <name> scorer" and name `npm run train:<name>-scorer`. */
  name: string;
  features: readonly string[];
  /** The error class thrown. */
  error: new (
    message: string,
  ) => Error;
}

/** Validates a weight file: its shape, and that its features are the spec's, in the spec's order. */
export function parseScorerModel(json: unknown, spec: ScorerSpec): ScorerModel {
  const invalid = `invalid ${spec.name} scorer`;
  const result = ScorerModelSchema.safeParse(json);
  if (!result.success) throw new spec.error(`${invalid}:\n${z.prettifyError(result.error)}`);
  const model = result.data;
  const expected = spec.features;
  const differs = model.features.length !== expected.length || model.features.some((f, i) => f !== expected[i]);
  if (differs) {
    const missing = expected.filter((f) => !model.features.includes(f));
    const unknown = model.features.filter((f) => !expected.includes(f));
    throw new spec.error(
      `${invalid}: features differ from the code's (missing: ${missing.join(', ') || 'none'}; ` +
        `unknown: ${unknown.join(', ') || 'none'}; retrain with npm run train:${spec.name}-scorer)`,
    );
  }
  if (model.weights.length !== model.features.length) {
    throw new spec.error(`${invalid}: ${model.weights.length} weights for ${model.features.length} features`);
  }
  if (model.dropThreshold !== null && model.dropThreshold > model.addThreshold) {
    throw new spec.error(`${invalid}: dropThreshold is above addThreshold`);
  }
  return model;
}

/** The model's probability that a candidate is a fact the gold would label. */
export function candidateScore(model: Pick<ScorerModel, 'weights' | 'bias'>, features: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++) z += (model.weights[i] ?? 0) * (features[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/** The thresholds a decision needs: the model's own, or a fold's during cross-validation. */
export type Thresholds = Pick<ScorerModel, 'addThreshold' | 'dropThreshold'>;
