import { actorWords as A, stanceWords as S, words } from './lexicon.js';
import { countryOfWord } from './people-affiliation.js';
import { isBackground, isPatient, isQuestion, statesNoStance, voicedByOutsider } from './position-rejections.js';
import { openingIndexed } from './regex-first-words.js';
import { openingOf } from './sentence-opening.js';
import type { CompiledTopics, PartyMention } from './topics.js';
import {
  actorMentions,
  collectiveMentions,
  obligedParty,
  type PeopleMentions,
  partyNamedBy,
  stanceTakers,
  takesStance,
} from './topics-parties.js';

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
/** In the sentence before, only who set the terms counts ("The terms were laid down by Moscow."), not who proposed a truce. */
const TERMS_SET_BY = new RegExp(String.raw`\b${words(S.planSetterVerbs)}\s+(?:the\s+)?$`, 'iu');
/**
 * "he", "she", or a leader's role or epithet with the article and perhaps one word before it ("the president", "the
 * Ukrainian leader", "the dictator").
 */
const REFERRING_SUBJECT = String.raw`(?:${words(S.actorPronouns)}|the\s+(?:([\p{L}-]+)\s+)?(${words(S.leaderRoles, A.leaderEpithets)}))`;
/** Giving consent is agreeing: "does not give his consent". */
const CONSENT = String.raw`${words(A.consentVerbs)}\s+(?:(?:his|her|its|their)\s+)?${words(A.consentNouns)}`;
/** After the subject, a verb of saying, wanting, refusing or consenting, a few words on: "… does not agree". */
const ACTOR_VERB = String.raw`(?:\s+[\p{L}-]+){0,2}?\s+(?:not\s+|never\s+)?(?:${CONSENT}|${words(S.sayingVerbs, S.stanceVerbs, S.replyVerbs)})(?![\p{L}])`;
/** A pronoun or a leader's role as the subject of a verb of saying, wanting or refusing ("he said", "the president does not agree"). */
const REFERRING_ACTOR = new RegExp(String.raw`(?<![\p{L}])${REFERRING_SUBJECT}${ACTOR_VERB}`, 'iu');
/** The same verb after a name: "…, to which Volnov does not give his consent". */
const ACTOR_VERB_AFTER = new RegExp(`^${ACTOR_VERB}`, 'iu');
/** A refusal by that subject: a reply verb, or a negated verb ("the leader does not agree", "not give consent"). */
const REFUSES = new RegExp(String.raw`\b(?:not|never)\s+(?:[\p{L}-]+|${CONSENT})$|\b${words(S.replyVerbs)}$`, 'iu');
/** A relative clause answering what precedes it: "…, to which the president does not agree". */
const RELATIVE_REPLY = new RegExp(String.raw`,\s*${words(S.relativeReplyOpeners)}\s+$`, 'iu');
/** The same opener anywhere in a clause: most clauses have none, and need no further look. */
const HAS_RELATIVE_REPLY = new RegExp(String.raw`,\s*${words(S.relativeReplyOpeners)}\s`, 'iu');
/**
 * The party a pronoun or a bare role at a body offset stands for, null when an outsider or nobody known
 * (`ArticleParties.referentAt`: one rule for every pronoun and role).
 */
export type Referent = (end: number, role?: string) => string | null;

/** A clause, the sentence it is cut from (with its offset there), and where that sentence starts in the article. */
export interface ActorScene {
  clause: string;
  clauseStart: number;
  sentence: string;
  sentenceStart: number;
  /** The sentence before, where a passive may have named who set the terms ("The terms were set by Moscow."). */
  previousSentence?: string;
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
  referentAt: Referent,
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
    ...askedFor(clause, topics).map((m) => m.id),
    // "… the Ukrainian forces must withdraw from …": a party's troops asked to act.
    ...collectiveMentions(clause, topics)
      .filter((m) => isPatient(clause, m, null) || MUST_AFTER.test(clause.slice(m.end, m.end + 30)))
      .map((m) => m.id),
  ]);
  const referring = REFERRING_ACTOR.exec(clause);
  const refusal = referring !== null && REFUSES.test(referring[0]);
  if (!addressees.size && !refusal) return null;
  const owner =
    [...actors][0] ??
    passiveAgent(scene.sentence, topics, SET_BY) ??
    (referring ? referent(referring, antecedentEnd(scene, referring.index), topics, referentAt) : null) ??
    (scene.previousSentence ? passiveAgent(scene.previousSentence, topics, TERMS_SET_BY) : null) ??
    (demand && scene.clauseStart === 0 && POINTS_BACK.test(clause)
      ? soleTaker(scene.previousSentence, topics, people)
      : null);
  if (!owner) return null;
  return refusal || !addressees.has(owner) ? owner : null;
}

/** A demand opened by a word pointing back to the sentence before: "That would require Kyiv to …", "This needs …". */
const POINTS_BACK = new RegExp(
  String.raw`^\W*(?:that|this|such\s+a\s+(?:deal|plan|step|move)|it)\s+(?:[\p{L}-]+\s+){0,2}?${words(S.addresseeDemands)}(?![\p{L}])`,
  'iu',
);

/** The one party taking a stance in a sentence ("Russia is insisting on …"), or null when none or several do. */
function soleTaker(sentence: string | undefined, topics: CompiledTopics, people: PeopleMentions): string | null {
  const parties = new Set(sentence ? stanceTakers(sentence, topics, people).map((m) => m.id) : []);
  return parties.size === 1 ? ([...parties][0] ?? null) : null;
}

/**
 * The party a pronoun or a role (`REFERRING_ACTOR`'s match) stands for: the one the word before the role names
 * ("the Ukrainian leader"; none for "the American president"), else the party of the person last introduced with
 * that role or, failing one, named last before it.
 */
function referent(referring: RegExpExecArray, end: number, topics: CompiledTopics, referentAt: Referent) {
  const [, qualifier, role] = referring;
  const named = qualifier ? partyNamedBy(qualifier, topics) : null;
  if (named) return named;
  // "the American president" is an outsider's; "the new president" is whoever holds the role.
  return qualifier && countryOfWord(qualifier) ? null : referentAt(end, role);
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
export function trailingRefuser(
  scene: ActorScene,
  topics: CompiledTopics,
  referentAt: Referent,
  people: PeopleMentions,
): string | null {
  const { clause } = scene;
  if (!HAS_RELATIVE_REPLY.test(clause)) return null;
  const referring = REFERRING_ACTOR.exec(clause);
  if (referring && REFUSES.test(referring[0]) && RELATIVE_REPLY.test(clause.slice(0, referring.index))) {
    return referent(referring, antecedentEnd(scene, referring.index), topics, referentAt);
  }
  // Named: "…, to which Volnov does not give his consent", "…, to which Kyiv does not agree".
  const named = [...topics.partyMentions(clause), ...people(clause)].find((m) => {
    if (!RELATIVE_REPLY.test(clause.slice(Math.max(0, m.start - 40), m.start))) return false;
    const verb = ACTOR_VERB_AFTER.exec(clause.slice(m.end, m.end + 80));
    return verb !== null && REFUSES.test(verb[0]);
  });
  return named?.id ?? null;
}

/** After a party or a person, the stance they are blamed or praised for: "… Kyiv on Monday for refusing to …". */
const GERUND_STANCE_AFTER = new RegExp(
  String.raw`^(?:\s+${words(A.timeAdverbials)}(?:\s+[\p{L}\d]+){0,3}?)?,?\s+${words(A.gerundFrames)}\s+${words(A.stanceGerunds)}(?![\p{L}])`,
  'iu',
);

/** The gerund frame anywhere in a clause: most clauses have none, and need no look for a party before it. */
const HAS_GERUND_STANCE = openingIndexed(
  new RegExp(String.raw`\b${words(A.gerundFrames)}\s+${words(A.stanceGerunds)}(?![\p{L}])`, 'iu'),
);

/**
 * The holder of a stance given as the gerund of someone else's verb ("X chided the Ukrainian president for
 * refusing to recognise …", "accused Moscow of insisting on …"): the object of that verb takes the stance in
 * the gerund. Null unless exactly one party stands there.
 */
export function gerundStanceHolder(clause: string, topics: CompiledTopics, people: PeopleMentions): string | null {
  if (!HAS_GERUND_STANCE.test(clause)) return null;
  const holders = new Set(
    [...topics.partyMentions(clause), ...people(clause)]
      .filter((m) => m.id && GERUND_STANCE_AFTER.test(clause.slice(m.end, m.end + 60)))
      .map((m) => m.id),
  );
  return holders.size === 1 ? ([...holders][0] ?? null) : null;
}

/** A causative verb right before a party, and the stance of the infinitive right after it: "led | Kyiv | to oppose". */
const CAUSATIVE_BEFORE = new RegExp(String.raw`\b${words(A.causativeVerbs)}\s+(?:the\s+)?$`, 'iu');
const INFINITIVE_STANCE_AFTER = new RegExp(
  String.raw`^\s+to\s+(?:\p{Ll}+ly\s+)?${words(A.infinitiveStances)}(?![\p{L}])`,
  'iu',
);

/**
 * The holder of a stance given as the infinitive after a causative verb's object ("This position led Kyiv to oppose
 * the envoy's plan for Crimea", "the vote pushed Moscow to reject …"): the object takes the stance. Null unless
 * exactly one party stands there.
 */
export function causedStanceHolder(clause: string, topics: CompiledTopics, people: PeopleMentions): string | null {
  if (!/\sto\s/u.test(clause)) return null;
  const holders = new Set(
    [...topics.partyMentions(clause), ...people(clause)]
      .filter(
        (m) =>
          m.id &&
          INFINITIVE_STANCE_AFTER.test(clause.slice(m.end, m.end + 40)) &&
          CAUSATIVE_BEFORE.test(clause.slice(Math.max(0, m.start - 30), m.start)),
      )
      .map((m) => m.id),
  );
  return holders.size === 1 ? ([...holders][0] ?? null) : null;
}

/** The offset in the article of a place in the clause, before which a pronoun or a role there finds its person. */
const antecedentEnd = (scene: ActorScene, inClause: number) => scene.sentenceStart + scene.clauseStart + inClause;

/** Parties a demand word before them addresses: "needs a courageous decision from Kyiv". */
function addressedFrom(clause: string, demandAt: number, topics: CompiledTopics): PartyMention[] {
  return topics
    .partyMentions(clause)
    .filter((m) => m.start > demandAt && ADDRESSED_FROM.test(clause.slice(Math.max(0, m.start - 20), m.start)));
}

/** An obligation right after a party's troops: "… must withdraw", "should leave". */
const MUST_AFTER = /^\s+(?:must|should|have\s+to|has\s+to|would\s+have\s+to)(?![\p{L}])/iu;

/** "for Kyiv to …": the party a verb of pressing for asks to act. */
const FOR_BEFORE = /\bfor\s+(?:the\s+)?$/iu;
const TO_VERB_AFTER = /^\s+to\s+\p{Ll}/u;

/** The parties a clause asks to act: "pressing for Kyiv to …", "demands that Ukraine leave …", "Kyiv would have to …". */
export function askedToAct(clause: string, topics: CompiledTopics): Set<string> {
  const obliged = obligedParty(clause, topics);
  return new Set([
    ...askedFor(clause, topics).map((m) => m.id),
    ...actorMentions(clause, topics)
      .filter((m) => isPatient(clause, m, obliged))
      .map((m) => m.id),
  ]);
}

/** Parties asked to act after "for" ("keeps pressing for Ukraine to hand over …"): addressees, though governed. */
function askedFor(clause: string, topics: CompiledTopics): PartyMention[] {
  return topics
    .partyMentions(clause)
    .filter(
      (m) =>
        FOR_BEFORE.test(clause.slice(Math.max(0, m.start - 12), m.start)) &&
        TO_VERB_AFTER.test(clause.slice(m.end, m.end + 12)),
    );
}

/** The party a passive in the sentence names as the one who set the terms ("were set by Moscow"), by `setBy`. */
function passiveAgent(sentence: string, topics: CompiledTopics, setBy: RegExp): string | null {
  const agent = topics
    .partyMentions(sentence)
    .find((m) => setBy.test(sentence.slice(Math.max(0, m.start - 30), m.start)));
  return agent?.id ?? null;
}

/** Before a verb of replying, what may stand after its subject: auxiliaries, modals, "not", adverbs ("will not accept", "has again rejected"). */
const REPLY_AUXILIARIES = String.raw`(?:(?:${words(S.subjectFillers, S.modals)}|not|never|does|do|did|\p{Ll}+ly)\s+)*`;
/** A verb replying to the named proposal right after it: "… rejected ", "… will not accept the ", "… called ". */
const REPLY_TO_OBJECT = new RegExp(
  String.raw`(?<![\p{L}])${REPLY_AUXILIARIES}(?:(${words(A.objectReplyVerbs)})|${words(A.judgementVerbs)})\s+(?:(?:the|a|an)\s+)?$`,
  'iu',
);
/** A judgement that refuses what it names: "… an ultimatum", "… unacceptable", "a non-starter". */
export const REFUSING_JUDGEMENT = new RegExp(
  String.raw`\b${words(A.judgementWords, S.replyJudgements)}(?![\p{L}])`,
  'iu',
);
/** Between a subject and its verb: a name after a title ("President Jane Roe"), or an appositive in commas. */
const SUBJECT_GAP = /^(?:\s+\p{Lu}[\p{L}'\u2019.-]*){0,3}?(?:\s*,[^,]{1,60},)?\s*$/u;
/** A verb of replying or naming anywhere in a clause: without one, there is no reply to look for. */
const HAS_REPLY_VERB = openingIndexed(
  new RegExp(String.raw`\b(?:${words(A.objectReplyVerbs)}|${words(A.judgementVerbs)})(?![\p{L}])`, 'iu'),
);

/** One side replying to the other's named proposal, and where the reply verb starts in the clause. */
export interface ProposalReply {
  replier: string;
  owner: string;
  at: number;
}

/**
 * A reply that names the proposal it answers by its owner: "X rejected Russia's demand that Ukraine withdraw
 * from …", "Kyiv will not accept Moscow's claims to Crimea", "X called Volnov's demand for the Donbas an
 * ultimatum". Both sides hold a position on what the proposal is about: the owner its proposal, the replier the
 * refusal (or acceptance). The replier is the reply verb's subject, a party or a person of one, not the owner.
 */
export function proposalReplies(
  clause: string,
  topics: CompiledTopics,
  people: PeopleMentions,
  /** The party a pronoun or role at an offset of the clause stands for ("He rejected Moscow's demand …"). */
  referentIn: Referent = () => null,
): ProposalReply[] {
  if (!HAS_REPLY_VERB.test(clause)) return [];
  const parties = topics.partyMentions(clause);
  const persons = people(clause);
  const owners = [
    ...parties.filter((m) => m.kind === 'proposal'),
    // A person's proposal is one mention, "Y's demand" (topics-parties.ts, peopleMentions), as a party's is.
    ...persons.filter((m) => m.kind === 'proposal'),
  ];
  // "the Russian leader's demands", "the other leader's demands", "his counterpart's plan": a role's proposal,
  // whose side the role's qualifier names, or the side other than the one replying.
  const roleOwners = rolesProposals(clause, topics).filter((r) => !owners.some((o) => o.end === r.end));
  const replies: ProposalReply[] = [];
  for (const owner of [...owners, ...roleOwners]) {
    const verb = REPLY_TO_OBJECT.exec(clause.slice(Math.max(0, owner.start - 80), owner.start));
    if (!verb) continue;
    const at = Math.max(0, owner.start - 80) + verb.index;
    // A verb of naming replies only with a refusing judgement after the proposal ("… an ultimatum").
    if (!verb[1] && !REFUSING_JUDGEMENT.test(clause.slice(owner.end, owner.end + 100))) continue;
    const pronoun = REFERRING_BEFORE_VERB.exec(clause.slice(0, at));
    const replier =
      [...parties, ...persons]
        .filter((m) => m.kind !== 'proposal' && m.end <= at && SUBJECT_GAP.test(clause.slice(m.end, at)))
        .at(-1)?.id ?? (pronoun ? (referent(pronoun, pronoun.index, topics, referentIn) ?? undefined) : undefined);
    const others = topics.partyNames.filter((name) => name !== replier);
    const ownerId = owner.id || (others.length === 1 ? others[0] : undefined);
    if (replier && ownerId && replier !== ownerId) replies.push({ replier, owner: ownerId, at });
  }
  return replies;
}

/** A pronoun or a leader's role right before the reply verb, opening the clause: "He has rejected …". */
const REFERRING_BEFORE_VERB = new RegExp(String.raw`^\W*${REFERRING_SUBJECT}\s*$`, 'iu');

/** "the Russian leader's latest demands", "the other president's plan", "his counterpart's offer". */
const ROLE_PROPOSAL = new RegExp(
  String.raw`(?<![\p{L}])(?:the|his|her|its|their)\s+(?:([\p{L}-]+)\s+)?(${words(S.leaderRoles, A.counterpartNouns, A.sideNouns, A.leaderEpithets)})['\u2019]s(?:\s+[\p{L}-]+){0,2}?\s+${words(S.proposalNouns)}(?![\p{L}])`,
  'giu',
);
const COUNTERPART = new RegExp(`^${words(A.counterpartNouns)}$`, 'iu');
const OTHER_SIDE = new RegExp(`^${words(A.otherSideQualifiers)}$`, 'iu');

/**
 * Proposals a role's possessive owns, as proposal mentions: the party the qualifier names ("the Russian leader's"),
 * or an empty id for the other side than the one answering ("the other leader's", "his counterpart's"). A bare role
 * ("the president's demand") is left out: either side's president may be meant.
 */
function rolesProposals(clause: string, topics: CompiledTopics): PartyMention[] {
  if (!clause.includes("'s") && !clause.includes('\u2019s')) return [];
  const found: PartyMention[] = [];
  for (const m of clause.matchAll(ROLE_PROPOSAL)) {
    const [, qualifier, role = ''] = m;
    const named = qualifier ? partyNamedBy(qualifier, topics) : null;
    const other = !named && ((qualifier && OTHER_SIDE.test(qualifier)) || (!qualifier && COUNTERPART.test(role)));
    if (named || other) found.push({ id: named ?? '', start: m.index, end: m.index + m[0].length, kind: 'proposal' });
  }
  return found;
}

/**
 * The end of the opening question frame or label of a sentence ("Asked about the Donetsk region,", "On the
 * peninsula:"), or -1: a topic named there is what the speaker's answer after it is about, though the words said do
 * not name it.
 */
export function questionFrameEnd(sentence: string): number {
  const opening = openingOf(sentence);
  return opening?.kind === 'question' || opening?.kind === 'label' ? opening.close + 1 : -1;
}

/** The question set after the answer it frames: "\"There is nothing to discuss,\" he said when asked about Crimea." */
const TRAILING_QUESTION_FRAME = new RegExp(
  String.raw`\b${words(A.trailingQuestionFrames)}\b[^,;:"\u201c\u201d]*$`,
  'iu',
);

/**
 * Where a question frame set after the answer begins ("…, he said when asked about the Donetsk region."), or -1: a
 * topic named from there on is what the answer before it is about.
 */
export function trailingQuestionFrameStart(sentence: string): number {
  return TRAILING_QUESTION_FRAME.exec(sentence)?.index ?? -1;
}

/** A clause opened by a demand a pronoun owns: "Her conditions include …", "His latest demand is …". */
const PRONOUN_OWNED_DEMAND = new RegExp(
  String.raw`^\W*(?:(?:and|but|yet)\s+)?(?:his|her)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}?${words(A.ownedDemandNouns)}(?![\p{L}])`,
  'iu',
);

/**
 * The party of the person whose demand, terms or refusal a clause opens with ("Her conditions include the withdrawal
 * of Ukrainian troops from …"): the one the pronoun stands for (`Referent`, at the clause's offset in the article).
 * Null for any other clause.
 */
export function pronounOwnedDemand(clause: string, clauseStart: number, referentAt: Referent): string | null {
  return PRONOUN_OWNED_DEMAND.test(clause) ? referentAt(clauseStart) : null;
}

/**
 * The party of the person whose view a sentence opens with ("In her view, …", "By his account, …"): the one the
 * pronoun stands for (`Referent`). Null for any other sentence.
 */
export function opinionHolder(sentence: string, sentenceStart: number, referentAt: Referent): string | null {
  return openingOf(sentence)?.kind === 'opinion' ? referentAt(sentenceStart) : null;
}

/** "…, as Moscow demands": a party named right after "as" that trails the clause. */
const AS_BEFORE = /(?:,\s*|\s)as\s+(?:the\s+)?$/iu;
/** Its verb of wanting right after it ("as Moscow demands", "as the Kremlin has long insisted"). */
const WANTS_AFTER = new RegExp(
  String.raw`^(?:\s+(?:${words(S.subjectFillers)}|\p{Ll}+ly))*\s+${words(A.demandVerbs)}(?![\p{L}])`,
  'iu',
);

/** An "as" clause with a verb of demanding within a few words: most clauses have none. */
const HAS_AS_DEMAND = openingIndexed(
  new RegExp(String.raw`\bas\s+(?:[\p{L}'\u2019-]+\s+){1,4}?${words(A.demandVerbs)}(?![\p{L}])`, 'iu'),
);

/**
 * The party an "as" clause gives the stance the clause refuses or states ("Ukraine has refused to leave the
 * Donetsk region, as Moscow demands"): the demander holds a position on the same topic. Null when none does.
 */
export function asClauseHolder(clause: string, topics: CompiledTopics, people: PeopleMentions): string | null {
  if (!HAS_AS_DEMAND.test(clause)) return null;
  const holder = [...topics.partyMentions(clause), ...people(clause)].find(
    (m) =>
      m.kind !== 'proposal' &&
      AS_BEFORE.test(clause.slice(Math.max(0, m.start - 8), m.start)) &&
      WANTS_AFTER.test(clause.slice(m.end, m.end + 60)),
  );
  return holder?.id ?? null;
}

/** A clause whose subject is "it", perhaps after "nor will": "Nor will it recognise …", "It will never give up …". */
const IT_SUBJECT =
  /^\W*(?:(?:and|but|yet|so)\s+)?(?:(?:nor|neither)\s+(?:will|would|does|did|has|can|could)\s+)?it(?=\s)/iu;
/** "It" with a verb that makes it an expletive or an event, not a side: "it would take years", "it is unclear". */
const EXPLETIVE_IT =
  /^\s+(?:\p{Ll}+ly\s+)?(?:(?:will|would|could|may|might)\s+)?(?:be|is|was|seems|seemed|appears|remains|means|meant|takes|took|take|depends|makes|made|has\s+been|had\s+been)\b/iu;

/**
 * The side "it" stands for as the subject of a stance ("Kyiv, he said, would never surrender the district. Nor
 * will it recognise the annexation of Crimea."): the one party that takes a stance in the sentence before. Null
 * for an expletive "it", or when the sentence before has no such party or several.
 */
export function itReferent(
  clause: string,
  previousSentence: string | undefined,
  topics: CompiledTopics,
  people: PeopleMentions,
): string | null {
  const it = IT_SUBJECT.exec(clause);
  if (!it || !previousSentence) return null;
  const after = clause.slice(it[0].length);
  if (EXPLETIVE_IT.test(after)) return null;
  const pronoun: PartyMention = { id: '', start: it[0].length - 2, end: it[0].length, kind: 'member' };
  if (!takesStance(clause, pronoun)) return null;
  return soleTaker(previousSentence, topics, people);
}

/** A clause with a concessive word: most have none, and need no look at their proposals. */
const HAS_CONCESSIVE = openingIndexed(new RegExp(String.raw`\b${words(A.concessiveOpeners)}\s`, 'iu'));
/** The concessive word right before a proposal's owner: "Despite ", "in spite of the ", "despite renewed ". */
const CONCESSIVE_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])${words(A.concessiveOpeners)}\s+(?:the\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}?$`,
  'iu',
);
/** A word for land in a demand's words ("that Kyiv cede its land", "for more territory"). */
const LAND_WORD = new RegExp(String.raw`(?<![\p{L}])${words(S.landAnaphorNouns)}(?![\p{L}])`, 'giu');
/** Land named only as where something happens: "a ceasefire in the region", "troops across the territory" (case-sensitive, so
 * that the words between are lower-case). */
const PLACE_BEFORE =
  /(?<![\p{L}])(?:in|inside|within|across|along|around|near|throughout|through)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;
/** An act of ceding with no object or troops as its object: "that Kyiv withdraw", "for Kyiv to withdraw its troops". */
const WITHDRAWAL = new RegExp(
  String.raw`(?<![\p{L}])${words(A.cedingActs)}(?:\s+(?:its|their|the|all)?\s*(?:troops|forces|army|soldiers|units))?\s*(?:$|from(?![\p{L}]))`,
  'iu',
);

/**
 * Whether a demand's words name the land as what is demanded: a topic or a land noun not named as a place where
 * something happens, or a withdrawal. "for a ceasefire in the region" and "that Kyiv abandon its NATO ambitions" do not.
 */
function demandsLand(demand: string, topics: CompiledTopics): boolean {
  const wanted = (at: number) => !PLACE_BEFORE.test(demand.slice(0, at));
  return (
    topics.topicMentions(demand).some((m) => wanted(m.start)) ||
    [...demand.matchAll(LAND_WORD)].some((m) => wanted(m.index)) ||
    WITHDRAWAL.test(demand)
  );
}

/**
 * The side whose demand a clause concedes before stating another side's stance ("Despite Moscow's demands that Kyiv
 * cede its land, the president said he would never surrender the Donbas"): the demand's owner, a side's name,
 * adjective or person with a proposal noun right after the concessive word, holds a position on the clause's topic
 * when the demand's own words (up to the next comma) name land or a topic as what it wants, or a withdrawal
 * (`demandsLand`). Null otherwise: a demand for something else ("despite calls for a ceasefire in the region", "that
 * Kyiv abandon its NATO ambitions") is no stance on the land.
 */
export function concededProposalOwner(clause: string, topics: CompiledTopics, people: PeopleMentions): string | null {
  if (!HAS_CONCESSIVE.test(clause)) return null;
  for (const m of [...topics.partyMentions(clause), ...people(clause)]) {
    if (m.kind !== 'proposal' || !m.id) continue;
    if (!CONCESSIVE_BEFORE.test(clause.slice(Math.max(0, m.start - 40), m.start))) continue;
    const comma = clause.indexOf(',', m.end);
    const demand = clause.slice(m.end, comma < 0 ? m.end + 120 : comma);
    if (demandsLand(demand, topics)) return m.id;
  }
  return null;
}

/** Any failure predicate: most clauses have none. */
const HAS_FAILURE = openingIndexed(new RegExp(String.raw`\b${words(A.failurePredicates)}(?![\p{L}])`, 'iu'));
/** A failure predicate right after a side's name, past a name and fillers: "Ukraine will not succeed in …". */
const FAILS_AFTER = new RegExp(
  String.raw`^((?:\s+[\p{L}'\u2019.-]+){0,3}?)(?:\s+(?:${words(S.subjectFillers)}|\p{Ll}+ly))*\s+${words(A.failurePredicates)}(?![\p{L}])`,
  'iu',
);

/** The words of a name, each capitalised (case-sensitive). */
const NAME_WORDS = /^(?:\s+\p{Lu}[\p{L}'\u2019.-]*)*$/u;

/**
 * Whether a side is named only as the subject of a prediction that it will fail ("it is certain that Kyiv will not
 * succeed in retaking Crimea", "Kyiv has no chance of reclaiming the peninsula"): the prediction is its speaker's
 * stance, not the failing side's.
 */
export function predictedToFail(clause: string, mention: PartyMention): boolean {
  if (!HAS_FAILURE.test(clause)) return false;
  const fails = FAILS_AFTER.exec(clause.slice(mention.end, mention.end + 100));
  // The name's words must be capitalised, which a case-insensitive \p{Lu} does not check: "Ukraine says Russia will
  // not succeed …" is Ukraine speaking, not Ukraine failing.
  return fails !== null && NAME_WORDS.test(fails[1] ?? '');
}

/** A want noun a side owns, by a possessive right before it: "'s wish to ", "'s long-held idea of returning ". */
const POSSESSED_WANT = new RegExp(
  String.raw`['\u2019]s\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}?${words(A.ownedWantNouns)}\s+(?:to\s+\p{Ll}|of\s+\p{Ll}+ing\b|for\s|that\s)`,
  'giu',
);
/** A want noun whose owner an "of" phrase names next: "the idea of the ", "the wish of ". */
const WANT_OF = new RegExp(String.raw`(?<![\p{L}])${words(A.ownedWantNouns)}\s+of\s+(?:the\s+)?`, 'giu');
/** What the owner of "the idea of X" wants, right after X: "to return …". */
const WANTED_ACT_AFTER = /^\s+to\s+\p{Ll}/u;
/** An act on the land in a want's words: "to retake", "for the return of", "to achieve the withdrawal of". */
const LAND_ACT = new RegExp(String.raw`(?<![\p{L}])${words(A.cedingActs, A.recoveryActs)}(?![\p{L}])`, 'iu');
/** Any want noun: most clauses have none. */
const HAS_WANT_NOUN = openingIndexed(new RegExp(String.raw`\b${words(A.ownedWantNouns)}(?![\p{L}])`, 'iu'));

/**
 * The side that owns an idea, wish or demand whose words name the topic at `topicAt`, whoever speaks of it ("Moscow
 * considers the idea of the President of Ukraine to return Crimea an illusion", "Moscow sees Kyiv's wish to recover
 * Crimea as out of the question"): the owner, named by a possessive before the noun or an "of" phrase and a wanted act
 * ("to …") after it, holds what it wants. The topic must stand in the want's own words (up to the next comma or
 * semicolon), after an act on the land (`cedingActs`, `recoveryActs`). Null otherwise.
 */
export function ownerOfWant(
  clause: string,
  topicAt: number,
  topics: CompiledTopics,
  people: PeopleMentions,
): string | null {
  if (!HAS_WANT_NOUN.test(clause)) return null;
  // The topic stands in the want's words, and what comes before it there is an act on the land ("to retake the
  // region"), not something done in it ("to hold drills in the region").
  const inWords = (from: number) => {
    const end = clause.slice(from).search(/[,;]/u);
    return from <= topicAt && (end < 0 || topicAt < from + end) && LAND_ACT.test(clause.slice(from, topicAt));
  };
  for (const want of clause.matchAll(POSSESSED_WANT)) {
    if (!inWords(want.index)) continue;
    const before = clause.slice(0, want.index);
    const owner = [...topics.partyMentions(before), ...people(before)].find(
      (m) => m.end === want.index && m.kind !== 'proposal',
    );
    if (owner?.id) return owner.id;
  }
  for (const want of clause.matchAll(WANT_OF)) {
    const from = want.index + want[0].length;
    const owner = [...topics.partyMentions(clause), ...people(clause)].find(
      (m) => m.start === from && m.kind !== 'proposal' && WANTED_ACT_AFTER.test(clause.slice(m.end, m.end + 12)),
    );
    if (owner?.id && inWords(owner.end)) return owner.id;
  }
  return null;
}

/** A verb of warning followed by its reported clause: "warned that ", "cautioned on Monday that ". */
const WARNING_THAT = openingIndexed(
  new RegExp(String.raw`\b${words(A.warningVerbs)}\s+(?:[\p{L}-]+\s+){0,3}?that\s`, 'iu'),
);
/** Analysts or outside officials giving the warning: their reading, not a side's refusal. */
const OUTSIDER_WARNER = new RegExp(String.raw`(?<![\p{L}])${words(S.outsiderSayers)}(?![\p{L}])`, 'iu');
/** A want of the warned-of side in the warning's words: "warned that Moscow wants all of the region and …". */
const WARNED_WANT = new RegExp(String.raw`(?<![\p{L}])${words(S.relativeDemandVerbs)}(?![\p{L}])`, 'iu');
/** "if " right before a side's name. */
const IF_BEFORE = /\bif\s+(?:the\s+)?$/iu;
/** An act of ceding right after the side, past adverbs only ("if Kyiv ever handed it over", "if Kyiv were to cede"). */
const CEDES_AFTER = new RegExp(
  String.raw`^(?:\s+(?:\p{Ll}+ly|ever|were\s+to|was\s+to))*\s+${words(A.cedingActs)}(?![\p{L}])`,
  'iu',
);

/**
 * The side a warning names as the one that would cede the land in its condition ("the president warned that Moscow
 * would use the region as a springboard if Kyiv handed it over"): the warning refuses the cession, so that side holds
 * the stance, not the side warned of. Only an act of ceding right after the side counts: "if Kyiv refused to withdraw"
 * is no cession. `beside` when the warning also says what the warned-of side wants ("warned that Moscow wants the
 * whole region and will not stop if Kyiv hands it over"): that want stays its own, and the ceder's refusal stands
 * beside it. Null otherwise, and when analysts or outside officials warn.
 */
export function warnedCeder(
  clause: string,
  topics: CompiledTopics,
  people: PeopleMentions,
): { party: string; beside: boolean } | null {
  const warning = WARNING_THAT.exec(clause);
  if (!warning || OUTSIDER_WARNER.test(clause.slice(0, warning.index))) return null;
  const named = [...topics.partyMentions(clause), ...people(clause)];
  const ceder = named.find(
    (m) =>
      m.start > warning.index &&
      m.kind !== 'proposal' &&
      IF_BEFORE.test(clause.slice(Math.max(0, m.start - 8), m.start)) &&
      CEDES_AFTER.test(clause.slice(m.end, m.end + 60)),
  );
  // A warner named as another side ("Moscow warned that its troops would advance if Kyiv withdrew") exploits the
  // cession rather than refusing it.
  const warner = named.filter((m) => m.end <= warning.index).at(-1);
  if (!ceder?.id || (warner && warner.id !== ceder.id)) return null;
  return { party: ceder.id, beside: WARNED_WANT.test(clause.slice(warning.index, ceder.start)) };
}
