/**
 * Slack signs a request with its send time and asks receivers to refuse any more than five minutes from
 * their clock, in either direction (https://docs.slack.dev/authentication/verifying-requests-from-slack).
 * Bolt 5.1 refuses old ones only; this check adds the other direction.
 */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** False for a timestamp too far ahead of now; a missing or malformed one is left to Bolt's own check. */
export function isNotFromTheFuture(timestampHeader: string | undefined, nowMs: number = Date.now()): boolean {
  if (timestampHeader === undefined) return true;
  const seconds = Number(timestampHeader);
  return !Number.isFinite(seconds) || seconds - nowMs / 1000 <= MAX_CLOCK_SKEW_SECONDS;
}
