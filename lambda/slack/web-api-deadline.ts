/*
 * Slack waits 3 seconds for the HTTP response to an interaction and a `trigger_id` expires after 3 seconds
 * (https://docs.slack.dev/interactivity/handling-user-interaction#acknowledgment_response). On Lambda the
 * response leaves only once the listener is done, so every Web API call and follow-up inside a listener has a
 * deadline that together stay under that, and the Web API client never waits to retry.
 */

/** One Web API call inside a request (`views.open`). */
export const WEB_API_DEADLINE_MS = 1_200;

/** One follow-up to a response URL inside a request. */
export const REPLY_DEADLINE_MS = 1_200;

/**
 * The Web API client's options for calls inside a request: no retries (the default retries for 30 minutes),
 * a 429 rejected at once instead of waited out, and a timeout.
 */
export const WEB_API_CLIENT_OPTIONS = {
  retryConfig: { retries: 0 },
  rejectRateLimitedCalls: true,
  timeout: WEB_API_DEADLINE_MS,
} as const;

/** What the person is told when a Web API call failed, in one line that says what to do. */
export function webApiFailureText(error: unknown, what: string): string {
  const code = (error as { code?: string }).code;
  const slackError = (error as { data?: { error?: string } }).data?.error;
  if (code === 'slack_webapi_rate_limited_error')
    return `Slack is rate limiting this app, so ${what}. Nothing was changed: try again in a minute.`;
  if (code === 'slack_webapi_request_error' || code === 'slack_webapi_http_error')
    return `Slack did not answer in time, so ${what}. Nothing was changed: try again.`;
  if (slackError && /auth|token|account_inactive/u.test(slackError))
    return `The app has no working bot token, so ${what}. Nothing was changed: ask whoever runs the app to set SLACK_BOT_TOKEN.`;
  return `Slack refused the call${slackError ? ` (${slackError})` : ''}, so ${what}. Nothing was changed: try again.`;
}
