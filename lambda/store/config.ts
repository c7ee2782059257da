import * as z from 'zod/mini';

/** What the store needs from the environment; parsed once per container (see `storeConfig`). */
export const StoreEnvSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1, 'TABLE_NAME must name the DynamoDB table')),
  /** Set locally (embedded DynamoDB, DynamoDB Local); unset on AWS, where the SDK finds the regional endpoint. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  AWS_REGION: z.optional(z.string().check(z.minLength(1))),
});

export interface StoreConfig {
  tableName: string;
  endpoint?: string;
  region?: string;
}

/** Thrown when the environment does not describe a usable table: a clear message instead of a late SDK error. */
export class StoreConfigError extends Error {
  override name = 'StoreConfigError';
}

/** Parses the store's environment variables; throws a `StoreConfigError` naming each bad variable. */
export function parseStoreConfig(env: NodeJS.ProcessEnv): StoreConfig {
  const parsed = StoreEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new StoreConfigError(`Invalid store environment:\n${z.prettifyError(parsed.error)}`);
  }
  const { TABLE_NAME, DYNAMODB_ENDPOINT, AWS_REGION } = parsed.data;
  return {
    tableName: TABLE_NAME,
    ...(DYNAMODB_ENDPOINT ? { endpoint: DYNAMODB_ENDPOINT } : {}),
    ...(AWS_REGION ? { region: AWS_REGION } : {}),
  };
}

let cached: StoreConfig | undefined;

/** The store configuration of this container, read from `process.env` on first use. */
export function storeConfig(): StoreConfig {
  cached ??= parseStoreConfig(process.env);
  return cached;
}
