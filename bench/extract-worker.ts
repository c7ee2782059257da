import { writeFile } from 'node:fs/promises';
import { measureExtraction } from './extract-measure.js';
import type { WorkerJob } from './results.js';

/*
 * The extraction measurement as an entry of its own, which bench/run.ts bundles as the ingest function is bundled
 * (bench/bundle.ts, `bundleLambda`) and runs in a child process, as it runs bench/size-worker.ts for the rest.
 * Under tsx every function of the sources is wrapped for esbuild's keepNames and the loader's hooks stay up:
 * about a quarter more CPU time for the same extraction than the bundle production runs.
 */

const job = JSON.parse(process.argv[2] ?? '{}') as WorkerJob;
await writeFile(job.out, JSON.stringify(await measureExtraction(job)));
