/*
 * The training driver the learned scorers share (train-position-scorer.ts, train-guarantor-scorer.ts): fitting on
 * some round groups, choosing the L2 penalty and thresholds by an inner leave-one-group-out pass, the outer
 * leave-one-round-group-out cross-validation, and the weight file. What a row is and how a group's facts are decided
 * and scored are the caller's (`CvSpec`).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Thresholds } from '../lambda/facts/scorer-model.js';
import { DEFAULT_FIT, fitLogistic, type LogisticModel, predictLogistic } from './logistic-fit.js';

/** One candidate as the driver sees it. */
export interface TrainingRow {
  /** Its report's round group (the file name's first character). */
  group: string;
  features: readonly number[];
  /** Whether the rules kept it: the model is fitted on the others unless `allRows`. */
  kept: boolean;
  label: number;
}

export interface CvSpec<R extends TrainingRow> {
  rows: readonly R[];
  /** Add thresholds tried; include 1, so that "the rules alone" is always a choice. */
  addGrid: readonly number[];
  l2Grid: readonly number[];
  dropGrid: readonly (number | null)[];
  /** Fit on every row, kept ones too. */
  allRows?: boolean;
  /** The F1 of the reports of `groups` with each row scored by `score` and decided with `thresholds`. */
  f1: (groups: readonly string[], score: (row: R) => number, thresholds: Thresholds) => number;
}

export type Choice = Thresholds & { l2: number; f1: number };

/** The model fitted on the rows of `inGroups` (those the rules did not keep, unless `allRows`). */
export function fitOn<R extends TrainingRow>(
  spec: CvSpec<R>,
  inGroups: ReadonlySet<string>,
  l2: number,
): LogisticModel {
  const train = spec.rows.filter((r) => inGroups.has(r.group) && (spec.allRows || !r.kept));
  return fitLogistic(
    train.map((r) => r.features),
    train.map((r) => r.label),
    { ...DEFAULT_FIT, l2 },
  );
}

/** The penalty and thresholds chosen by leave-one-group-out inside `inGroups` alone: the best pooled F1. */
export function choose<R extends TrainingRow>(spec: CvSpec<R>, inGroups: readonly string[]): Choice {
  let best: Choice = { addThreshold: 1, dropThreshold: null, l2: spec.l2Grid[0] as number, f1: -1 };
  for (const l2 of spec.l2Grid) {
    const scores = new Map<R, number>();
    for (const held of inGroups) {
      const model = fitOn(spec, new Set(inGroups.filter((g) => g !== held)), l2);
      for (const r of spec.rows) if (r.group === held) scores.set(r, predictLogistic(model, r.features));
    }
    for (const addThreshold of spec.addGrid) {
      for (const dropThreshold of spec.dropGrid) {
        const f1 = spec.f1(inGroups, (r) => scores.get(r) ?? 0, { addThreshold, dropThreshold });
        if (f1 > best.f1 + 1e-9) best = { addThreshold, dropThreshold, l2, f1 };
      }
    }
  }
  return best;
}

/** One held-out group of the outer cross-validation: the model fitted on the others, with their inner choice. */
export interface HeldOut {
  group: string;
  choice: Choice;
  model: LogisticModel;
}

/** Leave-one-round-group-out: for each group, the model and thresholds chosen without it. */
export function crossValidate<R extends TrainingRow>(spec: CvSpec<R>, groups: readonly string[]): HeldOut[] {
  return groups.map((group) => {
    const trainGroups = groups.filter((g) => g !== group);
    const choice = choose(spec, trainGroups);
    return { group, choice, model: fitOn(spec, new Set(trainGroups), choice.l2) };
  });
}

/** The whole half's model, its thresholds by the inner pass over every group. */
export function trainWhole<R extends TrainingRow>(
  spec: CvSpec<R>,
  groups: readonly string[],
): { choice: Choice; model: LogisticModel } {
  const choice = choose(spec, groups);
  return { choice, model: fitOn(spec, new Set(groups), choice.l2) };
}

/** Writes a weight file (scorer-model.ts's schema) and returns a line saying so and the largest weights. */
export function writeWeights(
  out: URL,
  scorer: { name: string; module: string },
  features: readonly string[],
  trained: { choice: Choice; model: LogisticModel },
  trainedOn: string,
): string[] {
  const { choice, model } = trained;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const name = scorer.name.charAt(0).toUpperCase() + scorer.name.slice(1);
  const weights = {
    $comment: `${name} scorer weights (${scorer.module}), trained by npm run train:${scorer.name}-scorer on the tune half of the real set; do not edit by hand.`,
    version: 1,
    features: [...features],
    weights: model.weights.map(round),
    bias: round(model.bias),
    addThreshold: choice.addThreshold,
    dropThreshold: choice.dropThreshold,
    trainedOn: `${trainedOn}, L2 ${choice.l2}`,
  };
  writeFileSync(out, `${JSON.stringify(weights, null, 1)}\n`);
  const ranked = features
    .map((f, i) => [f, model.weights[i] ?? 0] as const)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  return [
    `wrote ${out.pathname}: addThreshold ${choice.addThreshold}, dropThreshold ${choice.dropThreshold}, L2 ${choice.l2}, ` +
      `inner CV ${scorer.name}s F1 ${choice.f1.toFixed(3)}`,
    `largest weights: ${ranked
      .slice(0, 12)
      .map(([f, w]) => `${f} ${w.toFixed(2)}`)
      .join(', ')}`,
  ];
}

/** P / R / F1 as the reports print them. */
export const prf = (s: { precision: number; recall: number; f1: number }) =>
  `${s.precision.toFixed(3)} / ${s.recall.toFixed(3)} / ${s.f1.toFixed(3)}`;

/** Runs the shared scorer (../shared/eval/score.mjs) on a gold and a prediction file: its JSON report. */
export function scoreFile<T>(scorerScript: string, articlesDir: string, goldFile: string, predictionFile: string): T {
  const run = spawnSync(
    process.execPath,
    [scorerScript, '--gold', goldFile, '--pred', predictionFile, '--articles', articlesDir, '--json'],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  if (run.status !== 0) throw new Error(`score.mjs failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/** Writes the gold of the reports of some round groups to `dir` and returns its file. */
export function groupGoldFile(dir: string, name: string, gold: object, inGroups: ReadonlySet<string>): string {
  const file = join(dir, `gold-${name}.json`);
  writeFileSync(
    file,
    JSON.stringify(Object.fromEntries(Object.entries(gold).filter(([f]) => inGroups.has(f.charAt(0))))),
  );
  return file;
}
