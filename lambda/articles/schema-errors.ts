import type { z } from 'zod/mini';

/** A zod error as one line for a rejection reason: "url: expected an http(s) URL; body: the article body is empty". */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
