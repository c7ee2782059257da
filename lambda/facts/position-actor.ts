import type { Person } from './fact.js';
import { stanceWords as S, words } from './lexicon.js';
import { isBackground, isPatient, isQuestion, statesNoStance, voicedByOutsider } from './position-rejections.js';
import { type CompiledTopics, type PartyMention, phrasesSource } from './topics.js';
import { actorMentions, obligedParty, type PeopleMentions } from './topics-parties.js';

/*
 * Who owns a demand whose only party word is the side asked to act. Reports name the demanding side by
 * its leader's pronoun or role ("A lasting peace needs a brave decision from Kyiv, he said"), or as the
 * agent of a passive a clause earlier ("The terms were set by Moscow; any new plan would require Kyiv to
 * …"), while the one party word left is the addressee, which the wide pass rightly refuses to make the
 * owner. Resolving the actor first gives the demand to its side.
 */

/** A demand put on a side by what something needs or requires ("needs a decision from Kyiv", "would require Kyiv to …"). */
const ADDRESSEE_DEMAND = new RegExp(String.raw`\b${words(S.addresseeDemands)}\b`, 'iu');
/** The side a demand is addressed to: "a decision from Kyiv". */
const ADDRESSED_FROM = new RegExp(String.raw`\b${words(S.addresseeMarkers)}\s+(?:the\s+)?$`, 'iu');
/** A passive naming who set the terms: "the terms were set by Moscow", "a plan drawn up by the Kremlin". */
const SET_BY = new RegExp(String.raw`\b${words(S.planSetterVerbs, S.thirdPartyOwnerVerbs)}\s+(?:the\s+)?$`, 'iu');
/** "he", "she", or a leader's role with the article and perhaps one word before it ("the president", "the Ukrainian leader"). */
const REFERRING_SUBJECT = String.raw`(?:${words(S.actorPronouns)}|the\s+(?:([\p{L}-]+)\s+)?${words(S.leaderRoles)})`;
/** A pronoun or a leader's role as the subject of a verb of saying, wanting or refusing ("he said", "the president does not agree"). */
const REFERRING_ACTOR = new RegExp(
  String.raw`(?<![\p{L}])${REFERRING_SUBJECT}(?:\s+[\p{L}-]+){0,2}?\s+(?:not\s+|never\s+)?${words(S.sayingVerbs, S.stanceVerbs, S.replyVerbs)}(?![\p{L}])`,
  'iu',
);
/** A refusal by that subject: a reply verb, or a negated verb ("the leader does not agree"). */
const REFUSES = new RegExp(String.raw`\b(?:not|never)\s+[\p{L}-]+$|\b${words(S.replyVerbs)}$`, 'iu');
/** A relative clause answering what precedes it: "…, to which the president does not agree". */
const RELATIVE_REPLY = new RegExp(String.raw`,\s*${words(S.relativeReplyOpeners)}\s+$`, 'iu');
/** How far back a pronoun or a role looks for the person it stands for. */
const ANTECEDENT_WINDOW = 600;

/**
 * The party of the person last named in the article before an offset, or null when that person is no party's (or
 * nobody is named within reach).
 */
export type LastNamedParty = (end: number) => string | null;

/**
 * The article's people, by every form of their name, for `LastNamedParty`. Nothing is built until the first question
 * (most articles ask none: compiling the names' pattern for each cost a twentieth of the extraction); then the body is
 * read for names once, and each question looks its offset up.
 */
export function lastNamedParty(people: readonly Person[], topics: CompiledTopics, body: string): LastNamedParty {
  let named: { start: number; end: number; party: string | null }[] | undefined;
  return (end) => {
    named ??= namesInBody(people, topics, body);
    let last: (typeof named)[number] | undefined;
    for (const name of named) {
      if (name.end > end) break;
      if (name.start >= end - ANTECEDENT_WINDOW) last = name;
    }
    return last?.party ?? null;
  };
}

/** Where the body names one of `people`, in order, with the party that form of the name stands for. */
function namesInBody(people: readonly Person[], topics: CompiledTopics, body: string) {
  const byForm = new Map<string, string | null>();
  for (const person of people) {
    for (const name of [person.name, ...person.aliases]) {
      for (const form of [name, name.split(/\s+/u).at(-1) ?? '']) {
        if (!/\p{Lu}/u.test(form)) continue;
        const party = person.affiliation && topics.partyNames.includes(person.affiliation) ? person.affiliation : null;
        // A surname two people share stands for neither.
        byForm.set(form, byForm.has(form) && byForm.get(form) !== party ? null : party);
      }
    }
  }
  if (!byForm.size) return [];
  const names = new RegExp(phrasesSource([...byForm.keys()]), 'gu');
  return [...body.matchAll(names)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    party: byForm.get(m[0]) ?? null,
  }));
}

/** A clause, the sentence it is cut from (with its offset there), and where that sentence starts in the article. */
export interface ActorScene {
  clause: string;
  clauseStart: number;
  sentence: string;
  sentenceStart: number;
}

/**
 * The owner of a clause's demand when the party words it names are only the side asked to act: a single
 * party acting in it (named after the stance too: "…, Volnov said"), else the agent of a passive in the
 * sentence that set the terms, else the party of the leader a pronoun or a role stands for. Not the
 * addressee's own party, except for a refusal ("…, to which the president does not agree"), which answers
 * the demand. Null when the clause is no demand or the owner stays unknown.
 */
export function addresseeDemandOwner(
  scene: ActorScene,
  topics: CompiledTopics,
  people: PeopleMentions,
  lastNamed: LastNamedParty,
): string | null {
  const { clause } = scene;
  const demand = ADDRESSEE_DEMAND.exec(clause);
  if (statesNoStance(clause) && !demand) return null;
  if (isQuestion(clause) || isBackground(clause) || voicedByOutsider(clause)) return null;
  const obliged = obligedParty(clause, topics);
  const named = actorMentions(clause, topics, people);
  const actors = new Set(named.filter((m) => !isPatient(clause, m, obliged)).map((m) => m.id));
  if (actors.size > 1) return null;
  const addressees = new Set([
    ...named.filter((m) => !actors.has(m.id)).map((m) => m.id),
    ...(demand ? addressedFrom(clause, demand.index, topics) : []).map((m) => m.id),
  ]);
  const referring = REFERRING_ACTOR.exec(clause);
  const refusal = referring !== null && REFUSES.test(referring[0]);
  if (!addressees.size && !refusal) return null;
  const owner =
    [...actors][0] ??
    passiveAgent(scene.sentence, topics) ??
    (referring ? referent(referring[1], antecedentEnd(scene, referring.index), topics, lastNamed) : null);
  if (!owner) return null;
  return refusal || !addressees.has(owner) ? owner : null;
}

/**
 * The party a pronoun or a role stands for: the one the word before the role names ("the Ukrainian
 * leader"; none for "the American president"), else the party of the person named last before it.
 */
function referent(
  qualifier: string | undefined,
  end: number,
  topics: CompiledTopics,
  lastNamed: LastNamedParty,
): string | null {
  if (qualifier) return topics.partyMentions(qualifier)[0]?.id ?? null;
  return lastNamed(end);
}

/**
 * Whether the clause puts a demand on a side through what something needs or requires of it ("peace needs
 * a brave decision from Kyiv", "any deal requires Kyiv to …"): a stance, though no verb of wanting says it.
 */
export function demandsOfAddressee(clause: string, topics: CompiledTopics): boolean {
  const demand = ADDRESSEE_DEMAND.exec(clause);
  if (!demand) return false;
  const asked = actorMentions(clause, topics).some((m) => m.start > demand.index && isPatient(clause, m, null));
  return asked || addressedFrom(clause, demand.index, topics).length > 0;
}

/**
 * The party of a leader who refuses, by pronoun or role, in a relative clause answering the demand before it
 * ("…, to which the president does not agree"): that side's position on the demand's topic, beside the
 * demander's.
 */
export function trailingRefuser(scene: ActorScene, topics: CompiledTopics, lastNamed: LastNamedParty): string | null {
  const referring = REFERRING_ACTOR.exec(scene.clause);
  if (!referring || !REFUSES.test(referring[0]) || !RELATIVE_REPLY.test(scene.clause.slice(0, referring.index))) {
    return null;
  }
  return referent(referring[1], antecedentEnd(scene, referring.index), topics, lastNamed);
}

/** The offset in the article of a place in the clause, before which a pronoun or a role there finds its person. */
const antecedentEnd = (scene: ActorScene, inClause: number) => scene.sentenceStart + scene.clauseStart + inClause;

/** Parties a demand word before them addresses: "needs a courageous decision from Kyiv". */
function addressedFrom(clause: string, demandAt: number, topics: CompiledTopics): PartyMention[] {
  return topics
    .partyMentions(clause)
    .filter((m) => m.start > demandAt && ADDRESSED_FROM.test(clause.slice(Math.max(0, m.start - 20), m.start)));
}

/** The party a passive in the sentence names as the one who set the terms ("were set by Moscow"). */
function passiveAgent(sentence: string, topics: CompiledTopics): string | null {
  const agent = topics
    .partyMentions(sentence)
    .find((m) => SET_BY.test(sentence.slice(Math.max(0, m.start - 30), m.start)));
  return agent?.id ?? null;
}
