import * as z from 'zod/mini';
import { postAnswerToChannel } from '../slack/post-to-channel.js';
import { storeConfig } from '../store/config.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { createDynamoTalksStore } from '../store/dynamo-talks-store.js';
import type { TimelineReader } from '../store/ports.js';
import { readSlackSecret } from '../store/secrets.js';
import { digestAnswer } from '../timeline/digest.js';

/** What the digest function is configured with (lib/constructs/talks-digest.ts sets it). */
const DigestEnvSchema = z.object({
  DIGEST_CHANNEL: z.string().check(z.regex(/^[CG][A-Z0-9]+$/, 'DIGEST_CHANNEL must be a Slack channel id')),
  DIGEST_PERIOD_DAYS: z.coerce.number().check(z.int(), z.minimum(1)),
  SLACK_SECRET_ARN: z.string().check(z.minLength(1)),
});

export interface DigestDeps {
  timeline?: TimelineReader;
  botToken?: string;
  now?: () => Date;
  slackApiUrl?: string;
  env?: NodeJS.ProcessEnv;
}

/** Posts what was first reported in the last period to the channel, or nothing when nothing is new. */
export function createDigestHandler(deps: DigestDeps = {}): () => Promise<{ posted: boolean }> {
  let store: TimelineReader | undefined = deps.timeline;
  return async () => {
    const env = DigestEnvSchema.parse(deps.env ?? process.env);
    store ??= createDynamoTalksStore({ client: createDynamoClient(storeConfig()), ...storeConfig() });
    const timeline = store;
    const answer = await digestAnswer(timeline, (deps.now ?? (() => new Date()))(), env.DIGEST_PERIOD_DAYS);
    if (!answer) return { posted: false };
    const token = deps.botToken ?? (await readSlackSecret(env.SLACK_SECRET_ARN)).botToken;
    await postAnswerToChannel(answer, {
      token,
      channel: env.DIGEST_CHANNEL,
      ...(deps.slackApiUrl ? { slackApiUrl: deps.slackApiUrl } : {}),
    });
    return { posted: true };
  };
}

export const handler = createDigestHandler();
