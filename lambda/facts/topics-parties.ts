import { memoizeByObject, memoizeByString } from '../shared/memoize.js';
import type { Person, Statement } from './fact.js';
import { actorWords as A, stanceWords as S, words } from './lexicon.js';
import { countryOfDemonym } from './people-affiliation.js';
import { namedInCondition, QUOTE_MARK } from './position-rejections.js';
import { openingIndexed, type TextTest } from './regex-first-words.js';
import { coreStart } from './sentence-opening.js';
import type { Sentence } from './sentences.js';
import { withoutTurnLabel } from './statements-transcript.js';
import { atPhraseStart, type CompiledTopics, type PartyMention, phrasesAlternatives, phrasesSource } from './topics.js';

/*
 * Who acts in a sentence: which configured party (Russia, Ukraine) is the subject of a clause that
 * wants, offers, refuses or says something, and which party a quoted speaker speaks for. Shared by
 * positions (whose position) and guarantors (whose proposal).
 */

/**
 * A party named after one of these is an object or a complement, not the one who acts:
 * "talks with Russia", "guarantees from Russia", "recognition by Kyiv", "Russia and Ukraine".
 */
const GOVERNED =
  /\b(?:from|by|to|for|of|with|against|between|and|on|in|at|toward|towards|over|about|into|than|like|as|near|around|within|across|under|upon|via)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?$/iu;

/** Finds the people of an article who speak for a party, as party mentions ("Torinsky insisted …" is Russia). */
export type PeopleMentions = (text: string) => PartyMention[];

/**
 * The article's people with a party affiliation, by full name, alias and surname: a person who speaks
 * for a party states its position as much as "Russian negotiators" do.
 */
export function peopleMentions(people: readonly Person[], topics: CompiledTopics): PeopleMentions {
  // Positions and guarantors of one article ask for the same people: compile their names once.
  const cached = compiledPeople.get(people);
  if (cached?.topics === topics) return cached.find;
  const find = compilePeople(people, topics);
  compiledPeople.set(people, { topics, find });
  return find;
}

const compiledPeople = new WeakMap<readonly Person[], { topics: CompiledTopics; find: PeopleMentions }>();

function compilePeople(people: readonly Person[], topics: CompiledTopics): PeopleMentions {
  const byName = new Map<string, string>();
  for (const person of people) {
    if (!person.affiliation || !topics.partyNames.includes(person.affiliation)) continue;
    for (const name of [person.name, ...person.aliases]) {
      for (const form of [name, name.split(/\s+/u).at(-1) ?? ''])
        if (/\p{Lu}/u.test(form)) byName.set(form, person.affiliation);
    }
  }
  if (!byName.size) return () => [];
  const names = [...byName.keys()];
  // Finds what `phrasesSource(names)` finds, faster. That regex opens with a lookbehind, which makes V8
  // try it at every position of every sentence, and its \p{L}\p{N} lookarounds cost ~0.4 ms each to
  // compile, once per article (together ~10% of extraction). This one starts with the names and has no
  // lookaround: the boundaries are tested in code at each match.
  const fast = new RegExp(phrasesAlternatives(names), 'gu');
  let exact: RegExp | undefined;
  const mention = (m: RegExpExecArray): PartyMention => {
    const end = m.index + m[0].length;
    // "Volnov's demand", "the premier's offer": a person's proposal is their side's, as "Russia's demand" is.
    const apostrophe = m.input[end];
    const proposal =
      apostrophe === "'" || apostrophe === '\u2019' ? PERSON_PROPOSAL.exec(m.input.slice(end, end + 60)) : null;
    return proposal
      ? { id: byName.get(m[0]) ?? '', start: m.index, end: end + proposal[0].length, kind: 'proposal' }
      : { id: byName.get(m[0]) ?? '', start: m.index, end, kind: 'member' };
  };
  return (text) => {
    const found: PartyMention[] = [];
    fast.lastIndex = 0;
    for (let m = fast.exec(text); m; m = fast.exec(text)) {
      if (!atPhraseStart(text, m.index)) {
        // Inside a word ("xIvanov"): a name may still start later inside it, as the lookbehind allowed.
        fast.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
        continue;
      }
      if (!atPhraseEnd(text, fast.lastIndex)) {
        // A name running into a word ("Ivanovich" for "Ivanov"): the exact regex would try the shorter
        // names here. Rare, so it is compiled only then, and finds the rest of this text.
        exact ??= new RegExp(phrasesSource(names), 'gu');
        exact.lastIndex = m.index;
        for (let e = exact.exec(text); e; e = exact.exec(text)) found.push(mention(e));
        return found;
      }
      found.push(mention(m));
    }
    return found;
  };
}

/** A possessive and a proposal noun after a person's name: "'s latest demand". */
const PERSON_PROPOSAL = new RegExp(
  String.raw`^['’]s(?:\s+[\p{L}-]+){0,2}?\s+${words(S.proposalNouns)}(?![\p{L}])`,
  'iu',
);

/** The lookahead `phrasesSource` puts after a phrase, tested at one position (sticky). */
const PHRASE_END = /(?![\p{L}\p{N}])/uy;

function atPhraseEnd(text: string, at: number): boolean {
  PHRASE_END.lastIndex = at;
  return PHRASE_END.test(text);
}

const NO_PEOPLE: PeopleMentions = () => [];

/** Every mention of a party in `text`, by its names or its people, that passes `keep`, in text order. */
function partyMentionsWhere(
  text: string,
  topics: CompiledTopics,
  people: PeopleMentions,
  keep: (mention: PartyMention) => boolean,
): PartyMention[] {
  return [...topics.partyMentions(text), ...people(text)]
    .filter((m) => m.id && keep(m))
    .sort((a, b) => a.start - b.start);
}

/** Parties named as possible actors: every mention not governed by a preposition or a conjunction. */
export function actorMentions(
  text: string,
  topics: CompiledTopics,
  people: PeopleMentions = NO_PEOPLE,
): PartyMention[] {
  return [...actorsIn(people)(topics)(text)];
}

/**
 * `actorMentions` read once per text, for an article's people (a function of its own per article) and topics: the
 * position and guarantor rules ask for the actors of the same sentence or clause about twice over (33,000 calls on
 * 15,000 texts per 1,000 articles). The mentions are frozen, since every caller shares them.
 */
const actorsIn = memoizeByObject((people: PeopleMentions) =>
  memoizeByObject((topics: CompiledTopics) =>
    memoizeByString(
      (text): readonly PartyMention[] =>
        // A proposal is its party's wherever it stands ("left out of Ukraine's proposal").
        partyMentionsWhere(
          text,
          topics,
          people,
          (m) =>
            m.kind === 'proposal' ||
            !GOVERNED.test(text.slice(Math.max(0, m.start - 30), m.start)) ||
            speaksFromInside(text, m) ||
            actsInAbsolute(text, m),
        ).map((m) => Object.freeze(m)),
      1_000,
    ),
  ),
);

/**
 * "…, which ended with Russia demanding that …": after "with", a party followed by a stance verb in -ing
 * is that verb's subject, not the object of "with".
 */
const WITH_BEFORE = /\bwith\s+(?:the\s+)?$/iu;
const ABSOLUTE_STANCE_AFTER = new RegExp(
  String.raw`^\s+(?:also\s+)?${words(S.stanceVerbs.filter((verb) => /ing\b/u.test(verb)))}(?![\p{L}])`,
  'u',
);

function actsInAbsolute(text: string, mention: PartyMention): boolean {
  return (
    WITH_BEFORE.test(text.slice(Math.max(0, mention.start - 12), mention.start)) &&
    ABSOLUTE_STANCE_AFTER.test(text.slice(mention.end, mention.end + 40))
  );
}

/**
 * "In the Kremlin they consider that …", "In Kyiv it is believed …": a translated idiom in which the
 * place is the one who speaks. Only at the start of a clause and before an impersonal subject, so that
 * "talks in Moscow" stays a place.
 */
const INSIDE_BEFORE = /(?:^|[,;:]\s*|\.\s+)in\s+(?:the\s+)?$/iu;
const INSIDE_AFTER = /^,?\s+(?:they|it\s+is|it\s+was|people)\s/iu;

function speaksFromInside(text: string, mention: PartyMention): boolean {
  return (
    mention.kind === 'name' &&
    INSIDE_BEFORE.test(text.slice(Math.max(0, mention.start - 30), mention.start)) &&
    INSIDE_AFTER.test(text.slice(mention.end, mention.end + 20))
  );
}

/** "For Kyiv, the region is not for sale": a party framing the clause as its view, at the clause's start. */
const FOR_BEFORE = /(?:^|[,;:]\s*)for\s+(?:the\s+)?$/iu;

/**
 * Before a party that holds the view although a preposition governs it: the one a refusing judgement is for ("… is
 * unacceptable to Kyiv"), the source of a claim ("according to Moscow"), the agent of a passive stance ("the terms
 * demanded by the Kremlin"), the one voicing a stance named by its noun ("despite warnings from Kyiv that it cannot …").
 */
const HOLDER_GOVERNED_BEFORE = new RegExp(
  String.raw`(?:\b${words(S.replyJudgements)}\s+(?:to|for)|\baccording\s+to|\b${words(S.stanceAgentVerbs)}\s+by|\b${words(S.voicedNouns)}\s+(?:from|by))\s+(?:the\s+)?$`,
  'iu',
);

/**
 * A sayer set after its verb at the end of the words it says ("…, says Kyiv", "…, said Ukraine's foreign minister"): wire
 * copy's inverted attribution, whose party holds the view however late it is named.
 */
const INVERTED_SAYER_BEFORE = new RegExp(String.raw`[,;]\s*${words(S.sayingVerbs)}\s+(?:the\s+)?$`, 'iu');

/** Whether the party is a sayer set after its verb at the end of the words it says ("…, says Kyiv"). */
export const framesAsSayer = (text: string, mention: PartyMention): boolean =>
  INVERTED_SAYER_BEFORE.test(text.slice(Math.max(0, mention.start - 24), mention.start));

/** The preposition every `HOLDER_GOVERNED_BEFORE` ends in, tested first: most mentions follow none. */
const GOVERNED_BY_TO_FOR_BY = /\b(?:to|for|by|from)\s+(?:the\s+)?$/iu;

/**
 * Parties whose view a clause gives, which `actorMentions` reads as governed: one opening it ("For Moscow, …", or a
 * person of a party, "For Lytvak, …"), one after a judgement, a source or a passive stance (`HOLDER_GOVERNED_BEFORE`), or
 * an inverted sayer ("…, says Kyiv").
 */
export function framingHolders(
  text: string,
  topics: CompiledTopics,
  people: PeopleMentions = NO_PEOPLE,
): PartyMention[] {
  const persons = new Set(people(text));
  return [...topics.partyMentions(text), ...persons].filter(
    (m) =>
      ((m.kind === 'name' || persons.has(m)) &&
        FOR_BEFORE.test(text.slice(0, m.start)) &&
        text.startsWith(',', m.end)) ||
      (GOVERNED_BY_TO_FOR_BY.test(text.slice(Math.max(0, m.start - 8), m.start)) &&
        HOLDER_GOVERNED_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start))) ||
      framesAsSayer(text, m),
  );
}

/**
 * Words that may stand between a subject and its verb ("Russia also wants", "Ukraine has long insisted"):
 * the listed ones, a verb of aspect ("Moscow keeps pressing for", "Kyiv continues to reject"), and any adverb
 * in -ly ("Moscow is essentially demanding", "Kyiv privately offered").
 */
const FILLER = String.raw`(?:${words(S.subjectFillers, A.aspectVerbs)}|\p{Ll}+ly)`;

/** Handing over a plan is putting it forward ("Ukraine has sent back a revised peace framework that would …"). */
const PRESENTS_PLAN = String.raw`${words(S.planHandingVerbs)}(?:\s+[\p{L}-]+){0,3}?\s+${words(S.planNouns)}`;

/**
 * Verbs of wanting, offering, refusing and saying: what makes a clause a party's position. A modal
 * before an obligation ("Ukraine would have to withdraw") states what someone else demands of the party.
 */
const STANCE_VERB = String.raw`${words(S.stanceVerbs)}|${PRESENTS_PLAN}|${words(S.modals)}(?:\s+not|\s+never)?\s+(?!${words(S.obligations)}(?![\p{L}]))[\p{L}-]+`;

/**
 * What may stand between a party's mention and its verb: a name ("Ukrainian President Jane Roe"), a post's
 * place or body ("Ukraine's ambassador to the UN", "Russia's delegation in Istanbul"), an appositive in commas.
 */
const SUBJECT_TAIL = `(?:\\s+\\p{Lu}[\\p{L}'\u2019.-]*){0,3}?(?:\\s+(?:to|at|in)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}.-]*(?:\\s+\\p{Lu}[\\p{L}.-]*){0,2})?(?:\\s*,[^,]{1,80},)?`;

/** A party's name followed, after an optional appositive or name and a few fillers, by a stance verb. */
const STANCE_AFTER = new RegExp(
  `^${SUBJECT_TAIL}(?:\\s+${FILLER})*\\s+(?:not\\s+|never\\s+)?(?:${STANCE_VERB})(?![\\p{L}])`,
  'u',
);

/**
 * A bare verb right after a singular name is a subjunctive or an infinitive's subject, not a stance:
 * in "Moscow demands that Ukraine accept the loss of Sevastopol" the stance is Moscow's, not Ukraine's. An
 * adverb may stand between ("would see Ukraine formally renounce").
 */
const BARE_VERB_AFTER = new RegExp(
  String.raw`^(?:\s+\p{Ll}+ly)?\s+(?:not\s+)?${words(S.bareStanceVerbs)}(?![\p{L}])`,
  'iu',
);

/**
 * A stance verb coordinated with an earlier one and no subject of its own ("Russia holds most of the
 * region, and demands that …"): the sentence's subject takes it.
 */
const COORDINATED_STANCE = new RegExp(
  String.raw`(?:,\s*|\s)and\s+(?:${FILLER}\s+)*(?:not\s+|never\s+)?(?:${STANCE_VERB})(?![\p{L}])`,
  'u',
);

/** Where a subjectless coordinated stance verb starts in `text`, or -1. */
export function coordinatedStanceAt(text: string): number {
  return COORDINATED_STANCE.exec(text)?.index ?? -1;
}

/**
 * The party that opens the sentence as its subject ("Russia controls …", "The Kremlin, which …"), if any, also after
 * a label or a setting that names no party ("Ahead of the vote, Moscow insisted …": `coreStart`).
 */
export function openingSubject(
  text: string,
  topics: CompiledTopics,
  people: PeopleMentions = NO_PEOPLE,
): string | null {
  const first = actorMentions(text, topics, people)[0];
  if (!first) return null;
  if (OPENS_SENTENCE.test(text.slice(0, first.start))) return first.id;
  const core = coreStart(text);
  return core > 0 && first.start >= core && OPENS_SENTENCE.test(text.slice(core, first.start)) ? first.id : null;
}

const OPENS_SENTENCE = /^[\s\p{P}\p{S}]*(?:the\s+)?$/iu;

/**
 * A relative clause answering what precedes it: "…, which the Ukrainian side rejected", or one hung on a
 * noun for the demand, after a comma or a dash: "…, a demand Kyiv has rejected", "… – an offer that Moscow turned down".
 */
const REPLY_BEFORE = new RegExp(
  String.raw`(?:,|\s[\u2013\u2014-])\s*(?:which|(?:a|an|the)\s+${words(S.proposalNouns)}(?:\s+(?:that|which))?)\s+(?:the\s+)?$`,
  'iu',
);
/** A judgement that refuses what it judges: "Kyiv has called the demand unacceptable", "which Kyiv calls a non-starter". */
const REPLY_JUDGEMENT = String.raw`\b(?:call|calls|called|calling|deem|deems|deemed|consider|considers|considered)\b[^,.;:]{0,30}?\b${words(S.replyJudgements)}(?![\p{L}])`;
/**
 * After the replying party: its name ("Ukrainian President Jane Roe"), fillers, then a reply verb or judgement, or a
 * verb of demanding: the relative clause then states that party's own claim on what it follows ("Kyiv will not cede
 * the region, which Moscow demands").
 */
const REPLY_AFTER = new RegExp(
  String.raw`^(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}?(?:\s+${FILLER})*\s+(?:${words(S.replyVerbs, S.relativeDemandVerbs)}(?![\p{L}])|${REPLY_JUDGEMENT})`,
  'u',
);
/** A passive reply naming its agent: "…, an offer turned down by Moscow", "Moscow's demand was rejected by Kyiv". */
const PASSIVE_REPLY_BEFORE = new RegExp(
  String.raw`\b${words(S.replyVerbs)}\s+(?:${FILLER}\s+)?by\s+(?:the\s+)?$`,
  'iu',
);
const STANCE_NAMED = new RegExp(String.raw`\b${words(S.wantOfferRefuse, S.proposalNouns)}\b`, 'iu');
/** A judgement governing the party after it: "…, which is unacceptable to Kyiv", "… a non-starter for Moscow". */
const JUDGED_BY_BEFORE = new RegExp(String.raw`\b${words(S.replyJudgements)}\s+(?:to|for)\s+(?:the\s+)?$`, 'iu');

/** The parties whose mentions in `text` reply to a stance named before them (`repliesTo`), in text order. */
export function replyingParties(
  text: string,
  topics: CompiledTopics,
  people: PeopleMentions = NO_PEOPLE,
): PartyMention[] {
  return partyMentionsWhere(text, topics, people, (m) => repliesTo(text, m));
}

/**
 * Whether the party mention answers the demand before it, which gives that party's position too: in a
 * relative clause ("…, a concession the Ukrainian president has rejected", "…, which Kyiv calls
 * unacceptable") or as the agent of a passive reply to a stance named before it ("Moscow's demand to
 * leave the region was rejected by Kyiv"), or as the one a judgement is for ("…, which is unacceptable to Kyiv").
 */
export function repliesTo(text: string, mention: PartyMention): boolean {
  const before = text.slice(Math.max(0, mention.start - 40), mention.start);
  if (JUDGED_BY_BEFORE.test(before)) return true;
  if (REPLY_BEFORE.test(before)) return REPLY_AFTER.test(text.slice(mention.end, mention.end + 80));
  const passive = PASSIVE_REPLY_BEFORE.exec(before);
  return passive !== null && STANCE_NAMED.test(text.slice(0, mention.start - before.length + passive.index));
}

/** Between a replying subject and the proposal it answers: fillers, a reply verb or judgement, an article. */
const REPLY_TO_PROPOSAL = new RegExp(
  String.raw`^(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}?(?:\s+${FILLER})*\s+(?:${words(S.replyVerbs, S.replyWords)}|${REPLY_JUDGEMENT})\s+(?:the\s+|a\s+|an\s+|any\s+)?$`,
  'iu',
);

/**
 * The party that answers another party's named proposal as its subject ("Kyiv dismissed the Kremlin's call to
 * leave the region", "the president rejected Russian demands for Crimea"): the sentence gives both positions, the
 * proposal's holder's and the answer's. Null when `proposal` is no proposal or no other party answers it.
 */
export function answererOfProposal(
  text: string,
  proposal: PartyMention,
  takers: readonly PartyMention[],
): PartyMention | null {
  if (proposal.kind !== 'proposal') return null;
  const answerer = takers.filter((t) => t.end <= proposal.start && t.id !== proposal.id).at(-1);
  return answerer && REPLY_TO_PROPOSAL.test(text.slice(answerer.end, proposal.start)) ? answerer : null;
}

/** A party's refusal right after its name: "Kyiv has refused", "Ukraine would never agree", "Kyiv calls it unacceptable". */
const REFUSES_AFTER = new RegExp(
  String.raw`^(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}?(?:\s+${FILLER})*\s+(?:${words(S.replyVerbs, S.replyWords)}(?![\p{L}])|${REPLY_JUDGEMENT})`,
  'u',
);

/**
 * The parties that refuse after the topic in a clause another party's demand opens ("Moscow wants the region
 * handed over and Kyiv has refused"): the refusal answers that demand on the same topic.
 */
export function laterRefusers(
  text: string,
  after: number,
  topics: CompiledTopics,
  people: PeopleMentions = NO_PEOPLE,
): PartyMention[] {
  if (!REFUSAL_WORD.test(text)) return [];
  // "… and Kyiv has refused": "and" governs no party that a verb of its own follows; "… and if Kyiv refuses, …"
  // is a hypothesis, not a refusal.
  return partyMentionsWhere(
    text,
    topics,
    people,
    (m) =>
      m.start > after &&
      !namedInCondition(text, m) &&
      (AND_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start)) ||
        !GOVERNED.test(text.slice(Math.max(0, m.start - 30), m.start))) &&
      REFUSES_AFTER.test(text.slice(m.end, m.end + 80)),
  );
}

const AND_BEFORE = /\band\s+(?:the\s+)?$/iu;
/** Any reply word: most clauses have none, and need no look at their parties. */
const REFUSAL_WORD = openingIndexed(
  new RegExp(String.raw`\b(?:${words(S.replyVerbs, S.replyWords, S.replyJudgements)})(?![\p{L}])`, 'iu'),
);

const isPlural = (name: string) => /s$/iu.test(name.trim());

/** Whether the party mention is the subject of a stance or saying verb (a proposal noun is a stance by itself). */
export function takesStance(text: string, mention: PartyMention): boolean {
  if (mention.kind === 'proposal') return true;
  const after = text.slice(mention.end, mention.end + 160);
  if (mention.kind === 'name' && !isPlural(text.slice(mention.start, mention.end)) && BARE_VERB_AFTER.test(after)) {
    return false;
  }
  return STANCE_AFTER.test(after);
}

/** A party's name followed by a verb of saying only ("Russia said", "Kyiv announced"), not of wanting or refusing. */
const SAYING_AFTER = new RegExp(`^${SUBJECT_TAIL}(?:\\s+${FILLER})*\\s+${words(S.sayingVerbs)}(?![\\p{L}])`, 'u');

/**
 * What makes a reported claim a position: a commitment, a demand or a refusal, or the status of the
 * territory ("Russia said it would …", "Kyiv said Crimea will never be …"). A party saying what
 * happened ("Russia said it had destroyed a depot in Luhansk") states no position.
 */
// The wide pass's cues of a trade or a condition count here too: a side's words state a stance by the same cues.
const STANCE_MARKER = new RegExp(
  String.raw`\b${words(S.stanceMarkers, S.tradeAndConditionCues, S.pointingAnswers)}\b`,
  'iu',
);

/** Whether the party mention is the subject of a verb of saying ("…, Ukrainian officials said"). */
export function isSayer(text: string, mention: PartyMention): boolean {
  return mention.kind !== 'proposal' && SAYING_AFTER.test(text.slice(mention.end, mention.end + 160));
}

/**
 * Whether a party mention states a position: a stance verb, or a verb of saying with a commitment, a demand
 * or whose the territory is after it ("Moscow says the region is Russian land").
 */
export function statesPosition(text: string, mention: PartyMention, topics: CompiledTopics): boolean {
  if (!isSayer(text, mention)) return true;
  // The claim may come before the attribution ("Crimea will never be …, Kyiv said"): the whole clause counts.
  return claimsStance(text, topics);
}

/**
 * The demanded act restated as a condition or a threat: "if they do not pull back, we will take it by force", "either
 * the troops leave or …". The condition opener comes first; the act (a withdrawal, or force) within the clause after it.
 */
const CONDITIONAL_ACT = openingIndexed(
  new RegExp(
    String.raw`\b(?:${words(S.conditionOpeners)}|either)\s[^.;]{0,80}?\b${words(S.conditionalActs)}(?![\p{L}])`,
    'iu',
  ),
);

/** Whether a clause restates a demanded act as a condition or a threat (`CONDITIONAL_ACT`). */
export const statesConditionalAct = (text: string): boolean => CONDITIONAL_ACT.test(text);

/**
 * Whether words put in a party's mouth state a stance: a commitment, demand or refusal (as above), or
 * whose a territory is ("Sevastopol is a Russian city", "the region is Ukraine", in a side's own words "the
 * peninsula is our land"). A quoted official explaining what happened ("the units needed another day,
 * which is why the start slipped") states none.
 */
export function claimsStance(text: string, topics: CompiledTopics): boolean {
  // A demanded act restated as a condition or threat, in quote marks, is the speaker's stance ("\"If they do not leave
  // these regions, we will take them by force,\" he said"); told by the writer, it is often a retelling.
  if (partyStatus(topics).test(text) || (QUOTE_MARK.test(text) && CONDITIONAL_ACT.test(text))) return true;
  if (!STANCE_MARKER.test(text)) return false;
  // "Moscow says it annexed the four regions": what a side reports it did is history, not a claim; a marker elsewhere
  // in the clause ("… and will never give them back") still is one.
  return !PAST_EVENT.test(text) || STANCE_MARKER.test(text.replace(PAST_EVENT_ALL, ' '));
}

/** A past event told by its doer: "it annexed", "they had seized", "has already occupied". */
const PAST_EVENT_SOURCE = String.raw`\b(?:it|they|he|she|has|have|had)\s+(?:already\s+|\p{Ll}+ly\s+)?${words(A.pastEventVerbs)}(?![\p{L}])`;
const PAST_EVENT = openingIndexed(new RegExp(PAST_EVENT_SOURCE, 'iu'));
const PAST_EVENT_ALL = new RegExp(PAST_EVENT_SOURCE, 'giu');

/** A place a side calls its own, in the first person: "our land", "our territory". */
const OWNED_PLACE = String.raw`${words(S.ownedPlaces)}(?![\p{L}])`;

const partyStatus = memoizeByObject((topics: CompiledTopics): TextTest => {
  const partyWords = topics.config.parties.flatMap((p) => [...p.variants, ...(p.adjectives ?? [])]);
  return openingIndexed(
    new RegExp(
      `\\b(?:is|are|was|were|remains?|remained|stays?|will\\s+(?:remain|be|stay))\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:${phrasesSource(partyWords)}|${OWNED_PLACE})`,
      'iu',
    ),
  );
});

/** A party named before an obligation ("Ukraine would have to withdraw", "Kyiv must cede"): asked to act, not acting. */
const IMPOSED_AFTER = new RegExp(
  String.raw`^(?:\s+${FILLER})*\s+${words(S.modals, S.hedges)}(?:\s+${FILLER})*\s+${words(S.obligations)}(?![\p{L}])`,
  'iu',
);
const MUST_AFTER = /^\s+(?:must|should)(?![\p{L}])/iu;

/**
 * The party that `text` says is obliged to act, the first one; null when none is. `imposed` keeps only an
 * obligation put on it from outside ("would have to", "will be forced to"), not "must", which a side's
 * own speaker also says of it ("Ukraine must never give up …").
 */
export function obligedParty(text: string, topics: CompiledTopics, imposed = false): string | null {
  const obliged = (after: string) => IMPOSED_AFTER.test(after) || (!imposed && MUST_AFTER.test(after));
  return actorMentions(text, topics).find((m) => obliged(text.slice(m.end, m.end + 60)))?.id ?? null;
}

/** Parties that take a stance in `text`, in text order: named ones, and a party's troops refusing or demanding. */
export function stanceTakers(text: string, topics: CompiledTopics, people: PeopleMentions = NO_PEOPLE): PartyMention[] {
  const named = actorMentions(text, topics, people).filter((m) => takesStance(text, m));
  const collectives = collectiveTakers(text, topics);
  return collectives.length ? [...named, ...collectives].sort((a, b) => a.start - b.start) : named;
}

/** A collective noun anywhere in the text: most sentences name no troops, and need no look for their party. */
const HAS_COLLECTIVE = openingIndexed(new RegExp(String.raw`\b${words(A.collectiveNouns)}(?![\p{L}])`, 'iu'));

/**
 * After a party's troops, what makes them state their side's stance: a verb of wanting or refusing, or a modal
 * with "not" or "never" ("Ukrainian troops will not withdraw from …"). A bare modal ("Russian forces could take
 * the town") is a forecast of the fighting, not a stance.
 */
const COLLECTIVE_STANCE_AFTER = new RegExp(
  String.raw`^(?:\s+${FILLER})*\s+(?:not\s+|never\s+)?(?:${words(S.stanceVerbs)}|${words(S.modals)}\s+(?:not|never)\s+(?!${words(S.obligations)}(?![\p{L}]))[\p{L}-]+)(?![\p{L}])`,
  'iu',
);

/** "Ukrainian troops", "Russia's armed forces", "Kyiv's ground forces": a party's adjective or possessive, then a collective. */
const collectivePattern = memoizeByObject((topics: CompiledTopics) => {
  const partyOf = new Map<string, string>();
  for (const party of topics.config.parties) {
    for (const adjective of party.adjectives ?? []) partyOf.set(adjective.toLowerCase(), party.name);
    for (const variant of party.variants) partyOf.set(`${variant.toLowerCase()}'s`, party.name);
  }
  const owners = [...partyOf.keys()].map((key) => key.replace(/'s$/u, "['\u2019]s"));
  const pattern = new RegExp(
    String.raw`(?<![\p{L}])(${owners.map((o) => o.replace(/\s+/gu, String.raw`\s+`)).join('|')})(?:\s+[\p{L}-]+)?\s+${words(A.collectiveNouns)}(?![\p{L}])`,
    'giu',
  );
  return { pattern, partyOf };
});

/** The party a single word names, as an adjective or a name ("Russian", "Kremlin", "Kyiv"), or null. */
export function partyNamedBy(word: string, topics: CompiledTopics): string | null {
  const { partyOf } = collectivePattern(topics);
  const key = word.toLowerCase();
  return partyOf.get(key) ?? partyOf.get(`${key}'s`) ?? partyOf.get(`the ${key}'s`) ?? null;
}

/**
 * A party's troops as the subject of a refusal or demand ("Ukrainian troops will not withdraw from the region",
 * "Russian forces demand that …"): their side's stance. Not after a preposition ("attacks by Russian forces").
 */
function collectiveTakers(text: string, topics: CompiledTopics): PartyMention[] {
  return collectiveMentions(text, topics).filter((m) => COLLECTIVE_STANCE_AFTER.test(text.slice(m.end, m.end + 80)));
}

/** A party's troops named as a subject, not after a preposition ("Ukrainian units must leave …", not "by Russian forces"). */
export function collectiveMentions(text: string, topics: CompiledTopics): PartyMention[] {
  if (!HAS_COLLECTIVE.test(text)) return [];
  const { pattern, partyOf } = collectivePattern(topics);
  const found: PartyMention[] = [];
  for (const m of text.matchAll(pattern)) {
    const owner = (m[1] ?? '')
      .toLowerCase()
      .replace(/\s+/gu, ' ')
      .replace(/\u2019/gu, "'");
    const id = partyOf.get(owner);
    if (id && !GOVERNED.test(text.slice(Math.max(0, m.index - 30), m.index)))
      found.push({ id, start: m.index, end: m.index + m[0].length, kind: 'member' });
  }
  return found;
}

/**
 * The party a sentence's speaker speaks for, from the statements extracted from the same article:
 * a statement whose evidence holds the sentence (or whose quote spans it) lends its speaker's affiliation.
 */
export function speakerParty(
  sentence: Sentence,
  articleId: string,
  statements: readonly Statement[],
  topics: CompiledTopics,
  /** Only a statement whose own words name this topic (not its attribution: "Luhansk governor X said …"). */
  aboutTopic?: string,
): string | null {
  const affiliated = statements.filter((s) => s.affiliation && topics.partyNames.includes(s.affiliation));
  return speakingStatement(sentence, articleId, affiliated, topics, aboutTopic)?.affiliation ?? null;
}

/**
 * The statement, among `statements`, that says the sentence: its evidence holds the sentence (or its
 * quote spans it), and, given `aboutTopic`, its own words name that topic.
 */
export function speakingStatement(
  sentence: Sentence,
  articleId: string,
  statements: readonly Statement[],
  topics: CompiledTopics,
  aboutTopic?: string,
): Statement | null {
  for (const statement of statements) {
    const covers = statement.citations.some(
      (c) =>
        c.articleId === articleId &&
        (c.evidence.includes(sentence.text) || (sentence.text.includes(c.evidence) && c.evidence.length > 20)),
    );
    if (!covers || !quotes(statement.text, sentence.text)) continue;
    // Last, as the dearest test: the topic must be in the words said, not in the attribution, or the words point to
    // the land the sentence names ("\"Either we take these territories or their troops leave,\" he said of the Donbas").
    if (!aboutTopic || topics.topicsIn(statement.text).includes(aboutTopic) || saysLand(statement.text, topics)) {
      return statement;
    }
  }
  return null;
}

/**
 * Land pointed to in the words said: "these territories", "this land" (not "the land", which may be any), with at most
 * one modifier ("these occupied regions"), kept in its group. Not "that", which is as often the complementizer before a
 * subject ("we believe that the region will be rebuilt"). Case-sensitive but for the determiner's first letter, so
 * that `saysLand` can tell a capitalised modifier.
 */
const SAID_LAND = new RegExp(
  String.raw`\b(?:[Tt]his|[Tt]hese|[Tt]hose)\s+(?:([\p{L}-]+)\s+)?${words(S.landAnaphorNouns)}(?![\p{L}])`,
  'gu',
);

/**
 * Whether the words said point to land (`SAID_LAND`): a lower-case modifier or a side's own adjective ("these Ukrainian
 * territories") keeps it the land in dispute; another capitalised one names another owner or place ("those Ruritanian
 * regions").
 */
function saysLand(said: string, topics: CompiledTopics): boolean {
  return [...said.matchAll(SAID_LAND)].some(([, modifier]) => {
    if (modifier === undefined || !/^\p{Lu}/u.test(modifier)) return true;
    const country = countryOfDemonym(modifier);
    return country !== null && topics.partyNames.includes(country);
  });
}

/** Whether the sentence is (part of) the quote `said`, or holds it; a transcript turn's label is not part of it. */
function quotes(said: string, labelled: string): boolean {
  const sentence = withoutTurnLabel(labelled);
  if (said.includes(sentence) || sentence.includes(said)) return true;
  // A sentence of a longer quote carries its opening or closing quote mark, the statement's text does not;
  // the quote's last sentence also carries the attribution after it.
  const bareSaid = withoutQuoteMarks(said);
  const bareSentence = withoutQuoteMarks(sentence);
  if (bareSaid.includes(bareSentence) || bareSentence.includes(bareSaid)) return true;
  const tail = quoteTail(sentence);
  return tail !== null && bareSaid.endsWith(tail);
}

const withoutQuoteMarks = (text: string) => text.replace(/["\u201c\u201d\u201e\u00ab\u00bb]/gu, '').trim();

/** The words before the one closing quote mark of a sentence that ends a quote opened before it: `The region is ours," X said.` */
function quoteTail(text: string): string | null {
  const marks = [...text.matchAll(/["\u201c\u201d\u00ab\u00bb]/gu)];
  const [close] = marks;
  if (marks.length !== 1 || !close || close.index < 10) return null;
  return text.slice(0, close.index).trim();
}
