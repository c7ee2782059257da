/**
 * `npm run eval`: extracts facts exactly as `talks extract --json` does and scores them with the shared
 * scorer (../shared/eval/score.mjs), on two sets:
 *   - seed: the seed corpus (../shared/corpus) and its gold labels;
 *   - dev:  the purpose-written development set (test/fixtures/dev-set/), see its README.
 * Each report ends with the scorer's score line: `score: statements=F1 guarantors=F1 positions=F1 ungrounded=N/M`.
 *
 * Options: `--verbose` lists every missed and extra fact; `--set seed|dev` scores one set only.
 * Paths default to ../shared beside the checkout (TALKS_SHARED_DIR moves it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dedupeArticles, readArticlePaths } from '../lambda/articles/read-inputs.js';
import { extractCorpusFacts } from '../lambda/facts/extract.js';
import { toPrediction } from '../lambda/facts/prediction.js';
import { DEV_SET_ARTICLES, readDevSetGold } from './dev-set.js';

const { values } = parseArgs({ options: { verbose: { type: 'boolean' }, set: { type: 'string' } } });
const shared = resolve(process.env.TALKS_SHARED_DIR ?? '../shared');
const scorer = join(shared, 'eval', 'score.mjs');

const missing = [join(shared, 'corpus'), join(shared, 'eval', 'seed-gold.json'), scorer].filter((p) => !existsSync(p));
if (missing.length) {
  console.error(
    `eval needs the shared scorer and seed set, which are not here: ${missing.join(', ')}\n` +
      'Set TALKS_SHARED_DIR to the folder holding corpus/ and eval/, or run `npm test`: ' +
      'test/facts/quality.test.ts scores the seed corpus and the dev set with its own matcher.',
  );
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'talks-eval-'));

/** Extracts one folder's facts, scores them against `goldFile` and returns the scorer's exit status. */
async function scoreSet(label: string, articlesDir: string, goldFile: string): Promise<number> {
  const { articles, rejected } = await readArticlePaths([articlesDir]);
  for (const { file, reason } of rejected) console.error(`skipped ${file}: ${reason}`);
  const stored = dedupeArticles(articles);
  const started = performance.now();
  const facts = extractCorpusFacts(stored);
  const elapsed = performance.now() - started;
  const predictionFile = join(dir, `${label}-prediction.json`);
  writeFileSync(predictionFile, JSON.stringify(toPrediction(stored, facts), null, 2));
  console.log(`# ${label} set: ${articlesDir}`);
  const run = spawnSync(
    process.execPath,
    [
      scorer,
      '--gold',
      goldFile,
      '--pred',
      predictionFile,
      '--articles',
      articlesDir,
      ...(values.verbose ? ['--verbose'] : []),
    ],
    { encoding: 'utf8' },
  );
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  console.log(`extracted ${stored.length} articles in ${elapsed.toFixed(1)} ms\n`);
  return run.status ?? 1;
}

try {
  const statuses: number[] = [];
  if (values.set !== 'dev') {
    statuses.push(await scoreSet('seed', join(shared, 'corpus'), join(shared, 'eval', 'seed-gold.json')));
  }
  if (values.set !== 'seed') {
    const devGold = join(dir, 'dev-gold.json');
    writeFileSync(devGold, JSON.stringify(readDevSetGold()));
    statuses.push(await scoreSet('dev', DEV_SET_ARTICLES, devGold));
  }
  process.exitCode = Math.max(0, ...statuses);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
