/**
 * A shared link as logs may show it: scheme, host and path. The query string and fragment can carry a token
 * (a signed URL, a session id) and the user part a password, so they never reach a log record.
 */
export function linkForLog(link: string): string {
  try {
    const url = new URL(link);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(not a link)';
  }
}
