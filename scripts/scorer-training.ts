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
  /** A row's weight in the fit: 1 unless given; 0 leaves the row out of every fit. */
  weight?: (row: R) => number;
  /**
   * The vector a row is fitted on, when it is not `features`: `features` followed by training-only columns, which are
   * 0 for any report the extractor reads (a new report is one no rule writer has read). The fitted model keeps the
   * weights of `features` alone, so it scores rows, and ships, as a model over `features`.
   */
  fitFeatures?: (row: R) => readonly number[];
  /**
   * The groups whose held-out predictions the inner pass scores when it chooses the penalty and thresholds; all the
   * training groups unless given (or when none of them is in it).
   */
  chooseOn?: ReadonlySet<string>;
  /** The F1 of the reports of `groups` with each row scored by `score` and decided with `thresholds`. */
  f1: (groups: readonly string[], score: (row: R) => number, thresholds: Thresholds) => number;
}

export type Choice = Thresholds & { l2: number; f1: number };

/** Models already fitted, per spec, by groups and penalty: the inner and outer passes fit many sets twice. */
const fitted = new WeakMap<object, Map<string, LogisticModel>>();

/**
 * The model fitted on the rows of `inGroups` (those the rules did not keep, unless `allRows`; each with its `weight`),
 * over `fitFeatures` when given, keeping the weights of `features`.
 */
export function fitOn<R extends TrainingRow>(
  spec: CvSpec<R>,
  inGroups: ReadonlySet<string>,
  l2: number,
): LogisticModel {
  const cache = fitted.get(spec) ?? new Map<string, LogisticModel>();
  fitted.set(spec, cache);
  const key = `${[...inGroups].sort().join('\u0000')}\u0001${l2}`;
  const known = cache.get(key);
  if (known) return known;
  const train = spec.rows.filter((r) => inGroups.has(r.group) && (spec.allRows || !r.kept));
  const vector = spec.fitFeatures ?? ((r: R) => r.features);
  const model = fitLogistic(
    train.map(vector),
    train.map((r) => r.label),
    { ...DEFAULT_FIT, l2 },
    spec.weight ? train.map(spec.weight) : undefined,
  );
  const d = spec.rows[0]?.features.length ?? model.weights.length;
  const own = { weights: model.weights.slice(0, d), bias: model.bias };
  cache.set(key, own);
  return own;
}

/** The training groups the inner pass holds out and scores: those of `chooseOn`, or all when it names none of them. */
export function choosingGroups<R extends TrainingRow>(spec: CvSpec<R>, inGroups: readonly string[]): string[] {
  const on = inGroups.filter((g) => spec.chooseOn?.has(g));
  return on.length ? on : [...inGroups];
}

/**
 * The penalty and thresholds chosen by leave-one-group-out inside `inGroups` alone: the best pooled F1 over the
 * held-out groups (`choosingGroups`), each predicted by the model fitted on the other groups of `inGroups`.
 */
export function choose<R extends TrainingRow>(spec: CvSpec<R>, inGroups: readonly string[]): Choice {
  let best: Choice = { addThreshold: 1, dropThreshold: null, l2: spec.l2Grid[0] as number, f1: -1 };
  const scored = choosingGroups(spec, inGroups);
  for (const l2 of spec.l2Grid) {
    const scores = new Map<R, number>();
    for (const held of scored) {
      const model = fitOn(spec, new Set(inGroups.filter((g) => g !== held)), l2);
      for (const r of spec.rows) if (r.group === held) scores.set(r, predictLogistic(model, r.features));
    }
    for (const addThreshold of spec.addGrid) {
      for (const dropThreshold of spec.dropGrid) {
        const f1 = spec.f1(scored, (r) => scores.get(r) ?? 0, { addThreshold, dropThreshold });
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

/*
 * How a fit treats the rules' verdicts. The rules were written reading most of the training groups, so there a
 * rejection is nearly always right; on the groups no rule writer read (`unread`), as on a new report, it is not. These
 * options make the fit reflect that; none of them reads anything at prediction time that a new report lacks.
 */

/** `full`: each rejecting rule its own column; `coarse`: any rule as one; `none`: no verdict beyond "not kept". */
export type VerdictMode = 'full' | 'coarse' | 'none';
/** Training-only copies of features on the read groups' rows: none, the verdict columns, or every column. */
export type Interactions = 'none' | 'verdict' | 'all';

export interface Fitting {
  /** The groups no rule writer read when their rules were written. */
  unread: ReadonlySet<string>;
  verdict: VerdictMode;
  /** Each row's weight in the fit by whether its group is unread; 0 leaves a row out. */
  readWeight: number;
  unreadWeight: number;
  interactions: Interactions;
  /** Whose held-out predictions choose the penalty and thresholds in the inner pass. */
  chooseOn: 'all' | 'unread';
}

export const DEFAULT_FITTING: Fitting = {
  unread: new Set(['8', '9', 'e']),
  verdict: 'full',
  readWeight: 1,
  unreadWeight: 1,
  interactions: 'none',
  chooseOn: 'all',
};

const oneOf = <T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T => {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`--${name} must be one of ${allowed.join(', ')}, not ${String(value)}`);
};

const weightOption = (name: string, value: unknown, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new Error(`--${name} must be a number at least 0, not ${String(value)}`);
  }
  return n;
};

/** The fitting options from the command line's values (strings as parseArgs gives them); unknown values throw. */
export function parseFitting(values: Record<string, unknown>): Fitting {
  const unread = values.unread === undefined ? DEFAULT_FITTING.unread : new Set(String(values.unread).split(''));
  const fitting: Fitting = {
    unread,
    verdict: oneOf('verdict', values.verdict, ['full', 'coarse', 'none'], DEFAULT_FITTING.verdict),
    readWeight: weightOption('read-weight', values['read-weight'], DEFAULT_FITTING.readWeight),
    unreadWeight: weightOption('unread-weight', values['unread-weight'], DEFAULT_FITTING.unreadWeight),
    interactions: oneOf(
      'read-interactions',
      values['read-interactions'],
      ['none', 'verdict', 'all'],
      DEFAULT_FITTING.interactions,
    ),
    chooseOn: oneOf('choose-on', values['choose-on'], ['all', 'unread'], DEFAULT_FITTING.chooseOn),
  };
  if (fitting.readWeight === 0 && fitting.unreadWeight === 0)
    throw new Error('--read-weight and --unread-weight are both 0');
  return fitting;
}

/** A row's weight in the fit. */
export const rowWeightOf = (fitting: Fitting, group: string): number =>
  fitting.unread.has(group) ? fitting.unreadWeight : fitting.readWeight;

/**
 * Which feature columns hold the rules' verdict (one-hot): `rules`, one per rejecting rule, and `into`, the column of
 * every other rule, which a coarse view folds them into; `others`, the verdicts that are no rule's rejection (given to
 * the other party, never judged), which only `none` clears. The "kept" column is none of them.
 */
export interface VerdictColumns {
  rules: readonly number[];
  into: number;
  others: readonly number[];
}

/** The verdict columns of a feature list named `verdict:…`: every one but kept, `otherRule` and `others` is a rule. */
export function verdictColumns(
  names: readonly string[],
  kept: string,
  otherRule: string,
  others: readonly string[],
): VerdictColumns {
  const into = names.indexOf(otherRule);
  if (into < 0) throw new Error(`no feature ${otherRule}`);
  const at = (name: string) => names.indexOf(name);
  return {
    rules: names.flatMap((n, i) =>
      n.startsWith('verdict:') && n !== kept && n !== otherRule && !others.includes(n) ? [i] : [],
    ),
    into,
    others: others.map(at).filter((i) => i >= 0),
  };
}

/** A row's features as the fit sees them under a verdict mode. */
export function verdictView(mode: VerdictMode, columns: VerdictColumns, features: readonly number[]): number[] {
  const out = [...features];
  if (mode === 'full') return out;
  const ruled = columns.rules.some((i) => (out[i] ?? 0) !== 0) || (out[columns.into] ?? 0) !== 0;
  for (const i of columns.rules) out[i] = 0;
  out[columns.into] = mode === 'coarse' && ruled ? 1 : 0;
  if (mode === 'none') for (const i of columns.others) out[i] = 0;
  return out;
}

/**
 * The weights to ship for a model fitted on `verdictView` rows, over the code's full features: under `coarse` every
 * rule's column takes the folded column's weight, so the shipped model scores a candidate exactly as the fitted one
 * scored its view (a verdict is one-hot); under `none` the verdict columns stay 0, as fitted.
 */
export function shippedWeights(mode: VerdictMode, columns: VerdictColumns, weights: readonly number[]): number[] {
  const out = [...weights];
  if (mode === 'coarse') for (const i of columns.rules) out[i] = out[columns.into] ?? 0;
  return out;
}

/**
 * The vector a row is fitted on under `interactions`: its features, then copies of some of them (the verdict columns,
 * or all) and a read-group column, set only on the read groups' rows. The shared weights are then those of the
 * unread groups, which a new report is one of; the copies and the column are 0 for it, so they never ship.
 */
export function fitFeaturesOf(
  fitting: Fitting,
  columns: VerdictColumns,
  group: string,
  features: readonly number[],
): number[] {
  if (fitting.interactions === 'none') return [...features];
  const copied =
    fitting.interactions === 'all'
      ? features.map((_, i) => i)
      : [...columns.rules, columns.into, ...columns.others].sort((a, b) => a - b);
  const read = fitting.unread.has(group) ? 0 : 1;
  return [...features, ...copied.map((i) => read * (features[i] ?? 0)), read];
}
