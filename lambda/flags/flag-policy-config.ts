import * as z from 'zod/mini';
import type { FlagPolicy } from './flag-book.js';

/** Flags hide a fact once this many people flag it, unless configured otherwise. */
export const DEFAULT_FLAG_THRESHOLD = 3;

const FlagEnvSchema = z.object({
  /** Slack user ids, comma-separated: `U012AB3CD,U045EF6GH`. */
  FLAG_REVIEWERS: z.optional(
    z
      .string()
      .check(
        z.regex(
          /^\s*([UW][A-Z0-9]+\s*(,\s*[UW][A-Z0-9]+\s*)*)?$/u,
          'FLAG_REVIEWERS must list Slack user ids, e.g. U012AB3CD,U045EF6GH',
        ),
      ),
  ),
  FLAG_THRESHOLD: z.optional(z.string().check(z.regex(/^[1-9]\d{0,3}$/u, 'FLAG_THRESHOLD must be a whole number ≥ 1'))),
});

/** Thrown when the flag settings in the environment are invalid: says which and how. */
export class FlagConfigError extends Error {
  override name = 'FlagConfigError';
}

/** The flag policy from the environment (set by the stack from its config, or by hand for `npm start`). */
export function flagPolicyFromEnv(env: NodeJS.ProcessEnv): FlagPolicy {
  const parsed = FlagEnvSchema.safeParse(env);
  if (!parsed.success) throw new FlagConfigError(z.prettifyError(parsed.error));
  const reviewers = (parsed.data.FLAG_REVIEWERS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return { reviewers, threshold: Number(parsed.data.FLAG_THRESHOLD ?? DEFAULT_FLAG_THRESHOLD) };
}
