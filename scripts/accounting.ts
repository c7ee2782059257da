/**
 * `npm run accounting`: the candidate accounting (scripts/candidate-accounting.ts) on the seed corpus, the dev
 * set and the tune half of the real set, or on one set (`--set seed|dev|tune|blind|reserve`; the blind and
 * reserve halves only by name, as `npm run eval` has them). For each set it prints how many of the naive
 * baseline's guarantor and position candidates the extractor kept, how many each rule rejected, and how many
 * of those the gold labels (the recall each rule costs). `--verbose` also prints every rejected candidate with
 * its sentence: use it only on sets you may read. `--dir DIR` reads a real-set half from DIR (articles/ and
 * gold.json) instead of TALKS_REAL_SET_DIR/<half>.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dedupeArticles, readArticlePaths } from '../lambda/articles/read-inputs.js';
import type { Gold } from '../test/facts/seed-scoring.js';
import { accountCandidates, type BaselineCandidates, formatAccounting } from './candidate-accounting.js';
import { DEV_SET_ARTICLES, readDevSetGold } from './dev-set.js';
import { isSetScored, locateRealSetHalf, REAL_SET_HALVES, realSetHalfDir, setOptionsOrExit } from './real-set.js';

const values = setOptionsOrExit(process.argv.slice(2));
const shared = resolve(process.env.TALKS_SHARED_DIR ?? '../shared');
const baseline = join(shared, 'eval', 'baseline.mjs');
const readGold = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Gold;

/** Runs the baseline on a folder and accounts for its candidates; returns an exit status. */
async function account(label: string, articlesDir: string, gold: Gold): Promise<number> {
  const run = spawnSync(process.execPath, [baseline, articlesDir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    return run.status ?? 1;
  }
  const { articles, rejected } = await readArticlePaths([articlesDir]);
  for (const { file, reason } of rejected) console.error(`skipped ${file}: ${reason}`);
  const accounting = accountCandidates(dedupeArticles(articles), JSON.parse(run.stdout) as BaselineCandidates, gold);
  console.log([`# ${label} set: ${articlesDir}`, ...formatAccounting(accounting, values.verbose), ''].join('\n'));
  return 0;
}

const statuses: number[] = [];
const wanted = (set: string) => isSetScored(set, values.set);
if (wanted('seed')) {
  statuses.push(await account('seed', join(shared, 'corpus'), readGold(join(shared, 'eval', 'seed-gold.json'))));
}
if (wanted('dev')) statuses.push(await account('dev', DEV_SET_ARTICLES, readDevSetGold()));
for (const half of REAL_SET_HALVES) {
  if (!wanted(half)) continue;
  const location = locateRealSetHalf(realSetHalfDir(half, values.dir));
  if (!location.present) {
    console.log(`# ${half} set: not accounted, ${location.reason}\n`);
    if (values.set === half) statuses.push(2);
    continue;
  }
  statuses.push(await account(half, location.articles, readGold(location.gold)));
}
process.exitCode = Math.max(0, ...statuses);
