import { stanceWords as S, words } from './lexicon.js';
import { citesConstitution, isPatient, namedInCondition, statesNoStance } from './position-rejections.js';
import { openingIndexed } from './regex-first-words.js';
import type { Sentence } from './sentences.js';
import type { CompiledTopics } from './topics.js';
import {
  actorMentions,
  framingHolders,
  isSayer,
  obligedParty,
  type PeopleMentions,
  partyNamedBy,
  replyingParties,
  stanceTakers,
  statesConditionalAct,
  statesPosition,
} from './topics-parties.js';

/*
 * Topics named only by a word pointing back. Wire copy states a demand with its regions once ("Moscow
 * wants Kyiv to hand over the two eastern regions") and answers it sentences later without naming them
 * again ("Kyiv has rejected these conditions", "the president says the country cannot give up its land").
 * The discourse state is the last sentence that stated a position on topics, with the parties holding it;
 * a later refusal or acceptance that points back to a demand, its conditions or the land inherits those
 * topics and gives the answering side's position on each.
 */

/** How far an answer may stand from the demand: a few sentences, or further within the demand's paragraph. */
const MAX_SENTENCES_ACROSS_PARAGRAPHS = 3;
const MAX_SENTENCES_IN_PARAGRAPH = 6;
/**
 * How far a stance restated on the land ("must leave these lands") may stand from the sentence naming it: nearer than
 * an answer, which a refusal word ties to the demand; a restatement has only its word pointing back.
 */
const MAX_SENTENCES_RESTATED = 2;

/**
 * A noun phrase standing for a demand, its conditions or the land it claims: "these conditions", "its land",
 * or land named bare ("ceding territory", "territorial concessions").
 */
const TOPIC_ANAPHOR = new RegExp(
  String.raw`\b(?:(?:${words(S.topicAnaphorDeterminers)}|\p{Lu}[\p{L}-]*['’]s)\s+(?:[\p{L}-]+\s+){0,2}?${words(S.topicAnaphorNouns)}|${words(S.bareTopicAnaphors, S.actionAnaphors)})(?![\p{L}])`,
  'iu',
);
/** A phrase that both points back and refuses: "there is nothing to discuss here". */
const POINTING_ANSWER = openingIndexed(new RegExp(String.raw`\b${words(S.pointingAnswers)}(?![\p{L}])`, 'iu'));
/** A refusal or acceptance of what the anaphor names: "rejected", "ruled out", "called … an ultimatum", "cannot give up". */
const ANSWER = openingIndexed(
  new RegExp(
    String.raw`\b${words(S.replyVerbs, S.replyWords, S.replyJudgements, S.anaphorAnswers, S.refusalNouns)}(?![\p{L}])`,
    'iu',
  ),
);
/** A refusal owned by a possessive: "the president's refusal to give up territory", "his refusal", "Kyiv's rejection". */
const POSSESSIVE_REFUSAL = new RegExp(
  String.raw`(?:\p{Lu}[\p{L}-]*['’]s|\b(?:his|her|its|their|the\s+${words(S.leaderRoles)}['’]s))\s+(?:\p{Ll}[\p{L}-]*\s+)?${words(S.refusalNouns)}(?![\p{L}])`,
  'u',
);

/**
 * Whose a possessive refusal is: the party or person named last before the possessive ("X criticised Y for his
 * refusal …" is Y's, "Kyiv's rejection" Kyiv's), or the side a pronoun stands for when the clause names no one before.
 */
function possessiveRefuser(
  clause: string,
  topics: CompiledTopics,
  people: PeopleMentions,
  pronoun: string | null,
): string | null | undefined {
  const refusal = POSSESSIVE_REFUSAL.exec(clause);
  if (!refusal) return undefined;
  const owner = [...topics.partyMentions(clause), ...people(clause)]
    .filter((m) => m.start <= refusal.index)
    .sort((a, b) => a.start - b.start)
    .at(-1);
  return owner?.id ?? (/^\p{Lu}/u.test(refusal[0]) ? null : pronoun);
}

/** The last sentence that stated a position on topics: the topics its answer inherits and the parties that hold them. */
export interface CarriedDemand {
  index: number;
  sentence: Sentence;
  topics: readonly string[];
  owners: ReadonlySet<string>;
  /** Already answered by a sentence pointing back: a later demand starts a new list rather than extending it. */
  answered: boolean;
}

/**
 * A carried demand, built here only: one object literal with every key set gives every demand one shape. Spread
 * copies (`{ ...demand, answered: true }`) and a key added to some demands only gave V8 objects of other shapes,
 * and each one it met first in the middle of a batch deoptimised `extractPositions` and its sentence readers.
 */
export const carriedDemand = (
  index: number,
  sentence: Sentence,
  topics: readonly string[],
  answered = false,
): Omit<CarriedDemand, 'owners'> => ({ index, sentence, topics, answered });

/**
 * The demand after a sentence naming `next.topics`: those topics, or, when the same side goes on with its demand
 * within reach ("Moscow wants Crimea recognised. The Kremlin also wants Kyiv out of Donetsk.", the points of a
 * list), the whole list, whose topics an answer pointing back inherits together. A sentence that names the
 * demand's places again, held by nobody, leaves the demand in place.
 */
export function continuedDemand(
  carried: Omit<CarriedDemand, 'owners'> | null,
  next: Omit<CarriedDemand, 'owners'>,
  holdersOf: (sentence: Sentence) => ReadonlySet<string>,
  body: string,
): Omit<CarriedDemand, 'owners'> {
  if (!carried || carried.answered || !reaches(carried, next.index, next.sentence, body)) return next;
  const before = holdersOf(carried.sentence);
  const now = holdersOf(next.sentence);
  // A sentence on the same places that no side holds goes on with the demand before it (background on the region, or
  // a further point whose owner is a pronoun): the demand stays, and reaches on from there.
  const samePlaces = next.topics.every((topic) => carried.topics.includes(topic));
  if (!now.size && before.size && samePlaces)
    return carriedDemand(next.index, carried.sentence, carried.topics, carried.answered);
  const sameSide = now.size > 0 && now.size === before.size && [...now].every((party) => before.has(party));
  return sameSide
    ? carriedDemand(next.index, next.sentence, [...new Set([...carried.topics, ...next.topics])], next.answered)
    : next;
}

/** Whether the sentence at `index` is near enough to the carried demand to point back to it. */
export function reaches(
  demand: Pick<CarriedDemand, 'index' | 'sentence'>,
  index: number,
  sentence: Sentence,
  body: string,
): boolean {
  const distance = index - demand.index;
  if (distance < 1) return false;
  if (distance <= MAX_SENTENCES_ACROSS_PARAGRAPHS) return true;
  return distance <= MAX_SENTENCES_IN_PARAGRAPH && !body.slice(demand.sentence.end, sentence.start).includes('\n');
}

/**
 * A clause whose subject is a personal pronoun ("He called these conditions an ultimatum"), or a quote that a
 * pronoun says ("\"There is nothing to discuss here,\" he said").
 */
const PRONOUN_SUBJECT = new RegExp(
  String.raw`^\s*(?:(?:and|but|so)\s+)?(?:he|she|they)\s|[,"”]\s*(?:he|she|they)\s+${words(S.sayingVerbs)}(?![\p{L}])`,
  'iu',
);

/** Whether a clause answers a demand it names only by pointing back ("Kyiv rejected these terms"). */
export function answersByPointingBack(clause: string): boolean {
  // The answer first: most clauses have none, and the anaphor's pattern is the dearer one.
  return POINTING_ANSWER.test(clause) || (ANSWER.test(clause) && TOPIC_ANAPHOR.test(clause));
}

/**
 * Who answers the carried demand in `clause`: the party or person taking the stance ("Kyiv rejected …"), the
 * agent of a passive reply ("… was rejected by the president"), the party framing it ("For Kyiv, such terms
 * are unacceptable"), the side speaking (a quoted official), or the side a pronoun subject stands for. Never
 * the demand's one holder.
 */
export function answeringParty(
  clause: string,
  demand: CarriedDemand,
  topics: CompiledTopics,
  people: PeopleMentions,
  /** The side a quoted speaker of the sentence speaks for, and the side a pronoun subject stands for. */
  context: { speaker: string | null; pronoun: string | null },
): string | null {
  const refuser = possessiveRefuser(clause, topics, people, context.pronoun);
  if (refuser !== undefined)
    return refuser && !(demand.owners.size === 1 && demand.owners.has(refuser)) ? refuser : null;
  const taker = stanceTakers(clause, topics, people).find((m) => statesPosition(clause, m, topics));
  const answer = ANSWER.exec(clause) ?? POINTING_ANSWER.exec(clause);
  // A party asked to act ("Washington urged Kyiv not to reject these terms") does not answer.
  const obliged = obligedParty(clause, topics);
  const framing = [...framingHolders(clause, topics, people), ...actorMentions(clause, topics, people)].find(
    (m) => answer && m.start < answer.index && !isPatient(clause, m, obliged),
  );
  const party =
    taker?.id ??
    replyingParties(clause, topics, people)[0]?.id ??
    framing?.id ??
    context.speaker ??
    (PRONOUN_SUBJECT.test(clause) ? context.pronoun : null);
  // A demand held by one side is answered by the other; a sentence holding both the demand and its refusal may be
  // answered again by either ("… a demand Kyiv rejected. … Kyiv has long said it will not cede territory.").
  return party && !(demand.owners.size === 1 && demand.owners.has(party)) ? party : null;
}

/**
 * The land itself pointed back to: "these lands", "its territory", "the remaining areas", "territory" bare. Not a
 * demand or its terms, which only an answer points back to, nor regions named with a capital ("the Kherson regions").
 */
const LAND_ANAPHOR = openingIndexed(
  new RegExp(
    String.raw`\b(?:${words(S.topicAnaphorDeterminers)}\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}?${words(S.landAnaphorNouns)}|${words(S.bareTopicAnaphors)})(?![\p{L}])`,
    'iu',
  ),
);
/** Whether a clause names the land pointing back or bare: "these lands", "its territory", "territorial concessions". */
export const pointsToLand = (clause: string): boolean => LAND_ANAPHOR.test(clause);

/** A zone set up on the disputed land, offered or demanded as a compromise: "a demilitarised zone", "a free economic zone". */
const ZONE = openingIndexed(new RegExp(String.raw`\b${words(S.zoneAnaphors)}(?![\p{L}])`, 'iu'));
/** The demanded act pointed back to: "as soon as Kyiv is ready to do this, we will stop". */
const ACTION_ANAPHOR = openingIndexed(new RegExp(String.raw`\b${words(S.actionAnaphors)}(?![\p{L}])`, 'iu'));
const PLAN_ANAPHORS = new RegExp(String.raw`\b${words(S.planAnaphors)}(?![\p{L}])`, 'giu');
/** A plan pointed back to as the clause's subject: "This proposal, which …, must go to a vote". */
const PLAN_SUBJECT = new RegExp(String.raw`^\s*(?:(?:and|but|yet)\s+)?${words(S.planAnaphors)}(?![\p{L}])`, 'iu');
/** A plan pointed back to: "this plan must go to a vote", "such an arrangement". */
const PLAN_ANAPHOR = openingIndexed(new RegExp(String.raw`\b${words(S.planAnaphors)}(?![\p{L}])`, 'iu'));
/** A compromise offered with a hedge or a condition: "could be set up", "is willing to consider … only if". */
const HEDGED_OFFER = openingIndexed(new RegExp(String.raw`\b${words(S.hedgedOffers)}(?![\p{L}])`, 'iu'));

/** Whether a clause offers or demands a zone, hedged or not: "a buffer zone could be set up there". */
export function offersZone(clause: string): boolean {
  return ZONE.test(clause) && (HEDGED_OFFER.test(clause) || !statesNoStance(clause));
}

/**
 * A sentence that attributes the one before to its speaker: "The president said this to reporters on Friday",
 * "He made these remarks after the summit".
 */
const SAID_THIS =
  /^\s*[^,;:"“”]{1,60}?\b(?:said|told|stated|made)\s+(?:this|that|so|these\s+remarks|the\s+remarks)\b/iu;

/** Whether the sentence at `index` is near enough to the carried topic to restate a stance on its land. */
export const reachesRestated = (carried: Pick<CarriedDemand, 'index'>, index: number): boolean =>
  index - carried.index <= MAX_SENTENCES_RESTATED;

/** Whether sentence text only attributes the sentence before ("The president said this to reporters."). */
export const attributesSentenceBefore = (text: string): boolean => SAID_THIS.test(text);

/**
 * Whether a clause states a stance on the carried topic's land while naming it only by a word pointing back or by a
 * zone on it: "Ukrainian troops must leave these lands", "a demilitarised zone could be set up only if others give
 * guarantees", "this plan must go to a vote". A zone may be offered with a hedge alone; anything else needs a want,
 * offer or refusal.
 */
export function restatesCarried(clause: string, quoted = false): boolean {
  // A condition or threat restates the demand only in the side's own quoted words ("\"If they do not pull back, we
  // will take it by force,\" he warned"): told by the writer, it mostly retells the demand already cited.
  if (offersZone(clause) || (quoted && statesConditionalAct(clause))) return true;
  // So does a side's constitution given as the ground of a refusal or claim, in the side's quoted words ("\"This
  // violates our constitution,\" he said") or pointing back to the land ("Kyiv's constitution forbids territorial
  // concessions"), after the demand.
  if (citesConstitution(clause) && (quoted || LAND_ANAPHOR.test(clause))) return true;
  if (LAND_ANAPHOR.test(clause) || ACTION_ANAPHOR.test(clause)) return !statesNoStance(clause);
  // "This proposal was first reported by …": the plan's own noun is no stance word ("propos…").
  return PLAN_ANAPHOR.test(clause) && !statesNoStance(clause.replace(PLAN_ANAPHORS, ' '));
}

/**
 * A clause whose subject is a pronoun or a leader's role ("He is willing to consider …", "The president said …"):
 * the person the article named last in a subject holds its stance.
 */
const PERSON_SUBJECT = new RegExp(
  String.raw`^\s*(?:(?:and|but|so|yet)\s+)?(?:${words(S.actorPronouns)}|the\s+${words(S.leaderRoles)})\s|[,"”]\s*(?:${words(S.actorPronouns)})\s+${words(S.sayingVerbs)}(?![\p{L}])`,
  'iu',
);

/** Whose constitution: "Ukraine's constitution", "the Ukrainian constitution", "the constitution of Ukraine". */
const CONSTITUTION_OWNER = /(?:([\p{L}-]+)(?:['\u2019]s)?\s+)?constitution\w*(?:\s+of\s+([\p{L}-]+))?/giu;

/** The side whose own constitution a clause gives as the ground of a stance ("Ukraine's constitution forbids it"). */
function constitutionOwner(clause: string, topics: CompiledTopics): string | null {
  if (!citesConstitution(clause)) return null;
  for (const owner of clause.matchAll(CONSTITUTION_OWNER)) {
    const party = (owner[1] && partyNamedBy(owner[1], topics)) || (owner[2] && partyNamedBy(owner[2], topics));
    if (party) return party;
  }
  return null;
}

/**
 * Who holds a stance restated on the carried topic: the party taking it as subject (not one asked to act, as in
 * "Ukrainian troops must leave these lands", nor one named in a condition), the party framing it, the side the
 * sentence's speaker speaks for, or the side of the person a pronoun or a leader's role stands for.
 */
export function restatingParty(
  clause: string,
  topics: CompiledTopics,
  people: PeopleMentions,
  context: { speaker: string | null; person: string | null; proposer?: string | null },
): string | null {
  const obliged = obligedParty(clause, topics);
  const takers = stanceTakers(clause, topics, people).filter(
    (m) => !isPatient(clause, m, obliged) && !namedInCondition(clause, m) && statesPosition(clause, m, topics),
  );
  // "The Ukrainian president said Volnov wanted the rest of the region": the one who wants it, not the one reporting it.
  const taker = takers.find((m) => !isSayer(clause, m)) ?? takers[0];
  const party =
    taker?.id ??
    constitutionOwner(clause, topics) ??
    framingHolders(clause, topics, people)[0]?.id ??
    context.speaker ??
    (PERSON_SUBJECT.test(clause) ? context.person : null) ??
    (PLAN_SUBJECT.test(clause) ? (context.proposer ?? null) : null);
  return party === obliged ? null : party;
}
