import * as z from 'zod/mini';
import { speakerKey } from '../facts/speaker-key.js';
import { type SpeakerEntry, SpeakerEntrySchema } from '../facts/views.js';
import { VIEW_LIMITS } from './limits.js';
import { rankSpeakers, takeWithinBytes } from './ranking.js';

/*
 * The name index: every known person filed under the folded surname of their name and of each alias
 * (`speakerKey`: "Torinsky", "Torinskiy" and "torinski" share one), one item a surname. `who` reads the few
 * items its words name, whatever the corpus size, where the directory (one item, ~2,000 people) stops.
 */

/** The people filed under one folded surname, ranked as the directory ranks them. */
export const NameShardSchema = z.object({ people: z.array(SpeakerEntrySchema) });
export type NameShard = z.infer<typeof NameShardSchema>;

/** Words of a typed name looked up at most: a name is rarely longer, and each is one key of the same request. */
const MAX_LOOKUP_WORDS = 4;

/** The surname keys a person is filed under: of their name and of every alias. */
export function nameKeysOf(person: { name: string; aliases: readonly string[] }): string[] {
  return [...new Set([person.name, ...person.aliases].map(speakerKey).filter((key) => key !== ''))];
}

/**
 * The surname keys to read for a typed name: its last word's (the surname as written), then every other
 * word's, for a name typed surname first ("Belensky Bohdan").
 */
export function lookupKeysOf(typed: string): string[] {
  const words = typed.split(/\s+/u).slice(0, MAX_LOOKUP_WORDS);
  return [...new Set([speakerKey(typed), ...words.map(speakerKey)].filter((key) => key !== ''))];
}

/**
 * The name items to write for the people a batch updated: each of their keys' stored item (every key a
 * person is filed under must be in `stored`, an empty shard for a new surname) with the person's entry
 * replaced. Past the byte budget (a surname shared by ~2,000 people) the least-quoted leave the item.
 */
export function updateNameShards(
  stored: ReadonlyMap<string, NameShard>,
  people: SpeakerEntry[],
): [string, NameShard][] {
  const updated = new Map<string, Map<string, SpeakerEntry>>();
  for (const person of people) {
    for (const key of nameKeysOf(person)) {
      const shard = stored.get(key);
      // Not read: writing it would drop everyone else filed there. Only an alias unknown to the read can get here.
      if (!shard) continue;
      const byKey = updated.get(key) ?? new Map(shard.people.map((p) => [p.key, p]));
      updated.set(key, byKey.set(person.key, person));
    }
  }
  return [...updated].map(([key, byKey]) => [
    key,
    { people: takeWithinBytes(rankSpeakers([...byKey.values()]), VIEW_LIMITS.bytes.nameShard) },
  ]);
}
