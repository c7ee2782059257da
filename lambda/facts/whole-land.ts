import { memoizeByObject } from '../shared/memoize.js';
import { countryOfDemonym, countryOfWord } from './people-affiliation.js';
import type { Sentence } from './sentences.js';
import {
  atPhraseStart,
  type CompiledTopics,
  type Mention,
  type PatternSet,
  patternSet,
  phrasesAhead,
  phrasesSource,
  setMatches,
  withOpening,
} from './topics.js';

/*
 * The land in dispute named as a whole. Reports on a side's claim or refusal often name no region at all where the
 * stance is stated ("Kyiv will never recognise the occupied territories as Russian", "recognition of the annexed
 * regions is a precondition"), having named the regions elsewhere in the article. Such a phrase stands for every
 * disputed topic the article names (config `wholeLand`): knowledge carried across the article rather than from the
 * sentence before, so it holds however far the regions were named. The land named by an adjective before a noun of its
 * dispute ("territorial concessions", "its territorial integrity") stands for the regions named last before it
 * (`disputedBefore`). An article that names none of them gets no topic from it, and a phrase tied to another place
 * ("the occupied areas in the north", "captured land near Tarsk") is no whole.
 */

interface WholeLandPatterns {
  topics: readonly string[];
  /**
   * Every phrase in a body, searched once per article that names a topic of `topics`, only where a qualifier's first
   * word stands: as one case-insensitive regex over the body it was tried at nearly every position (about 3% of
   * extraction's time). The body's runs of letters are read already, for its topic mentions, so this search costs less
   * than the test of a qualifier's last word anywhere in the body that came before it did.
   */
  phrase: PatternSet;
}

const patternsOf = memoizeByObject((topics: CompiledTopics): WholeLandPatterns | null => {
  const config = topics.config.wholeLand;
  if (!config) return null;
  const known = new Set(topics.topics.map((t) => t.id));
  return {
    topics: config.topics.filter((id) => known.has(id)),
    phrase: patternSet([
      withOpening({
        id: 'whole-land',
        // Opening with the words, not a lookbehind, so that their first words can be read; the start is checked in code.
        regex: new RegExp(
          String.raw`${phrasesAhead(config.qualifiers)}\s+(?:\p{L}[\p{L}-]*\s+)?${phrasesSource(config.nouns)}(?![\p{L}\p{N}])(?!\s+(?:in|near|around|outside)\s)`,
          'giu',
        ),
        startsAt: atPhraseStart,
      }),
      ...(config.landAdjectives?.length && config.disputeNouns?.length
        ? [
            withOpening({
              id: 'land-dispute',
              regex: new RegExp(
                // Tied to another place ("territorial claims in Transcarpathia") it is no dispute over these regions.
                String.raw`${phrasesAhead(config.landAdjectives)}\s+${phrasesSource(config.disputeNouns)}(?![\p{L}\p{N}])(?!\s+(?:in|near|around|outside)\s)`,
                'giu',
              ),
              startsAt: atPhraseStart,
            }),
          ]
        : []),
    ]),
  };
});

/**
 * The mentions a body's whole-land phrases make: one per disputed topic the article names (in `named`, the body's
 * own topic mentions, or in its title, or in `elsewhere`: those the rest of the article names when `body` is its
 * headline), at the phrase's offsets. Empty when the article names none of them. `sentences` are the body's.
 */
export function wholeLandMentions(
  body: string,
  sentences: readonly Sentence[],
  title: string | null,
  named: readonly Mention[],
  topics: CompiledTopics,
  elsewhere: readonly string[] = [],
): LandMention[] {
  const patterns = patternsOf(topics);
  if (!patterns) return [];
  const inTitle = title ? topics.topicsIn(title) : [];
  const land = patterns.topics.filter(
    (id) => inTitle.includes(id) || elsewhere.includes(id) || named.some((m) => m.id === id),
  );
  if (!land.length) return [];
  const found: LandMention[] = [];
  const [whole, dispute] = setMatches(patterns.phrase, body);
  for (const { start, end } of whole ?? []) {
    for (const id of land) found.push({ id, start, end });
  }
  for (const { start, end } of dispute ?? []) {
    if (ownedByThirdCountry(body, start, topics)) continue;
    for (const id of disputedBefore(sentences, start, named, land)) found.push({ id, start, end, byDisputeNoun: true });
  }
  return found;
}

/**
 * A topic mention that stands for the land only through a noun of its dispute ("territorial concessions"), marked on
 * the mention itself: a module-level registry of such mentions would outlive the article in a warm Lambda.
 */
export interface LandMention extends Mention {
  byDisputeNoun?: true;
}

/** Whether a mention stands for the land only through a noun of its dispute ("territorial concessions"). */
export const isDisputeMention = (mention: Mention): boolean =>
  'byDisputeNoun' in mention && mention.byDisputeNoun === true;

/** The capitalised word right before a phrase, possessive included ("Hungarian", "Hungary's"). */
const OWNER_BEFORE = /(\p{Lu}[\p{L}.]*(?:['\u2019]s)?)\s+$/u;
/** A possessive ("Hungary's") or an abbreviation used as an adjective ("US", "EU"). */
const OWNER_FORM = /['\u2019]s$|^[\p{Lu}.]+$/u;

/**
 * Whether the dispute noun at `at` is a third country's ("Hungarian territorial claims", "Hungary's territorial
 * integrity"): a country's name or adjective right before it that is no side of the dispute. Such a dispute is over
 * that country's land, not the regions the article names; a side's own ("Ukrainian territorial integrity", "Kyiv's
 * territorial claims") still is.
 */
function ownedByThirdCountry(body: string, at: number, topics: CompiledTopics): boolean {
  const owner = OWNER_BEFORE.exec(body.slice(Math.max(0, at - 40), at))?.[1];
  // Only a possessive, an adjective or an abbreviation owns the noun: a country's bare name or seat right before it is
  // a verb's object ("Kyiv told Germany territorial concessions are off the table").
  const owns = owner !== undefined && (OWNER_FORM.test(owner) || countryOfDemonym(owner) !== null);
  const country = owns ? countryOfWord(owner) : null;
  return country !== null && !topics.partyNames.includes(country);
}

/**
 * The regions a dispute noun ("territorial concessions", "Kyiv's territorial integrity") stands for: those its own
 * sentence names, before or after it ("he ruled out territorial concessions and said Kyiv must leave the Donbas"), or
 * else those of the last sentence naming one before it, since an article on one region that mentions another in
 * passing disputes the one it is on at that point; every region of the article when none is named before it (a
 * headline, a lead).
 */
function disputedBefore(
  sentences: readonly Sentence[],
  at: number,
  named: readonly Mention[],
  land: readonly string[],
): readonly string[] {
  const own = sentences.find((s) => s.start <= at && at < s.end);
  const ownRegions = own ? named.filter((m) => m.start >= own.start && m.end <= own.end && land.includes(m.id)) : [];
  if (ownRegions.length) return [...new Set(ownRegions.map((m) => m.id))];
  const before = named.filter((m) => m.end <= at && land.includes(m.id));
  const last = before.at(-1);
  if (!last) return land;
  const sentenceStart = sentences.findLast((s) => s.start <= last.start)?.start ?? 0;
  return [...new Set(before.filter((m) => m.start >= sentenceStart).map((m) => m.id))];
}
