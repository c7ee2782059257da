import type { Node } from 'constructs';
import { z } from 'zod';

/**
 * Deploy-time settings, read once from CDK context (`cdk deploy -c stage=dev -c alarmEmail=ops@example.com`)
 * or from `cdk.json`'s `context`. Parsed here, trusted everywhere else.
 */
export const StackConfigSchema = z
  .object({
    /** Names the stack (`TalksBot-<stage>`) so several stages can live in one account. */
    stage: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,19}$/, 'use 1-20 lowercase letters, digits or dashes, starting with a letter')
      .default('prod'),
    /**
     * What happens to the table, the bucket, the secret and the logs when the stack is deleted.
     * `retain` keeps the data (the safe default); `destroy` suits throwaway stacks.
     * @default 'destroy' for the `dev` stage, 'retain' otherwise
     */
    removalPolicy: z.enum(['retain', 'destroy']).optional(),
    /** Where alarm notifications are emailed; without it the alarms still publish to the stack's SNS topic. */
    alarmEmail: z.email().optional(),
    /** Slack user ids (comma-separated) whose one flag hides a fact, and who confirm or restore flags. */
    flagReviewers: z
      .string()
      .regex(/^[UW][A-Z0-9]+(,[UW][A-Z0-9]+)*$/, 'list Slack user ids separated by commas, e.g. U012AB3CD,U045EF6GH')
      .optional(),
    /** How many people's flags hide a fact. @default 3 */
    flagThreshold: z.coerce.number().int().min(1).max(1000).default(3),
    /**
     * The Slack channel id (C… or G…) the digest of what is new is posted to. Without it there is no digest:
     * no schedule, no digest function, and the Slack app needs no `chat:write` scope.
     */
    digestChannel: z
      .string()
      .regex(/^[CG][A-Z0-9]{2,}$/, 'use the channel id (C012AB3CD, from the channel details), not its name')
      .optional(),
    /** Days between digests, and how far back each looks. @default 1 */
    digestPeriodDays: z.coerce.number().int().min(1).max(31).default(1),
  })
  .transform(({ stage, removalPolicy, alarmEmail, flagReviewers, flagThreshold, digestChannel, digestPeriodDays }) => ({
    stage,
    removalPolicy: removalPolicy ?? (stage === 'dev' ? 'destroy' : 'retain'),
    alarmEmail,
    flagReviewers: flagReviewers ? flagReviewers.split(',') : [],
    flagThreshold,
    digest: digestChannel ? { channel: digestChannel, periodDays: digestPeriodDays } : undefined,
  }));

export type StackConfig = z.output<typeof StackConfigSchema>;

/** Thrown when CDK context holds an invalid setting; the message names the setting and the fix. */
export class StackConfigError extends Error {
  override name = 'StackConfigError';
}

const CONTEXT_KEYS = [
  'stage',
  'removalPolicy',
  'alarmEmail',
  'flagReviewers',
  'flagThreshold',
  'digestChannel',
  'digestPeriodDays',
] as const;

/**
 * Reads the stack settings from CDK context. An empty string counts as unset, so
 * `-c alarmEmail=` switches the email off instead of failing validation.
 */
export function readStackConfig(node: Node): StackConfig {
  const raw = Object.fromEntries(
    CONTEXT_KEYS.map((key) => [key, node.tryGetContext(key)]).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  );
  const parsed = StackConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new StackConfigError(
      `Invalid CDK context for talks-bot (set it with -c key=value or in cdk.json):\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}
