import type { Article } from '../articles/article.js';
import { type ArticleParties, articleParties } from './article-parties.js';
import { CAPITAL_OPENING } from './char-tests.js';
import { type CountryMention, countryMentions, mentionLists } from './countries.js';
import type { Guarantor, Person, Statement } from './fact.js';
import {
  type ArrangementState,
  arrangementInclusions,
  arrangementState,
  effortParticipants,
  isYesNoQuestion,
  type ListRun,
  namedInRisk,
  namesSecurityEffort,
  neededBackers,
} from './guarantee-topic.js';
import {
  ANAPHORIC_SUBJECT,
  ASSURANCE_CUE,
  ATTENDING_OFFICES_BEFORE,
  authorOfGuarantees,
  coalitionCandidates,
  contextWords,
  countriesByAnyName,
  countriesNamedOtherwise,
  effortMembers,
  GUARANTEE_AFTER_ADJECTIVE,
  hedgedContributors,
  hopedForHelpers,
  inComparison,
  inCompound,
  leaderInRollCall,
  NEGATED_PROVISION_BEFORE,
  OFFERS_TO_HOST,
  officialsSpeakOfOwnGuarantees,
  PAIR_BEFORE,
  PARTICIPATION_CUE,
  pointsBackTo,
  possessiveOwner,
  REFUSAL_IN_SENTENCE,
  rosterLine,
  SAYING_FORMS,
  SETTLEMENT_WITH_BEFORE,
  securityContributors,
  speaksOfDeployment,
  subjectCountry,
  troopSenders,
  WISH_TO_TAKE_PART,
} from './guarantor-context.js';
import { guarantorWords as G, openingWords, speechWords, words } from './lexicon.js';
import { countryOfWord } from './people-affiliation.js';
import { planLists } from './plan-lists.js';
import type { GuarantorRejection, RejectionSink } from './rejection-trace.js';
import { deniesSigning, namesSecurityPact, pactSignatories, reportsSigning } from './security-pacts.js';
import { type Sentence, splitSentences } from './sentences.js';
import { type CompiledTopics, compileTopics, defaultTopicsConfig, type PartyMention } from './topics.js';
import {
  actorMentions,
  isSayer,
  type PeopleMentions,
  peopleMentions,
  speakerParty,
  takesStance,
} from './topics-parties.js';

/*
 * Guarantors: countries named as proposed or possible guarantors of a country's security. A country
 * counts only where the sentence makes it a source of guarantees ("guarantees from X, Y and Z",
 * "guaranteed by X", "guarantor countries such as X") or casts it as a guarantor ("we see X as one of
 * our guarantor countries", "X could act as a guarantor", "X would guarantee"). A sentence that merely
 * names a country near the word "guarantees" ("Ukraine wants Slovakia not to hold up its EU path and
 * wants security guarantees") proposes nobody.
 */

/** The sentence names where guarantees would come from; the countries follow. */
const LIST_WORD = String.raw`(?:\s+(?!${words(G.listStoppers)}\b)[\p{L}'\u2019-]+){0,5}?`;
const SOURCE_TRIGGER = new RegExp(
  String.raw`\bguarantee(?:s|d)?${LIST_WORD}\s+${words(G.sourcePrepositions)}\b` +
    String.raw`|\bguarantors?(?:\s+${words(G.guarantorGroupNouns)})?${LIST_WORD}\s*(?:,\s*)?(?:${words(G.listIntroducers)}|[:\u2014\u2013])(?=\s)`,
  'giu',
);

/** The sentence casts what precedes as a guarantor; the countries come before. */
const ROLE_TRIGGER = new RegExp(
  String.raw`^\s+(?:${words(G.roleLeadWords)}\s+)*(?:guarantors?\b|guarantee\s+(?:[\p{L}'\u2019]+\s+){0,2}?${words(G.guaranteeObjects)}\b)`,
  'iu',
);

/** Between the trigger and the first country: a few words introducing the list ("outside nations like the"). */
const FIRST_GAP = /^\s*(?:[\p{L}'\u2019-]+,?\s+){0,6}?(?:the\s+)?$/iu;
/** Words that end a list or turn it against itself ("but not from", "except"), or a preposition that starts another phrase ("from its allies in any deal with X"). */
const LIST_BREAKER =
  /\b(?:but|not|except|excluding|without|rather|instead|that|which|who|while|although|whereas|because|if|when|after|before|unless|nor|in|with|against|to|on|over)\b|[;.!?]/iu;
/** Between two countries of one list. */
const LIST_GAP =
  /^(?:[\s,]|\b(?:and|or|as well as|plus|along with|together with|possibly|perhaps|maybe|even|also|potentially|the)\b)*$/iu;

/**
 * After a country: the verb of saying that makes it the source of the sentence, maybe through its officials ("…,
 * Russia said", "…, Russia's officials reportedly told reporters"). Only a bare comma before it makes it an
 * attribution (`joinsList`): "… and Russia said" keeps Russia in the list the sentence goes on about.
 */
const SOURCE_AFTER = new RegExp(
  String.raw`^(?:['\u2019]s)?(?:\s+${words(G.memberNounsAfterCountry)})?(?:\s+${words(G.subjectAdverbs)})*\s+${words(SAYING_FORMS)}\b`,
  'iu',
);
/**
 * After an attribution's verb: nothing of its own, its words having come before it; only a mark or the sentence's
 * end, a setting or a time ("in a statement", "on Monday", "earlier"), or whom it was told ("reporters"). A verb
 * with words of its own ("Britain said to be ready", "Britain announced it would …") is the list's, not a source's.
 */
const ATTRIBUTION_END = new RegExp(
  String.raw`^(?:\s*(?:[^\s\p{L}\d]|$)|\s+${words(openingWords.settingHeads, openingWords.adverbialHeads, speechWords.listeners)}\b)`,
  'iu',
);
/** A named hearer or a date after the verb ("told Reuters", "told the BBC", "said Monday"); case-sensitive. */
const NAMED_AFTER_VERB = /^\s+(?:the\s+)?\p{Lu}/u;
/** A bare comma between two countries, with no "and" or "or": the place an attribution follows a list. */
const BARE_COMMA = /^\s*,\s*$/u;

/** Whether the words after a country make it the sentence's source: a verb of saying closing the attribution. */
function isSourceAfter(after: string): boolean {
  const verb = SOURCE_AFTER.exec(after);
  if (!verb) return false;
  const rest = after.slice(verb[0].length);
  return ATTRIBUTION_END.test(rest) || NAMED_AFTER_VERB.test(rest);
}

/**
 * Whether `next` continues the list that `previous` ends: joined by commas and "and", and not an attribution after
 * a bare comma ("guarantees from Turkey and Poland, Russia said": Russia is the source, not a third guarantor).
 */
function joinsList(text: string, previousEnd: number, next: CountryMention): boolean {
  const gap = text.slice(previousEnd, next.start);
  if (!LIST_GAP.test(gap)) return false;
  return !(BARE_COMMA.test(gap) && isSourceAfter(text.slice(next.end, next.end + 80)));
}

const PREPOSITION_BEFORE = /\b(?:by|from|of|with|for|to|between|in|on|at)\s+(?:the\s+)?$/iu;
/** A party named after this proposed the guarantors: "under the proposal put forward by Ukraine", "drawn up by Kyiv". */
const PROPOSED_BY_BEFORE =
  /\b(?:proposals?|plan|draft|framework|list|initiative|proposed|put\s+forward|drawn\s+up|suggested|submitted|presented|tabled|offered)\s+(?:[\p{L}-]+\s+){0,2}?by\s+(?:the\s+)?$/iu;

const QUOTE_OPENERS = /^["'\u201c\u2018\u00ab\u201e]/u;

export interface ExtractGuarantorsOptions {
  /** The article's sentences (default: `splitSentences(article.body)`). */
  sentences?: readonly Sentence[];
  /** Statements already extracted from the article: a quoted speaker's affiliation names the proposer. */
  statements?: readonly Statement[];
  /** The article's people: one with a party affiliation proposes for that party. */
  people?: readonly Person[];
  /** People the article names without quoting them: their countries tell whose troops or administration it is. */
  mentioned?: readonly Person[];
  topics?: CompiledTopics;
  /** Whose claim each sentence states (default: read from the sentences, statements and people above). */
  parties?: ArticleParties;
  /** Told each country of a guarantee sentence that no rule kept, with the rule that rejected it (the candidate accounting). */
  onReject?: RejectionSink;
  /** Told, for each sentence, whether the guarantee topic is open there: the corpus pass takes it (extract.ts). */
  onTopic?: (open: readonly boolean[]) => void;
}

/** Notes that a rule rejected a country of the sentence; absent unless a rejection sink listens. */
type RejectionNote = (mention: CountryMention, rule: string) => void;

/** Every country the article names as a proposed or possible guarantor, with who proposed it and the sentence. */
export function extractGuarantors(article: Article, options: ExtractGuarantorsOptions = {}): Guarantor[] {
  const topics = options.topics ?? compileTopics(defaultTopicsConfig);
  const sentences = options.sentences ?? splitSentences(article.body);
  const statements = options.statements ?? [];
  const peopleList = options.people ?? [];
  const people = peopleMentions(peopleList, topics);
  const parties = options.parties ?? articleParties(article, { sentences, statements, people: peopleList, topics });
  const beneficiary = topics.config.guaranteeBeneficiary;
  const affiliation = surnameAffiliations([...(options.mentioned ?? []), ...peopleList]);
  const byKey = new Map<string, Guarantor>();
  // Rejections are told at the end: a later rule (the coalition's) may still keep the country from its sentence.
  const dropped: GuarantorRejection[] = [];
  const noteIn =
    (sentence: string): RejectionNote =>
    (mention, rule) =>
      dropped.push({ category: 'guarantors', country: mention.country, sentence, rule });
  const add = (country: string, proposedBy: string | null, evidence: string) => {
    if (country === beneficiary) {
      if (options.onReject) dropped.push({ category: 'guarantors', country, sentence: evidence, rule: 'beneficiary' });
      return;
    }
    const key = `${country}\u0000${proposedBy ?? ''}`;
    const citation = { articleId: article.id, evidence };
    const existing = byKey.get(key);
    if (!existing) byKey.set(key, { country, proposedBy, citations: [citation] });
    else if (!existing.citations.some((c) => c.evidence === citation.evidence)) existing.citations.push(citation);
  };
  // Countries a troop sentence's list runs on to ("… had committed to deploy troops. Among them is X."): kept at the
  // end, if the article speaks of guarantees, as the troop senders are.
  const troopListMembers: { country: string; evidence: string }[] = [];
  // Whose each point of a list is ("the proposal comes with these demands:"), read only when asked.
  let planOwners: Map<number, string> | undefined;
  const namesBeneficiary = beneficiaryNamed(peopleList, options.mentioned ?? [], topics);
  const { namesGuarantees, speaksOf, speaking, openers } = arrangementOpeners(
    sentences,
    namesBeneficiary,
    beneficiary,
    topics.partyNames,
  );
  // Whether any sentence speaks of providing guarantees, or of an effort for the protected country: troops and
  // security tasks count only in such an article.
  const aboutGuarantees = speaking.size > 0;
  // The article's security arrangement, read once: the topic, the lists running on, the countries pointed back to.
  const arrangement = arrangementState(article.body, sentences, {
    opensTopic: (i) => openers.has(i),
    namesGuarantees: (i) => namesGuarantees[i] ?? false,
    opensList: (i) => (!speaksOf.has(i) ? null : LIST_OPENER.test(sentences[i]?.text ?? '') ? 'colon' : 'sentence'),
    runsOn: (i, run) => listRunOn(sentences[i]?.text ?? '', run, topics, people),
    pointsBack: (i) => pointsBack(sentences[i]?.text ?? ''),
  });
  const ofOtherProcess = otherProcessGuarantors(article.body, topics, namesBeneficiary);
  // Who proposed what a guarantee sentence introduced: countries attached to it later, a list running on after it
  // included, are proposed by the same side.
  const proposerAt = new Map<number, string | null>();
  sentences.forEach((sentence, i) => {
    const text = sentence.text;
    if (!namesGuarantees[i]) {
      const run = arrangement.runs.get(i);
      if (!run) {
        // "… had committed to deploy troops. Among them is X.": a troop sentence's list runs on.
        const previous = sentences[i - 1]?.text;
        if (previous && LIST_ANAPHOR.test(text) && speaksOfDeployment(previous)) {
          const members = recallCandidates(
            text,
            countryMentions(text),
            [],
            sentenceParties(text, topics, people),
            true,
          );
          for (const { country } of members) troopListMembers.push({ country, evidence: text });
        }
        return;
      }
      const { countries, actors } = run.adds;
      // "Russia wants Belarus to be among them": a party acting in the sentence proposes what it adds to the list.
      const acting = actors && proposerBefore(text, countries[0]?.start ?? 0, countries, actors);
      const proposer = acting ?? proposerAt.get(run.from) ?? parties.partyOf(run.from) ?? beneficiary ?? null;
      for (const { country } of countries) add(country, proposer, text);
      return;
    }
    if (ofOtherProcess(text)) {
      for (const { country } of options.onReject ? countryMentions(text) : []) {
        dropped.push({ category: 'guarantors', country, sentence: text, rule: 'other-process' });
      }
      return;
    }
    const named = sentenceParties(text, topics, people);
    const leaders = outsiderLeaders(text, affiliation, topics.partyNames);
    const found = proposals(text, named, leaders, options.onReject && noteIn(text));
    const listed = found.flatMap((p) => p.countries);
    const unlisted = (party: string | null) => (listed.some((c) => c.country === party) ? null : party);
    let proposer: string | null = null;
    // "Kyiv named X, Y and Z. It wants them to provide guarantees.": the list is in the sentence before.
    const antecedents = arrangement.pointingBack.has(i) ? antecedentCountries(sentences[i - 1]?.text ?? '') : [];
    if (antecedents.length) found.push({ countries: antecedents, anchor: 0, evidence: sentences[i - 1]?.text });
    for (const { countries, anchor, evidence } of found) {
      proposer =
        // A side retelling the other's proposal names its author next ("… itself developed these guarantees").
        authorOfGuarantees(text.slice(anchor), topics) ??
        authorOfGuarantees(sentences[i + 1]?.text ?? '', topics) ??
        proposerBefore(text, anchor, listed, named) ??
        proposerAfter(text, anchor, named) ??
        // "Lindqvist named X as a possible guarantor": the person acting before the countries, by the country the article gives them.
        subjectProposer(text, countries, topics.partyNames, affiliation, beneficiary ?? null) ??
        // "Russia wants to be among the guarantors": a party offering itself proposes itself, as its seat does.
        ownOffer(text, countries, topics.partyNames) ??
        speakerParty(sentence, article.id, statements, topics) ??
        quotedSpeakerParty(sentence, sentences[i - 1], topics) ??
        parties.speakerOf(i) ??
        // An outsider offering itself ("the United States might provide guarantees") proposes for the protected side,
        // whatever side the paragraph around it is about.
        (offersItself(text, countries) && !countries.some((c) => topics.partyNames.includes(c.country))
          ? beneficiary
          : null) ??
        // A party named in the list is proposed, not proposing ("Russia has been proposed as one of the guarantors").
        unlisted(parties.contextOf(i, PROPOSAL_CONTEXT)) ??
        unlisted(parties.leadFor(i, PROPOSAL_CONTEXT)) ??
        // An interview or one side's statement speaks for that side, unless a country offers itself.
        (offersItself(text, countries) ? null : unlisted(parties.voice)) ??
        beneficiary ??
        null;
      for (const { country } of countries) add(country, proposer, evidence ?? text);
    }
    // "the Russian president is ready to provide guarantees": a party's leader offers that party as a guarantor.
    // Someone the article gives no party speaks for the side the sentences before are about.
    const side = () => {
      planOwners ??= planLists(sentences, topics);
      return planOwners.get(i) ?? parties.contextOf(i, PROPOSAL_CONTEXT) ?? parties.partyOf(i);
    };
    for (const { country, outsider } of selfOffers(text, people, side, affiliation, topics.partyNames)) {
      add(country, outsider ? (beneficiary ?? null) : country, text);
    }
    // "Ankara is ready to act as a guarantor", "… said his country could be a guarantor": a country offers itself.
    const speakerCountry = () => statementCountry(text, statements) ?? subjectCountry(text)?.country ?? null;
    for (const { country, end } of countriesNamedOtherwise(text, speakerCountry, affiliation)) {
      const after = text.slice(end, end + 120);
      // "an American security guarantee": the guarantee is the adjective's country's, proposed as the sentence's are.
      // The other side's own ("Russian security guarantees") are what it demands for itself.
      if (GUARANTEE_AFTER_ADJECTIVE.test(after) && !topics.partyNames.includes(country)) {
        add(country, proposer ?? beneficiary ?? null, text);
        continue;
      }
      // "French officials said they could provide guarantees": the officials speak of their country's offer.
      if (officialsSpeakOfOwnGuarantees(text, { country, end }, topics.partyNames)) {
        if (!topics.partyNames.includes(country)) add(country, proposer ?? beneficiary ?? null, text);
        continue;
      }
      if (!(ROLE_TRIGGER.test(after) || OFFERS_GUARANTEES_AFTER.test(after))) continue;
      add(country, topics.partyNames.includes(country) ? country : (beneficiary ?? null), text);
    }
    // "the US guarantees would be ready": a country's name modifying the guarantees, as its adjective does.
    for (const { country, end } of NAME_BEFORE_GUARANTEE.test(text) ? countryMentions(text) : []) {
      if (!topics.partyNames.includes(country) && GUARANTEE_AFTER_ADJECTIVE.test(text.slice(end, end + 40))) {
        add(country, proposer ?? beneficiary ?? null, text);
      }
    }
    if (found.length) proposerAt.set(i, proposer);
  });
  const opposing = new Set(topics.partyNames.filter((name) => name !== beneficiary));
  addCoalitionMembers(article.body, sentences, byKey, opposing, beneficiary, aboutGuarantees, affiliation, add);
  if (beneficiary)
    addPactSignatories(article.title, sentences, beneficiary, opposing, namesBeneficiary, affiliation, byKey, add);
  // Troops to be sent to Ukraine, or another security task taken on for it (the sea, air cover, the ceasefire
  // monitoring), in an article about its guarantees: whoever would take it on is a possible guarantor.
  for (const { country, evidence } of aboutGuarantees ? troopListMembers : []) {
    if (!opposing.has(country)) add(country, beneficiary ?? null, evidence);
  }
  if (openers.size) {
    addTopicSenders(
      sentences,
      arrangement,
      { beneficiary, affiliation, opposing, namesBeneficiary, proposerAt, aboutGuarantees },
      byKey,
      add,
    );
  }
  options.onTopic?.(arrangement.open);
  // "… suggested A could be a guarantor, a proposal that Kyiv rejected": not the protected side's proposal, but the
  // other side's, when there is one other side.
  if (beneficiary && opposing.size === 1) {
    const [other] = opposing as ReadonlySet<string>;
    reassignRejected(byKey, beneficiary, other as string, (evidence) => {
      const i = sentences.findIndex((s) => s.text === evidence);
      const next = sentences[i + 1]?.text ?? '';
      return rejectsProposal(evidence, namesBeneficiary) || rejectsProposalPointedBack(next, namesBeneficiary);
    });
  }
  const guarantors = [...byKey.values()];
  if (options.onReject) {
    const kept = (r: GuarantorRejection) =>
      guarantors.some((g) => g.country === r.country && g.citations.some((c) => c.evidence === r.sentence));
    for (const rejection of dropped) if (!kept(rejection)) options.onReject(rejection);
  }
  return guarantors;
}

type AddGuarantor = (country: string, proposedBy: string | null, evidence: string) => void;

/** A guarantor noun tied to a process: "guarantors of the peace talks", "the guarantor powers". */
const PROCESS_GUARANTOR_NOUN = new RegExp(
  String.raw`\bguarantors?\s+of\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?${words(G.guaranteedProcesses)}\b` +
    String.raw`|\bguarantor\s+${words(G.guarantorBodies)}\b`,
  'iu',
);
/** "as guarantors", tied to a process only when the sentence names one ("Negotiations … resumed … with A as guarantors"). */
const AS_GUARANTORS = /\bas\s+guarantors\b/iu;
const GUARANTEED_PROCESS = new RegExp(String.raw`\b${words(G.guaranteedProcesses)}\b`, 'iu');
/** Whether a sentence names guarantors of a process (talks, negotiations, a dialogue) rather than of a country. */
const namesProcessGuarantors = (text: string) =>
  /guarantor/iu.test(text) &&
  (PROCESS_GUARANTOR_NOUN.test(text) || (AS_GUARANTORS.test(text) && GUARANTEED_PROCESS.test(text)));

/**
 * "A, B and C are the guarantors of the peace talks" with a rebel group, "the guarantor powers" of an island: whether a
 * sentence of `body` names guarantors of a process in a report that names neither side of the war (`namesASide`, read
 * once, at the first such sentence). Such guarantors are none of the protected side's, here and in the corpus's lists
 * (guarantor-corpus.ts).
 */
export function otherProcessGuarantors(
  body: string,
  topics: CompiledTopics,
  namesBeneficiary?: (text: string) => boolean,
): (text: string) => boolean {
  let namesNeitherSide: boolean | undefined;
  return (text) => {
    if (!namesProcessGuarantors(text)) return false;
    namesNeitherSide ??= !namesASide(body, topics, namesBeneficiary);
    return namesNeitherSide;
  };
}

/**
 * Whether a report names either side of the war: a party by name, adjective or seat, or (`namesBeneficiary`) the
 * protected side's leader.
 */
function namesASide(
  body: string,
  topics: CompiledTopics,
  namesBeneficiary: (text: string) => boolean = () => false,
): boolean {
  return (
    topics.partyMentions(body).length > 0 ||
    countryMentions(body).some((m) => topics.partyNames.includes(m.country)) ||
    namesBeneficiary(body)
  );
}

const REJECTION_VERB = new RegExp(String.raw`\b${words(G.refusals, G.proposalRejections)}\b`, 'giu');
/** After a rejection verb: the proposal it rejects ("rejected the proposal", "dismissed such a plan"). */
const PROPOSAL_AFTER = new RegExp(
  String.raw`^\s+(?:the|this|that|such\s+an?|its|their|any)\s+(?:[\p{L}-]+\s+)?${words(G.rejectableProposals)}\b`,
  'iu',
);
/**
 * In the sentence after the guarantors: a proposal that points back to theirs, with no owner or complement of its own
 * ("Kyiv rejected the plan", not "the Russian plan to freeze the front line" or "the proposal to hold a referendum").
 */
const PROPOSAL_POINTED_BACK = new RegExp(
  String.raw`^\s+(?:the|this|that|these|those|such(?:\s+an?)?)\s+${words(G.rejectableProposals)}\b(?!\s+(?:to|for|of|on|about|that)\b)`,
  'iu',
);
/** Before the rejecting side: the proposal it rejected ("a proposal that Kyiv rejected"). */
const PROPOSAL_THAT_BEFORE = new RegExp(
  String.raw`\b${words(G.rejectableProposals)}\s+(?:that|which)\s+[^,;.]{1,40}$`,
  'iu',
);

/** After a rejection verb in the passive: its agent ("… rejected by Kyiv"), read up to the next comma. */
const BY_AGENT = /^\s+by\s+(?<agent>[^,;.]{1,30})/iu;
/**
 * Before a rejection verb in the passive: the proposal it rejects, pointing back ("That proposal, rejected by …",
 * "That accord was rejected by …"), as `PROPOSAL_POINTED_BACK` reads one: a determiner right before the noun. One
 * named by its owner ("the Russian plan, rejected by Kyiv, …") is another proposal than the guarantors'.
 */
const PROPOSAL_BEFORE_PASSIVE = new RegExp(
  String.raw`\b(?:the|this|that|these|those|such(?:\s+an?)?)\s+${words(G.rejectableProposals)}\s*(?:,|\s+${words(G.passiveAuxiliaries)})\s*(?:[\p{L}]+ly\s+)?$`,
  'iu',
);

/**
 * Each rejection the protected side makes in a sentence: the words before the verb and after (what it rejects). The
 * side names the subject before the verb ("Kyiv rejected …"), or in the passive the agent after it ("… rejected by
 * Kyiv"), where only a proposal right before the verb is what it rejects (`passive`).
 */
function* beneficiaryRejections(
  text: string,
  namesBeneficiary: (text: string) => boolean,
): Generator<{ before: string; rejected: string; passive: boolean }> {
  for (const verb of text.matchAll(REJECTION_VERB)) {
    const before = text.slice(Math.max(0, verb.index - 40), verb.index);
    const rejected = text.slice(verb.index + verb[0].length);
    if (namesBeneficiary(before)) yield { before, rejected, passive: false };
    else {
      const agent = BY_AGENT.exec(rejected)?.groups?.agent;
      if (agent && namesBeneficiary(agent)) yield { before, rejected, passive: true };
    }
  }
}

/**
 * Whether the guarantors' own sentence has the protected side reject a proposal: "Kyiv rejected the proposal", "a plan
 * that Ukraine dismissed", "That proposal, rejected by Kyiv, …".
 */
function rejectsProposal(text: string, namesBeneficiary: (text: string) => boolean): boolean {
  for (const { before, rejected, passive } of beneficiaryRejections(text, namesBeneficiary)) {
    if (
      passive
        ? PROPOSAL_BEFORE_PASSIVE.test(before)
        : PROPOSAL_AFTER.test(rejected) || PROPOSAL_THAT_BEFORE.test(before)
    )
      return true;
  }
  return false;
}

/** Whether the sentence after the guarantors' has the protected side reject a proposal pointing back to theirs. */
function rejectsProposalPointedBack(text: string, namesBeneficiary: (text: string) => boolean): boolean {
  for (const { rejected, passive } of beneficiaryRejections(text, namesBeneficiary))
    if (!passive && PROPOSAL_POINTED_BACK.test(rejected)) return true;
  return false;
}

/**
 * The guarantors given to the protected side whose every sentence (or the one after it) has that side reject the
 * proposal: they were proposed by the other side, and merge with what it proposed.
 */
function reassignRejected(
  byKey: Map<string, Guarantor>,
  beneficiary: string,
  other: string,
  rejected: (evidence: string) => boolean,
): void {
  for (const [key, g] of [...byKey]) {
    if (g.proposedBy !== beneficiary || !g.citations.every((c) => rejected(c.evidence))) continue;
    byKey.delete(key);
    const otherKey = `${g.country}\u0000${other}`;
    const existing = byKey.get(otherKey);
    if (!existing) byKey.set(otherKey, { ...g, proposedBy: other });
    else
      for (const c of g.citations)
        if (!existing.citations.some((e) => e.evidence === c.evidence)) existing.citations.push(c);
  }
}

/** The coalition formed for Ukraine's security: its members named in its paragraphs, and those speaking for it. */
function addCoalitionMembers(
  body: string,
  sentences: readonly Sentence[],
  byKey: ReadonlyMap<string, Guarantor>,
  opposing: ReadonlySet<string>,
  beneficiary: string | undefined,
  aboutGuarantees: boolean,
  affiliation: (surname: string) => string | null,
  add: AddGuarantor,
): void {
  const named = new Set([...byKey.values()].map((g) => g.country));
  const mentionsOf = new Map<number, CountryMention[]>();
  for (const candidate of coalitionCandidates(body, sentences, aboutGuarantees, affiliation, beneficiary)) {
    const text = sentences[candidate.index]?.text ?? '';
    const { country } = candidate.mention;
    if (named.has(country) || opposing.has(country)) continue;
    // A list is judged by its head: "Leaders from Finland, Estonia and Latvia" is no venue "from Finland, Estonia".
    const mentions = mentionsOf.get(candidate.index) ?? countryMentions(text);
    mentionsOf.set(candidate.index, mentions);
    const k = mentions.findIndex((m) => m.start === candidate.mention.start);
    const head = k < 0 ? candidate.mention : listHead(text, mentions, k);
    if (contextRejected(text, candidate.mention, head, candidate.atMeeting)) continue;
    add(country, beneficiary ?? null, text);
  }
}

/**
 * The signatories of security agreements with the protected country. The title is read first, as the headline the body
 * goes on from ("A signs security agreement with Ukraine" over "The agreement covers …"), unless the body repeats it: a
 * partner it names counts where the body names that country too, cited there (the labels take a fact from the body; a
 * partner only the title names is left out).
 */
function addPactSignatories(
  title: string | null,
  sentences: readonly Sentence[],
  beneficiary: string,
  opposing: ReadonlySet<string>,
  namesBeneficiary: (text: string) => boolean,
  affiliation: (surname: string) => string | null,
  byKey: ReadonlyMap<string, Guarantor>,
  add: AddGuarantor,
): void {
  const listed = new Set([...byKey.values()].map((g) => g.country));
  const headline = title?.replace(/\s+/gu, ' ').trim();
  // A title that asks, hedges or denies ("Will A sign …?", "Why A should sign …") reports no signing.
  const titled =
    !!headline && reportsSigning(headline) && !sentences.some((s) => s.text.replace(/\s+/gu, ' ').trim() === headline);
  const read = titled && headline ? [{ text: headline, start: 0, end: 0 }, ...sentences] : sentences;
  for (const { index, mention } of pactSignatories(read, beneficiary, opposing, namesBeneficiary, affiliation)) {
    if (listed.has(mention.country)) continue;
    const evidence =
      titled && index === 0
        ? sentences.find(
            (s) =>
              !deniesSigning(s.text) &&
              countriesByAnyName(s.text, affiliation).some((m) => m.country === mention.country),
          )?.text
        : read[index]?.text;
    if (evidence) add(mention.country, beneficiary, evidence);
  }
}

/** What the senders inside the guarantee topic are judged by. */
interface TopicContext {
  beneficiary: string | undefined;
  affiliation: (surname: string) => string | null;
  opposing: ReadonlySet<string>;
  namesBeneficiary: (text: string) => boolean;
  /** The proposer of what each opening sentence proposed, by its index (absent: the protected side). */
  proposerAt: ReadonlyMap<number, string | null>;
  /** Whether the article speaks of the guarantees (not only of a security agreement): troops and tasks count only then. */
  aboutGuarantees: boolean;
}

/** Inside the guarantee topic (its paragraph, and the paragraphs pointing back to it): who joins or sends to the effort. */
function addTopicSenders(
  sentences: readonly Sentence[],
  { open, opener }: Pick<ArrangementState<unknown>, 'open' | 'opener'>,
  context: TopicContext,
  byKey: ReadonlyMap<string, Guarantor>,
  add: AddGuarantor,
): void {
  const citedFor = (country: string, evidence: string) =>
    [...byKey.values()].some((g) => g.country === country && g.citations.some((c) => c.evidence === evidence));
  for (const [i, { text }] of sentences.entries()) {
    // Countries attached to the arrangement are proposed by whoever introduced it.
    const carried = context.proposerAt.get(opener[i] ?? -1);
    addSentenceSenders(text, open[i] ?? false, carried ?? context.beneficiary ?? null, context, citedFor, add);
  }
}

/** The senders one sentence of an article about guarantees names, the effort's participants only inside its topic. */
function addSentenceSenders(
  text: string,
  inTopic: boolean,
  topicProposer: string | null,
  { beneficiary, affiliation, opposing, namesBeneficiary, aboutGuarantees }: TopicContext,
  citedFor: (country: string, evidence: string) => boolean,
  add: AddGuarantor,
): void {
  // Inside the topic: who joins or sends to the effort. Not a country its sentence's own rules found: they know
  // better who proposed it.
  const notCited = (m: CountryMention) => !citedFor(m.country, text);
  // A yes/no question names no guarantor ("Have A, B and C announced their readiness …?").
  if (isYesNoQuestion(text)) return;
  const participants = inTopic
    ? [...effortParticipants(text, beneficiary ?? null, affiliation), ...neededBackers(text)].filter(notCited)
    : [];
  // And who a phrase pointing back to the arrangement attaches to it ("the group could include A"), proposed by
  // whoever introduced it, as a list's later items are.
  // Not a member whose sentence refuses the role ("The coalition includes A, although its premier refused to …").
  const attached = inTopic
    ? arrangementInclusions(text, affiliation).filter((m) => notCited(m) && !refusesAfter(text, m))
    : [];
  const fromTopic = new Set(attached);
  const senders = [
    ...participants,
    ...attached,
    // Beyond the topic, only in an article about the guarantees, not one only about a security agreement.
    ...(aboutGuarantees
      ? [
          ...troopSenders(text, beneficiary ?? null, affiliation),
          ...securityContributors(text),
          ...hedgedContributors(text),
          // "a working group led by A with the participation of B": the countries leading or joining a security effort.
          ...effortMembers(text),
          // "Dorosh said he was hoping for help from Canada": the protected side counting on a country.
          ...hopedForHelpers(text, namesBeneficiary),
          // "A and B are ready to deploy troops …, with American support": the backer of the troops sent (R11).
          ...(!inTopic && speaksOfDeployment(text) ? neededBackers(text) : []),
        ]
      : []),
  ];
  if (!senders.length) return;
  const ordered = senders.toSorted((a, b) => a.start - b.start);
  ordered.forEach((mention, k) => {
    // A list is judged by its head: "Spain, Portugal …" is no dateline.
    const head = listHead(text, ordered, k);
    const before = text.slice(Math.max(0, head.start - 60), head.start);
    // "The leaders of A and B committed to deploying troops": the office holders send their countries' troops.
    const precedes = rejectedByWhatPrecedes(before);
    if (
      opposing.has(mention.country) ||
      inCompound(text, mention) ||
      namedInRisk(text, mention) ||
      inComparison(text, mention, head) ||
      (precedes && precedes !== 'office-of-before')
    ) {
      return;
    }
    add(mention.country, fromTopic.has(mention) ? topicProposer : (beneficiary ?? null), text);
  });
}

/** The country of each person the article gives one, by surname ("Macron" → France), read only when asked. */
function surnameAffiliations(people: readonly Person[]): (surname: string) => string | null {
  let bySurname: Map<string, string> | undefined;
  return (surname) => {
    bySurname ??= new Map(
      people.flatMap((p) => (p.affiliation ? [[p.name.split(/\s+/u).at(-1) ?? p.name, p.affiliation] as const] : [])),
    );
    return bySurname.get(surname) ?? null;
  };
}

/** A capitalised name right before a guarantee noun ("the US guarantees"): tested before the countries are looked up. */
const NAME_BEFORE_GUARANTEE = new RegExp(
  String.raw`${CAPITAL_OPENING}[\p{L}.]*\s+["\u201c]?${words(contextWords.guaranteeNounsAfterAdjective)}\b`,
  'u',
);

/** A sentence that may speak of guarantees at all: the cheap test before any rule runs. */
export const mayGuarantee = (text: string) => /guarant/iu.test(text) || ASSURANCE_CUE.test(text);

/** Whether the sentence speaks of providing guarantees (or assurances, a reassurance force) and does not negate it. */
export function speaksOfGuarantees(text: string): boolean {
  if (ASSURANCE_CUE.test(text)) return true;
  for (const cue of text.matchAll(GUARANTOR_CUES)) {
    if (!NEGATED_PROVISION_BEFORE.test(text.slice(Math.max(0, cue.index - 60), cue.index))) return true;
  }
  return false;
}

/** The rule by which what precedes a country (or its list's head) makes it no guarantor: a venue, someone talked to, a refused role. */
function rejectedByWhatPrecedes(before: string): string | null {
  if (OFFICE_OF_BEFORE.test(before)) return 'office-of-before';
  if (TALKS_LED_BY_BEFORE.test(before)) return 'mediator';
  if (REJECT_BEFORE.test(before)) return 'place-or-contact-before';
  if (PLACE_BEFORE.test(before)) return 'venue-before';
  const refused = REFUSED_BEFORE.exec(before);
  // "does not rule out that A will join": a refusal denied is openness, not a refusal.
  return refused && !NEGATION_BEFORE.test(before.slice(0, refused.index)) ? 'refused-role-before' : null;
}
/** Right before a refusal: its negation ("does not", "never", "hasn't"). */
const NEGATION_BEFORE = /(?:\b(?:not|never)|n['\u2019]t)\s+$/iu;

/**
 * A candidate the context gives (the coalition, the sentence before) is rejected where any candidate is: a venue, someone talked to or dealt with,
 * a refused role; and where its sentence refuses ("… repeated her refusal to send troops"). A country named
 * before an office ("US President X") is that official's, not a member.
 */
function contextRejected(
  text: string,
  mention: CountryMention,
  head: CountryMention = mention,
  atMeeting = false,
): boolean {
  // What precedes a list is judged by its head ("the foreign ministers of Spain and Portugal").
  const before = text.slice(Math.max(0, head.start - 60), head.start);
  // The host or chair of the coalition's own meeting is one of its members, not a mediator ("co-chaired by A and B").
  const precedes = atMeeting && CHAIRED_BY_BEFORE.test(before) ? null : rejectedByWhatPrecedes(before);
  // "The meeting was attended by the leaders of A and B", a roster's "- Prime Minister of C": the office holders stand
  // for their countries.
  const standsFor = () => ATTENDING_OFFICES_BEFORE.test(before) || rosterLine(text).length > 0;
  if (precedes && !(precedes === 'office-of-before' && standsFor())) return true;
  if (SETTLEMENT_WITH_BEFORE.test(before) || PAIR_BEFORE.test(before)) return true;
  if (refusesAfter(text, mention) || namedInRisk(text, mention) || inComparison(text, mention, head)) return true;
  if (inCompound(text, mention)) return true;
  return (
    mention.start > 0 &&
    OFFICE_AFTER.test(text.slice(mention.end, mention.end + 40)) &&
    !(atMeeting && leaderInRollCall(text, mention))
  );
}

/**
 * A refusal later in the sentence that is the country's own: the last country named before the refusal is this one
 * or in its list ("including Hungary, although its premier repeated his refusal"), not another ("A and B backed the
 * plan, while C refused").
 */
function refusesAfter(text: string, mention: CountryMention): boolean {
  const refusal = REFUSAL_IN_SENTENCE.exec(text.slice(mention.end));
  if (!refusal) return false;
  const at = mention.end + refusal.index;
  const mentions = countryMentions(text);
  const k = mentions.findLastIndex((m) => m.start >= mention.start && m.end <= at);
  const owner = mentions[k];
  if (!owner || owner.country === mention.country) return true;
  return listHead(text, mentions, k).start <= mention.start;
}

/**
 * The lists of countries a sentence names by name (two or more joined by commas and "and") that no rule rejects by their
 * context: what precedes the list's head (a venue, someone talked to or dealt with, one of a pair, the other side of a
 * settlement, a refused role; but "the leaders of A, B and C" stand for their countries), a refusal after a member, or
 * a compound. Which of them name guarantors is for the corpus to say (guarantor-corpus.ts).
 */
export function unrejectedCountryLists(text: string): CountryMention[][] {
  return mentionLists(text, countryMentions(text), LIST_GAP).filter((list) => {
    const head = list[0] as CountryMention;
    const before = text.slice(Math.max(0, head.start - 60), head.start);
    const precedes = rejectedByWhatPrecedes(before);
    // "Representatives from A, B and C took part in the session": those attending stand for their countries.
    const attending = () =>
      DELEGATES_FROM_BEFORE.test(before) && ATTENDANCE_AFTER.test(text.slice((list.at(-1) as CountryMention).end));
    if (list.length < 2 || (precedes && precedes !== 'office-of-before' && !attending())) return false;
    if (SETTLEMENT_WITH_BEFORE.test(before) || PAIR_BEFORE.test(before)) return false;
    return !list.some((m) => refusesAfter(text, m) || inCompound(text, m) || inComparison(text, m, head));
  });
}

/**
 * Before a list: the people sent from its countries ("delegates from", "representatives from", "leaders from"),
 * possibly with a region first ("from Europe, A, B and C").
 */
const DELEGATES_FROM_BEFORE = new RegExp(
  String.raw`\b${words(G.delegationNouns, contextWords.officialsNouns, contextWords.leaderTitles)}\s+from\s+(?:the\s+)?(?:\p{Lu}\p{L}+,\s+)?$`,
  'iu',
);
/** Right after a list: its people attending a meeting ("… took part in the session", "… attended"). */
const ATTENDANCE_AFTER = new RegExp(String.raw`^\s+(?:also\s+)?${words(contextWords.attendanceCues)}\b`, 'iu');

/** The parties a sentence names, read once however many rules ask. */
interface SentenceParties {
  /** Every mention of a party (`topics.partyMentions`). */
  named(): readonly PartyMention[];
  /** The mentions that may act (`actorMentions`): not governed by a preposition. */
  actors(): PartyMention[];
  /** The parties to the war (`topics.partyNames`). */
  partyNames: readonly string[];
}

function sentenceParties(text: string, topics: CompiledTopics, people: PeopleMentions): SentenceParties {
  let named: readonly PartyMention[] | undefined;
  let actors: PartyMention[] | undefined;
  return {
    partyNames: topics.partyNames,
    named: () => {
      named ??= topics.partyMentions(text);
      return named;
    },
    actors: () => {
      actors ??= actorMentions(text, topics, people);
      return actors;
    },
  };
}

interface Proposal {
  countries: CountryMention[];
  /** Where the proposal starts: the trigger, or the first country of a list that precedes it. */
  anchor: number;
  /** The sentence naming the countries, when it is not the guarantee sentence itself. */
  evidence?: string | undefined;
}

/**
 * Whether a guarantee sentence points back to the countries of the sentence before, as an object ("wants them to
 * provide guarantees", "the list") or as a subject casting the role ("They would act as guarantors"); the arrangement
 * state (`arrangementState`) takes it up only when the sentence before does not speak of guarantees itself (its own
 * rules read it).
 */
function pointsBack(text: string): boolean {
  const subject = ANAPHORIC_SUBJECT.exec(text);
  // A pronoun subject counts only when what follows casts it in the role, not any verb ("They will decide …").
  const after = subject ? text.slice(subject[0].length, subject[0].length + 120) : '';
  const casts = !!subject && (ROLE_TRIGGER.test(after) || OFFERS_GUARANTEES_AFTER.test(after));
  return casts || pointsBackTo(text);
}

/** The countries of a sentence pointed back to, judged by the frames any candidate is (a venue, someone talked to, a refusal). */
function antecedentCountries(previous: string): CountryMention[] {
  const mentions = countryMentions(previous);
  return mentions.filter((mention, k) => !contextRejected(previous, mention, listHead(previous, mentions, k)));
}

/**
 * The sentences that open the arrangement, read once before the guarantors' pass: those with a guarantee word
 * (`namesGuarantees`, by index), those speaking of providing guarantees (`speaking`; also a named effort for the
 * protected country), and with them a security agreement with the protected country (`openers`: "Kyiv
 * signed a security pact with A" opens the topic for "B and C signed similar deals").
 */
/** Right before a country: the effort's place or purpose ("a mission in Haiti", "a coalition for Haiti"). */
const EFFORT_PLACED_BEFORE = /\b(?:for|in)\s+(?:the\s+)?$/iu;

function arrangementOpeners(
  sentences: readonly Sentence[],
  namesBeneficiary: (text: string) => boolean,
  beneficiary: string | undefined,
  sides: readonly string[],
): {
  namesGuarantees: boolean[];
  /** Sentences that speak of providing guarantees in so many words. */
  speaksOf: ReadonlySet<number>;
  /** Those, and the sentences naming an effort for the protected country. */
  speaking: ReadonlySet<number>;
  openers: ReadonlySet<number>;
} {
  // A report that never says "guarantee" speaks of them by the kind of effort ("a monitoring mission for Ukraine",
  // "the coalition of the willing"): such a sentence, naming the protected country, opens the topic as well.
  // The protected country may be named by its possessive there ("as Ukraine's allies step up"): the effort is still
  // for it, though a possessive names no party acting.
  // Not where the effort is placed for or in another country ("a coalition of the willing for Haiti, a model some of
  // Ukraine's allies have studied"): there the possessive names a bystander.
  const effortFor = (text: string) => {
    if (!namesSecurityEffort(text)) return false;
    if (namesBeneficiary(text)) return true;
    const mentions = countryMentions(text);
    return (
      mentions.some((m) => m.country === beneficiary) &&
      !mentions.some(
        (m) =>
          m.country !== beneficiary &&
          !sides.includes(m.country) &&
          EFFORT_PLACED_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start)),
      )
    );
  };
  // Array.from, not .map, which returns a holey array once optimised: a new map where the rules read it, mid-batch.
  const namesGuarantees = Array.from(sentences, ({ text }) => mayGuarantee(text));
  const speaksOf = new Set<number>();
  sentences.forEach(({ text }, i) => {
    if (namesGuarantees[i] && speaksOfGuarantees(text)) speaksOf.add(i);
  });
  const speaking = new Set(speaksOf);
  sentences.forEach(({ text }, i) => {
    if (!speaking.has(i) && effortFor(text)) speaking.add(i);
  });
  const openers = new Set(speaking);
  sentences.forEach(({ text }, i) => {
    if (!speaking.has(i) && namesSecurityPact(text) && namesBeneficiary(text)) openers.add(i);
  });
  return { namesGuarantees, speaksOf, speaking, openers };
}

/** Whether a text names the protected country, its capital or its leader (the article's people, quoted or only named). */
export function beneficiaryNamed(
  people: readonly Person[],
  mentioned: readonly Person[],
  topics: CompiledTopics,
): (text: string) => boolean {
  const beneficiary = topics.config.guaranteeBeneficiary;
  let everyone: PeopleMentions | undefined;
  return (text) => {
    if (topics.partyMentions(text).some((m) => m.id === beneficiary)) return true;
    everyone ??= peopleMentions([...mentioned, ...people], topics);
    return everyone(text).some((m) => m.id === beneficiary);
  };
}

/**
 * What a line adds to a list a guarantee sentence opened: after a colon, a bullet or line holding only countries
 * ("▪ Britain, France and Poland."); after a sentence, the one right after it pointing back to the list or speaking of
 * taking part ("Among them are A and B", "C also wants to take part"), its countries as the sentence's own rules
 * would read them. `undefined` when it adds none.
 */
function listRunOn(
  text: string,
  run: ListRun,
  topics: CompiledTopics,
  people: PeopleMentions,
): { countries: CountryMention[]; actors: SentenceParties | null } | undefined {
  if (run.colon) {
    const countries = listContinuation(text);
    return countries.length ? { countries, actors: null } : undefined;
  }
  if (!run.adjacent || !(LIST_ANAPHOR.test(text) || PARTICIPATION_CUE.test(text))) return undefined;
  const actors = sentenceParties(text, topics, people);
  const countries = recallCandidates(text, countryMentions(text), [], actors, true);
  return countries.length ? { countries, actors } : undefined;
}

/**
 * The leaders of outside countries a guarantee sentence names by surname, placed by the article's own introductions
 * ("French President Jean Dupont", "the British prime minister, Tom Hale", "Ali Kaya, Turkey's foreign minister"; the
 * `affiliation` of its people and mentions), each as a mention of that country spanning the name, and the government
 * after its possessive ("Hale's government"): they stand where a country's name would ("Hale is ready to guarantee
 * Ukraine's security"), and the recall rules judge them as they judge a name. Not the parties' leaders (a party's
 * offer is read by `selfOffers`, with its own proposer), nor a person the article gives no country (an organisation's
 * officer: "NATO Secretary General Mark Holm").
 */
/** Before a clause's subject: the sentence's start, a clause mark, or a conjunction opening a clause. */
const CLAUSE_START_BEFORE = /(?:^[\s\p{P}]*|[,;:\u2014]\s*|\b(?:and|but|that|while|whereas)\s+)$/u;
/** A capitalised word right before a surname: its given name, so the two are the person's full name. */
const GIVEN_NAME_BEFORE = /\p{Lu}[\p{L}.'\u2019-]*\s+$/u;

function outsiderLeaders(
  text: string,
  affiliation: (surname: string) => string | null,
  partyNames: readonly string[],
): CountryMention[] {
  const found: CountryMention[] = [];
  for (const name of text.matchAll(CAPITALISED_WORD)) {
    // The full name ("Tom Hale") is the introduction itself, read by the office rules; the surname alone stands in.
    if (GIVEN_NAME_BEFORE.test(text.slice(Math.max(0, name.index - 30), name.index))) continue;
    const owner = possessiveOwner(name[0]);
    const country = PRONOUN.test(owner) ? null : affiliation(owner);
    // A body's officer ("NATO") or a party's leader is no outside country.
    if (!country || partyNames.includes(country) || countryMentions(country)[0]?.country !== country) continue;
    const government = owner === name[0] ? null : GOVERNMENT_AFTER_OWNER.exec(text.slice(name.index + name[0].length));
    const end = name.index + name[0].length + (government?.[0].length ?? 0);
    // Only the leader opening a clause and offering ("Hale is ready to …", "…, and Hale's government would …"): a name
    // elsewhere is someone talked about ("described Hale as …", "…, as per Hale"), not a country cast in the role.
    if (!CLAUSE_START_BEFORE.test(text.slice(0, name.index)) || !OFFERS_AFTER.test(text.slice(end, end + 120)))
      continue;
    found.push({ country, start: name.index, end });
  }
  return found;
}

function proposals(
  text: string,
  named: SentenceParties,
  leaders: readonly CountryMention[],
  note?: RejectionNote,
): Proposal[] {
  const mentions = countryMentions(text);
  const found: Proposal[] = [];
  // "guarantees from Washington": right after the source, a seat of government stands for its country. Only there: a
  // seat, adjective or "the Kremlin" past the first item is the attribution ("…, Poland, Russian officials said").
  let sources: CountryMention[] | undefined;
  for (const trigger of text.matchAll(SOURCE_TRIGGER)) {
    const after = trigger.index + trigger[0].length;
    sources ??= countriesByAnyName(text).sort((a, b) => a.start - b.start);
    const list = listAfter(text, after, mentions, sources);
    if (list.length) found.push({ countries: list, anchor: trigger.index });
  }
  mentions.forEach((mention, i) => {
    const role = ROLE_TRIGGER.exec(text.slice(mention.end));
    if (!role || OF_PAST_INSTRUMENT.test(text.slice(mention.end + role[0].length))) return;
    const list = listBefore(text, mentions.slice(0, i + 1));
    const head = list[0] ?? mention;
    if (REFUSED_BEFORE.test(text.slice(Math.max(0, head.start - 40), head.start))) return;
    found.push({ countries: list, anchor: head.start });
  });
  // A leader placed in an outside country stands where its name would, in the recall path only (`outsiderLeaders`).
  const withLeaders = leaders.length
    ? [...mentions, ...leaders.filter((l) => !mentions.some((m) => m.start <= l.start && l.start < m.end))].sort(
        (a, b) => a.start - b.start,
      )
    : mentions;
  const recalled = recallCandidates(text, withLeaders, found, named, false, note);
  if (recalled.length) found.push({ countries: recalled, anchor: recalled[0]?.start ?? 0 });
  return withoutHistory(text, found, note);
}

/** A sentence that can lend a guarantor list its proposer: it speaks of a plan, a document or guarantees. */
const PROPOSAL_CONTEXT =
  /\b(?:guarant\w*|propos\w*|plan|plans|draft|drafts|memorandum|memoranda|document|paper|treaty|terms|offer\w*|demand\w*|list|initiative|framework|conditions)\b/iu;

/** A year or decade of the last century dates the clause ("in 1994", "in the 1990s"): guarantees given then are history. */
const LAST_CENTURY = /\b19\d{2}s?\b/u;

/** Drops the countries of clauses that tell history ("in exchange for guarantees from X in 1994"). */
function withoutHistory(text: string, found: Proposal[], note?: RejectionNote): Proposal[] {
  if (!LAST_CENTURY.test(text)) return found;
  const past = clauseSpans(text).filter(({ start, end }) => LAST_CENTURY.test(text.slice(start, end)));
  const inPast = (c: CountryMention) => past.some(({ start, end }) => start <= c.start && c.end <= end);
  if (note) for (const c of found.flatMap((p) => p.countries)) if (inPast(c)) note(c, 'history');
  return found
    .map((p) => ({ ...p, countries: p.countries.filter((c) => !inPast(c)) }))
    .filter((p) => p.countries.length);
}

/*
 * Recall: real coverage casts countries as guarantors in more frames than any list of triggers holds
 * ("wants X, Y and Z as guarantors", "sees among the guarantors, first of all, X", "X is also on the
 * table", a list after a dash or running past a group). So every country of a sentence that speaks of
 * security guarantees or guarantors is a candidate, and explicit rules reject the countries that play
 * another part in it: the one protected, the one asking, a venue, a threat, an excluded one, an
 * office's country, the subject of some other verb.
 */

/**
 * Guarantee vocabulary that makes a sentence about who guarantees security (not "guarantee safe passage").
 * It starts with the literal "guarant", so V8 skips to the few places worth trying instead of trying the
 * alternatives at every position of every sentence.
 */
const GUARANTOR_CUE = new RegExp(
  String.raw`guarant(?<![\p{L}\p{N}]guarant)(?:or(?:s|ship)?\b|eed\s+by\b` +
    String.raw`|ee(?:s|d)?\s+(?:(?:of|for|to)\s+)?(?:[\p{L}'\u2019-]+\s+){0,2}?${words(G.guaranteeObjects, G.guaranteeTruces)}\b` +
    String.raw`|ees?\b(?<=\bsecurity\s+guarantees?)|ees\b(?<=\b${words(G.guaranteesQualifiers)}\s+guarantees))`,
  'iu',
);

const GUARANTOR_CUES = new RegExp(GUARANTOR_CUE.source, 'giu');

/** A guarantor of a named, past instrument ("a guarantor of the 1994 Budapest Memorandum") is history, not a proposal. */
const OF_PAST_INSTRUMENT =
  /^\s+(?:of|to|under)\s+(?:the\s+)?(?:\d{4}\s+)?\p{Lu}[\p{L}-]*\s+(?:Memorandum|Agreements?|Accords?|Treaty|Protocol|Declaration)\b/u;
const PAST_INSTRUMENT = new RegExp(`\\bguarantors?(?=${OF_PAST_INSTRUMENT.source.slice(1)})`, 'u');

/** Where a clause ends: a candidate and the guarantee vocabulary must share one. */
const CLAUSE_BOUNDARY = new RegExp(
  String.raw`;|,\s+${words(G.relativePronouns)}\s+(?![^,]{1,60},)(?!(?:${words(G.relativeAuxiliaries)}\s+)*(?:also\s+)?${words(G.relativeRoleVerbs)}\b)` +
    String.raw`|,?\s+${words(G.clauseConjunctions)}\s+`,
  'gu',
);

/** Before a country: it is a place, a threat, an excluded one or a delegation's (a party to the talks), not a guarantor. */
const REJECT_BEFORE = new RegExp(
  String.raw`(?:\b(?:${words(G.placePrepositions, G.travelPhrases, G.exclusions)}` +
    String.raw`|${words(G.contactNouns)}\s+(?:\w+\s+)?with|${words(G.contactVerbs)}\s+(?:to|with)` +
    String.raw`|${words(G.delegationNouns)}\s+(?:from|of)` +
    String.raw`|${words(G.hostileWords)}\s+(?:\w+\s+)?(?:by|from)|${words(G.hostingWords)}\s+by|${words(G.targetPhrases)})\s+(?:the\s+)?)$`,
  'iu',
);

/**
 * Around a country: it owns or leads the peace talks or plan ("a proposed US peace framework", "discussions led by the
 * US"), which makes it the mediator of the sentence, not a guarantor.
 */
const MEDIATOR_AFTER = new RegExp(String.raw`^\s+(?:[\p{L}-]+\s+)?${words(G.mediationNouns)}\b`, 'iu');
/** Before a country: the host or chair of a meeting ("co-chaired by the", "convened by"). */
const CHAIRED_BY_BEFORE = new RegExp(String.raw`\b${words(G.hostingWords)}\s+by\s+(?:the\s+)?$`, 'iu');
const TALKS_LED_BY_BEFORE = new RegExp(
  String.raw`\b${words(G.talkNouns)}\s+(?:[\p{L}-]+\s+){0,2}?${words(G.talkLeads)}\s+(?:the\s+)?$`,
  'iu',
);

/** Before a country: an office of it ("the foreign minister of Hungary"), whose holder acts rather than the country. */
const OFFICE_OF_BEFORE = new RegExp(String.raw`\b${words(G.officeOfNouns)}\s+of\s+(?:the\s+)?$`, 'iu');

/**
 * Before a list: the role is refused or doubted for it ("Kyiv ruled out Belarus as a guarantor", "questioned whether X could"),
 * or a negated passive names it as the agent ("will not be joined by X").
 */
const REFUSED_BEFORE = new RegExp(
  String.raw`\b(?:${words(G.refusals)}\s+(?:(?:\w+\s+){0,2})?|${words(G.doubts)}\s+(?:whether|if|that)\s+` +
    // A negated passive names its agent as the one who will not act: "the force will not be joined by X".
    String.raw`|${words(G.refusalWords)}\s+(?:be|been)\s+[\p{L}-]+\s+by\s+)(?:the\s+)?$`,
  'iu',
);

/** A venue or a dateline: "in Istanbul, Turkey", "ANKARA, Turkey". */
const PLACE_BEFORE = /(?:^|\b(?:in|at|from|to)\s+)\p{Lu}[\p{L}-]+,\s+(?:the\s+)?$/u;

/** After a country: an office or body of that country, whose holder is the subject ("US Secretary of State …", "US Special Envoy …"). */
const OFFICE_AFTER = new RegExp(
  String.raw`^\s+(?:${words(G.officeModifiers)}\s+)*${words(G.officesAfterCountry)}\b`,
  'u',
);

/** After a country: a possessive office, a refusal of the role, or a verb that makes it a subject doing something else. */
const REJECT_AFTER = new RegExp(
  String.raw`^(?:['\u2019]s\s+(?!${words(G.possessedRoles)}\b)` +
    String.raw`|\s+(?:${words(G.refusalAdverbs)}\s+)*${words(G.refusalWords)}\b` +
    String.raw`|\s+to\s+(?!${words(G.guarantorInfinitives)}\b)\p{L}+)`,
  'iu',
);

/** What governs a list as an object: a source, an inclusion, a copula before it ("Among them were …"), a colon or a dash. */
const OBJECT_BEFORE =
  /(?:\b(?:from|by|including|include|includes|included|such\s+as|like|namely|as|among|involve|involves|involving|of|are|were)|[:(\u2014\u2013-])\s+(?:the\s+)?$/iu;

/** After a country that is a subject (with a group after "and"): the verbs that make it one offering or cast as a guarantor. */
const OFFERS_AFTER = new RegExp(
  String.raw`^(?:,[^,]{1,60},)?(?:\s+and\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,2}?)?\s+(?:${words(G.offerAdverbs)}\s+)*` +
    String.raw`(?:${words(G.offerVerbs)}|${words(G.readinessStatements)}\s+(?:(?:its|their)\s+)?${words(G.readinessNouns)}|${WISH_TO_TAKE_PART}|said\s+${words(G.selfSubjects)}\s+${words(G.selfCopulas)}\s+(?:${words(G.offerAdverbs)}\s+)*(?:be\s+)?${words(G.selfOffers)})\b`,
  'iu',
);

/** A country followed by a finite verb (or "and …" then one) is the subject of that verb. */
const SUBJECT_AFTER = new RegExp(
  String.raw`^(?:,[^,]{1,60},)?(?:\s+and\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,2}?)?(?:\s+\p{Lu}[\p{L}.-]*){0,3}` +
    String.raw`(?:\s+${words(G.memberNounsAfterCountry)})?\s+(?:${words(G.subjectAdverbs)}\s+)*(?:\p{Ll}+(?:ed|es)|${words(G.subjectVerbs)})\b`,
  'u',
);

function recallCandidates(
  text: string,
  mentions: readonly CountryMention[],
  found: readonly Proposal[],
  named: SentenceParties,
  /** The sentence continues the previous one's guarantee talk ("Among them are …"): every clause counts. */
  continues: boolean,
  note?: RejectionNote,
): CountryMention[] {
  const taken = new Set(found.flatMap((p) => p.countries.map((c) => c.start)));
  const open = mentions.filter((m) => !taken.has(m.start));
  if (!open.length) return [];
  const sentenceRule = continues
    ? null
    : !speaksOfGuarantees(text)
      ? 'no-guarantee-cue'
      : PAST_INSTRUMENT.test(text)
        ? 'past-instrument'
        : null;
  if (sentenceRule) {
    if (note) for (const mention of open) note(mention, sentenceRule);
    return [];
  }
  // A clause that lists the guarantors just named ("…; these are X and Y") continues the clause before it.
  const spans = clauseSpans(text);
  const clauses = spans.filter(
    ({ start, end }, k) =>
      continues ||
      spans.length === 1 ||
      speaksOfGuarantees(text.slice(start, end)) ||
      (k > 0 && LIST_ANAPHOR.test(text.slice(start, end)) && speaksOfGuarantees(text.slice(0, start))),
  );
  return mentions.filter((mention, i) => {
    if (taken.has(mention.start)) return false;
    const rule = clauses.some((c) => c.start <= mention.start && mention.end <= c.end)
      ? rejection(
          text,
          mention,
          listHead(text, mentions, i),
          listEnd(text, mentions, i),
          named.actors,
          named.partyNames,
        )
      : 'other-clause';
    if (rule) note?.(mention, rule);
    return rule === null;
  });
}

/** The rule that rejects a candidate of a guarantee clause, or null when none does. */
function rejection(
  text: string,
  mention: CountryMention,
  head: CountryMention,
  end: number,
  actors: () => readonly PartyMention[],
  partyNames: readonly string[],
): string | null {
  // A list shares one part: judge what precedes it by its head ("leaders of France, Germany and Britain"),
  const before = text.slice(Math.max(0, head.start - 60), head.start);
  // and what follows by its end ("Russia and Ukraine discussed …" makes both subjects).
  const after = text.slice(end, end + 120);
  const precedes = rejectedByWhatPrecedes(before);
  // "The leaders of Spain and Italy said they were ready to …": the office holders offer for their countries.
  if (precedes === 'office-of-before' && OFFERS_AFTER.test(after)) return null;
  if (precedes) return precedes;
  if (SETTLEMENT_WITH_BEFORE.test(text.slice(Math.max(0, mention.start - 60), mention.start))) {
    return 'settlement-with-before';
  }
  if (inCompound(text, mention)) return 'hyphen-compound';
  if (namedInRisk(text, mention)) return 'named-in-risk';
  if (inComparison(text, mention, head)) return 'comparison';
  if (MEDIATOR_AFTER.test(text.slice(mention.end, mention.end + 60))) return 'mediator';
  if (REJECT_AFTER.test(after)) return 'possessive-refusal-or-infinitive-after';
  if (OFFICE_AFTER.test(text.slice(mention.end, mention.end + 40))) {
    // "U.S. officials said the guarantees would mirror Article 5": the officials speak of their country's offer.
    return officialsSpeakOfOwnGuarantees(text, mention, partyNames) ? null : 'office-after';
  }
  const offer = OFFERS_AFTER.exec(after);
  // "Chile has offered to host talks on the guarantees": an offer of another role.
  if (offer) return OFFERS_TO_HOST.test(after.slice(offer[0].length)) ? 'offers-to-host' : null;
  // A list governed by "from", "including" or a colon is an object, whatever verb follows it.
  if (OBJECT_BEFORE.test(text.slice(Math.max(0, head.start - 40), head.start))) return null;
  // A party that wants, asks or says is the proposer, not a guarantor ("Russia wants …").
  if (actors().some((a) => a.start === mention.start && takesStance(text, a))) return 'party-taking-stance';
  return SUBJECT_AFTER.test(after) ? 'subject-of-other-verb' : null;
}

/** The first country of the list that holds mention `i`. */
function listHead(text: string, mentions: readonly CountryMention[], i: number): CountryMention {
  let head = mentions[i] as CountryMention;
  for (let j = i - 1; j >= 0; j--) {
    const previous = mentions[j] as CountryMention;
    if (!joinsList(text, previous.end, head)) break;
    head = previous;
  }
  return head;
}

/** Where the list that holds mention `i` ends: the last country joined to it by commas and "and". */
function listEnd(text: string, mentions: readonly CountryMention[], i: number): number {
  let last = mentions[i] as CountryMention;
  for (const next of mentions.slice(i + 1)) {
    if (!joinsList(text, last.end, next)) break;
    last = next;
  }
  return last.end;
}

function clauseSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(CLAUSE_BOUNDARY)) {
    spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: text.length });
  return spans;
}

/** A sentence that refers back to the guarantors just named and lists them ("Among them are …", "They would include …"). */
const LIST_ANAPHOR = new RegExp(String.raw`^[\s\p{P}\p{S}]*${words(G.listAnaphors)}\b`, 'iu');

/** A sentence that opens a list for the next lines: it ends with a colon or a dash. */
const LIST_OPENER = /[:\u2014\u2013-]\s*$/u;
/** What may surround the countries of a continuation line: bullets, commas, "and", "the", a group. */
const CONTINUATION_FILLER = /^[\s\p{P}\p{S}\d]*(?:(?:and|or|the|also|plus|possibly|as well as)\b[\s\p{P}\p{S}]*)*$/iu;

/** The countries of a bullet or sentence that only continues a list ("- Britain, France and Poland."). */
function listContinuation(text: string): CountryMention[] {
  const mentions = countryMentions(text);
  if (!mentions.length) return [];
  const gaps = [
    text.slice(0, mentions[0]?.start),
    ...mentions.map((m, i) => text.slice(m.end, mentions[i + 1]?.start ?? text.length)),
  ];
  return gaps.every((gap) => CONTINUATION_FILLER.test(gap)) ? mentions : [];
}

/**
 * The countries listed right after `from`: the first within a few words (one of `firsts`), the rest of `mentions` joined
 * by commas and "and".
 */
function listAfter(
  text: string,
  from: number,
  mentions: readonly CountryMention[],
  firsts: readonly CountryMention[] = mentions,
): CountryMention[] {
  const first = firsts.find((mention) => mention.start >= from);
  if (!first) return [];
  const opening = text.slice(from, first.start);
  if (!FIRST_GAP.test(opening) || LIST_BREAKER.test(opening)) return [];
  const list: CountryMention[] = [first];
  let cursor = first.end;
  for (const mention of mentions) {
    if (mention.start < cursor) continue;
    if (!joinsList(text, cursor, mention)) break;
    list.push(mention);
    cursor = mention.end;
  }
  return list;
}

/** The list that ends with the last of `mentions`, walking back over commas and "and". */
function listBefore(text: string, mentions: readonly CountryMention[]): CountryMention[] {
  const list: CountryMention[] = [];
  for (let i = mentions.length - 1; i >= 0; i--) {
    const mention = mentions[i] as CountryMention;
    const next = list[0];
    if (next && !joinsList(text, mention.end, next)) break;
    // "put forward by Ukraine, Poland and Japan would …": a country after a preposition is not a subject.
    if (next && PREPOSITION_BEFORE.test(text.slice(Math.max(0, mention.start - 20), mention.start))) break;
    list.unshift(mention);
  }
  return list;
}

/** A capitalised word that a lower-case word follows: a surname acting as a subject ("… as Lindqvist reportedly said"). */
const NAME_BEFORE_VERB = /(?<![\p{L}'\u2019-])(?<surname>\p{Lu}[\p{L}-]+)(?:['\u2019]s)?(?=\s+\p{Ll})/gu;
/** After a name: its acceptance of what others proposed ("… agreed that", "… has endorsed"). */
const ACCEPTS_AFTER = new RegExp(
  String.raw`^\s+(?:${words(G.offerAdverbs)}\s+)*${words(contextWords.acceptanceVerbs)}\b`,
  'iu',
);
/** Before a name: a preposition, which makes it no subject ("talks with Lindqvist"). */
const PREPOSITION_RIGHT_BEFORE = /\b(?:of|with|to|for|by|from|on|about|against|between)\s+$/iu;

/**
 * The proposer by the person acting nearest before the countries, through the country the article gives them ("…, as
 * Lindqvist reportedly named X as a possible guarantor", a person mentioned, never quoted): their side, when a party to the
 * war; the protected side, when their own country is among those offered ("Okafor suggested that Nigeria might
 * provide guarantees").
 */
function subjectProposer(
  text: string,
  countries: readonly CountryMention[],
  partyNames: readonly string[],
  affiliation: (surname: string) => string | null,
  beneficiary: string | null,
): string | null {
  const upTo = countries[0]?.start ?? 0;
  let country: string | null = null;
  for (const name of text.slice(0, upTo).matchAll(NAME_BEFORE_VERB)) {
    if (PREPOSITION_RIGHT_BEFORE.test(text.slice(Math.max(0, name.index - 12), name.index))) continue;
    // "Lindqvist agreed that Brazil give guarantees": who accepts a proposal is not its author.
    if (ACCEPTS_AFTER.test(text.slice(name.index + name[0].length, name.index + name[0].length + 40))) continue;
    country = affiliation(name.groups?.surname ?? '') ?? country;
  }
  if (!country) return null;
  if (partyNames.includes(country)) return country;
  return countries.some((c) => c.country === country) ? beneficiary : null;
}

/** The country of the quoted speaker whose statement this sentence is. */
function statementCountry(text: string, statements: readonly Statement[]): string | null {
  const said = statements.find((s) => s.affiliation && s.citations.some((c) => c.evidence.includes(text)));
  return said?.affiliation ?? null;
}

/** The list is followed by its own offer or role ("Turkey is ready to act as a guarantor"): a self-offer. */
function offersItself(text: string, countries: readonly CountryMention[]): boolean {
  const last = countries.at(-1);
  if (!last) return false;
  const after = text.slice(last.end, last.end + 120);
  return OFFERS_AFTER.test(after) || ROLE_TRIGGER.test(after);
}

/** After a country: its own wish or readiness ("wants to be …", "is ready to …"), not a passive ("has been proposed as"). */
const OWN_WISH_AFTER = new RegExp(
  String.raw`^\s+(?:${words(G.offerAdverbs)}\s+)*(?:${words(contextWords.wishVerbs, G.readinessWords)}|stands?\s+ready)\b`,
  'iu',
);

/** The party that the list consists of, when it offers itself ("Russia wants to be among the guarantors"). */
function ownOffer(text: string, countries: readonly CountryMention[], partyNames: readonly string[]): string | null {
  const only = countries.length === 1 ? countries[0] : undefined;
  if (!only || !partyNames.includes(only.country)) return null;
  return OWN_WISH_AFTER.test(text.slice(only.end, only.end + 60)) && offersItself(text, countries)
    ? only.country
    : null;
}

/** The party nearest before the proposal that acts in the sentence ("Ukraine wants guarantees from …"). */
function proposerBefore(
  text: string,
  anchor: number,
  countries: readonly CountryMention[],
  named: SentenceParties,
): string | null {
  const inList = (m: { start: number }) => countries.some((c) => c.start <= m.start && m.start < c.end);
  const before = named.actors().filter((m) => m.end <= anchor && !inList(m));
  const upTo = countries[0]?.start ?? anchor;
  const proposer = named
    .named()
    .find((m) => m.end <= upTo && PROPOSED_BY_BEFORE.test(text.slice(Math.max(0, m.start - 60), m.start)));
  // "Moscow was studying Kyiv's list of guarantor states, which includes …": the list's owner, not the one reading it.
  const actor = before.at(-1);
  // The nearer of the two: "Moscow rejected Kyiv's proposal and wants guarantees from X" is Moscow's wish.
  const owner = proposalOwner(text.slice(actor?.end ?? 0, upTo), named.partyNames);
  return proposer?.id ?? owner ?? actor?.id ?? null;
}

/** A party that says the sentence after the fact ("…, Ukrainian officials said", "…, according to the Ukrainian side"). */
function proposerAfter(text: string, anchor: number, named: SentenceParties): string | null {
  const sayer = named.actors().find((m) => m.start > anchor && isSayer(text, m));
  const source = () =>
    named.named().find((m) => m.start > anchor && SOURCE_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start)));
  return sayer?.id ?? source()?.id ?? null;
}
/** The party whose proposal the text names last ("Kyiv's list", "Ukraine's proposals", "the Russian draft"). */
function proposalOwner(text: string, partyNames: readonly string[]): string | null {
  let owner: string | null = null;
  for (const m of text.matchAll(OWNED_PROPOSAL)) {
    const country = countryOfWord(m.groups?.owner ?? '');
    if (country && partyNames.includes(country)) owner = country;
  }
  return owner;
}

/** Before a party: it is the source of the sentence ("according to the Ukrainian delegation"). */
const SOURCE_BEFORE = new RegExp(String.raw`\b${words(contextWords.sourceLeadIns)}\s+(?:the\s+)?$`, 'iu');
/** A party's own proposal: "Kyiv's list of guarantor states", "Ukraine's proposals", "the Ukrainian draft". */
const OWNED_PROPOSAL = new RegExp(
  String.raw`(?<owner>\p{Lu}[\p{L}.-]*?)(?:['\u2019]s?)?\s+(?:own\s+|latest\s+|new\s+|draft\s+)?${words(contextWords.ownedProposalNouns)}\b`,
  'gu',
);

/**
 * A quotation with no attribution of its own continues the previous sentence's speaker
 * ("Olena Kovalenko, a member of the Ukrainian delegation, spoke … "We want Canada among …""): the party
 * the previous sentence names through a person who speaks for it.
 */
function quotedSpeakerParty(sentence: Sentence, previous: Sentence | undefined, topics: CompiledTopics): string | null {
  if (!previous || !QUOTE_OPENERS.test(sentence.text)) return null;
  const members = topics.partyMentions(previous.text).filter((m) => m.kind === 'member');
  return members[0]?.id ?? null;
}

/**
 * After a person who speaks for a party: an offer to give guarantees ("is ready to provide …"), stated as a readiness
 * ("has expressed a willingness to provide …") or praised as a pledge ("… for his pledge to provide …").
 */
const OFFERS_GUARANTEES_AFTER = new RegExp(
  String.raw`^\s+(?:${words(G.offerAdverbs)}\s+)*(?:${words(G.seemingVerbs)}\s+(?:to\s+be\s+)?)?` +
    String.raw`(?:(?:(?:${words(G.provisionModals)}\s+(?:be\s+)?)?${words(G.readinessWords)}\s+to|${words(G.provisionModals)}` +
    String.raw`|${words(G.readinessStatements)}\s+(?:an?\s+|his\s+|her\s+|its\s+)?${words(G.readinessNouns)}\s+to` +
    String.raw`|for\s+(?:his|her|its|their)\s+${words(G.possessedRoles)}\s+to)\s+${words(G.provisionVerbs)}` +
    // "appeared open to offering Ukraine guarantees": an openness to the provision, by its gerund.
    String.raw`|(?:${words(G.readinessWords)}|open)\s+to\s+${words(G.provisionGerunds)})` +
    String.raw`\s+(?:[\p{L}\p{N}'\u2019"\u201c,-]+\s+){0,3}?["\u201c]?(?:security\s+)?guarantees?\b`,
  'iu',
);

/**
 * The countries whose people, in a sentence about guarantees, offer to give them: a party's person offers the party; a
 * person the article gives another country ("commending the [outside leader] for his pledge to provide guarantees")
 * offers that country, proposed for the protected side (`outsider`); someone the article gives no country speaks
 * for the side the sentences before are about.
 */
function selfOffers(
  text: string,
  people: PeopleMentions,
  sideInContext: () => string | null,
  affiliation: (surname: string) => string | null,
  partyNames: readonly string[],
): { country: string; outsider: boolean }[] {
  if (!GUARANTOR_CUE.test(text)) return [];
  const offers = (end: number) => OFFERS_GUARANTEES_AFTER.test(text.slice(end, end + 120));
  const known = people(text);
  const found = known.filter((m) => offers(m.end)).map((m) => ({ country: m.id, outsider: false }));
  const countries = countryMentions(text);
  const within = (spans: readonly { start: number; end: number }[], at: number) =>
    spans.some((m) => m.start <= at && at < m.end);
  for (const name of text.matchAll(CAPITALISED_WORD)) {
    const owner = possessiveOwner(name[0]);
    // "Holm's government is ready to provide …": a leader's government offers for the leader's country.
    const government = owner === name[0] ? null : GOVERNMENT_AFTER_OWNER.exec(text.slice(name.index + name[0].length));
    const end = name.index + name[0].length + (government?.[0].length ?? 0);
    // A country's own name ("the United States might provide …") is no person of a side.
    if (within(known, name.index) || within(countries, name.index) || !offers(end)) continue;
    if (PRONOUN.test(owner)) continue;
    const placed = affiliation(owner);
    if (placed && !partyNames.includes(placed)) {
      found.push({ country: placed, outsider: true });
      continue;
    }
    const side = placed ?? sideInContext();
    if (side) found.push({ country: side, outsider: false });
  }
  return found;
}

/** After a possessive owner: the government acting for them ("Holm's government", "the premier's cabinet"). */
const GOVERNMENT_AFTER_OWNER = new RegExp(String.raw`^\s+${words(contextWords.governmentNouns)}\b`, 'iu');
const CAPITALISED_WORD = new RegExp(String.raw`${CAPITAL_OPENING}[\p{L}'\u2019-]+`, 'gu');
const PRONOUN = /^(?:he|she|it|they|we|i|this|that|these|those|there)$/iu;
