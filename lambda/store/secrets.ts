import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod/mini';
import { collectNodeBody } from './node-body-collector.js';

/** The Slack app's credentials as the stack's secret stores them (JSON). */
export const SlackSecretSchema = z.object({
  signingSecret: z.string().check(z.minLength(1, 'signingSecret is empty: the secret has not been set yet')),
  botToken: z.string().check(z.regex(/^xox[bp]-/, 'botToken must be a Slack token starting with xoxb- (or xoxp-)')),
});
export type SlackCredentials = z.infer<typeof SlackSecretSchema>;

/**
 * Thrown when the secret cannot be read or does not hold usable credentials. The message names the secret and
 * what is wrong, never a value: it ends up in logs.
 */
export class SlackSecretError extends Error {
  override name = 'SlackSecretError';
}

const HOW_TO_SET =
  'set it with: aws secretsmanager put-secret-value --secret-id <SlackSecretArn> ' +
  '--secret-string \'{"signingSecret":"...","botToken":"xoxb-..."}\' (docs/deploy.md)';

/** Validates a secret string. JSON.parse's own errors quote the input, so they are replaced, not wrapped. */
export function parseSlackSecret(secretId: string, secretString: string | undefined): SlackCredentials {
  if (!secretString) throw new SlackSecretError(`Slack secret ${secretId} has no string value; ${HOW_TO_SET}`);
  let json: unknown;
  try {
    json = JSON.parse(secretString);
  } catch {
    throw new SlackSecretError(`Slack secret ${secretId} is not JSON; ${HOW_TO_SET}`);
  }
  const parsed = SlackSecretSchema.safeParse(json);
  if (!parsed.success) {
    throw new SlackSecretError(
      `Slack secret ${secretId} is not usable:\n${z.prettifyError(parsed.error)}\n${HOW_TO_SET}`,
    );
  }
  return parsed.data;
}

/**
 * Returns a reader that fetches a secret once per container and then answers from memory: the Slack function
 * needs the signing secret on every request, and a Secrets Manager call costs a round trip and money.
 * A failed read is not cached, so setting the secret takes effect on the next request.
 */
export function createSlackSecretReader(
  client: SecretsManagerClient = new SecretsManagerClient({ streamCollector: collectNodeBody }),
): (secretId: string) => Promise<SlackCredentials> {
  const cache = new Map<string, Promise<SlackCredentials>>();
  return (secretId) => {
    let credentials = cache.get(secretId);
    if (!credentials) {
      credentials = client
        .send(new GetSecretValueCommand({ SecretId: secretId }))
        .then(({ SecretString }) => parseSlackSecret(secretId, SecretString));
      credentials.catch(() => cache.delete(secretId));
      cache.set(secretId, credentials);
    }
    return credentials;
  };
}

let defaultReader: ((secretId: string) => Promise<SlackCredentials>) | undefined;

/** Reads the Slack credentials from Secrets Manager (`SLACK_SECRET_ARN`), cached for the container's life. */
export function readSlackSecret(arn: string): Promise<SlackCredentials> {
  defaultReader ??= createSlackSecretReader();
  return defaultReader(arn);
}
