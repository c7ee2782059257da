// A namespace import lets esbuild drop what is unused; `import { z }` keeps every zod locale (~410 KB minified).
import * as z from 'zod/mini';

/*
 * Where the Slack credentials come from: on AWS, a Secrets Manager secret named by SLACK_SECRET_ARN; locally,
 * Bolt's usual SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN. Parsed once; messages name variables, never values.
 */

const NonEmpty = z.string().check(z.minLength(1));

const SlackEnvSchema = z
  .object({
    SLACK_SECRET_ARN: z.optional(NonEmpty),
    SLACK_SIGNING_SECRET: z.optional(NonEmpty),
    SLACK_BOT_TOKEN: z.optional(z.string().check(z.regex(/^xox[bp]-/, 'must be a Slack token starting with xoxb-'))),
  })
  .check(
    z.refine((env) => Boolean(env.SLACK_SECRET_ARN || env.SLACK_SIGNING_SECRET), {
      message:
        'set SLACK_SIGNING_SECRET (the Signing Secret on the Slack app\'s "Basic Information" page), or SLACK_SECRET_ARN on AWS',
      path: ['SLACK_SIGNING_SECRET'],
    }),
  );

export type SlackCredentialsSource =
  | { kind: 'secrets-manager'; secretArn: string }
  | { kind: 'environment'; signingSecret: string; botToken?: string };

/** Thrown when the environment holds no usable Slack credentials; the message says what to set. */
export class SlackConfigError extends Error {
  override name = 'SlackConfigError';
}

/** Reads where the credentials come from; SLACK_SECRET_ARN wins when both are set, as on AWS. */
export function slackCredentialsSource(env: NodeJS.ProcessEnv): SlackCredentialsSource {
  const parsed = SlackEnvSchema.safeParse(env);
  if (!parsed.success) throw new SlackConfigError(`Invalid Slack configuration:\n${z.prettifyError(parsed.error)}`);
  const { SLACK_SECRET_ARN, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN } = parsed.data;
  if (SLACK_SECRET_ARN) return { kind: 'secrets-manager', secretArn: SLACK_SECRET_ARN };
  return {
    kind: 'environment',
    signingSecret: SLACK_SIGNING_SECRET ?? '',
    ...(SLACK_BOT_TOKEN ? { botToken: SLACK_BOT_TOKEN } : {}),
  };
}
