import { actorWords as A, stanceWords as S, words } from './lexicon.js';
import { openingIndexed } from './regex-first-words.js';
import type { PartyMention } from './topics.js';

/*
 * Rules that reject a candidate position: a clause that names a topic and a party but states no want,
 * offer or refusal of that party. Each rule is a small named predicate over the clause (or its sentence),
 * its vocabulary in lexicon/stance.json; positions.ts asks `isAgendaOnly` and `declinesComment` of every candidate
 * before it keeps one.
 */

const AGENDA_NOUN = openingIndexed(new RegExp(String.raw`\b${words(S.agendaNouns)}\b`, 'iu'));
const AGENDA_FRAME = openingIndexed(new RegExp(String.raw`\b${words(S.agendaFrames)}\b`, 'iu'));
const WANT_OFFER_REFUSE = openingIndexed(new RegExp(String.raw`\b${words(S.wantOfferRefuse)}\b`, 'iu'));

/**
 * What the talks will be about ("the next round is to centre on the east", "the region tops the
 * agenda"): an agenda, reported by a party or not, with no want, offer or refusal in it.
 */
export function isAgendaOnly(clause: string): boolean {
  return AGENDA_NOUN.test(clause) && AGENDA_FRAME.test(clause) && !WANT_OFFER_REFUSE.test(clause);
}

const NO_COMMENT = openingIndexed(new RegExp(String.raw`\b${words(S.noCommentFrames)}\b`, 'iu'));

/**
 * A party declining to comment on the topic ("The spokesman declined to say whether the demand covers
 * the region"): no stance, though "declined" is a verb of refusing and the question it leaves open names
 * a demand. Only when nothing before it already states one ("Moscow insists on X but would not say …").
 */
export function declinesComment(clause: string): boolean {
  const frame = NO_COMMENT.exec(clause);
  return frame !== null && !WANT_OFFER_REFUSE.test(clause.slice(0, frame.index));
}

/*
 * The wide pass. A clause that names a topic, but whose stance no rule above gave to a subject, a speaker,
 * a list or a plan, is still a candidate for every party it names as an actor, as the naive floor counts
 * it. The rules below reject the candidates that are no position; one party left is the clause's.
 */

/** No want, offer or refusal in the clause: the battlefield, an event or a description ("Russia holds most of it"). */
export const statesNoStance = (clause: string): boolean => !WANT_OFFER_REFUSE.test(clause);

/**
 * The party is named only after the want, offer or refusal, as its object or its audience ("the refusal
 * angered the Kremlin"): who holds a stance is named before it.
 */
export const namedAfterStance = (clause: string, mention: PartyMention): boolean => {
  const stance = WANT_OFFER_REFUSE.exec(clause);
  return stance !== null && stance.index < mention.start;
};

const QUESTION = /\?\s*["'\u201d\u2019]?\s*(?:[^?]{0,60})?$/u;
const OUTSIDER_SAYER = openingIndexed(
  new RegExp(
    String.raw`\b${words(S.outsiderSayers)}\b(?:\s+[\p{L}-]+){0,3}?\s+${words(S.sayingVerbs)}\b|\b${words(S.sayingVerbs)}\s+${words(S.outsiderSayers)}\b`,
    'iu',
  ),
);
/** An outsider's view of a side ("Analysts say Kyiv may have to accept …"): the third party's, no side's position. */
export const voicedByOutsider = (clause: string): boolean => OUTSIDER_SAYER.test(clause);

/** A question asks, it takes no position ("Would Kyiv ever give up the region?"). */
export const isQuestion = (clause: string): boolean => QUESTION.test(clause) && clause.includes('?');

const BACKGROUND = openingIndexed(
  new RegExp(String.raw`\b(?:${words(S.backgroundMarkers)})\b|\b(?:in|since|until)\s+(?:19|20)\d\d\b`, 'iu'),
);
/** History or background: dated in the past ("annexed in 2014", "years ago"), not what a side wants now. */
export const isBackground = (clause: string): boolean => BACKGROUND.test(clause);

const PATIENT_AFTER = new RegExp(
  String.raw`^(?:\s+\p{Ll}+ly)?\s+(?:to\s+[\p{L}-]+|(?:not\s+)?${words(S.bareStanceVerbs, S.bareActionVerbs)}(?![\p{L}]))`,
  'iu',
);
/** A verb in the past right before the party, which is then its object ("the draft surprised Ukraine by …"). */
const OBJECT_OF_VERB = /(?<![\p{L}-])\p{Ll}+ed\s+(?:the\s+)?$/u;
/** A verb of telling or urging right before the party, which is its audience ("the envoy told Kyiv a deal would need …"). */
const ADDRESSED_BY = new RegExp(String.raw`(?<![\p{L}-])${words(A.addressingVerbs)}\s+(?:the\s+)?$`, 'iu');

/**
 * The party is acted upon, not acting: asked to act, with a bare verb or an infinitive after it ("demands
 * Ukraine withdraw", "asking Kyiv to recognise"), or an obligation ("Ukraine would have to leave"), or the
 * object of a verb ("the draft surprised Ukraine by proposing …", "the envoy told Kyiv …").
 */
export const isPatient = (clause: string, mention: PartyMention, obliged: string | null): boolean =>
  mention.id === obliged ||
  PATIENT_AFTER.test(clause.slice(mention.end, mention.end + 60)) ||
  OBJECT_OF_VERB.test(clause.slice(Math.max(0, mention.start - 30), mention.start)) ||
  ADDRESSED_BY.test(clause.slice(Math.max(0, mention.start - 30), mention.start));

/** A condition opener ending right before a party: "if ", "unless the ". */
const CONDITION_OPENER = String.raw`${words(S.conditionOpeners)}\s+(?:the\s+)?$`;
const CONDITION_BEFORE = new RegExp(String.raw`\b${CONDITION_OPENER}`, 'iu');
/** The same opener inside a clause, after its main verb: "… by force if ", "… unless ". */
const LATER_CONDITION = new RegExp(String.raw`\p{L}[^\p{L}]+${CONDITION_OPENER}`, 'iu');

/**
 * The party is the subject of a condition ("… must leave the region if Kyiv wants peace", "unless Moscow agrees"):
 * what it would want there is a hypothesis, not its stance, whoever else the clause names.
 */
export const namedInCondition = (clause: string, mention: PartyMention): boolean =>
  CONDITION_BEFORE.test(clause.slice(Math.max(0, mention.start - 24), mention.start));

/**
 * Whether a party is named only as the subject of a condition set after the main clause ("X said his troops would
 * take the region by force if Kyiv did not pull back"): the condition is what the speaker asks of it, not its
 * stance. A condition opening the clause ("If Moscow agrees, Kyiv is ready …") leaves its main clause's subject alone.
 */
export const namedInLaterCondition = (clause: string, mention: PartyMention): boolean =>
  LATER_CONDITION.test(clause.slice(Math.max(0, mention.start - 30), mention.start));

/**
 * A subject holding or taking an area as the clause's own predicate, at its start or right after a verb of saying:
 * "Russia holds part of …", "Moscow says it annexed …"; not a relative clause ("the regions it annexed are …").
 */
const CONTROL_PREDICATE = new RegExp(
  String.raw`(?:^\s*(?:the\s+)?|\b${words(S.sayingVerbs)}\s+(?:that\s+)?)(?:it|they|we|\p{Lu}[\p{L}-]*)\s+(?:(?:now|already|still|also|\p{Ll}+ly)\s+)?${words(S.controlVerbs)}\b`,
  'iu',
);

/**
 * Who holds or took an area, said by a side or not ("Moscow says it annexed the four regions", "Russia holds part of
 * these regions"): the state of the ground, no want, offer or refusal. A stance beside it ("… and will never give
 * them back") keeps the clause.
 */
export const reportsControl = (clause: string): boolean =>
  CONTROL_PREDICATE.test(clause) && !WANT_OFFER_REFUSE.test(clause);
