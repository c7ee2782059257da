import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import type { FlagPolicy } from '../flags/flag-book.js';
import { FlagConfigError, flagPolicyFromEnv } from '../flags/flag-policy-config.js';
import { startSlackHttpServer } from '../slack/http-server.js';
import { SlackConfigError, slackCredentialsSource } from '../slack/slack-config.js';
import { localTalksApp } from './local-app.js';
import { type LocalStore, openLocalStore } from './local-store.js';
import { quietSdkNodeVersionWarning } from './sdk-warning.js';
import { localStoreProblem } from './store-problems.js';

/*
 * `npm start`: the Slack app on http://127.0.0.1:3000/slack/events, answering from the local embedded
 * DynamoDB (the default corpus on first run), for a real Slack workspace through a tunnel.
 */

const ServeEnvSchema = z.object({
  PORT: z.optional(
    z
      .string()
      .check(
        z.refine((port) => /^\d{1,5}$/.test(port) && Number(port) <= 65535, 'PORT must be a port number, e.g. 3000'),
      ),
  ),
  /** 0.0.0.0 to accept connections from other machines (a tunnel on the same machine needs no change). */
  HOST: z.optional(z.string().check(z.minLength(1))),
});

export interface ServeOptions {
  port: number;
  host: string;
  signingSecret: string;
  botToken?: string;
}

/** Reads the server's settings; throws a SlackConfigError that says what to set. */
export function serveOptions(env: NodeJS.ProcessEnv): ServeOptions {
  const parsed = ServeEnvSchema.safeParse(env);
  if (!parsed.success) throw new SlackConfigError(`Invalid server configuration:\n${z.prettifyError(parsed.error)}`);
  // Locally the secret comes from the environment only: there is no Secrets Manager to read.
  const credentials = slackCredentialsSource({ ...env, SLACK_SECRET_ARN: undefined });
  if (credentials.kind !== 'environment') throw new SlackConfigError('SLACK_SIGNING_SECRET is required');
  return {
    port: Number(parsed.data.PORT ?? 3000),
    host: parsed.data.HOST ?? '127.0.0.1',
    signingSecret: credentials.signingSecret,
    ...(credentials.botToken ? { botToken: credentials.botToken } : {}),
  };
}

/** Why the server could not listen, in one line that says what to change. */
export function listenProblem(error: unknown, { host, port }: Pick<ServeOptions, 'host' | 'port'>): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return `Port ${port} on ${host} is in use: stop what uses it, or set PORT to another port.`;
  if (code === 'EACCES') return `Port ${port} needs privileges this user lacks: set PORT to a port above 1023.`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return `HOST ${host} is no address of this machine: set HOST to 127.0.0.1 or 0.0.0.0.`;
  return `The server could not listen on ${host}:${port}: ${(error as Error).message}`;
}

async function main(): Promise<void> {
  let options: ServeOptions;
  let policy: FlagPolicy;
  try {
    options = serveOptions(process.env);
    policy = flagPolicyFromEnv(process.env);
  } catch (error) {
    if (!(error instanceof SlackConfigError || error instanceof FlagConfigError)) throw error;
    process.stderr.write(
      `${error.message}\n\nExample: SLACK_SIGNING_SECRET=<your app's signing secret> npm start   (see README, "Slack": "Locally, with a real Slack app")\n`,
    );
    process.exit(2);
  }
  let local: LocalStore;
  let total: number;
  try {
    local = await openLocalStore();
    ({ total } = await local.store.listSources(1).catch(async (error) => {
      await local.close();
      throw error;
    }));
  } catch (error) {
    // Said as the CLI says it: the problem in one line, then what to do.
    const known = localStoreProblem(error);
    if (!known) throw error;
    process.stderr.write(`${known.problem}\n${known.recovery ? `${known.recovery}\n` : ''}`);
    process.exit(1);
  }
  let running: Awaited<ReturnType<typeof startSlackHttpServer>>;
  try {
    running = await startSlackHttpServer({ ...options, ...localTalksApp(local, { policy }) });
  } catch (error) {
    await local.close();
    process.stderr.write(`${listenProblem(error, options)}\n`);
    process.exit(1);
  }
  process.stdout.write(
    `talks-bot answers /talks from ${total} articles at ${running.eventsUrl}\n` +
      `Expose it with a tunnel (e.g. cloudflared tunnel --url http://${options.host}:${options.port}) and set the\n` +
      "Slack app's slash command Request URL to https://<tunnel host>/slack/events. Ctrl-C stops.\n",
  );
  const stop = async () => {
    await running.close();
    await local.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const isEntryPoint = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  quietSdkNodeVersionWarning();
  await main();
}
