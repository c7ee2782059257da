/**
 * `npm run eval`: extracts facts exactly as `talks extract --json` does and scores them with the shared
 * scorer (../shared/eval/score.mjs), beside the shared naive baseline (../shared/eval/baseline.mjs) scored on the
 * same folder, on these sets:
 *   - seed:  the seed corpus (../shared/corpus) and its gold labels;
 *   - dev:   the purpose-written development set (test/fixtures/dev-set/), see its README;
 *   - tune:  the tune half of the real set (test/fixtures/real-set/, see its README), when its articles and
 *            gold.json are present; a clean clone has neither, and says so;
 *   - blind: the blind half, only when asked for by name (`--set blind`): it is scored once, when the rules are done;
 *   - reserve: the reserve half, only when asked for by name (`--set reserve`), and only after the next round of
 *            rules is done (it then becomes the blind half).
 * Each report ends with the scorer's score line: `score: statements=F1 guarantors=F1 positions=F1 ungrounded=N/M`;
 * a table at the end puts the extractor's P/R/F1 beside the baseline's for every set scored.
 *
 * Options: `--verbose` lists every missed and extra fact; `--set seed|dev|tune|blind|reserve` scores one set
 * only; `--dir DIR` reads the tune, blind or reserve half from DIR (holding articles/ and gold.json) instead of
 * TALKS_REAL_SET_DIR/<half> (default test/fixtures/real-set/<half>).
 * Paths default to ../shared beside the checkout (TALKS_SHARED_DIR moves it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dedupeArticles, readArticlePaths } from '../lambda/articles/read-inputs.js';
import { extractCorpusFacts } from '../lambda/facts/extract.js';
import { SCORED_TOPICS, toPrediction } from '../lambda/facts/prediction.js';
import { defaultTopicsConfig } from '../lambda/facts/topics.js';
import { DEV_SET_ARTICLES, readDevSetGold } from './dev-set.js';
import {
  COMPARISON_HEADER,
  formatComparison,
  isSetScored,
  locateRealSetHalf,
  REAL_SET_HALVES,
  type RealSetHalf,
  realSetHalfDir,
  type ScoreReport,
  setOptionsOrExit,
} from './real-set.js';

const values = setOptionsOrExit(process.argv.slice(2));
const shared = resolve(process.env.TALKS_SHARED_DIR ?? '../shared');
const scorer = join(shared, 'eval', 'score.mjs');
const baseline = join(shared, 'eval', 'baseline.mjs');

const missing = [join(shared, 'corpus'), join(shared, 'eval', 'seed-gold.json'), scorer, baseline].filter(
  (p) => !existsSync(p),
);
if (missing.length) {
  console.error(
    `eval needs the shared scorer and seed set, which are not here: ${missing.join(', ')}\n` +
      'Set TALKS_SHARED_DIR to the folder holding corpus/ and eval/, or run `npm test`: ' +
      'test/facts/quality.test.ts scores the seed corpus and the dev set with its own matcher.',
  );
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'talks-eval-'));

/** Runs the shared scorer on one prediction file and returns its exit status and its JSON report. */
function score(goldFile: string, predictionFile: string, articlesDir: string, print: boolean) {
  const args = [scorer, '--gold', goldFile, '--pred', predictionFile, '--articles', articlesDir];
  if (print) {
    const run = spawnSync(process.execPath, [...args, ...(values.verbose ? ['--verbose'] : [])], { encoding: 'utf8' });
    process.stdout.write(run.stdout);
    process.stderr.write(run.stderr);
    if (run.status !== 0) return { status: run.status ?? 1, report: undefined };
  }
  const run = spawnSync(process.execPath, [...args, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) process.stderr.write(run.stderr);
  return { status: run.status ?? 1, report: run.status === 0 ? (JSON.parse(run.stdout) as ScoreReport) : undefined };
}

const comparison: string[] = [];

/** Extracts one folder's facts, scores them and the naive baseline against `goldFile`; returns the scorer's status. */
async function scoreSet(
  label: string,
  articlesDir: string,
  goldFile: string,
  topics: readonly string[] = SCORED_TOPICS,
): Promise<number> {
  const { articles, rejected } = await readArticlePaths([articlesDir]);
  for (const { file, reason } of rejected) console.error(`skipped ${file}: ${reason}`);
  const stored = dedupeArticles(articles);
  const started = performance.now();
  const facts = extractCorpusFacts(stored);
  const elapsed = performance.now() - started;
  const predictionFile = join(dir, `${label}-prediction.json`);
  writeFileSync(predictionFile, JSON.stringify(toPrediction(stored, facts, topics), null, 2));
  console.log(`# ${label} set: ${articlesDir}`);
  const extractor = score(goldFile, predictionFile, articlesDir, true);
  console.log(`extracted ${stored.length} articles in ${elapsed.toFixed(1)} ms`);

  const baselineRun = spawnSync(process.execPath, [baseline, articlesDir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (baselineRun.status !== 0) {
    process.stderr.write(baselineRun.stderr);
    return baselineRun.status ?? 1;
  }
  const baselineFile = join(dir, `${label}-baseline.json`);
  writeFileSync(baselineFile, baselineRun.stdout);
  const floor = score(goldFile, baselineFile, articlesDir, false);
  if (floor.report) {
    const { statements, guarantors, positions } = floor.report.perCategory;
    console.log(
      `baseline: statements=${statements.f1.toFixed(2)} guarantors=${guarantors.f1.toFixed(2)} positions=${positions.f1.toFixed(2)}\n`,
    );
  }
  if (extractor.report && floor.report) comparison.push(...formatComparison(label, extractor.report, floor.report));
  return Math.max(extractor.status, floor.status);
}

/**
 * Scores a real-set half when its articles and gold are present. A half that is absent is a message, not a
 * failure, unless it was asked for by name.
 */
async function scoreRealSetHalf(half: RealSetHalf): Promise<number> {
  const halfDir = realSetHalfDir(half, values.dir);
  const location = locateRealSetHalf(halfDir);
  if (!location.present) {
    console.log(`# ${half} set: not scored, ${location.reason}\n`);
    return values.set === half ? 2 : 0;
  }
  return scoreSet(half, location.articles, location.gold);
}

try {
  const statuses: number[] = [];
  const wanted = (set: string) => isSetScored(set, values.set);
  if (wanted('seed')) {
    statuses.push(await scoreSet('seed', join(shared, 'corpus'), join(shared, 'eval', 'seed-gold.json')));
  }
  if (wanted('dev')) {
    const devGold = join(dir, 'dev-gold.json');
    writeFileSync(devGold, JSON.stringify(readDevSetGold()));
    // The dev set labels positions on every configured topic (its README), not only the format's.
    const configured = defaultTopicsConfig.topics.map((topic) => topic.id);
    statuses.push(await scoreSet('dev', DEV_SET_ARTICLES, devGold, configured));
  }
  for (const half of REAL_SET_HALVES) if (wanted(half)) statuses.push(await scoreRealSetHalf(half));
  if (comparison.length) console.log([COMPARISON_HEADER, ...comparison].join('\n'));
  process.exitCode = Math.max(0, ...statuses);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
