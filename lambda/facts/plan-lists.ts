import { countryMentions } from './countries.js';
import { stanceWords as S, words } from './lexicon.js';
import type { Sentence } from './sentences.js';
import type { CompiledTopics } from './topics.js';
import { actorMentions, openingSubject, type PeopleMentions } from './topics-parties.js';

/*
 * The owner of an enumeration: a plan or a set of demands introduced once, by a sentence that names
 * whose it is, then set out point by point. Positions and guarantors both read it.
 */

/** A bullet or a numbered point at the start of a sentence, or a number the sentence splitter cut off alone. */
const LIST_MARKER = /^\s*(?:[-\u2013\u2014\u2022*\u25aa]\s|\(?\d{1,2}[.)]\s)/u;
const BARE_NUMBER = /^\(?\d{1,2}[.)]$/u;
/** A point of a list set out without bullets, one a line, each ending with a semicolon. */
const SEMICOLON_END = /;\s*$/u;
/** What a list introduced by a colon sets out: a plan, its points, a document's terms. */
const PLAN_NOUN =
  /\b(?:document|memorandum|draft|plan|proposals?|text|points|framework|terms|conditions|demands|parameters|provisions)\b/iu;

/**
 * The owner of each point of a plan set out as a list: the sentence that introduces it ends with a colon
 * and names the plan ("The main points of the Ukrainian proposal are:"), or is said by the party that opens
 * it as its subject ("Moscow set out its terms:", "The Kremlin spokesman listed the conditions:"), or
 * names a document whose owner an earlier sentence gave ("The Russian memorandum … foresees …" then "the
 * document lists:"). Each bullet or numbered point that follows is that party's position, as far as the
 * list runs. Keyed by sentence index.
 */
export function planLists(
  sentences: readonly Sentence[],
  topics: CompiledTopics,
  people?: PeopleMentions,
  /** The headline, whose plan ("X's memorandum demands …") owns a list no sentence near it gives an owner. */
  title?: string | null,
): Map<number, string> {
  const owners = new Map<number, string>();
  ordinalLists(sentences, topics, owners);
  for (const [index, intro] of sentences.entries()) {
    if (!intro.text.trimEnd().endsWith(':') || !PLAN_NOUN.test(intro.text)) continue;
    // "Turkish mediators circulated the open points:" is nobody's plan, whatever plan an earlier sentence named.
    if (OUTSIDER_AT_START.test(intro.text.trimStart())) continue;
    const owner =
      proposalOwner(intro.text, topics) ??
      openingSubject(intro.text, topics, people) ??
      earlierProposalOwner(sentences, index, topics) ??
      (title ? proposalOwner(title, topics) : null);
    if (!owner) continue;
    for (let item = index + 1; item < sentences.length; item++) {
      const text = sentences[item]?.text ?? '';
      const before = sentences[item - 1]?.text.trim() ?? '';
      const afterNumber = BARE_NUMBER.test(before);
      // Points whose bullets the page lost still end with a semicolon, the last with a full stop.
      const semicolonItem = SEMICOLON_END.test(text) || (item > index + 1 && SEMICOLON_END.test(before));
      if (!LIST_MARKER.test(text) && !afterNumber && !BARE_NUMBER.test(text.trim()) && !semicolonItem) break;
      owners.set(item, owner);
    }
  }
  return owners;
}

/** A point of a list written out in sentences: "First, …", "Secondly, …", "Finally, …". */
const ORDINAL = new RegExp(String.raw`^\s*${words(S.ordinalOpeners)}\s*,`, 'iu');

/**
 * Points written out as sentences that open with an ordinal ("Russia set out three conditions. First, …
 * Second, …"): the sentence before the first point names the set (a plan noun) and whose it is, its proposal
 * or the party that acts in it. The list runs over its ordinal sentences, one unnumbered sentence between
 * two points included.
 */
function ordinalLists(sentences: readonly Sentence[], topics: CompiledTopics, owners: Map<number, string>): void {
  const isPoint = (at: number) => ORDINAL.test(sentences[at]?.text ?? '');
  for (const [index, intro] of sentences.entries()) {
    if (!isPoint(index + 1) || isPoint(index) || !PLAN_NOUN.test(intro.text)) continue;
    const owner = proposalOwner(intro.text, topics) ?? actorMentions(intro.text, topics)[0]?.id;
    if (!owner) continue;
    for (let item = index + 1; isPoint(item) || (isPoint(item + 1) && owners.has(item - 1)); item++) {
      if (isPoint(item)) owners.set(item, owner);
    }
  }
}

/** Whether a text opens as a point of a list: a bullet, a number ("2)") or an ordinal ("Second, …"). */
export const opensListItem = (text: string): boolean => LIST_MARKER.test(text) || ORDINAL.test(text);

export const proposalOwner = (text: string, topics: CompiledTopics) =>
  topics.partyMentions(text).find((m) => m.kind === 'proposal')?.id ?? null;

/** The party whose plan the article last named before `index`, within the five sentences before. */
export function earlierProposalOwner(
  sentences: readonly Sentence[],
  index: number,
  topics: CompiledTopics,
): string | null {
  for (let at = index - 1; at >= Math.max(0, index - 5); at--) {
    const owner = proposalOwner(sentences[at]?.text ?? '', topics);
    if (owner) return owner;
  }
  return null;
}

/** A plan noun that "the draft's clauses" or "the document" can point back to: not "position" or "demands". */
const PLAN_NOUN_AT = new RegExp(String.raw`(?<![\p{L}-])${words(S.planNouns)}(?![\p{L}])`, 'giu');
/** A mediator named right before the plan noun ("the American proposal", "a White House draft"). */
const OUTSIDER_BEFORE = new RegExp(
  String.raw`${words(S.thirdPartyOwners)}(?:['\u2019]s)?[\s-]+(?:[\p{L}-]+\s+){0,2}$`,
  'u',
);
/** A plan's author named after it: "the draft, brokered by …", "terms floated by …". */
const AUTHOR_AFTER = new RegExp(String.raw`^[^.;:]{0,30}?\b${words(S.thirdPartyOwnerVerbs)}\s+(?:the\s+)?`, 'iu');
const OUTSIDER_AT_START = new RegExp(String.raw`^${words(S.thirdPartyOwners)}(?![\p{L}])`, 'u');

/** Whose plan a text names: a configured party's, an outsider's (a mediator, a country that is no party), or nobody's. */
export type PlanOwner = { party: string } | 'outsider' | null;

/** The owner of the first plan noun in `text` that names one ("a Washington-written draft", "Moscow's memorandum"). */
export function planOwnerIn(text: string, topics: CompiledTopics): PlanOwner {
  const proposals = topics.partyMentions(text).filter((m) => m.kind === 'proposal');
  for (const noun of text.matchAll(PLAN_NOUN_AT)) {
    const end = noun.index + noun[0].length;
    const owned = proposals.find((m) => m.start <= noun.index && m.end >= end);
    if (owned) return { party: owned.id };
    if (outsiderOwns(text, noun.index, end, topics)) return 'outsider';
  }
  return null;
}

function outsiderOwns(text: string, start: number, end: number, topics: CompiledTopics): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const outsiderCountry = (mention: { country: string } | undefined) =>
    mention !== undefined && !topics.partyNames.includes(mention.country);
  const lastBefore = countryMentions(before).at(-1);
  if (
    OUTSIDER_BEFORE.test(before) ||
    (lastBefore && before.length - lastBefore.end < 25 && outsiderCountry(lastBefore))
  )
    return true;
  const after = text.slice(end, end + 90);
  const author = AUTHOR_AFTER.exec(after);
  if (!author) return false;
  const named = after.slice(author[0].length);
  const first = countryMentions(named)[0];
  return OUTSIDER_AT_START.test(named) || (first !== undefined && first.start < 12 && outsiderCountry(first));
}

/**
 * Whose plan "the draft's clauses" or "the document" points back to: the nearest plan named in the five
 * sentences before, or the title's. An outsider's plan (a mediator's draft) is no party's position.
 */
export function earlierPlanOwner(
  sentences: readonly Sentence[],
  index: number,
  title: string,
  topics: CompiledTopics,
): string | null {
  let owner: PlanOwner = null;
  for (let at = index - 1; at >= Math.max(0, index - 5) && !owner; at--)
    owner = planOwnerIn(sentences[at]?.text ?? '', topics);
  owner ??= planOwnerIn(title, topics);
  return owner === 'outsider' || !owner ? null : owner.party;
}
