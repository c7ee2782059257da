import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic } from '../../scripts/logistic-fit.js';
import {
  type CvSpec,
  choose,
  choosingGroups,
  DEFAULT_FITTING,
  type Fitting,
  fitFeaturesOf,
  fitOn,
  parseFitting,
  rowWeightOf,
  shippedWeights,
  type TrainingRow,
  verdictColumns,
  verdictView,
} from '../../scripts/scorer-training.js';

/*
 * The scorer training's options for how a fit treats the rules' verdicts (issue 17, branch scv): row weights by
 * group, verdict views, training-only read-group columns, and choosing on the unread groups. All data invented.
 */

const NAMES = [
  'verdict:kept',
  'verdict:held-by-other-party',
  'verdict:unjudged',
  'verdict:rule-a',
  'verdict:rule-b',
  'verdict:other-rule',
  'lex:x',
];
const COLUMNS = verdictColumns(NAMES, 'verdict:kept', 'verdict:other-rule', [
  'verdict:held-by-other-party',
  'verdict:unjudged',
]);

describe('fitting options', () => {
  it('parses the defaults and each option, and refuses unknown values', () => {
    expect(parseFitting({})).toEqual(DEFAULT_FITTING);
    const f = parseFitting({
      unread: '8f',
      verdict: 'coarse',
      'read-weight': '0',
      'unread-weight': '2.5',
      'read-interactions': 'verdict',
      'choose-on': 'unread',
    });
    expect([...f.unread]).toEqual(['8', 'f']);
    expect(f).toMatchObject({ verdict: 'coarse', readWeight: 0, unreadWeight: 2.5, interactions: 'verdict' });
    expect(f.chooseOn).toBe('unread');
    expect(() => parseFitting({ verdict: 'some' })).toThrow(/--verdict/);
    expect(() => parseFitting({ 'read-weight': '-1' })).toThrow(/--read-weight/);
    expect(() => parseFitting({ 'unread-weight': 'x' })).toThrow(/--unread-weight/);
    expect(() => parseFitting({ 'read-weight': '0', 'unread-weight': '0' })).toThrow(/both 0/);
  });

  it('weighs a row by whether its group is unread', () => {
    const f: Fitting = { ...DEFAULT_FITTING, readWeight: 0.5, unreadWeight: 3 };
    expect(rowWeightOf(f, '8')).toBe(3);
    expect(rowWeightOf(f, '2')).toBe(0.5);
  });
});

describe('verdict views', () => {
  it('finds the rule columns apart from kept, the folded column and the other verdicts', () => {
    expect(COLUMNS).toEqual({ rules: [3, 4], into: 5, others: [1, 2] });
  });

  it('folds every rule into one column (coarse) or clears every verdict but kept (none)', () => {
    const ruleB = [0, 0, 0, 0, 1, 0, 0.5];
    const otherParty = [0, 1, 0, 0, 0, 0, 0.5];
    expect(verdictView('full', COLUMNS, ruleB)).toEqual(ruleB);
    expect(verdictView('coarse', COLUMNS, ruleB)).toEqual([0, 0, 0, 0, 0, 1, 0.5]);
    expect(verdictView('coarse', COLUMNS, otherParty)).toEqual(otherParty);
    expect(verdictView('none', COLUMNS, ruleB)).toEqual([0, 0, 0, 0, 0, 0, 0.5]);
    expect(verdictView('none', COLUMNS, otherParty)).toEqual([0, 0, 0, 0, 0, 0, 0.5]);
  });

  it('ships coarse weights that score every full row as the fitted model scored its view', () => {
    // Prepare: a model fitted on coarse views (the rule columns are 0 there, so their weights are 0).
    const model = { weights: [0, -1, 0.2, 0, 0, -0.7, 1.5], bias: 0.1 };
    const weights = shippedWeights('coarse', COLUMNS, model.weights);
    // Assess: each rule takes the folded column's weight; a full row scores as its view did.
    expect(weights).toEqual([0, -1, 0.2, -0.7, -0.7, -0.7, 1.5]);
    for (const row of [
      [0, 0, 0, 1, 0, 0, 1],
      [0, 0, 0, 0, 1, 0, 0],
      [0, 0, 0, 0, 0, 1, 0.3],
      [0, 1, 0, 0, 0, 0, 1],
    ]) {
      expect(predictLogistic({ weights, bias: model.bias }, row)).toBeCloseTo(
        predictLogistic(model, verdictView('coarse', COLUMNS, row)),
        12,
      );
    }
    expect(shippedWeights('full', COLUMNS, model.weights)).toEqual(model.weights);
  });

  it('adds training-only copies and a read-group column on read rows only', () => {
    const f: Fitting = { ...DEFAULT_FITTING, interactions: 'verdict' };
    const row = [0, 0, 0, 1, 0, 0, 0.5];
    // The copies are of the verdict columns 1 to 5, then the read-group column.
    expect(fitFeaturesOf(f, COLUMNS, '3', row)).toEqual([...row, 0, 0, 1, 0, 0, 1]);
    expect(fitFeaturesOf(f, COLUMNS, '8', row)).toEqual([...row, 0, 0, 0, 0, 0, 0]);
    expect(fitFeaturesOf({ ...f, interactions: 'all' }, COLUMNS, '3', row)).toEqual([...row, ...row, 1]);
    expect(fitFeaturesOf({ ...f, interactions: 'none' }, COLUMNS, '3', row)).toEqual(row);
  });
});

describe('weighted logistic fit', () => {
  const x = [
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ];
  const y = [1, 1, 0, 0];
  const options = { l2: 0.01, iterations: 300, rate: 0.5 };

  it('is the unweighted fit when every weight is 1', () => {
    expect(fitLogistic(x, y, options, [1, 1, 1, 1])).toEqual(fitLogistic(x, y, options));
  });

  it('leaves a row of weight 0 out, and counts a row of weight 2 twice', () => {
    expect(fitLogistic(x, y, options, [1, 1, 1, 0])).toEqual(fitLogistic(x.slice(0, 3), y.slice(0, 3), options));
    const twice = fitLogistic([...x, x[0] as number[]], [...y, 1], options);
    const weighted = fitLogistic(x, y, options, [2, 1, 1, 1]);
    weighted.weights.forEach((w, i) => {
      expect(w).toBeCloseTo(twice.weights[i] as number, 10);
    });
    expect(weighted.bias).toBeCloseTo(twice.bias, 10);
  });
});

describe('cross-validation driver options', () => {
  interface Row extends TrainingRow {
    id: number;
  }
  /** Two rows a group: the feature says the label in the read groups and the opposite in the unread one. */
  const rows: Row[] = ['1', '2', '8'].flatMap((group, g) =>
    [0, 1].map((label) => ({
      id: g * 2 + label,
      group,
      label,
      kept: false,
      features: [group === '8' ? 1 - label : label],
    })),
  );
  const base: CvSpec<Row> = {
    rows,
    addGrid: [0.5, 1],
    l2Grid: [0.01],
    dropGrid: [null],
    f1: () => 0,
  };

  it('holds out and scores only the groups it chooses on, when any is in training', () => {
    const spec = { ...base, chooseOn: new Set(['8']) };
    expect(choosingGroups(spec, ['1', '2', '8'])).toEqual(['8']);
    expect(choosingGroups(spec, ['1', '2'])).toEqual(['1', '2']);
    const scoredOn: string[][] = [];
    choose(
      {
        ...spec,
        f1: (groups) => {
          scoredOn.push([...groups]);
          return 0;
        },
      },
      ['1', '2', '8'],
    );
    expect(scoredOn).toEqual([['8'], ['8']]);
  });

  it('fits on the weighted rows, and keeps only the shipped features of a widened fit', () => {
    const unreadOnly = fitOn({ ...base, weight: (r) => (r.group === '8' ? 1 : 0) }, new Set(['1', '2', '8']), 0.01);
    expect(unreadOnly.weights[0]).toBeLessThan(0);
    const widened = fitOn(
      {
        ...base,
        fitFeatures: (r) => [...r.features, r.group === '8' ? 0 : (r.features[0] as number), r.group === '8' ? 0 : 1],
      },
      new Set(['1', '2', '8']),
      0.01,
    );
    expect(widened.weights).toHaveLength(1);
    // The read groups' copy takes their positive sign, so the shared weight follows the unread group.
    expect(widened.weights[0]).toBeLessThan(0);
  });
});
