import * as z from 'zod/mini';
import { type FlagsContext, flagFeatures } from '../flags/flag-features.js';
import { flagPolicyFromEnv } from '../flags/flag-policy-config.js';
import { createFlagReader } from '../flags/flag-store.js';
import { postAnswerToChannel } from '../slack/post-to-channel.js';
import { storeConfig } from '../store/config.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { createDynamoDocuments } from '../store/dynamo-documents.js';
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
  /** @default the table named by TABLE_NAME */
  timeline?: TimelineReader;
  /** What hides or marks flagged facts. @default the flags in the same table, read only, under FLAG_REVIEWERS / FLAG_THRESHOLD */
  flags?: FlagsContext;
  botToken?: string;
  now?: () => Date;
  slackApiUrl?: string;
  env?: NodeJS.ProcessEnv;
}

/** The table the digest reads (set up once per container), for whatever the deps do not bring. */
function productionStores(deps: DigestDeps, env: NodeJS.ProcessEnv): { timeline: TimelineReader; flags: FlagsContext } {
  let table: ReturnType<typeof openTable> | undefined;
  const opened = () => {
    table ??= openTable();
    return table;
  };
  return {
    timeline: deps.timeline ?? createDynamoTalksStore(opened()),
    flags: deps.flags ?? {
      // Read only: the digest's role may get the flags' items, never write them (lib/constructs/talks-digest.ts).
      reader: createFlagReader(createDynamoDocuments(opened())),
      policy: flagPolicyFromEnv(env),
    },
  };
}

function openTable() {
  const config = storeConfig();
  return { client: createDynamoClient(config), ...config };
}

/** Posts what was first reported in the last period to the channel, or nothing when nothing is new. */
export function createDigestHandler(deps: DigestDeps = {}): () => Promise<{ posted: boolean }> {
  let stores: { timeline: TimelineReader; flags: FlagsContext } | undefined;
  return async () => {
    const rawEnv = deps.env ?? process.env;
    const env = DigestEnvSchema.parse(rawEnv);
    stores ??= productionStores(deps, rawEnv);
    const { timeline, flags } = stores;
    const now = (deps.now ?? (() => new Date()))();
    const answer = await digestAnswer(timeline, now, env.DIGEST_PERIOD_DAYS, flagFeatures(flags));
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
