import { createHash } from 'node:crypto';
import { comparableText } from './text-normal-form.js';

/**
 * The article id: the first 16 hex digits of the SHA-256 of the body in comparable form, so the same
 * text read twice (or re-wrapped, or with other quote marks) gets the same id and re-ingesting is
 * idempotent. 64 bits keep collisions negligible for any corpus this bot will hold.
 */
export function articleId(body: string): string {
  return createHash('sha256').update(comparableText(body), 'utf8').digest('hex').slice(0, 16);
}
