import { describe, expect, it } from 'vitest';
import { type BenchRun, checkTargets, renderReport, targets } from '../../bench/report.js';
import type { WorkerResult } from '../../bench/results.js';

/** An extraction run at `size` articles that reached `perCpuSecond` (and as many a second of wall time). */
const extractionAt = (size: number, perCpuSecond: number): WorkerResult => ({
  label: String(size),
  size,
  extract: {
    articles: size,
    corpusArticles: size,
    passes: 1,
    seconds: size / perCpuSecond,
    articlesPerSecond: perCpuSecond,
    mbPerSecond: 1,
    cpuSeconds: size / perCpuSecond,
    articlesPerCpuSecond: perCpuSecond,
    parseArticlesPerSecond: 5000,
    facts: { statements: 1, guarantors: 1, positions: 1, people: 1 },
    peakRssMB: 200,
  },
});

const runWith = (extractions: WorkerResult[]): BenchRun => ({
  machine: {
    cpu: 'test CPU',
    cores: 2,
    memoryGB: 4,
    node: 'v20',
    platform: 'linux',
    date: '2026-12-06T10:00:00Z',
    commit: 'abc1234',
    loadAverage: { start: 0.5, end: 0.5 },
  },
  largest: 1000,
  bundles: {},
  extractions,
  ingests: [],
  coldStartSummary: null,
  skipped: [],
});

const extractionCheck = (run: BenchRun) => checkTargets(run).find((c) => c.name.startsWith('extraction'));

describe('checkTargets: extraction', () => {
  it('warns when the slowest corpus meets the target with less than a quarter to spare in CPU time', () => {
    const run = runWith([extractionAt(100, 400), extractionAt(1000, targets.extractionPerSecond * 1.1)]);

    const check = extractionCheck(run);

    expect(check?.pass).toBe(true);
    expect(check?.warning).toMatch(/220 articles per CPU second, under 250/);
    const report = renderReport(run, checkTargets(run));
    expect(report).toContain('| ok, thin margin |');
    expect(report).toContain('**Warning**: extraction reaches 220 articles per CPU second');
  });

  it('neither warns with room to spare nor when the target is missed, which the report says already', () => {
    const roomy = extractionCheck(runWith([extractionAt(1000, 400)]));
    const missed = extractionCheck(runWith([extractionAt(1000, 150)]));

    expect(roomy).toMatchObject({ pass: true });
    expect(roomy?.warning).toBeUndefined();
    expect(missed).toMatchObject({ pass: false });
    expect(missed?.warning).toBeUndefined();
    const roomyRun = runWith([extractionAt(1000, 400)]);
    expect(renderReport(roomyRun, checkTargets(roomyRun))).not.toContain('Warning');
  });
});
