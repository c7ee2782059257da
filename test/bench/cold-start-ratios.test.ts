import { describe, expect, it } from 'vitest';
import { pairedColdStartRatios, summarizeColdStarts } from '../../bench/report.js';
import type { ColdStartRun } from '../../bench/results.js';

function run(initMs: number, firstAnswerMs: number, cpuScale = 1): ColdStartRun {
  return {
    bootMs: 20,
    initMs,
    firstAnswerMs,
    initCpuMs: initMs * cpuScale,
    firstAnswerCpuMs: firstAnswerMs * cpuScale,
    statusCode: 200,
    bodyBytes: 100,
    processMs: initMs + firstAnswerMs + 40,
  };
}

describe('the cold-start summary of the bench', () => {
  it('compares each Slack process with the floor process run just before it', () => {
    // A busy moment slows both processes of a pair: run by run the ratio stays put where medians would not.
    const floor = [run(100, 5), run(200, 5), run(100, 5), run(300, 5)];
    const slack = [run(50, 40), run(100, 80), run(45, 45), run(150, 120, 0.5)];
    const ratios = pairedColdStartRatios(floor, slack);
    expect(ratios.pairs).toBe(4);
    expect(ratios.wall.median).toBeCloseTo(0.9);
    expect(ratios.wall.quartiles).toEqual([0.9, 0.9]);
    expect(ratios.cpu.quartiles[0]).toBeCloseTo(0.45);
  });

  it('pairs only the runs both bundles finished', () => {
    expect(pairedColdStartRatios([run(100, 5)], [run(50, 40), run(60, 40)]).pairs).toBe(1);
  });

  it('gives the quartiles of init + first answer, in wall and CPU time', () => {
    const summary = summarizeColdStarts([run(10, 1), run(20, 2), run(30, 3), run(40, 4)]);
    expect(summary.initPlusFirstAnswerMs).toBe(22);
    expect(summary.initPlusFirstAnswerQuartiles).toEqual([11, 33]);
    expect(summary.initPlusFirstAnswerCpuQuartiles).toEqual([11, 33]);
  });
});
