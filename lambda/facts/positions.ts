import { hash } from 'node:crypto';
import type { Article } from '../articles/article.js';
import { memoizeByObject } from '../shared/memoize.js';
import { type ArticleParties, articleParties } from './article-parties.js';
import type { Person, Position, Statement } from './fact.js';
import { stanceWords as S, words } from './lexicon.js';
import { earlierPlanOwner, opensListItem, planLists, planOwnerIn, proposalOwner } from './plan-lists.js';
import {
  type ActorScene,
  addresseeDemandOwner,
  asClauseHolder,
  askedToAct,
  causedStanceHolder,
  concededProposalOwner,
  demandsOfAddressee,
  gerundStanceHolder,
  itReferent,
  opinionHolder,
  ownerOfWant,
  type ProposalReply,
  predictedToFail,
  pronounOwnedDemand,
  proposalReplies,
  questionFrameEnd,
  REFUSING_JUDGEMENT,
  trailingQuestionFrameStart,
  trailingRefuser,
  warnedCeder,
} from './position-actor.js';
import { foldQuotedRepeats } from './position-quotes.js';
import {
  asksInWritersVoice,
  bearsTerm,
  declinesComment,
  demandedOf,
  demandSenderAt,
  FIRST_PERSON_WORD,
  forecastAt,
  isAgendaOnly,
  isBackground,
  isLiveTitle,
  isPatient,
  isPressed,
  isQuestion,
  namedAfterStance,
  namedInCondition,
  namedInLaterCondition,
  namesPressure,
  namesReceipt,
  opensClause,
  opensHypothesis,
  planFrame,
  planSubjectEnd,
  QUOTE_MARK,
  receivesDemand,
  reportsControl,
  statesNoStance,
  topicOnlyInAside,
  viewedByOutsider,
  voicedByOutsider,
} from './position-rejections.js';
import { openingIndexed } from './regex-first-words.js';
import type { RejectionSink } from './rejection-trace.js';
import { coreStart, type OpeningKind, STRUCTURE } from './sentence-opening.js';
import { type Sentence, splitSentences } from './sentences.js';
import { blockedHolder, possessiveStatementOwner } from './stance-holder.js';
import { stanceKind } from './stance-kind.js';
import { stanceText } from './stance-text.js';
import {
  answeringParty,
  answersByPointingBack,
  attributesSentenceBefore,
  type CarriedDemand,
  carriedDemand,
  continuedDemand,
  offersZone,
  pointsToLand,
  reaches,
  reachesRestated,
  restatesCarried,
  restatingParty,
} from './topic-anaphora.js';
import {
  type CompiledTopics,
  compileTopics,
  defaultTopicsConfig,
  type Mention,
  type PartyMention,
  phrasesSource,
} from './topics.js';
import {
  actorMentions,
  answererOfProposal,
  claimsStance,
  coordinatedStanceAt,
  framesAsSayer,
  framingHolders,
  isSayer,
  laterRefusers,
  obligedParty,
  openingSubject,
  type PeopleMentions,
  peopleMentions,
  replyingParties,
  speakerParty,
  speakingStatement,
  stanceTakers,
  statesPosition,
  takesStance,
} from './topics-parties.js';
import { isDisputeMention, wholeLandMentions } from './whole-land.js';

/*
 * Positions: what a party wants, offers or refuses on a configured topic. A sentence that mentions a
 * topic is cut into clauses ("Russia wants Kyiv to accept the loss of Crimea, | but the Ukrainians
 * proposed to settle its status in talks lasting a decade"); a clause whose subject is a party with
 * a verb of wanting, offering, refusing or saying is that party's position, stated in that clause.
 * A clause with no subject of its own takes one from the sentence: the party that said it
 * ("Kyiv's negotiators said … but that the pledges would not extend to … the east"), or the
 * affiliation of the quoted speaker. A party that merely acts ("Russia annexed Crimea") takes no position.
 */

/** Where one clause ends and the next begins: "but", ";", "while" (with its comma or without), ", and" before a new subject. */
const CLAUSE_BREAK = /(?:,\s*|\s+)but\s+|;\s+|,?\s+(?:while|whereas)\s+|,\s+and\s+(?=the\s|\p{Lu})/gu;
/** A clause that refers back to the sentence's topic without naming it. */
const ANAPHORA = openingIndexed(
  /\b(?:the|this|that)\s+(?:issue|matter|question|status|dispute|region|regions|province|provinces|territory|territories|peninsula|problem)\b|\bit\b/iu,
);
/**
 * A pronoun in a contrasting clause that names no place, pointing back to the places an earlier clause of its sentence
 * pointed to ("These regions were annexed by Moscow, but Kyiv holds that they are its own").
 */
const PLACE_PRONOUN = /\b(?:they|them|it)\b/iu;
/**
 * A sentence that refers back to the previous sentence's topic with a noun phrase ("such formulation of
 * the question", "its claim to those territories"): stricter than ANAPHORA, since no topic of its own
 * anchors it.
 */
const REFERS_BACK = openingIndexed(
  /\b(?:this|that|these|those|such)\s+(?:[\p{L}-]+\s+){0,3}?(?:issue|question|matter|status|dispute|regions|territories|peninsula|problem)\b/iu,
);
/**
 * Within a sentence that names a topic of its own, only a demonstrative before places refers back ("rule
 * over those regions, Crimea among them"): "that the status of Crimea" is a complement, not a reference.
 */
const REFERS_BACK_TO_PLACES = openingIndexed(
  /\b(?:these|those|such|both)\s+(?:[\p{L}-]+\s+){0,2}?(?:areas|regions|territories|republics)\b/iu,
);
/** Regions counted rather than named: "two eastern provinces", "both regions", "the three occupied oblasts". */
const COUNTED_LAND = openingIndexed(
  new RegExp(
    String.raw`\b${words(S.landCounts)}\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}?${words(S.landAnaphorNouns)}(?![\p{L}])`,
    'iu',
  ),
);
/** How many sentences on the places that regions counted before being named may be named in. */
const COUNTED_NAMED_WITHIN = 2;
const COMPLEMENT = /^that\b/iu;
/** A contrasting clause with no subject or verb of its own: "Moscow may bend on prisoners, but not on the east". */
const ELLIPSIS = /^\s*(?:not|never|nor|only|also)\b/iu;
/**
 * A contrasting clause that opens with its verb, the subject left out: "Officials said Moscow is open to
 * talks but insisted that …", or with a refusing modal, "X says Kyiv would offer plenty but cannot budge on the peninsula".
 * The sentence's opening subject holds it.
 */
const SUBJECTLESS_STANCE = new RegExp(
  String.raw`^\s*(?:(?:also|still|again|then|has|have|had|\p{Ll}+ly)\s+)*(?:not\s+|never\s+)?${words(S.stanceVerbs, S.sayingVerbs, S.replyVerbs)}(?![\p{L}])|^\s*${words(S.refusingModals)}\s+\p{Ll}+`,
  'iu',
);
/** A coordinated stance verb in the present ("… and demands that", "… and insists"): a stance held now. */
const PRESENT_COORDINATED = /^(?:,\s*|\s)and\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?<!ed|ss)s(?![\p{L}])/u;
/**
 * Whether the subjectless coordinated stance verb at `at` is in the present ("Moscow holds most of it and demands that
 * Kyiv cede the rest of the region it annexed in 2022"): a date later in the clause dates the land, not the demand,
 * which a history recap ("… and claimed them, besides the peninsula it annexed in 2014") tells in the past.
 */
const presentCoordinatedStance = (clause: string, at: number): boolean =>
  PRESENT_COORDINATED.test(clause.slice(at, at + 40));
/** A reply to the sentence before: a refusal or an acceptance of "it", "this", "the demand". */
const REPLY_WORD = openingIndexed(
  new RegExp(String.raw`\b${words(S.replyVerbs, S.replyWords, S.replyJudgements)}\b`, 'iu'),
);
/** A reply with no object, its verb ending the clause: "Kyiv has refused.", "X says no.", "Y declined to do so." */
const BARE_REPLY = new RegExp(
  String.raw`\b${words(S.replyVerbs, S.replyWords)}(?:\s+to\s+do\s+so)?\s*(?:[,.;!]|$)`,
  'iu',
);
/** The stance of the sentence before taken up by another party: "Moscow has advanced the same demand". */
const SAME_DEMAND = openingIndexed(
  new RegExp(
    String.raw`\b(?:the\s+same|a\s+similar|similar|such\s+an?|such)\s+(?:[\p{L}-]+\s+)?${words(S.proposalNouns)}\b`,
    'iu',
  ),
);
/** After a proposal noun: the noun ends there, and no complement of its own follows ("the offer of a ceasefire"). */
const OWN_COMPLEMENT_AFTER = String.raw`(?![\p{L}-])(?!\s+(?:of|for|on)\s+an?\s)`;
/**
 * What a reply points back with: "it", "this", "such demands", "the proposal"; not a proposal whose complement brings
 * in an object of its own with an indefinite article ("rejected the offer of a ceasefire", "the call for a truce").
 */
const REPLY_ANAPHOR = new RegExp(
  String.raw`\b(?:it|this|that|such\s+[\p{L}-]+|the\s+${words(S.proposalNouns)}${OWN_COMPLEMENT_AFTER})\b`,
  'iu',
);
/** A proposal right after a reply word, with up to two words before it: "rejects proposal", "Moscow's demand". */
const PROPOSAL_REPLIED = new RegExp(
  String.raw`^\s+(?:[\p{L}'\u2019-]+\s+){0,2}?${words(S.proposalNouns)}${OWN_COMPLEMENT_AFTER}`,
  'iu',
);

/**
 * Whether a clause replies to a proposal made before it: "Kyiv rejects it", "Kyiv has refused.", "Kyiv rejects the
 * proposal", "Kyiv rejects proposal" (a headline), "Kyiv dismissed Moscow's demand"; not "Kyiv rejects new
 * sanctions", which answers something else.
 */
function repliesToProposal(clause: string): boolean {
  const reply = REPLY_WORD.exec(clause);
  if (!reply) return false;
  return (
    REPLY_ANAPHOR.test(clause) ||
    BARE_REPLY.test(clause) ||
    PROPOSAL_REPLIED.test(clause.slice(reply.index + reply[0].length))
  );
}

/** Proposals in the plural ("conditions", "terms", "demands"): a reply naming them answers a whole list. */
const PLURAL_PROPOSAL = new RegExp(
  String.raw`\b${words(S.proposalNouns.filter((noun) => /[^s]s$/u.test(noun)))}(?![\p{L}])`,
  'iu',
);
/** A pronoun or noun phrase standing for the places the sentence before named ("all of them", "these regions"). */
const PLACE_ANAPHOR = openingIndexed(new RegExp(String.raw`\b${words(S.placeAnaphors)}\b`, 'iu'));
/** A plan named without its owner, as the clause's frame: "The proposal stipulates …", "Under the draft, …". */
const UNOWNED_PLAN =
  /^\s*(?:(?:under|according\s+to|in)\s+)?(?:the|this|that|such\s+a)\s+(?:[\p{L}-]+\s+){0,2}?(?:proposals?|document|draft|plan|memorandum|framework|text|terms)\b/iu;
/**
 * A plan referred back to by a pronoun or named as the source: "It also demands …" after a sentence about
 * the plan, "Option two, according to the document, was …".
 */
const PLAN_REFERENCE = new RegExp(
  String.raw`^\s*(?:it|${words(S.planReferences)})\s+${words(S.planVerbs)}\b|\baccording\s+to\s+${words(S.planReferences)}\b`,
  'iu',
);
const LEADING_CONNECTIVE = /^(?:(?:and|but|that|while|whereas|so|yet)\b[\s,]*)+/iu;

export interface ExtractPositionsOptions {
  sentences?: readonly Sentence[];
  /** Statements already extracted from the article: a quoted official's position is their party's. */
  statements?: readonly Statement[];
  /** The article's people: one with a party affiliation speaks for that party. */
  people?: readonly Person[];
  /**
   * Everyone the article names with a role, quoted or not ("Ukrainian President X" in the lead, then "X
   * rejected …"): wire copy introduces a leader once and reports their stance without quoting them.
   */
  mentioned?: readonly Person[];
  topics?: CompiledTopics;
  /** Whose claims the article's sentences state (built from the above when not given). */
  parties?: ArticleParties;
  /** Told each topic of a clause that no rule gave a party, with the rule that rejected it (the candidate accounting). */
  onReject?: RejectionSink;
  /**
   * The disputed topics the whole article names, when the text read is only its headline: "the occupied
   * territories" in a title stands for the regions its body names, as it does in the body.
   */
  articleTopics?: readonly string[];
}

const otherPlaces = memoizeByObject((topics: CompiledTopics) =>
  openingIndexed(new RegExp(phrasesSource(topics.config.otherPlaces ?? []), 'iu')),
);

/** Whether the text names a place of the disputed country that no topic covers (config `otherPlaces`). */
const namesOtherPlace = (text: string, topics: CompiledTopics): boolean => otherPlaces(topics).test(text);

/** A speaker talking for a side in the first person plural ("our forces", "we will return"). */
const SPEAKS_FOR_A_SIDE = /\b(?:we|our|us)\b/iu;

/**
 * Whether the sentence gives the speaker an office of a party: an office word among the few words before
 * the surname, past given names, commas and "of the ministry" ("President Arkady Volnov", "the spokesman
 * of the ministry, Heorhii Tykhyi"). Reads words, not a regex over the window: this runs per quote.
 */
function holdsOffice(text: string, speaker: string, topics: CompiledTopics): boolean {
  const surname = speaker.split(/\s+/u).at(-1) ?? speaker;
  const at = text.indexOf(surname);
  if (at < 0) return false;
  const offices = officeWords(topics);
  const before = text
    .slice(Math.max(0, at - 80), at)
    .split(/[\s,]+/u)
    .filter(Boolean)
    .slice(-6);
  return before.some((word) => offices.has(word.toLowerCase()));
}

/** The last word of each office in config ("minister" of "foreign minister"), the one that stands before a name. */
const officeWords = memoizeByObject(
  (topics: CompiledTopics) =>
    new Set(topics.config.partyMembers.map((member) => member.split(/\s+/u).at(-1)?.toLowerCase() ?? member)),
);

/**
 * A clause whose subject is a party's member left unnamed ("The delegation proposed …", "Negotiators
 * insisted …"): wire copy names the side once and then only its delegation. Only the bare noun at the
 * clause's start, so "the Turkish delegation" or "a spokesman for the UN" stay out.
 */
function takesStanceUnnamed(clause: string, topics: CompiledTopics): string | null {
  // "According to a paper, after the summit, the president proposed …": the subject stands after the openers.
  const opened = coreStart(clause, OPENERS_BEFORE_MEMBER);
  const member = unnamedMember(topics).exec(clause.slice(opened));
  if (!member) return null;
  const mention = { id: '', start: opened, end: opened + member[0].length, kind: 'member' as const };
  return takesStance(clause, mention) && statesPosition(clause, mention, topics) ? (member[1] ?? '') : null;
}

/** Openings a party's unnamed member may stand after as the subject: labels, settings and a source. */
const OPENERS_BEFORE_MEMBER: ReadonlySet<OpeningKind> = new Set([...STRUCTURE, 'attribution']);

const unnamedMember = memoizeByObject(
  (topics: CompiledTopics) =>
    new RegExp(`^\\s*(?:the\\s+)?(${phrasesSource(topics.config.partyMembers)})(?!\\s+(?:of|for|from)\\b)`, 'iu'),
);

interface Clause {
  text: string;
  /** Offset of the clause in its sentence. */
  start: number;
  /** Set off from the clause before by "but", "while" or "whereas": it may answer the other side on the same topic. */
  contrast: boolean;
}

/** Every position the article reports, one per topic and party and sentence, each with its clause and sentence. */
export function extractPositions(article: Article, options: ExtractPositionsOptions = {}): Position[] {
  const topics = options.topics ?? compileTopics(defaultTopicsConfig);
  const sentences = options.sentences ?? splitSentences(article.body);
  const statements = options.statements ?? [];
  const people = peopleMentions([...(options.people ?? []), ...(options.mentioned ?? [])], topics);
  const positions: Position[] = [];
  // One pass over the body finds the topic mentions; sentences and clauses take theirs by offset.
  const namedInBody = topics.topicMentions(article.body);
  // "The occupied territories" stand for the disputed regions the article names: read as mentions of each of them.
  const wholeLand = wholeLandMentions(
    article.body,
    sentences,
    article.title,
    namedInBody,
    topics,
    options.articleTopics,
  );
  const bodyMentions = wholeLand.length
    ? [...namedInBody, ...wholeLand].sort((a, b) => a.start - b.start || b.end - a.end)
    : namedInBody;
  const topicIds = topics.topics.map((t) => t.id);
  const lists = planLists(sentences, topics, people, article.title);
  const parties =
    options.parties ??
    articleParties(article, {
      sentences,
      statements,
      people: options.people ?? [],
      mentioned: options.mentioned,
      topics,
    });
  // "he", "she", "the president": one rule for whom a pronoun or a role stands for.
  const referentAt = parties.referentAt;
  // A speaker the article gives no country, but who says "our land" or holds an office ("President X",
  // "the spokesman of the ministry, X"), speaks for the side the sentences around are about.
  const unaffiliated = statements.filter((s) => !s.affiliation);
  const sideSpeaking = (index: number, sentence: Sentence, topic: string | undefined) => {
    const statement = speakingStatement(sentence, article.id, unaffiliated, topics, topic);
    if (!statement) return null;
    const speaksForASide =
      SPEAKS_FOR_A_SIDE.test(statement.text) || holdsOffice(sentence.text, statement.speaker, topics);
    return speaksForASide ? (parties.contextOf(index) ?? parties.lead) : null;
  };
  // A sentence an outsider says (a mediator's words about the sides), or a clause set in an outsider's plan.
  const outsiders = statements.filter((s) => s.affiliation && !topics.partyNames.includes(s.affiliation));
  const outsiderFrame = (sentence: Sentence, clause: string) =>
    planOwnerIn(clause, topics) === 'outsider' || speakingStatement(sentence, article.id, outsiders, topics) !== null;
  // "The proposal stipulates …" names no owner: the plan is the one the article named last, or its title's,
  // unless the clause itself names an outsider as its author ("the terms suggested by Washington").
  const planOwner = (index: number, clause: string) => {
    const own = planOwnerIn(clause, topics);
    if (own) return own === 'outsider' ? null : own.party;
    return earlierPlanOwner(sentences, index, article.title ?? '', topics);
  };
  // "Kyiv would have to leave the region" after a sentence about Moscow's draft: an obligation put on one side
  // is the demand of the other side's plan that the article is setting out.
  const demanderOf = (index: number) => (clause: string) => {
    const obliged = obligedParty(clause, topics, true);
    const owner = obliged ? planOwner(index, clause) : null;
    return owner !== obliged ? owner : null;
  };
  // "A lasting peace needs a brave decision from Kyiv, he said": the party word is the side asked to act,
  // the owner is the leader the pronoun stands for, or the side a passive says set the terms.
  const sceneOf = (sentence: Sentence, clause: Clause, index: number): ActorScene => ({
    clause: clause.text,
    clauseStart: clause.start,
    sentence: sentence.text,
    sentenceStart: sentence.start,
    previousSentence: sentences[index - 1]?.text,
  });
  // "The president keeps pressing for …": the side of the person last introduced with that role, else the side of
  // the sentences before, else the lead's.
  const unnamedMemberParty = (clause: Clause, sentence: Sentence, index: number) => {
    const role = takesStanceUnnamed(clause.text, topics);
    if (role === null) return null;
    const holder = parties.roleHolderAt(role, sentence.start + clause.start, askedToAct(clause.text, topics));
    return holder !== undefined ? holder : (parties.contextOf(index) ?? parties.lead);
  };
  const addressedDemandOwner = (sentence: Sentence, clause: Clause, index: number) =>
    addresseeDemandOwner(sceneOf(sentence, clause, index), topics, people, referentAt);
  // Who says a sentence: its own speaker, or the one of the next sentence when that only attributes it ("… could be
  // set up there. The president said this to reporters.").
  const speakerAround = (index: number) =>
    parties.speakerOf(index) ??
    (attributesSentenceBefore(sentences[index + 1]?.text ?? '') ? parties.speakerOf(index + 1) : null);
  // "He is willing to consider a demilitarised zone in the Donbas only if …": a hedged zone offer is its speaker's or
  // its subject's, a person the article named before.
  const zoneOfferer = (sentence: Sentence, clause: string, index: number) =>
    offersZone(clause)
      ? restatingParty(clause, topics, people, { speaker: speakerAround(index), person: referentAt(sentence.start) })
      : null;
  // People of the article whose country is no party (a mediator, an envoy), by surname: an outsider as a subject.
  const outsiderPeople = new Set(
    [...(options.people ?? []), ...(options.mentioned ?? [])]
      .filter((p) => p.affiliation && !topics.partyNames.includes(p.affiliation))
      .map((p) => p.name.split(/\s+/u).at(-1) ?? p.name),
  );
  // Every mention of one party in a clause, by its names and its people.
  const mentionsOf = (clause: string, party: string) =>
    [...topics.partyMentions(clause), ...people(clause)].filter((m) => m.id === party);
  // A term of a plan is its owner's demand when a side owns it ("Under Moscow's draft, Kyiv would …"), else nobody's.
  const termHolder = (owner: string | null): { party: string } | { rule: string } =>
    owner ? { party: owner } : { rule: 'plan-term' };
  // "Kyiv is under pressure to give up the region": the party is the clause's subject only as the one pressed, and
  // takes no stance elsewhere in it ("X signalled …, as Kyiv faces pressure to …" is X's signal).
  const pressedOnly = (clause: string, party: string) => {
    const own = mentionsOf(clause, party);
    const pressedSubject = own.some((m) => opensClause(clause, m) && isPressed(clause, m));
    return pressedSubject && !own.some((m) => takesStance(clause, m) && !isPressed(clause, m));
  };
  // "Kyiv confirmed the demand to leave the region": the party reports or receives another's demand, and takes no
  // stance of its own elsewhere in the clause.
  // "Kyiv has received a demand from Moscow to …": the sender named after the demand holds it.
  const receivedOnly = (clause: string, party: string): { sender: string | null } | null => {
    const own = mentionsOf(clause, party);
    const receiving = own.filter((m) => receivesDemand(clause, m));
    if (!receiving.length || own.some((m) => !receiving.includes(m) && takesStance(clause, m))) return null;
    const others = topics.partyMentions(clause).filter((m) => m.id !== party);
    const at = receiving[0] ? demandSenderAt(clause, receiving[0], others) : -1;
    return { sender: others.find((m) => m.start === at)?.id ?? null };
  };
  // The party a rule found for a clause, unless another holds its stance or none does: the side whose statement a
  // possessive reports (not the speaker commenting on it), both sides together or an outsider as its subject, a
  // forecast of the side's reaction, or a term of a plan framing the sentence ("Under the reported plan, Kyiv would
  // cede …"), which is the plan owner's demand when a side owns it, else nobody's.
  const holderOf = (
    sentence: Sentence,
    clause: Clause,
    index: number,
    party: string,
    subject: PartyMention | undefined,
  ): { party: string } | { rule: string } => {
    // "X's statement on not recognising the peninsula shows …, the other side's spokeswoman said": X's stance.
    const reported = !subject || isSayer(clause.text, subject);
    const stated = reported ? possessiveStatementOwner(clause.text, topics, people) : null;
    if (stated) return { party: stated };
    if (viewedByOutsider(clause.text)) return { rule: 'outsider-view' };
    const outsiderVoice = () => voicedByOutsider(sentence.text) || outsiderFrame(sentence, clause.text);
    if (opensHypothesis(clause.text) && outsiderVoice()) return { rule: 'outsider-hypothesis' };
    const forecast = forecastAt(clause.text);
    if (forecast >= 0 && (!subject || subject.start < forecast)) return { rule: 'forecast' };
    const frame = subject && bearsTerm(clause.text, subject) ? planFrame(sentence.text) : null;
    if (frame) return termHolder(planOwner(index, sentence.text.slice(frame.start, frame.end + 60)));
    // "The reported plan envisages Ukraine ceding …", "X said the US proposals would see Kyiv give up …": the party
    // named only after the plan's verb (or only as the one who reports the plan) bears the term.
    const planEnd = planSubjectEnd(clause.text);
    const ownsPlan = (m: PartyMention) => m.start < planEnd && !isSayer(clause.text, m);
    // A side judging or warning about the plan ("…, despite warnings from Kyiv that …", "… unacceptable to Kyiv") bears
    // no term of it: the view is its own.
    const judgesPlan = () => framingHolders(clause.text, topics, people).some((m) => m.id === party);
    if (planEnd >= 0 && !mentionsOf(clause.text, party).some(ownsPlan) && !judgesPlan()) {
      return termHolder(planOwner(index, clause.text));
    }
    if (namesPressure(clause.text) && pressedOnly(clause.text, party)) return { rule: 'pressed-to-act' };
    const received = namesReceipt(clause.text) ? receivedOnly(clause.text, party) : null;
    if (received) return received.sender ? { party: received.sender } : { rule: 'reports-received-demand' };
    const blocked = blockedHolder(clause.text, topics, people, outsiderPeople);
    return blocked ? { rule: blocked } : { party };
  };
  let previous: { index: number; topics: string[] } = { index: -2, topics: [] };
  // "Moscow demands Kyiv's withdrawal from two eastern provinces. It wants Donetsk and Luhansk.": regions counted in a
  // sentence naming none are the places the sentence before names, or else those a sentence or two on names.
  const countedPlaces = (sentence: Sentence, index: number): Mention[] => {
    const count = COUNTED_LAND.exec(sentence.text);
    if (!count) return [];
    const namedIn = (s: Sentence | undefined) =>
      s ? topicIds.filter((id) => bodyMentions.some((m) => m.id === id && m.start >= s.start && m.end <= s.end)) : [];
    let places = previous.index === index - 1 ? previous.topics : [];
    for (let ahead = 1; !places.length && ahead <= COUNTED_NAMED_WITHIN; ahead++)
      places = namedIn(sentences[index + ahead]);
    const start = sentence.start + count.index;
    return places.map((id) => ({ id, start, end: start + count[0].length }));
  };
  // The last sentence naming topics: a refusal sentences later may point back to its demand ("these terms").
  let carried = null as Omit<CarriedDemand, 'owners'> | null;
  // The last demand on named regions that a side held: the land in dispute, which a side named as refusing land
  // ("Kyiv has refused to give up any territory") answers however far on, past other places and paragraphs.
  let disputed = null as Omit<CarriedDemand, 'owners'> | null;
  // Each kind of sentence is read by a function of its own rather than inline in the loop: V8 optimises a function
  // as a whole, and with both inline this one took one to two seconds to compile each time a rarer sentence
  // deoptimised it (four times in the bench's 1,000 articles), running unoptimised meanwhile.
  // A sentence naming no topic: it may end the topic before, point back to it, take it up or answer it.
  const followsTopics = (index: number, sentence: Sentence): void => {
    // "Russia wants Donetsk. It also claims Kherson. Kyiv will not give up these lands.": another place ends the topic
    // (only one within reach matters: beyond it, nothing points back to the topic anyway).
    if (carried && reaches(carried, index, sentence, article.body) && namesOtherPlace(sentence.text, topics)) {
      carried = null;
    }
    const found = positions.length;
    if (previous.index === index - 1 && (REFERS_BACK.test(sentence.text) || PLACE_ANAPHOR.test(sentence.text))) {
      const back = {
        refersBack: (c: string) => REFERS_BACK.test(c) || PLACE_ANAPHOR.test(c),
        demander: demanderOf(index),
        // A quoted official pointing back to the places ("… must leave these territories," the spokesman said).
        // Or the speaker whose unquoted first-person answer the paragraph goes on with ("Our constitution names four
        // regions. The army of Kyiv must leave these territories.").
        // Or the owner of the list whose point it is ("Among the conditions are: recognition of Crimea …; withdrawal of
        // the army from these territories;").
        holder: (c: string) =>
          lists.get(index) ??
          (claimsStance(c, topics)
            ? (speakerParty(sentence, article.id, statements, topics) ??
              voiceGoingOn(index, sentences, parties, article.body))
            : null),
      };
      positions.push(...referringBack(sentence, previous.topics, article.id, topics, people, back));
    } else if (previous.index === index - 1 && SAME_DEMAND.test(sentence.text)) {
      // "The envoys pressed Kyiv to leave Donetsk. Moscow has made the same demand.": the subject takes it up.
      const back = {
        refersBack: (c: string) => SAME_DEMAND.test(c),
        holder: (c: string) => openingSubject(c, topics, people),
      };
      const taken = referringBack(sentence, previous.topics, article.id, topics, people, back);
      positions.push(...taken);
      // The demand taken up stays the topic of the next sentence, which may answer it ("For Kyiv, it is unacceptable").
      if (taken.length) previous = { index, topics: previous.topics };
    } else if (
      previous.index === index - 1 &&
      REPLY_WORD.test(sentence.text) &&
      (REPLY_ANAPHOR.test(sentence.text) || BARE_REPLY.test(sentence.text))
    ) {
      // "Moscow insists Kyiv must recognise Crimea. Ukraine has said it never will.", "For Kyiv, that is
      // unacceptable.", "Kyiv has refused.": a reply by the other side.
      const evidence = sentences[index - 1]?.text;
      const holders = new Set(positions.filter((p) => p.citations[0]?.evidence === evidence).map((p) => p.party));
      const back = {
        refersBack: (c: string) => REPLY_ANAPHOR.test(c) || BARE_REPLY.test(c),
        otherThan: holders,
        // "The proposal was firmly rejected by Kyiv": the agent of a passive reply answers as the subject does.
        holder: (c: string) => replier(c, topics, people) ?? replyingParties(c, topics, people)[0]?.id ?? null,
      };
      // The sentence before may be the last point of a list the same side set out over several sentences ("… must
      // recognise Crimea. … Apart from that, Kyiv should leave the Donbas. He called the conditions an ultimatum."):
      // a reply naming the demands in the plural answers every topic of the list, "it" only the last point.
      const answered =
        carried?.index === index - 1 && PLURAL_PROPOSAL.test(sentence.text) ? carried.topics : previous.topics;
      if (holders.size) positions.push(...referringBack(sentence, answered, article.id, topics, people, back));
      // Answered here rather than by `answerToCarried`: a later demand by the same side starts a new list all the same.
      if (positions.length > found && carried?.index === index - 1)
        carried = carriedDemand(carried.index, carried.sentence, carried.topics, true);
    }
    const demand: Omit<CarriedDemand, 'owners'> | null = carried;
    if (positions.length === found && demand && reaches(demand, index, sentence, article.body)) {
      const context = {
        articleId: article.id,
        topics,
        people,
        // A transcript's answer ("NAME: There is nothing to discuss here.") is its labelled speaker's.
        speaker: parties.speakerOf(index),
        // Read only when the sentence answers by pointing back: resolving a pronoun reads the body for names.
        get pronounParty() {
          return parties.referentAt(sentence.start);
        },
      };
      const answers = answerToCarried(sentence, demand, positions, context);
      positions.push(...answers);
      if (answers.length) carried = carriedDemand(demand.index, demand.sentence, demand.topics, true);
      else if (reachesRestated(demand, index) && restatesCarried(sentence.text, QUOTE_MARK.test(sentence.text))) {
        // "Ukrainian troops must leave these lands", "a buffer zone could be set up there, he said": a stance
        // on the land of the carried topic, named only by pointing back. Who says it is read only then: the
        // people named in the body are found once per article, on first use.
        const holders = holdersIn(positions, demand.sentence);
        const voices = {
          speaker: speakerAround(index),
          person: referentAt(sentence.start),
          // "He would accept a zone there. This proposal must go to a vote.": the one side that made the proposal.
          proposer: holders.size === 1 ? ([...holders][0] ?? null) : null,
        };
        const restated = restatedOnCarried(sentence, demand, { ...context, ...voices }, (c) =>
          outsiderFrame(sentence, c),
        );
        positions.push(...restated);
      }
    }
    // Beyond the reach of pointing back, only a refusal of land by a side the clause names answers the dispute: a
    // pronoun or a quote's speaker that far on may be anyone's, and "these conditions" may be any other demand's.
    const land = disputed;
    const near = demand !== null && reaches(demand, index, sentence, article.body);
    // A refusal that names other places of its own ("no more land, least of all in Kherson") is about those places.
    if (
      positions.length === found &&
      land &&
      !near &&
      pointsToLand(sentence.text) &&
      !namesOtherPlace(sentence.text, topics)
    ) {
      const named = { articleId: article.id, topics, people, speaker: null, pronounParty: null };
      positions.push(...answerToCarried(sentence, land, positions, named));
    }
  };
  // "\"I believe Moscow is signalling to the mediator to recognise Crimea,\" the Ukrainian president said", "you know
  // that they want our region": a side that is the subject of the reported clause holds what it wants, not the
  // speaker reporting it. A plural pronoun there stands for the last side the sentence named before it.
  const reportedSubject = (clause: string, topicAt: number): string | null => {
    const obliged = obligedParty(clause, topics);
    const opens = (at: number) => opensReportedClause(clause.slice(Math.max(0, at - 50), at));
    const named = actorMentions(clause, topics, people).find(
      (m) =>
        m.kind !== 'proposal' &&
        m.start < topicAt &&
        opens(m.start) &&
        !isPatient(clause, m, obliged) &&
        !predictedToFail(clause, m),
    );
    if (named) return named.id;
    for (const pronoun of clause.slice(0, topicAt).matchAll(/\bthey\b/giu)) {
      if (!opens(pronoun.index)) continue;
      return (
        topics
          .partyMentions(clause)
          .filter((m) => m.end <= pronoun.index)
          .at(-1)?.id ?? null
      );
    }
    return null;
  };
  // A sentence naming topics: the positions of each of its clauses.
  const topicSentence = (index: number, sentence: Sentence, inSentence: Mention[], sentenceTopics: string[]): void => {
    const seen = new Set<string>();
    const reject = (topic: string, party: string | null, rule: string) =>
      options.onReject?.({ category: 'positions', topic, party, sentence: sentence.text, rule });
    const emit = (topic: string, party: string, clause: string) => {
      const key = `${topic}\u0000${party}`;
      if (seen.has(key)) return;
      if (isAgendaOnly(clause)) {
        reject(topic, party, 'agenda-only');
        return;
      }
      if (declinesComment(clause)) {
        reject(topic, party, 'declines-comment');
        return;
      }
      if (reportsControl(clause)) {
        reject(topic, party, 'reports-control');
        return;
      }
      if (asksInWritersVoice(clause, sentence.text)) {
        reject(topic, party, 'writers-question');
        return;
      }
      if (topicOnlyInAside(clause, () => topics.topicMentions(clause).filter((m) => m.id === topic))) {
        reject(topic, party, 'topic-in-aside');
        return;
      }
      seen.add(key);
      const stance = stanceOf(clause);
      positions.push({
        id: positionId(topic, party, stance),
        topic,
        party,
        stance,
        citations: [{ articleId: article.id, evidence: sentence.text }],
      });
    };
    // An unquoted paragraph in the first person after a speaker's sentence goes on in that speaker's voice.
    const voiceCarried = () => carriedSpeaker(index, sentences, parties);
    // "Asked about the Donetsk region, he said …": the answer is about the topic the question frame names.
    const framed = questionFrameEnd(sentence.text);
    // "…, he said when asked about Crimea": a question set after the answer frames it too.
    const trailing = trailingQuestionFrameStart(sentence.text);
    const framedTopics = new Set(
      inSentence
        .filter((m) => m.end - sentence.start <= framed || (trailing >= 0 && m.start - sentence.start >= trailing))
        .map((m) => m.id),
    );
    const speaker = (topic: string) =>
      claimsStance(sentence.text, topics) || topics.cuesStance(topic, sentence.text)
        ? (speakerParty(sentence, article.id, statements, topics, framedTopics.has(topic) ? undefined : topic) ??
          sideSpeaking(index, sentence, framedTopics.has(topic) ? undefined : topic) ??
          opinionHolder(sentence.text, sentence.start, referentAt) ??
          voiceCarried())
        : null;
    // A side that is the subject of the words the speaker reports holds them, not the speaker (`reportedSubject`).
    const reportedOrSpeaker = (topic: string, clause: string, topicAt: number): string | null => {
      const said = speaker(topic);
      return said === null ? null : (reportedSubject(clause, topicAt) ?? said);
    };
    let matrixParty: string | null = null;
    // "Its demands are: 1) …; 2) …", "Moscow's conditions include: …; …": each point of a list inside the
    // sentence is its introducer's, numbered or not.
    const colonAt = sentence.text.indexOf(':');
    const colonOwner = colonAt >= 0 ? proposalOwner(sentence.text.slice(0, colonAt), topics) : null;
    for (const clause of splitClauses(sentence.text)) {
      const allTakers = stanceTakers(clause.text, topics, people);
      // A party that wants or refuses only inside a condition ("… if Kyiv wants peace") states no stance of its own.
      // Nor does a party a demand is put to ("… demands that Kyiv cedes the region").
      // Nor does a side predicted to fail ("… that Kyiv will not succeed in retaking Crimea"): the prediction is the speaker's.
      const takers = allTakers.filter(
        (t) => !namedInCondition(clause.text, t) && !demandedOf(clause.text, t) && !predictedToFail(clause.text, t),
      );
      const from = sentence.start + clause.start;
      // Array.from, not .map, which returns a holey array once optimised: a new map for `positionsOn`, mid-batch.
      const clauseTopics = Array.from(
        inSentence.filter((m) => m.start >= from && m.end <= from + clause.text.length),
        (m) => ({ ...m, start: m.start - from, end: m.end - from }),
      );
      if (clauseTopics.length) {
        let replies: ProposalReply[] | undefined;
        // One function per topic of the clause, not inline: see `topicSentence`.
        const positionsOn = (topic: string): void => {
          // "Asked about the eastern regions, he said Moscow expects Kyiv to leave Donetsk": the answer's own mention,
          // not the question's, is where the stance stands.
          const mention =
            clauseTopics.find((m) => m.id === topic && m.start + clause.start >= framed) ??
            clauseTopics.find((m) => m.id === topic);
          if (!mention) return;
          // "X rejected Russia's demand that Ukraine leave the Donbas": the demand's owner and the replier both.
          replies ??= proposalReplies(clause.text, topics, people, (at, role) =>
            referentAt(sentence.start + clause.start + at, role),
          );
          for (const reply of replies) {
            if (reply.at >= mention.start) continue;
            emit(topic, reply.owner, clause.text);
            emit(topic, reply.replier, clause.text);
          }
          // A party named only after the topic is the subject of a later clause ("Crimea is ours, Kyiv says"),
          // unless the sentence is someone's quote: then it is what the speaker talks about ("each talk of Crimea
          // pulls us into the quarrel Moscow is after", a Ukrainian said), and the speaker holds it.
          const before = takers.filter((t) => t.start < mention.start).at(-1);
          const subject =
            before ?? (speakerParty(sentence, article.id, statements, topics, topic) ? undefined : takers[0]);
          if (
            subject &&
            !statesPosition(clause.text, subject, topics) &&
            !topics.cuesStance(topic, clause.text) &&
            !demandsOfAddressee(clause.text, topics)
          ) {
            reject(topic, subject.id, 'subject-states-no-position');
            return;
          }
          // A party acting only after the topic in a history recap ("… after a vote that Kyiv dismissed in 2022").
          if (subject && !before && isBackground(clause.text)) {
            reject(topic, subject.id, 'background');
            return;
          }
          let unowned = 'outsider-frame';
          const coordinated = coordinatedStanceAt(clause.text);
          // "The president said that Moscow may be signalling to the mediator to recognise Crimea": the side that is the
          // subject of the reported clause holds it, whether or not the article (or the corpus) gives the sayer a side.
          const reported =
            subject && isSayer(clause.text, subject) ? reportedSubject(clause.text, mention.start) : null;
          const warned = warnedCeder(clause.text, topics, people);
          const party =
            // "He warned that Moscow would use the region as a springboard if Kyiv handed it over": Kyiv's refusal.
            (warned && !warned.beside ? warned.party : null) ??
            reported ??
            subject?.id ??
            // A history recap's coordinated verb ("…, and claimed them, besides the peninsula it annexed in 2014") is none.
            (coordinated >= 0 &&
            clauseTopics.some((m) => m.id === topic && m.start > coordinated) &&
            (!isBackground(clause.text) || presentCoordinatedStance(clause.text, coordinated))
              ? openingSubject(sentence.text, topics, people)
              : null) ??
            (clause.contrast && SUBJECTLESS_STANCE.test(clause.text)
              ? openingSubject(sentence.text, topics, people)
              : null) ??
            (COMPLEMENT.test(clause.text) ||
            (clause.contrast && ELLIPSIS.test(clause.text)) ||
            (clause.start > 0 && opensListItem(clause.text))
              ? matrixParty
              : null) ??
            (clause.start > colonAt && colonAt >= 0 ? colonOwner : null) ??
            reportedOrSpeaker(topic, clause.text, mention.start) ??
            lists.get(index) ??
            (UNOWNED_PLAN.test(clause.text) || PLAN_REFERENCE.test(clause.text)
              ? planOwner(index, clause.text)
              : null) ??
            demanderOf(index)(clause.text) ??
            unnamedMemberParty(clause, sentence, index) ??
            gerundStanceHolder(clause.text, topics, people) ??
            causedStanceHolder(clause.text, topics, people) ??
            pronounOwnedDemand(clause.text, sentence.start + clause.start, referentAt) ??
            (clause.start === 0 ? itReferent(clause.text, sentences[index - 1]?.text, topics, people) : null) ??
            (outsiderFrame(sentence, clause.text)
              ? null
              : (addressedDemandOwner(sentence, clause, index) ??
                zoneOfferer(sentence, clause.text, index) ??
                soleActor(clause.text, topics, people, (rule) => {
                  unowned = rule;
                }) ??
                (unowned === 'no-actor' && clause.text.length < sentence.text.length
                  ? soleActor(sentence.text, topics, people, (rule) => {
                      unowned = rule;
                    })
                  : null)));
          const held = party ? holderOf(sentence, clause, index, party, subject) : { rule: unowned };
          if ('party' in held) emit(topic, held.party, clause.text);
          else reject(topic, party, held.rule);
          // The parties below reply to the stance; one the rules above left to no side still may.
          const kept = 'party' in held ? held.party : null;
          // "Kyiv dismissed Moscow's call to leave the region": the answer is a position beside the proposal's.
          const answerer = before ? answererOfProposal(clause.text, before, takers) : null;
          if (answerer) emit(topic, answerer.id, clause.text);
          // "Moscow's demand to cede the region is unacceptable, the Ukrainian minister said": the judge is the speaker.
          const judge = before?.kind === 'proposal' && REFUSING_JUDGEMENT.test(clause.text) ? speaker(topic) : null;
          if (judge && judge !== before?.id) emit(topic, judge, clause.text);
          // "X demands Y, which Z rejected", "…, a demand rejected by Z", "X wants Y and Z has refused": the reply is
          // Z's position on the same topic.
          for (const reply of [
            ...replyingParties(clause.text, topics, people),
            ...(isBackground(clause.text) ? [] : laterRefusers(clause.text, mention.end, topics, people)),
          ]) {
            if (reply.start > mention.end && reply.id !== kept) emit(topic, reply.id, clause.text);
          }
          const refuser = trailingRefuser(sceneOf(sentence, clause, index), topics, referentAt, people);
          if (refuser && refuser !== kept) emit(topic, refuser, clause.text);
          const demander = asClauseHolder(clause.text, topics, people);
          if (kept && demander && demander !== kept) emit(topic, demander, clause.text);
          // "Despite Moscow's demands that Kyiv cede its land, the president vowed never to give up the region": the
          // demand conceded before the stance is its owner's position on the same topic.
          const conceded = kept ? concededProposalOwner(clause.text, topics, people) : null;
          if (conceded && conceded !== kept) emit(topic, conceded, clause.text);
          // "Moscow considers the idea of the President of Ukraine to return Crimea an illusion": the want's owner too.
          const wanter = ownerOfWant(clause.text, mention.start, topics, people);
          if (wanter && wanter !== kept) emit(topic, wanter, clause.text);
          // "He warned that Moscow wants the whole region and will not stop if Kyiv hands it over": Kyiv's refusal too.
          if (warned?.beside && warned.party !== kept) emit(topic, warned.party, clause.text);
        };
        for (const topic of sentenceTopics) positionsOn(topic);
      } else if (takers[0] && ANAPHORA.test(clause.text) && statesPosition(clause.text, takers[0], topics)) {
        const held = holderOf(sentence, clause, index, takers[0].id, takers[0]);
        for (const topic of sentenceTopics) {
          if ('party' in held) emit(topic, held.party, clause.text);
          else reject(topic, takers[0].id, held.rule);
        }
      } else if (
        takers[0] &&
        clause.contrast &&
        sentenceTopics.length === 1 &&
        statesPosition(clause.text, takers[0], topics)
      ) {
        // "Russia wants the whole region, while Kyiv insists that the front line must be the starting point."
        const held = holderOf(sentence, clause, index, takers[0].id, takers[0]);
        if ('party' in held) emit(sentenceTopics[0] ?? '', held.party, clause.text);
        else reject(sentenceTopics[0] ?? '', takers[0].id, held.rule);
      } else if (takers[0] && clause.start > 0 && repliesToProposal(clause.text)) {
        // "Moscow demands the whole Donbas; Kyiv rejects the proposal": a later clause in which another side replies,
        // naming no region, answers the demand of the clause before on its topics (the reply convention), when the
        // reply points back to it, as in the next sentence ("Kyiv rejects new sanctions" answers something else).
        const replier = takers[0];
        const answered = sentenceTopics.filter((topic) =>
          [...seen].some((key) => key.startsWith(`${topic}\u0000`) && key !== `${topic}\u0000${replier.id}`),
        );
        const held = answered.length ? holderOf(sentence, clause, index, replier.id, replier) : null;
        if (held && 'party' in held) for (const topic of answered) emit(topic, held.party, clause.text);
      } else if (
        !takers.length &&
        clause.contrast &&
        SUBJECTLESS_STANCE.test(clause.text) &&
        ANAPHORA.test(clause.text) &&
        !statesNoStance(clause.text)
      ) {
        // "Moscow holds most of the province but has called on Kyiv to hand over the rest of it": the contrasting
        // clause names the topic of the first only by pointing back, and its subject is the sentence's.
        const opener = openingSubject(sentence.text, topics, people);
        const held = opener ? holderOf(sentence, clause, index, opener, undefined) : null;
        if (held && 'party' in held) for (const topic of sentenceTopics) emit(topic, held.party, clause.text);
      }
      matrixParty ??= takers[0]?.id ?? null;
    }
  };
  for (const [index, sentence] of sentences.entries()) {
    const named = bodyMentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    const counted = named.length ? [] : countedPlaces(sentence, index);
    const inSentence = [...named, ...referredBack(sentence, named, previous, index), ...counted];
    const sentenceTopics = topicIds.filter((id) => inSentence.some((m) => m.id === id));
    if (!sentenceTopics.length) {
      followsTopics(index, sentence);
      continue;
    }
    const held = positions.length;
    // "Any territorial concession would breach our constitution": land named only by a noun of its dispute is read as
    // the regions named before it, and when no rule finds a side there, as a sentence pointing back to the demand.
    if (named.every(isDisputeMention) && !counted.length) {
      topicSentence(index, sentence, inSentence, sentenceTopics);
      if (positions.length === held) {
        followsTopics(index, sentence);
        continue;
      }
    } else {
      topicSentence(index, sentence, inSentence, sentenceTopics);
    }
    previous = { index, topics: sentenceTopics };
    const next = carriedDemand(index, sentence, sentenceTopics);
    carried = continuedDemand(carried, next, (s) => holdersIn(positions, s), article.body);
    if (positions.length > held) disputed = carried;
  }
  // A quote cut into sentences states one position per topic and side, however often its sentences restate it.
  const folded = foldQuotedRepeats(positions, sentences, article.body);
  // The headline sums up the lead: its whole-land phrases stand for the regions the lead names.
  const leadEnd = sentences[LEAD_SENTENCES - 1]?.end ?? article.body.length;
  const articleTopics = [...new Set(namedInBody.filter((m) => m.start < leadEnd).map((m) => m.id))];
  return [...folded, ...headlinePositions(article, sentences, { ...options, topics, articleTopics }, people)];
}

/**
 * What opens a reported clause right before its subject: "… said that", "I believe", "you know that", also past a short
 * hedge set off by commas ("I believe that, most likely, Moscow …"), which may name a place or a party ("that, Belarus
 * aside, …", "that, like Minsk, …") but has a lower-case word; a run of capitalised words alone between commas is a
 * name or an address ("that, Mr President, …"), not a hedge. Case-sensitive, so that `\p{Ll}` means lower case (the
 * opener stands inside a sentence, where its words are lower case).
 */
const REPORTED_CLAUSE_OPENER = new RegExp(
  String.raw`\b(?:that|${words(S.reportedClauseOpeners)})(?:,\s+(?=(?:\p{L}+\s+)*\p{Ll})[\p{L}\s]{2,24},)?\s+(?:the\s+)?$`,
  'u',
);

/** Whether `before`, the words right before a subject, open a reported clause (`REPORTED_CLAUSE_OPENER`). */
export const opensReportedClause = (before: string): boolean => REPORTED_CLAUSE_OPENER.test(before);

/** The sentences of a report's lead, which its headline sums up. */
const LEAD_SENTENCES = 3;

/** How many first-person sentences back the voice of a speaker carries. */
const CARRIED_SENTENCES = 3;

/**
 * The party of the speaker whose words an unquoted first-person sentence goes on with ("He also added that … .
 * I do not know why nobody mentions this. Our constitution …"): agency copy drops the quote marks of a long
 * answer. The nearest sentence before with a speaker, through first-person sentences only; null when the
 * sentence is quoted, not in the first person, or no speaker is in reach.
 */
function carriedSpeaker(index: number, sentences: readonly Sentence[], parties: ArticleParties): string | null {
  const text = sentences[index]?.text ?? '';
  if (!FIRST_PERSON_WORD.test(text) || QUOTE_MARK.test(text)) return null;
  for (let i = index - 1; i >= Math.max(0, index - CARRIED_SENTENCES); i--) {
    const speaker = parties.speakerOf(i);
    if (speaker) return speaker;
    const before = sentences[i]?.text ?? '';
    if (!FIRST_PERSON_WORD.test(before) || QUOTE_MARK.test(before)) return null;
  }
  return null;
}

/**
 * The voice of the first-person sentence just before, in the same paragraph, that an unquoted sentence without a
 * first person of its own goes on with: agency copy drops the quote marks of a long answer, and its next sentence
 * may name no "we" ("Our constitution names four regions. The army of Kyiv must leave these territories.").
 */
function voiceGoingOn(
  index: number,
  sentences: readonly Sentence[],
  parties: ArticleParties,
  body: string,
): string | null {
  const sentence = sentences[index];
  const before = sentences[index - 1];
  if (!sentence || !before || QUOTE_MARK.test(sentence.text)) return null;
  const sameParagraph = !body.slice(before.end, sentence.start).includes('\n');
  return sameParagraph ? carriedSpeaker(index - 1, sentences, parties) : null;
}

/**
 * The headline states the article's main position more often than any sentence ("X rejects plan to cede
 * the region"), and labels count it: read it by the same rules, as a one-sentence text citing itself. Not when
 * the body repeats it, nor for a party that the body alone names (the people it introduces still act in it).
 */
function headlinePositions(
  article: Article,
  sentences: readonly Sentence[],
  options: ExtractPositionsOptions & { topics: CompiledTopics },
  people: PeopleMentions,
): Position[] {
  const title = article.title?.trim();
  if (!title || isLiveTitle(title) || sentences.some((s) => s.text.trim() === title)) return [];
  const headline = { ...article, body: title, title: null };
  const speaker = headlineSpeaker(article.id, title, options.topics, people);
  return extractPositions(headline, {
    topics: options.topics,
    people: options.people,
    mentioned: options.mentioned,
    sentences: [{ text: title, start: 0, end: title.length }],
    onReject: options.onReject,
    articleTopics: options.articleTopics,
    ...(speaker ? { statements: [speaker] } : {}),
  });
}

/**
 * A headline's speaker named before a colon: one to four capitalised words (a surname, "Kremlin", "Minister Belenko"),
 * the last of them a side or a person the article (or the corpus) places in one. Lower-case words before the colon
 * make it a label ("Conflict in Ukraine:"), and a last word that is no actor one too ("Russia-Ukraine War:").
 */
const HEADLINE_SPEAKER = /^(\p{Lu}[\p{L}'’.-]*(?:,?\s+\p{Lu}[\p{L}'’.-]*){0,3}):\s+(\S.*)$/su;

/**
 * Words after the colon that name their own sayer ("Ukraine: the Donbas must be demilitarised, Moscow says", "Kremlin:
 * Belenko says …"): a verb of saying at most three words after their start or a comma. Those words are that sayer's,
 * and the name before the colon is the headline's label, not their speaker.
 */
const OWN_SAYER = new RegExp(String.raw`(?:^|,)\s*(?:[\p{L}'’.-]+\s+){0,3}${words(S.sayingVerbs)}(?![\p{L}])`, 'iu');

/**
 * "Sybiha: Crimea will return to Ukraine": the words after a headline's speaker are that speaker's, as
 * '"Crimea will return to Ukraine," Sybiha said' is in a body: the speaker's side holds a stance the words take, read
 * by the same rules as a quote's (`speakerParty`), as a statement of the speaker for this reading only.
 */
function headlineSpeaker(
  articleId: string,
  title: string,
  topics: CompiledTopics,
  people: PeopleMentions,
): Statement | null {
  const colon = HEADLINE_SPEAKER.exec(title);
  const [, name, words] = colon ?? [];
  if (!name || !words || OWN_SAYER.test(words)) return null;
  const actors = actorMentions(name, topics, people);
  const last = actors.at(-1);
  if (!last || last.end !== name.length || last.kind === 'proposal') return null;
  // A name holding two sides ("Ukraine, Kremlin:", "Russia Ukraine:") is a pair or a section label, no one speaker.
  if (actors.some((m) => m.id !== last.id)) return null;
  return {
    id: 'headline-speaker',
    speakerKey: 'headline-speaker',
    speaker: name,
    affiliation: last.id,
    kind: 'direct',
    text: words,
    topics: [],
    citations: [{ articleId, evidence: title }],
  };
}

/**
 * The wide pass: a clause naming a topic whose stance no rule gave a party is a candidate for each party
 * it names as an actor. None is kept when the clause states no want, offer or refusal, asks a question,
 * tells history or gives an outsider's view; a party asked to act, or named only after the stance, is no
 * candidate; exactly one party left holds the position.
 */
function soleActor(
  clause: string,
  topics: CompiledTopics,
  people: PeopleMentions,
  /** Told the rule that left the clause without a party. */
  why: (rule: string) => void,
): string | null {
  const rule =
    statesNoStance(clause) && !saysClaim(clause, topics, people)
      ? 'no-want-offer-refusal'
      : isQuestion(clause)
        ? 'question'
        : isBackground(clause)
          ? 'background'
          : voicedByOutsider(clause)
            ? 'outsider-voice'
            : null;
  if (rule) {
    why(rule);
    return null;
  }
  const obliged = obligedParty(clause, topics);
  const framing = framingHolders(clause, topics, people);
  const named = [...framing, ...actorMentions(clause, topics, people)];
  const patients = named.filter((m) => isPatient(clause, m, obliged) || namedInLaterCondition(clause, m));
  // A framing party holds the view however late it is named ("… is unacceptable to Kyiv").
  const actors = named.filter((m) => !patients.includes(m) && (framing.includes(m) || !namedAfterStance(clause, m)));
  const parties = new Set(actors.map((m) => m.id));
  if (parties.size === 1) return actors[0]?.id ?? null;
  why(
    parties.size > 1
      ? 'several-actors'
      : patients.length
        ? 'party-asked-to-act'
        : named.length
          ? 'party-named-after-stance'
          : 'no-actor',
  );
  return null;
}

/**
 * A side's reported words that claim the land or state a stance by a side's own cues ("Crimea is and will remain
 * Ukrainian, said Kyiv", "…, the Kremlin said"): a party of the clause says them, before or after its verb of saying.
 * Asked only of a clause with no want, offer or refusal: what a side reports it did stays history (`claimsStance`).
 */
function saysClaim(clause: string, topics: CompiledTopics, people: PeopleMentions): boolean {
  if (!claimsStance(clause, topics)) return false;
  const sayer = (m: PartyMention) => isSayer(clause, m) || framesAsSayer(clause, m);
  return actorMentions(clause, topics, people).some(sayer) || framingHolders(clause, topics, people).some(sayer);
}

/**
 * Who replies in a clause that holds a reply word but no stance verb: the party it frames ("For Kyiv, that is
 * unacceptable") or the one named before the reply ("Kyiv calls the demand unacceptable").
 */
function replier(clause: string, topics: CompiledTopics, people: PeopleMentions): string | null {
  const reply = REPLY_WORD.exec(clause);
  if (!reply) return null;
  const before = [...framingHolders(clause, topics, people), ...actorMentions(clause, topics, people)];
  return before.find((m) => m.start < reply.index)?.id ?? null;
}

/**
 * "… Moscow's rule over those regions, Crimea among them": a sentence naming one topic
 * may refer back to the previous sentence's others. Each such topic is mentioned where the reference stands.
 */
function referredBack(
  sentence: Sentence,
  named: readonly Mention[],
  previous: { index: number; topics: string[] },
  index: number,
): Mention[] {
  if (previous.index !== index - 1 || !named.length) return [];
  const missing = previous.topics.filter((topic) => !named.some((m) => m.id === topic));
  const reference = missing.length ? REFERS_BACK_TO_PLACES.exec(sentence.text) : null;
  if (!reference) return [];
  const start = sentence.start + reference.index;
  return missing.map((id) => ({ id, start, end: start + reference[0].length }));
}

/**
 * "Moscow wants the two regions. … Kyiv has rejected these conditions.": a refusal or acceptance pointing back to
 * the last demand is the answering side's position on each topic of that demand. The demand is one that a
 * party holds (a position cites its sentence); the answer is another party's.
 */
/** No outsider people: a joint subject blocks an answer by itself, whoever else the article names. */
const NO_OUTSIDERS: ReadonlySet<string> = new Set();

function answerToCarried(
  sentence: Sentence,
  carried: Omit<CarriedDemand, 'owners'>,
  found: readonly Position[],
  context: {
    articleId: string;
    topics: CompiledTopics;
    people: PeopleMentions;
    /** The side whose speaker says the sentence (a quote, "…, Ukrainian officials said"). */
    speaker: string | null;
    /** The side a pronoun subject stands for: the one acting or speaking in the sentences just before. */
    pronounParty: string | null;
  },
): Position[] {
  const { articleId, topics, people } = context;
  if (!answersByPointingBack(sentence.text)) return [];
  const owners = holdersIn(found, carried.sentence);
  const clause = splitClauses(sentence.text).find((c) => answersByPointingBack(c.text));
  // A demand whose owner no rule found (a pronoun, a leader's title) still counts when it wants, offers or refuses.
  const isDemand = owners.size > 0 || !statesNoStance(carried.sentence.text);
  const rejected = !clause || isAgendaOnly(clause.text) || declinesComment(clause.text) || isBackground(clause.text);
  if (!isDemand || rejected) return [];
  // "Both sides reject territorial concessions": a refusal voiced by the two together is neither side's answer.
  if (blockedHolder(clause.text, topics, people, NO_OUTSIDERS) === 'joint-subject') return [];
  // A side that refused in the carried sentence may go on refusing ("Kyiv will not recognise the annexation of
  // Crimea. \"There is nothing to discuss,\" he said."): only a side that wanted it cannot answer its own demand.
  const demanders = new Set([...owners].filter((party) => !refusesIn(found, carried.sentence, party)));
  const party = answeringParty(clause.text, { ...carried, owners: demanders }, topics, people, {
    speaker: context.speaker,
    pronoun: context.pronounParty,
  });
  if (!party) return [];
  const stance = stanceOf(clause.text);
  return carried.topics.map((topic) => ({
    id: positionId(topic, party, stance),
    topic,
    party,
    stance,
    citations: [{ articleId, evidence: sentence.text }],
  }));
}

/** Whether every position `party` holds in the sentence is a refusal. */
function refusesIn(found: readonly Position[], sentence: Sentence, party: string): boolean {
  const held = found.filter((p) => p.party === party && p.citations[0]?.evidence === sentence.text);
  return held.length > 0 && held.every((p) => stanceKind(p.stance) === 'refusal');
}

/**
 * "Moscow wants the Donetsk region. … Ukrainian troops must leave these lands, the Kremlin said.": a stance on the
 * carried topic's land, named by pointing back or by a zone on it, is its holder's position on each carried topic.
 * Not a question, history, an agenda, no comment, nor an outsider's words or plan.
 */
function restatedOnCarried(
  sentence: Sentence,
  carried: Omit<CarriedDemand, 'owners'>,
  context: {
    articleId: string;
    topics: CompiledTopics;
    people: PeopleMentions;
    speaker: string | null;
    /** The party of the person a pronoun or a leader's role stands for. */
    person: string | null;
    /** The one side holding the carried sentence's position: the owner of a plan pointed back to as the subject. */
    proposer: string | null;
  },
  outsiderFrame: (clause: string) => boolean,
): Position[] {
  const quoted = QUOTE_MARK.test(sentence.text);
  if (!restatesCarried(sentence.text, quoted)) return [];
  const clause = splitClauses(sentence.text).find((c) => restatesCarried(c.text, quoted));
  if (!clause) return [];
  const text = clause.text;
  const rejected =
    isQuestion(text) ||
    isBackground(text) ||
    isAgendaOnly(text) ||
    declinesComment(text) ||
    voicedByOutsider(text) ||
    outsiderFrame(text);
  if (rejected) return [];
  const party = restatingParty(text, context.topics, context.people, context);
  if (!party) return [];
  const stance = stanceOf(text);
  return carried.topics.map((topic) => ({
    id: positionId(topic, party, stance),
    topic,
    party,
    stance,
    citations: [{ articleId: context.articleId, evidence: sentence.text }],
  }));
}

/** The parties holding a position the sentence states. */
function holdersIn(found: readonly Position[], sentence: Sentence): Set<string> {
  return new Set(found.filter((p) => p.citations[0]?.evidence === sentence.text).map((p) => p.party));
}

/** A sentence that takes a stance on "such formulation of the question", about the previous sentence's topics. */
function referringBack(
  sentence: Sentence,
  previousTopics: readonly string[],
  articleId: string,
  topics: CompiledTopics,
  people: PeopleMentions,
  how: {
    /** Whether a clause refers back ("such formulation of the question", "all of them", a reply's "it"). */
    refersBack: (clause: string) => boolean;
    /** The side whose plan puts an obligation in the clause on the other side ("Ukraine would have to …"). */
    demander?: (clause: string) => string | null;
    /** For a reply: the parties whose stance it answers, which the reply cannot be. */
    otherThan?: ReadonlySet<string>;
    /** Who holds the stance when no subject takes it with a stance verb ("For Kyiv, that is unacceptable"). */
    holder?: (clause: string) => string | null;
  },
): Position[] {
  const clauses = splitClauses(sentence.text);
  const at = clauses.findIndex((c) => how.refersBack(c.text));
  const takes = (clause: Clause | undefined): clause is Clause =>
    clause !== undefined && !isAgendaOnly(clause.text) && !declinesComment(clause.text) && !reportsControl(clause.text);
  const takerOf = (clause: Clause): string | null => {
    const taker = stanceTakers(clause.text, topics, people)[0];
    return taker && statesPosition(clause.text, taker, topics) ? taker.id : null;
  };
  let clause = clauses[at];
  if (!takes(clause)) return [];
  let party = takerOf(clause) ?? how.demander?.(clause.text) ?? how.holder?.(clause.text) ?? null;
  // The clause pointing back holds no side's stance ("These regions were annexed in 2014"): a later contrasting
  // clause that points back again by a pronoun, with a side as its subject, does ("…, but Kyiv holds that they are its
  // own").
  const later = party ? undefined : clauses.slice(at + 1).find((c) => c.contrast && PLACE_PRONOUN.test(c.text));
  if (takes(later)) {
    clause = later;
    party = takerOf(later);
  }
  if (!party || how.otherThan?.has(party)) return [];
  const stance = stanceOf(clause.text);
  return previousTopics.map((topic) => ({
    id: positionId(topic, party, stance),
    topic,
    party,
    stance,
    citations: [{ articleId, evidence: sentence.text }],
  }));
}

/** The end of a list of names before its last ", and": "from Donetsk, Lugansk, Kherson, and Zaporozhye". */
const LIST_BEFORE_AND = /,\s*\p{Lu}[\p{L}'\u2019-]*(?:\s+\p{Lu}[\p{L}'\u2019-]*)?$/u;

function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let from = 0;
  let contrast = false;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    // A serial comma before the last of a list of names ends no clause.
    if (/^,\s+and\s/u.test(m[0]) && LIST_BEFORE_AND.test(text.slice(from, m.index))) continue;
    clauses.push({ text: text.slice(from, m.index), start: from, contrast });
    from = m.index + m[0].length;
    contrast = /\b(?:but|while|whereas)\b/iu.test(m[0]);
  }
  clauses.push({ text: text.slice(from), start: from, contrast });
  return clauses.filter((c) => /\p{L}/u.test(c.text));
}

/** The clause as the stance: verbatim, without a leading connective or trailing punctuation. */
function stanceOf(clause: string): string {
  const trimmed = stanceText(clause.trim())
    .replace(LEADING_CONNECTIVE, '')
    .replace(/[\s,;:.]+$/u, '');
  return trimmed || clause.trim();
}

/** Stable across articles: the same party holding the same stance on the same topic gets the same id. */
export function positionId(topic: string, party: string, stance: string): string {
  const normalized = stance.toLowerCase().normalize('NFKC').replace(/\s+/g, ' ');
  return hash('sha256', `${topic}\u0000${party}\u0000${normalized}`).slice(0, 16);
}
