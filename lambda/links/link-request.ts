import * as z from 'zod/mini';
import { MAX_LINKS } from '../answers/link-text.js';

/** What the Slack function hands the link worker: the links, and where to reply. */
export const LinkRequestSchema = z.object({
  links: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(MAX_LINKS)),
  /** The command's or shortcut's `response_url`: valid for 30 minutes, 5 replies. */
  responseUrl: z.url(),
  /** Who asked, for the worker's log. */
  userId: z.optional(z.string()),
});
export type LinkRequest = z.infer<typeof LinkRequestSchema>;

/** Hands a request to the worker without waiting for it: Slack wants its answer within 3 seconds. */
export interface LinkJobs {
  submit(request: LinkRequest): Promise<void>;
}
