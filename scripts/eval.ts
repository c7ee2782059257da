/**
 * `npm run eval`: extracts facts from the development corpus exactly as `talks extract --json` does and
 * scores them with the shared scorer (../shared/eval/score.mjs), printing its report. The last line is
 * the score line: `score: statements=F1 guarantors=F1 positions=F1 ungrounded=N/M`.
 *
 * Options: `--verbose` lists every missed and extra fact; paths default to ../shared beside the checkout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dedupeArticles, readArticlePaths } from '../lambda/articles/read-inputs.js';
import { extractCorpusFacts } from '../lambda/facts/extract.js';
import { toPrediction } from '../lambda/facts/prediction.js';

const shared = resolve(process.env.TALKS_SHARED_DIR ?? '../shared');
const corpus = join(shared, 'corpus');
const gold = join(shared, 'eval', 'seed-gold.json');
const scorer = join(shared, 'eval', 'score.mjs');

const missing = [corpus, gold, scorer].filter((path) => !existsSync(path));
if (missing.length) {
  console.error(
    `eval needs the shared development set, which is not here: ${missing.join(', ')}\n` +
      'Set TALKS_SHARED_DIR to the folder holding corpus/ and eval/, or run `npm test`: ' +
      'test/facts/quality.test.ts scores the same seed corpus from the fixtures shipped in test/.',
  );
  process.exit(2);
}

const { articles, rejected } = await readArticlePaths([corpus]);
for (const { file, reason } of rejected) console.error(`skipped ${file}: ${reason}`);
const stored = dedupeArticles(articles);
const started = performance.now();
const facts = extractCorpusFacts(stored);
const elapsed = performance.now() - started;

const dir = mkdtempSync(join(tmpdir(), 'talks-eval-'));
try {
  const predictionFile = join(dir, 'prediction.json');
  writeFileSync(predictionFile, JSON.stringify(toPrediction(stored, facts), null, 2));
  const extra = process.argv.includes('--verbose') ? ['--verbose'] : [];
  const run = spawnSync(
    process.execPath,
    [scorer, '--gold', gold, '--pred', predictionFile, '--articles', corpus, ...extra],
    { encoding: 'utf8' },
  );
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  console.log(`extracted ${stored.length} articles in ${elapsed.toFixed(1)} ms`);
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
