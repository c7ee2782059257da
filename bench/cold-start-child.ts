import { pathToFileURL } from 'node:url';
import { benchLambdaContext, signedCommandEvent } from './slack-request.js';

/*
 * One cold start, in a fresh Node process: `node cold-start-child.mjs <bundle.mjs> <command text>`.
 * Prints one JSON line. Times are from performance.now(), whose origin is the process start, so
 * `bootMs` is Node's own start-up before this script runs (the same for every bundle).
 */

interface HandlerModule {
  handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body?: string }>;
}

const [bundle, text = 'help'] = process.argv.slice(2);
if (!bundle) throw new Error('usage: cold-start-child <bundle.mjs> [command text]');

// Signing is Slack's work: build the request before the clock starts.
const event = signedCommandEvent(text);
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const bootMs = performance.now();
const bootCpu = process.cpuUsage();
const module = (await import(pathToFileURL(bundle).href)) as HandlerModule;
const initMs = performance.now() - bootMs;
const initCpuMs = cpuMs(process.cpuUsage(bootCpu));
const answerStart = performance.now();
const answerCpu = process.cpuUsage();
const response = await module.handler(event, benchLambdaContext);
const firstAnswerMs = performance.now() - answerStart;
const firstAnswerCpuMs = cpuMs(process.cpuUsage(answerCpu));

process.stdout.write(
  `${JSON.stringify({
    bootMs,
    initMs,
    firstAnswerMs,
    initCpuMs,
    firstAnswerCpuMs,
    statusCode: response.statusCode,
    bodyBytes: response.body?.length ?? 0,
  })}\n`,
);
// The DynamoDB client keeps its connections alive; a Lambda container would be frozen here instead.
process.exit(0);
