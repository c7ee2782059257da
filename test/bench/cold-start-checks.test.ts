import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coldStartFailure } from '../../bench/cold-start-runs.js';
import type { ColdStartRun } from '../../bench/results.js';
import { readStoreMarker, storedCorpusMismatch, writeStoreMarker } from '../../bench/store-marker.js';

const run = (statusCode: number): ColdStartRun => ({
  bootMs: 20,
  initMs: 100,
  firstAnswerMs: 10,
  initCpuMs: 90,
  firstAnswerCpuMs: 9,
  statusCode,
  bodyBytes: 100,
  processMs: 150,
});

describe('coldStartFailure', () => {
  it('passes cold starts that all answered 200 and each read the secret', () => {
    expect(coldStartFailure([run(200), run(200)], 2)).toBeNull();
  });

  it('fails a series with an error answer, or with fewer secret reads than processes', () => {
    expect(coldStartFailure([run(200), run(401), run(500)], 3)).toBe(
      '2 of 3 Slack cold starts answered 401, 500, not 200',
    );
    expect(coldStartFailure([run(200), run(200)], 1)).toBe(
      'the Slack handler read its secret 1 times in 2 cold starts',
    );
  });
});

describe('the --store marker of bench/cold-start.ts', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('records the corpus a store holds and stops a run that asks for another', async () => {
    // Prepare: a store folder whose ingest of 10,000 articles finished.
    dir = await mkdtemp(join(tmpdir(), 'talks-store-marker-'));
    const store = join(dir, 'talks-10k');
    expect(await readStoreMarker(store)).toBeNull();
    await writeStoreMarker(store, { size: 10_000, seed: 20220329 });

    // Act
    const stored = await readStoreMarker(store);

    // Assess: the same corpus is served; --size 0 or another seed is refused, not timed on the 10,000.
    expect(stored).toEqual({ size: 10_000, seed: 20220329 });
    if (!stored) return;
    expect(storedCorpusMismatch(store, stored, { size: 10_000, seed: 20220329 })).toBeNull();
    expect(storedCorpusMismatch(store, stored, { size: 0, seed: 20220329 })).toMatch(
      /holds 10000 articles of seed 20220329, not the 0 of seed 20220329/u,
    );
    expect(storedCorpusMismatch(store, stored, { size: 10_000, seed: 1 })).not.toBeNull();
  });
});
