/*
 * Why a shared link was not added, as a small closed set: the metric dimension of LinksRefused and the field
 * operators filter logs by. The sentence a user reads stays in the refusal's message; it can quote the link,
 * which may carry a token, so it is neither logged nor a dimension.
 */

/** Every reason a link is refused, in the order the fetcher checks them. */
export const LINK_REFUSALS = [
  'not-a-link',
  'host-not-found',
  'private-address',
  'too-many-redirects',
  'http-error',
  'not-text',
  'too-large',
  'timeout',
  'unreachable',
  'not-an-article',
] as const;

export type LinkRefusal = (typeof LINK_REFUSALS)[number];
