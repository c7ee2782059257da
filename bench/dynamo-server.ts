import { startEmbeddedDynamo } from '../lambda/store/embedded-dynamodb.js';

/*
 * The embedded DynamoDB in a process of its own, so a worker's CPU time and peak RSS are the pipeline's and
 * the handler's, not the database's (on AWS the table is remote too). Prints its endpoint, serves until its
 * stdin closes, then prints its own peak RSS in MB and exits. A folder as its argument persists the table there
 * (LevelDB), so a store ingested once can be served again (bench/cold-start.ts --store).
 */
const path = process.argv[2];
const dynamo = await startEmbeddedDynamo(path ? { path } : {});
process.stdout.write(`${dynamo.endpoint}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await dynamo.close();
  process.stdout.write(`${process.resourceUsage().maxRSS / 1024}\n`);
  process.exit(0);
});
