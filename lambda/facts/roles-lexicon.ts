import * as z from 'zod/mini';
import rolesJson from './lexicon/roles.json' with { type: 'json' };
import { LexiconError } from './lexicon.js';

/*
 * lexicon/roles.json, validated once like every lexicon file: offices whose title stands for one country's government
 * (or an alliance), the roles a person is "sent to" a country in, and which offices are written as a title before their
 * holder's name. Read by people-affiliation.ts (the country an office gives) and speakers-lexicon.ts (title words).
 */

const Text = z.string().check(z.minLength(1));

export const RolesSchema = z.object({
  _about: z.string(),
  sentTo: z.object({ _about: z.string(), roles: z.array(Text) }),
  offices: z.array(
    z.object({
      role: Text,
      country: Text,
      contextual: z.optional(z.boolean()),
      notFollowedBy: z.optional(z.array(Text)),
      notPrecededBy: z.optional(z.array(Text)),
      title: z.optional(z.boolean()),
    }),
  ),
});
export type Roles = z.infer<typeof RolesSchema>;

/** Validates the roles lexicon's JSON: LexiconError, naming the file and what is wrong, when it does not fit. */
export function parseRoles(file: string, json: unknown): Roles {
  const result = RolesSchema.safeParse(json);
  if (!result.success) throw new LexiconError(`invalid lexicon ${file}:\n${z.prettifyError(result.error)}`);
  return result.data;
}

export const ROLES = parseRoles('lexicon/roles.json', rolesJson);
