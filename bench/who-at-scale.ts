import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createFlagStore } from '../lambda/flags/flag-store.js';
import { createDynamoClient } from '../lambda/store/dynamo-client.js';
import { createDynamoDocuments } from '../lambda/store/dynamo-documents.js';
import { createDynamoTalksStore } from '../lambda/store/dynamo-talks-store.js';
import { meterDynamoUsage } from '../lambda/store/dynamo-usage.js';
import { ensureTable } from '../lambda/store/table.js';
import { delegatesCorpus, delegateWords } from './delegates-corpus.js';
import { startDynamoProcess } from './dynamo-process.js';
import { inventedPerson } from './invented-names.js';
import { benchLambdaContext, signedCommandEvent } from './slack-request.js';
import { buildSlackHandler } from './slack-under-test.js';
import { type LatencySummary, summarize } from './stats.js';
import { formatNumber, markdownTable } from './table.js';

/*
 * `npm run bench:who`: `who` on a corpus of many speakers (100,000 by default), apart from `npm run bench`
 * because building it takes minutes. Delegates are generated as facts (bench/delegates-corpus.ts) and
 * applied through the store, 400 an article as in issue 18's report; then `who` is asked through the Slack
 * handler (signatures, flags and rendering included) for random people by full name and by surname, and for
 * names nobody has, as bench/size-worker.ts measures the other commands. Writes bench/who-at-scale.json.
 */

const TABLE_NAME = 'talks-bench-who';
const { values: args } = parseArgs({
  options: {
    speakers: { type: 'string', default: '100000' },
    'per-article': { type: 'string', default: '400' },
    'articles-per-round': { type: 'string', default: '25' },
    calls: { type: 'string', default: '500' },
    warmup: { type: 'string', default: '25' },
    seed: { type: 'string', default: '20261206' },
    out: { type: 'string', default: join(import.meta.dirname, 'who-at-scale.json') },
  },
});
const speakers = Number(args.speakers);
const calls = Number(args.calls);
const warmup = Number(args.warmup);

/** A seeded generator (mulberry32): the same people are asked on every run. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const random = randomFrom(Number(args.seed));

const dynamo = await startDynamoProcess();
const client = createDynamoClient({ endpoint: dynamo.endpoint });
await ensureTable(client, TABLE_NAME);
const store = createDynamoTalksStore({ client, tableName: TABLE_NAME });
const counter = meterDynamoUsage(client);

const buildStart = performance.now();
let built = 0;
for (const { articles, facts } of delegatesCorpus(
  speakers,
  Number(args['per-article']),
  Number(args['articles-per-round']),
)) {
  await store.storeArticles(articles);
  await store.applyFacts(facts, articles);
  built += facts.reduce((sum, f) => sum + f.people.length, 0);
  process.stderr.write(`\r  ${built} speakers stored in ${formatNumber((performance.now() - buildStart) / 1000)} s   `);
}
const buildSeconds = (performance.now() - buildStart) / 1000;
// What the directory item costs a read on its own: read units count the item as stored (its JSON deflated), not its
// JSON, so a directory at its 300 KB budget costs a few units, not the ~37 its JSON's size would.
counter.reset();
const directory = await store.getSpeakerDirectory();
const directoryRead = {
  jsonKB: Buffer.byteLength(JSON.stringify(directory)) / 1000,
  readUnits: counter.usage().readUnits,
};
process.stderr.write(
  `\n  ${speakers} speakers in ${formatNumber(buildSeconds)} s; the directory lists ${directory.speakers.length}\n`,
);

const handler = buildSlackHandler(store, createFlagStore(createDynamoDocuments({ client, tableName: TABLE_NAME })));

interface Case {
  label: string;
  /** The name to ask for the `n`th delegate, and the words its answer must (or must not) show. */
  ask: (n: number) => { text: string; expect: string; found: boolean };
}
const cases: Case[] = [
  {
    label: 'who <full name>',
    ask: (n) => ({ text: inventedPerson(n).fullName, expect: delegateWords(n), found: true }),
  },
  { label: 'who <surname>', ask: (n) => ({ text: inventedPerson(n).surname, expect: delegateWords(n), found: true }) },
  {
    // One letter off a stored surname: answered with nobody, never with that person.
    label: 'who <name one letter off>',
    ask: (n) => ({ text: `${inventedPerson(n).fullName.slice(0, -2)}av`, expect: delegateWords(n), found: false }),
  },
];

interface CaseResult {
  label: string;
  latency: LatencySummary;
  requests: { max: number; mean: number };
  /** Read units consumed (ReturnConsumedCapacity), mean a call. */
  readUnits: number;
  /** CPU time of this process a call (the embedded DynamoDB runs in its own): steadier than latency on a busy machine. */
  cpu: LatencySummary;
  /** Answers that did not show the person asked for (found cases), or showed them (one letter off). */
  wrong: number;
}

const results: CaseResult[] = [];
for (const { label, ask } of cases) {
  const asked = Array.from({ length: warmup + calls }, () => ask(Math.floor(random() * speakers)));
  // Signed before the clock starts: Slack's work, not ours.
  const events = asked.map((a) => signedCommandEvent(`who ${a.text}`));
  const latencies: number[] = [];
  const requests: number[] = [];
  const readUnits: number[] = [];
  const cpu: number[] = [];
  let wrong = 0;
  for (const [i, event] of events.entries()) {
    counter.reset();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const response = await handler(event, benchLambdaContext);
    const elapsed = performance.now() - start;
    const cpuUsed = process.cpuUsage(cpuStart);
    if (i < warmup) continue;
    latencies.push(elapsed);
    requests.push(counter.usage().requests);
    readUnits.push(counter.usage().readUnits);
    cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
    const { expect, found } = asked[i] as ReturnType<Case['ask']>;
    if (response.statusCode !== 200 || (response.body ?? '').includes(expect) !== found) wrong++;
  }
  results.push({
    label,
    latency: summarize(latencies),
    requests: { max: Math.max(...requests), mean: requests.reduce((s, r) => s + r, 0) / requests.length },
    readUnits: readUnits.reduce((s, r) => s + r, 0) / readUnits.length,
    cpu: summarize(cpu),
    wrong,
  });
}
await dynamo.close();

const table = markdownTable(
  [
    'command',
    'calls',
    'p50 ms',
    'p99 ms',
    'max ms',
    'CPU ms p50 / p99',
    'DynamoDB requests (max / mean)',
    'read units',
    'wrong answers',
  ],
  results.map((r) => [
    r.label,
    String(r.latency.calls),
    formatNumber(r.latency.p50),
    formatNumber(r.latency.p99),
    formatNumber(r.latency.max),
    `${formatNumber(r.cpu.p50)} / ${formatNumber(r.cpu.p99)}`,
    `${r.requests.max} / ${formatNumber(r.requests.mean)}`,
    formatNumber(r.readUnits),
    String(r.wrong),
  ]),
);
console.log(
  `\n### who on ${formatNumber(speakers)} speakers (built in ${formatNumber(buildSeconds)} s; directory lists ${formatNumber(directory.speakers.length)})\n\n${table}\n\n` +
    `The directory item alone: ${formatNumber(directoryRead.jsonKB)} KB of JSON, ${formatNumber(directoryRead.readUnits)} read units a read.`,
);
await writeFile(
  args.out,
  JSON.stringify(
    { speakers, buildSeconds, directoryListed: directory.speakers.length, directoryRead, results },
    null,
    2,
  ),
);
process.exit(0);
