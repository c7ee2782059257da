import { CAPITAL_OPENING } from './char-tests.js';
import { type CountryMention, countryMentions } from './countries.js';
import contextJson from './lexicon/guarantee-context.json' with { type: 'json' };
import { guarantorWords, parseLexicon, speechWords, words } from './lexicon.js';
import { mayHold } from './may-hold.js';
import { countryOfWord } from './people-affiliation.js';
import { openingIndexed } from './regex-first-words.js';
import { DATE_NAMES } from './said-date.js';
import { coreStart } from './sentence-opening.js';
import type { Sentence } from './sentences.js';
import type { CompiledTopics } from './topics.js';

/*
 * The guarantee context beyond one sentence. Real coverage names possible guarantors where no sentence
 * says "guarantee": the members of a coalition formed to provide Ukraine's security (a paragraph that
 * lists who attended, "the coalition is backed by X"), the leaders who speak at its meeting ("Ireland's
 * prime minister stressed …", "He emphasized the coalition's pledge"), or words other than "guarantee"
 * ("security assurances", "a reassurance force"). This module finds those candidates; guarantors.ts
 * rejects the ones its rules reject (a venue, someone talked to, a refusal) and adds the rest.
 */

const CONTEXT_LISTS = [
  'assuranceCues',
  'ownCountryPhrases',
  'governmentNouns',
  'officialsNouns',
  'coalitionNames',
  'coalitionWords',
  'subjectPronouns',
  'sentenceOpeners',
  'refusalInSentence',
  'sendingHedges',
  'provisionNegators',
  'provisionForms',
  'settlementNouns',
  'securityQualifiers',
  'participationCues',
  'backAnaphors',
  'objectPronouns',
  'castInfinitives',
  'pronounFramesBefore',
  'anaphoricSubjects',
  'pairPrepositions',
  'wishVerbs',
  'participationVerbs',
  'authoringVerbs',
  'authoredObjects',
  'deploymentVerbs',
  'deploymentNouns',
  'deployedForms',
  'troopNouns',
  'troopDestinations',
  'regionsElsewhere',
  'contributionVerbs',
  'contributionNouns',
  'guaranteeNounsAfterAdjective',
  'commitmentMarkers',
  'memberVoices',
  'leaderTitles',
  'internationalBodies',
  'nameParticles',
  'attendanceCues',
  'attendanceBeforeOffices',
  'hedgedCommitments',
  'hedgeFillers',
  'joiningVerbs',
  'otherEfforts',
  'officialsSaying',
  'guaranteeDescriptions',
  'ownedProposalNouns',
  'sourceLeadIns',
  'hopeVerbs',
  'helpNouns',
  'effortNouns',
  'memberLeadIns',
  'memberOffices',
  'rosterWords',
  'inclusionsAfterTroops',
  'membershipAfter',
  'rosterOffices',
  'acceptanceVerbs',
  'comparisonMarkers',
  'exampleNouns',
  'comparisonStops',
  'modelWords',
  'hostingInfinitives',
  'backdropCues',
  'meetingNouns',
  'meetingReferenceNouns',
  'meetingRoleCues',
  'deniableRefusals',
  'attributionLeads',
  'rollCallEnders',
  'listItemGroups',
] as const;

/** Word lists of the guarantee context: other words for guarantees, the coalition, negation and authorship. */
export const contextWords = parseLexicon('lexicon/guarantee-context.json', CONTEXT_LISTS, contextJson);
const C = contextWords;

const ASSURANCE_PATTERN = new RegExp(String.raw`\b${words(C.assuranceCues)}\b`, 'iu');
const mayAssure = mayHold(C.assuranceCues);
/** Security promised to Ukraine in other words than "guarantee" ("security assurances", "a reassurance force"). */
export const ASSURANCE_CUE = { test: (text: string) => mayAssure(text) && ASSURANCE_PATTERN.test(text) };

/** Any word of the guarantee family. */
const GUARANTEE_WORD = /\bguarant/iu;

/** The article is about the coalition formed to provide Ukraine's security. */
const COALITION_NAME = new RegExp(String.raw`\b${words(C.coalitionNames)}\b`, 'iu');
const mayNameCoalition = mayHold(C.coalitionNames);
/** Once the coalition is named, any "coalition" refers to it. */
const COALITION_WORD = new RegExp(String.raw`\b${words(C.coalitionWords)}(?![\p{L}])`, 'iu');

/** What a coalition meeting happened against ("overshadowed by", "in response to concerns over"): no members after it. */
const BACKDROP = new RegExp(String.raw`\b${words(C.backdropCues)}\b`, 'iu');
const mayHaveBackdrop = mayHold(C.backdropCues);
/** The meeting itself ("the summit", "leaders", "the video call"). */
const MEETING_WORD = new RegExp(String.raw`\b${words(C.meetingNouns)}\b`, 'iu');

/** After a candidate, in its sentence: the role refused ("… repeated her refusal to send troops"). */
export const REFUSAL_IN_SENTENCE = new RegExp(String.raw`\b${words(C.refusalInSentence)}\b`, 'iu');

/** A sentence right after a guarantee sentence that speaks of taking part in them ("… wants to take part in the process"). */
const PARTICIPATION = new RegExp(String.raw`\b${words(C.participationCues)}\b`, 'iu');
/** Denied right before the cue ("will not take part", "won't be joining"); "not ruled out their participation" is no denial. */
const NEGATED_RIGHT_BEFORE = /(?:\b(?:not|never)|n['\u2019]t)\s+(?:be\s+)?$/iu;
/** Not when denied right before ("Austria will not take part, and Malta …" names no one wishing to). */
export const PARTICIPATION_CUE = {
  test: (text: string) => {
    const cue = PARTICIPATION.exec(text);
    return !!cue && !NEGATED_RIGHT_BEFORE.test(text.slice(Math.max(0, cue.index - 20), cue.index));
  },
};

/**
 * A guarantee sentence that points back to the countries of the sentence before: a noun phrase ("these
 * countries", "this list"), or "them" as the source or the ones cast ("guarantees from them", "wants them to
 * provide …"), not "them" as any object ("Kyiv dismissed them").
 */
export function pointsBackTo(text: string): boolean {
  return BACK_ANAPHOR.test(text) || PRONOUN_FRAME.test(text);
}
const BACK_ANAPHOR = openingIndexed(new RegExp(String.raw`\b${words(C.backAnaphors)}\b`, 'iu'));
const PRONOUN_FRAME = openingIndexed(
  new RegExp(
    String.raw`\b${words(C.pronounFramesBefore)}\s+${words(C.objectPronouns)}\b|\b${words(C.objectPronouns)}\s+(?:as\s+guarantors?|to\s+${words(guarantorWords.guarantorInfinitives, C.castInfinitives)})\b`,
    'iu',
  ),
);
/** A guarantee sentence whose subject points back ("They would act as guarantors"); what follows it must cast the role. */
export const ANAPHORIC_SUBJECT = new RegExp(String.raw`^[\s\p{P}]*${words(C.anaphoricSubjects)}(?=\s)`, 'iu');

/** After a subject: its wish to take part ("has said it wants to join"), an offer rather than some other act. */
export const WISH_TO_TAKE_PART = String.raw`(?:said\s+(?:it|they)\s+)?${words(C.wishVerbs)}\s+to\s+${words(C.participationVerbs)}`;

/**
 * A country joined by a hyphen or an en dash to another name ("the US-Russia talks", "the Russia–Ukraine war")
 * modifies the noun after it. A spaced or em dash sets off an aside instead ("—one of which is Russia—").
 */
export function inCompound(text: string, mention: { start: number; end: number }): boolean {
  return (
    /^[-\u2013]\p{Lu}/u.test(text.slice(mention.end, mention.end + 2)) ||
    /\p{L}[-\u2013]$/u.test(text.slice(0, mention.start))
  );
}

/** Before a guarantee word: its provision negated ("without providing security guarantees"). */
export const NEGATED_PROVISION_BEFORE = new RegExp(
  String.raw`\b${words(C.provisionNegators)}\s+${words(C.provisionForms)}\s+(?:[\p{L}'\u2019-]+\s+){0,3}$`,
  'iu',
);

/** Before a list: one of a pair ("talks between the US and Russia"), not a guarantor. */
export const PAIR_BEFORE = new RegExp(String.raw`\b${words(C.pairPrepositions)}\s+(?:the\s+)?$`, 'iu');

/** Before a country: the other side of a settlement ("a peace deal with Russia"), not a security agreement. */
export const SETTLEMENT_WITH_BEFORE = new RegExp(
  String.raw`(?<!\b${words(C.securityQualifiers)}\s+)\b${words(C.settlementNouns)}\s+with\s+(?:the\s+)?$`,
  'iu',
);

/** After a party: it authored the guarantees just reported ("the Ukrainian side itself developed these guarantees"). */
const AUTHORED_AFTER = new RegExp(
  String.raw`^\s+(?:(?:itself|themselves|had|has|have|actually|in fact)\s+){0,2}${words(C.authoringVerbs)}\s+${words(C.authoredObjects)}\b`,
  'iu',
);

/**
 * The party that the sentence says drew up the guarantees or proposal just reported: a side retelling the
 * other's proposal names its author after it ("He added that the draft included guarantees from X. … the
 * Ukrainian side itself developed these guarantees").
 */
export function authorOfGuarantees(text: string, topics: CompiledTopics): string | null {
  const author = topics.partyMentions(text).find((m) => AUTHORED_AFTER.test(text.slice(m.end, m.end + 80)));
  return author?.id ?? null;
}

/** The speaker's own country ("his country", "our government"). */
const OWN_COUNTRY = new RegExp(String.raw`\b${words(C.ownCountryPhrases)}\b`, 'giu');
/** A capitalised word that may stand for a country otherwise than by its name: a seat of government ("Ankara"). */
const CAPITALISED = new RegExp(String.raw`${CAPITAL_OPENING}[\p{L}'\u2019-]+`, 'gu');
/** A government, by its head or its country's adjective ("the Trump administration", "the Irish government") or bare. */
/** After a country: its officials, who speak of "the administration" as their own. */
const OFFICIALS_AFTER = new RegExp(String.raw`^\s+${words(C.officialsNouns)}\b`, 'u');
const GOVERNMENT = new RegExp(
  String.raw`\b[Tt]he\s+(?:(?<head>\p{Lu}[\p{L}'\u2019-]+)\s+)?${words(C.governmentNouns)}\b`,
  'gu',
);

/**
 * Where a sentence names a country otherwise than by its name, as a subject: its seat of government
 * ("Ankara is ready …"), the speaker's own country ("… said his country could …", the speaker's country
 * given by `speakerCountry`), or its government ("the Trump administration", by the country the article gives
 * that person, `affiliationOf`; "U.S. officials said the administration …", by the officials' country). Each
 * with the offset its verb phrase starts at.
 */
export function countriesNamedOtherwise(
  text: string,
  speakerCountry: () => string | null,
  affiliationOf: (surname: string) => string | null = () => null,
): { country: string; end: number }[] {
  const found: { country: string; start: number; end: number }[] = [];
  for (const own of text.matchAll(OWN_COUNTRY)) {
    const country = speakerCountry();
    if (country) found.push({ country, start: own.index, end: own.index + own[0].length });
  }
  const named = countryMentions(text);
  for (const word of text.matchAll(CAPITALISED)) {
    const end = word.index + word[0].length;
    if (named.some((m) => m.start <= word.index && word.index < m.end) || /['\u2019]s$/u.test(word[0])) continue;
    const country = countryOfWord(word[0]);
    if (country) found.push({ country, start: word.index, end });
  }
  for (const government of text.matchAll(GOVERNMENT)) {
    const head = government.groups?.head;
    // "U.S. officials said the … administration": the officials' country, when the head names none.
    const officials = [...named, ...found]
      .filter((m) => m.end <= government.index && OFFICIALS_AFTER.test(text.slice(m.end, m.end + 20)))
      .sort((a, b) => a.end - b.end)
      .at(-1)?.country;
    const country = head ? (countryOfWord(head) ?? affiliationOf(head) ?? officials) : (officials ?? speakerCountry());
    if (country) found.push({ country, start: government.index, end: government.index + government[0].length });
  }
  return found;
}

/** After a country's adjective: the guarantee is that country's ("an American security guarantee", "a British backstop"). */
export const GUARANTEE_AFTER_ADJECTIVE = new RegExp(
  String.raw`^\s+["\u201c]?${words(C.guaranteeNounsAfterAdjective)}\b`,
  'iu',
);

/**
 * Troops sent: "deploying forces to Ukraine", "the deployment of British and French troops", "send peacekeepers",
 * "Estonian soldiers could be stationed", "troops from Finland would be deployed".
 */
const DEPLOYMENT = new RegExp(
  String.raw`\b(?:${words(C.deploymentVerbs)}\s+|${words(C.deploymentNouns)}\s+of\s+)(?:[\p{L}'\u2019.,-]+\s+){0,5}?${words(C.troopNouns)}\b` +
    String.raw`|\b${words(C.troopNouns)}\s+(?:[\p{L}'\u2019.-]+\s+){0,4}?${words(C.deployedForms)}\b`,
  'iu',
);
const mayDeploy = mayHold(C.troopNouns);
/** The sentence speaks of sending troops (to anywhere). */
export const speaksOfDeployment = (text: string) => mayDeploy(text) && DEPLOYMENT.test(text);
/** Before a country after the troops: it is where they go ("troops to Syria"). */
const DESTINATION_BEFORE = new RegExp(String.raw`\b${words(C.troopDestinations)}\s+(?:the\s+)?$`, 'iu');
/** Right after the troops: a region they are in or go to that is no country ("troops stationed in Europe"). */
const REGION_AFTER = new RegExp(
  String.raw`^\s+${words(C.troopDestinations)}\s+(?:the\s+)?${words(C.regionsElsewhere)}\b`,
  'u',
);
/** A month or weekday after a comma dates the clause ("committed on Thursday, September 4 to …"), it opens none. */
const DATE_NAME = `(?:${DATE_NAMES.join('|')})`;
/**
 * The clause of the sending starts after the last semicolon or colon before it, or a comma or dash before a capital
 * ("In a deal signed on Monday, X and Y committed to …"); a comma before a lower-case word sets off an aside or a
 * participle ("France and the UK, which lead the coalition, would send …", "…, saying Britain would send …").
 */
const CLAUSE_OPENER = new RegExp(String.raw`[;:]\s*|[,\u2014]\s*(?=\p{Lu})(?!${DATE_NAME}\b)`, 'gu');
/**
 * A group named as an item of a list of countries ("A, B, the Baltic states, C and D"): a capitalised name of at most
 * two words before a group noun.
 */
const GROUP_ITEM = String.raw`\s*,\s*(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+){1,2}${words(guarantorWords.guarantorGroupNouns)}`;
/** What joins two countries of one list: a comma, or the "and"/"or" (with or without a comma) before its last item. */
const LIST_COMMA = new RegExp(String.raw`^(?:${GROUP_ITEM})*\s*,\s*(?:the\s+)?$`, 'u');
const LIST_CONJUNCTION = new RegExp(String.raw`^(?:${GROUP_ITEM})*\s*,?\s*(?:and|or)\s+(?:the\s+)?$`, 'iu');

/**
 * The commas inside lists of countries ("A, B, C and D would send troops", "British, French and Polish leaders"), which separate items, not clauses. A run
 * of countries joined by commas counts as a list only once an "and" or "or" closes it, so the comma of "After a call
 * with A, B agreed …" still opens a clause.
 */
export function listCommas(text: string): Set<number> {
  // Countries by name or adjective: "British, French and Polish leaders signed" is one list too.
  const mentions = countriesByAnyName(text).sort((a, b) => a.start - b.start);
  const commas = new Set<number>();
  let run: number[] = [];
  let closed = false;
  const endRun = () => {
    if (closed) for (const comma of run) commas.add(comma);
    run = [];
    closed = false;
  };
  mentions.forEach((mention, i) => {
    const next = mentions[i + 1];
    const between = next ? text.slice(mention.end, next.start) : '';
    if (next && LIST_COMMA.test(between)) {
      for (const comma of between.matchAll(/,/gu)) run.push(mention.end + comma.index);
    } else if (next && LIST_CONJUNCTION.test(between)) {
      closed = true;
    } else {
      endRun();
    }
  });
  return commas;
}

/**
 * The sending denied in its own clause ("ruled out sending troops", "would not deploy forces", "without troops"), or
 * warned against ("Moscow warned X against sending troops": X is the one warned, not one offering).
 */
const NEGATION = /\b(?:not|no|never|without|nor|against)\b/iu;
/** A refusal denied ("would not rule out", "is not excluded"): openness, not a refusal. */
const DENIED_REFUSAL = new RegExp(
  String.raw`(?:\b(?:not|never)|n['\u2019]t)\s+(?:be(?:en)?\s+)?${words(C.deniableRefusals)}\b`,
  'giu',
);
const mayDenyRefusal = mayHold(C.deniableRefusals);
/** The sending put off in its own clause ("said it was premature to discuss sending troops", "has no plans to deploy"). */
const SENDING_HEDGE = new RegExp(String.raw`\b${words(C.sendingHedges)}\b`, 'iu');
/** A report's source set off by commas ("according to the US president,"): its country says, it does not send. */
const ATTRIBUTION_PHRASE = new RegExp(String.raw`\b${words(C.attributionLeads)}\s+[^,;:.]{1,80}(?=,)`, 'giu');
const mayAttribute = mayHold(C.attributionLeads);

/**
 * The countries a sentence says would send troops to Ukraine: the troops' own modifiers ("the deployment of
 * British and French troops") and whoever opens the clause of the sending ("X and Y committed to deploying
 * forces", "President Z said France would send peacekeepers"): a country, its adjective or seat of government, or
 * a person by the country the article gives them (`affiliationOf`, by surname). None when the sending is refused or
 * denied, or when the troops go to another country than `beneficiary` ("sent troops to Syria").
 */
export function troopSenders(
  text: string,
  beneficiary: string | null,
  affiliationOf: (surname: string) => string | null,
): CountryMention[] {
  if (!mayDeploy(text)) return [];
  const deployment = DEPLOYMENT.exec(text);
  if (!deployment) return [];
  const end = deployment.index + deployment[0].length;
  const after = text.slice(end);
  const elsewhere =
    REGION_AFTER.test(after) ||
    countryMentions(after).some(
      (m) => m.country !== beneficiary && DESTINATION_BEFORE.test(after.slice(Math.max(0, m.start - 12), m.start)),
    );
  if (elsewhere) return [];
  const before = text.slice(0, deployment.index);
  const inLists = listCommas(before);
  const openers = [...before.matchAll(CLAUSE_OPENER)].filter((m) => !inLists.has(m.index));
  const clauseStart = Math.max(0, ...openers.map((m) => m.index + m[0].length));
  // "would not rule out sending troops": a refusal denied is openness, and neither its negation nor its refusal counts.
  const blank = (m: string) => ' '.repeat(m.length);
  // "according to the US president, A and B will deploy troops": the source of the report sends nobody. A phrase that
  // runs into the sending has lost its comma ("According to the draft A and B would deploy troops …, officials said"):
  // it is no source, and its countries stay.
  const intoSending = (source: string, at: number) => at < end && at + source.length > deployment.index;
  const unsourced = mayAttribute(text)
    ? text.replace(ATTRIBUTION_PHRASE, (source, at: number) => (intoSending(source, at) ? source : blank(source)))
    : text;
  const open = mayDenyRefusal(unsourced) ? unsourced.replace(DENIED_REFUSAL, blank) : unsourced;
  const clause = open.slice(clauseStart, end);
  if (NEGATION.test(clause) || SENDING_HEDGE.test(clause) || REFUSAL_IN_SENTENCE.test(open.slice(clauseStart)))
    return [];
  const subjects = countriesByAnyName(clause, affiliationOf).map((m) => ({
    ...m,
    start: m.start + clauseStart,
    end: m.end + clauseStart,
  }));
  // "Countries that have pledged troops include A and B": the list the troop phrase introduces.
  const included = INCLUDED_AFTER_TROOPS.exec(after);
  return included ? [...subjects, ...listedFrom(text, end + included[0].length, countriesByAnyName(text))] : subjects;
}
/** After the troops, the words introducing who sends them: "… include", "…, among them". */
const INCLUDED_AFTER_TROOPS = new RegExp(
  String.raw`^(?:\s+[\p{L}'\u2019-]+){0,6}?,?\s+${words(C.inclusionsAfterTroops)}\s+(?:the\s+)?`,
  'iu',
);

/** Between the start of a list and its first country, or between two countries: nothing, or commas, "and", "the". */
const MEMBER_GAP = /^(?:[\s,]|\b(?:and|the|as well as)\b)*$/iu;
/** The gap before a list's last item: "and" or "as well as" ("A, B and C", "A as well as B"). */
const LIST_CLOSED = /^(?:[\s,]|\bthe\b)*\b(?:and|as\s+well\s+as)\b(?:\s|\bthe\b)*$/iu;
/**
 * An item of the list that is no country, between commas: a group ("European partners", "Nordic countries") or a
 * body by its capitalised name ("the EU Commission", "NATO"), up to four words, no lower-case word but the group's
 * noun (`listItemGroups`), so that a clause ("partners who met A") is no item. Case-sensitive.
 */
const LIST_ITEM_GROUP = String.raw`(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}.'\u2019-]*\s+){0,3}(?:\p{Lu}[\p{L}.'\u2019-]*|${words(C.listItemGroups)})`;
/** A gap holding such items, each closed by a comma: "European partners, the EU Commission, NATO, ". */
const GAP_WITH_ITEMS = new RegExp(
  String.raw`^\s*(?:,\s*)?(?:(?:and\s+)?${LIST_ITEM_GROUP}\s*,\s*)+(?:(?:and|as\s+well\s+as)\s+)?(?:the\s+)?$`,
  'u',
);

/** The countries of `mentions` listed from `from` on. */
export function listedFrom(text: string, from: number, mentions: readonly CountryMention[]): CountryMention[] {
  const list: CountryMention[] = [];
  let cursor = from;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    if (mention.start < cursor) continue;
    // The first right at `from` (", and Malta …" after a cue starts another clause), the rest joined by commas and "and".
    const gap = text.slice(cursor, mention.start);
    const joined = list.length ? MEMBER_GAP.test(gap) : /^\s*(?:the\s+)?$/iu.test(gap);
    // "including European partners, NATO, A and B": groups and bodies named as items of the list are read past.
    if (!joined && !GAP_WITH_ITEMS.test(gap)) break;
    list.push(mention);
    cursor = mention.end;
  }
  return list;
}

/**
 * After a country: a security task it would take on, other than troops or the word "guarantee" ("will ensure
 * maritime security", "government, backed by X, is expected to provide air cover", "committed to supervise the ceasefire
 * monitoring"). The words between the country and the task's verb hold no comma (but for one aside) and no full stop.
 */
const CONTRIBUTION_AFTER = new RegExp(
  String.raw`^(?:\s+[\p{L}'\u2019-]+){0,2}?(?:,[^,]{1,60},)?(?<gap>(?:\s+[\p{L}'\u2019-]+){0,7}?)\s+${words(C.contributionVerbs)}\s+(?:[\p{L}'\u2019-]+\s+){0,3}?${words(C.contributionNouns)}\b`,
  'iu',
);
const mayNameTask = mayHold(C.contributionNouns);
/** The task anywhere in the sentence, tested before the countries are looked up. */
const TASK = openingIndexed(
  new RegExp(
    String.raw`\b${words(C.contributionVerbs)}\s+(?:[\p{L}'\u2019-]+\s+){0,3}?${words(C.contributionNouns)}\b`,
    'iu',
  ),
);
const mayContribute = (text: string) => mayNameTask(text) && TASK.test(text);
/** The task is promised or expected, not a report of what a country does today ("provides intelligence"). */
const COMMITMENT = new RegExp(String.raw`\b${words(C.commitmentMarkers)}\b`, 'iu');

/**
 * Every country a text names by its name, its adjective or its seat of government ("Norway", "Irish", "Ankara"), or
 * by a person the article gives it (`affiliationOf`, by surname, a possessive's too): names first, then the rest.
 */
/** The owner a possessive names ("Holm" of "Holm's"), or the word itself: how a name is looked up by surname. */
export function possessiveOwner(word: string): string {
  return word.replace(/['\u2019]s$/u, '');
}

export function countriesByAnyName(
  text: string,
  affiliationOf: (surname: string) => string | null = () => null,
): CountryMention[] {
  const named = countryMentions(text);
  for (const word of text.matchAll(CAPITALISED)) {
    if (named.some((m) => m.start <= word.index && word.index < m.end)) continue;
    const country = countryOfWord(word[0]) ?? affiliationOf(possessiveOwner(word[0]));
    if (country) named.push({ country, start: word.index, end: word.index + word[0].length });
  }
  return named;
}

/**
 * The countries a sentence says would take on a security task for the protected country: one securing the sea,
 * another providing air cover or intelligence, another leading the ceasefire monitoring. A country counts by its
 * name, its adjective or its seat of government, when the task is committed or expected and not negated.
 */
export function securityContributors(text: string): CountryMention[] {
  if (!mayContribute(text)) return [];
  return countriesByAnyName(text).filter((mention) => {
    const task = CONTRIBUTION_AFTER.exec(text.slice(mention.end, mention.end + 200));
    const gap = task?.groups?.gap ?? '';
    return !!task && COMMITMENT.test(gap) && !NEGATION.test(gap) && !REFUSAL_IN_SENTENCE.test(gap);
  });
}

/**
 * After a country: a hedged or hoped-for part in the effort ("is ready to contribute", "must seriously consider taking
 * part", "would be willing to join the mission"), possibly through its government or leader ("The Irish government
 * is ready to contribute").
 */
const HEDGED_PART_AFTER = new RegExp(
  String.raw`^(?:\s+(?:${words(guarantorWords.memberNounsAfterCountry)}))?(?:,[^,]{1,60},)?\s+(?:${words(guarantorWords.offerAdverbs)}\s+)*` +
    String.raw`(?:said\s+${words(guarantorWords.selfSubjects)}\s+(?:${words(guarantorWords.offerAdverbs)}\s+)*)?` +
    String.raw`${words(C.hedgedCommitments)}\s+(?:${words(C.hedgeFillers)}\s+)*${words(C.joiningVerbs)}\b`,
  'iu',
);
const mayJoin = mayHold(C.joiningVerbs);
/** After the part: an effort other than the security one ("contribute to the reconstruction", "take part in the talks"). */
const OTHER_EFFORT_AFTER = new RegExp(
  String.raw`^\s+(?:to|in|into)\s+(?:the\s+)?(?:[\p{L}'\u2019-]+\s+){0,2}?${words(C.otherEfforts)}\b`,
  'iu',
);

/**
 * The countries a sentence says are ready, willing or ought to take part in the effort for the protected country:
 * "Norway is ready to contribute", "Sweden must seriously consider taking part". A country counts by its name, or by
 * its adjective or seat of government before its government or leader; not when the clause negates it.
 */
export function hedgedContributors(text: string): CountryMention[] {
  if (!mayJoin(text)) return [];
  const mentions = countriesByAnyName(text).sort((a, b) => a.start - b.start);
  const found = new Set<CountryMention>();
  mentions.forEach((mention, k) => {
    const after = text.slice(mention.end, mention.end + 200);
    const part = HEDGED_PART_AFTER.exec(after);
    if (!part || NEGATION.test(part[0]) || REFUSAL_IN_SENTENCE.test(part[0])) return;
    if (OTHER_EFFORT_AFTER.test(after.slice(part[0].length))) return;
    found.add(mention);
    // "A, B and C have announced their readiness to contribute": the list the subject closes, joined by commas and "and".
    // Only a list closed by "and" ("As Moscow warned A, B announced its readiness": A is no item of B's list).
    const closing = k > 0 ? text.slice((mentions[k - 1] as CountryMention).end, mention.start) : '';
    if (!LIST_CLOSED.test(closing)) return;
    for (let j = k - 1; j >= 0; j -= 1) {
      const earlier = mentions[j] as CountryMention;
      if (!MEMBER_GAP.test(text.slice(earlier.end, (mentions[j + 1] as CountryMention).start))) break;
      found.add(earlier);
    }
  });
  return mentions.filter((m) => found.has(m));
}

/** After a country: its officials saying something ("U.S. officials said …", "senior Dutch diplomats told …"). */
const OFFICIALS_SAYING = new RegExp(
  String.raw`^\s+(?:(?:senior|top|several|two|three)\s+)?${words(C.officialsNouns)}\s+(?:(?:have|has|also)\s+)?${words(C.officialsSaying)}\b`,
  'iu',
);
/** Guarantees provided ("provide security guarantees", "offer guarantees") or described ("the guarantees would mirror …"). */
const GUARANTEES_PROVIDED = new RegExp(
  String.raw`\b${words(C.provisionForms)}\s+(?:[\p{L}'\u2019-]+\s+){0,4}?guarantees?\b` +
    String.raw`|\bguarantees?\s+(?:[\p{L}'\u2019-]+\s+){0,3}?${words(C.guaranteeDescriptions)}\b`,
  'iu',
);

/**
 * A country whose officials say how guarantees would be provided or what they would be ("U.S. officials said the
 * security guarantees would mirror Article 5"): they speak of their own country's offer. Not when the words name
 * another country than the `parties` to the war (the provider is that one) or negate the provision.
 */
export function officialsSpeakOfOwnGuarantees(
  text: string,
  mention: { country: string; end: number },
  parties: readonly string[],
): boolean {
  const saying = OFFICIALS_SAYING.exec(text.slice(mention.end, mention.end + 60));
  if (!saying) return false;
  const words = text.slice(mention.end + saying[0].length);
  if (!GUARANTEES_PROVIDED.test(words) || NEGATED_PROVISION_BEFORE.test(words) || NEGATION.test(words)) return false;
  return countryMentions(words).every((m) => m.country === mention.country || parties.includes(m.country));
}

/** Help hoped for or counted on from a list of countries ("hoping for help from A and B", "counts on the support of A"). */
const HOPED_HELP = new RegExp(
  String.raw`\b${words(C.hopeVerbs)}\s+(?:the\s+|more\s+|further\s+|military\s+|continued\s+)*${words(C.helpNouns)}\s+(?:of|from)\s+(?:the\s+)?`,
  'giu',
);
const mayHope = mayHold(C.helpNouns);
/** Between the countries of the list after the help: commas, "and", "the". */
const HELPER_GAP = /^(?:[\s,]|\b(?:and|the|as well as)\b)*$/iu;

/**
 * The countries the protected side hopes for or counts on help from: the list right after the help, when the words
 * before it name that side (`namesProtectedSide`: its name, capital or leader) or a pronoun continuing it.
 */
export function hopedForHelpers(text: string, namesProtectedSide: (text: string) => boolean): CountryMention[] {
  if (!mayHope(text)) return [];
  const found: CountryMention[] = [];
  for (const cue of text.matchAll(HOPED_HELP)) {
    if (!namesProtectedSide(text.slice(0, cue.index))) continue;
    let cursor = cue.index + cue[0].length;
    for (const mention of countryMentions(text.slice(cursor)).map((m) => ({
      ...m,
      start: m.start + cursor,
      end: m.end + cursor,
    }))) {
      if (!HELPER_GAP.test(text.slice(cursor, mention.start))) break;
      found.push(mention);
      cursor = mention.end;
    }
  }
  return found;
}

/** A security effort: "the working group", "a reassurance force", "the mission". */
const EFFORT = new RegExp(String.raw`\b${words(C.effortNouns)}\b`, 'iu');
const mayNameMembers = mayHold(C.memberLeadIns);
/** What names the members of the effort after it: "led by", "with the participation of the leaders of". */
const MEMBER_LEAD_IN = new RegExp(
  String.raw`\b${words(C.memberLeadIns)}\s+(?:the\s+)?(?:${words(C.memberOffices)}\s+of\s+(?:the\s+)?)?`,
  'giu',
);
const mayJoinEffort = mayHold(C.membershipAfter);
/** After a list of countries: their membership of the effort ("are also members of the coalition", "joined the force"). */
const MEMBERSHIP_AFTER = new RegExp(
  String.raw`^\s+${words(C.membershipAfter)}\s+(?:the\s+)?(?:[\p{L}'\u2019-]+\s+){0,3}?${words(C.effortNouns)}\b`,
  'iu',
);
/** How far after the effort its members may still be named ("a force, to be deployed after a truce, led by …"). */
const MEMBERS_REACH = 160;

/**
 * The countries a sentence names as leading or joining a security effort: "a new working group led by A and B with
 * the participation of C and D", "the mission, joined by the leaders of E and F", "G and H are also members of the
 * coalition". Each list starts right after its
 * lead-in and runs on over commas and "and"; a lead-in denied in its clause ("not joined by") names none.
 */
export function effortMembers(text: string): CountryMention[] {
  const leads = mayNameMembers(text);
  const joins = mayJoinEffort(text);
  if (!leads && !joins) return [];
  const effort = EFFORT.exec(text);
  if (!effort) return [];
  const mentions = countriesByAnyName(text).sort((a, b) => a.start - b.start);
  const found: CountryMention[] = [];
  // "A, B and C are also members of the coalition", "D has joined the mission": a list and its membership after it.
  if (joins) {
    let list: CountryMention[] = [];
    mentions.forEach((mention, k) => {
      list.push(mention);
      const next = mentions[k + 1];
      if (next && MEMBER_GAP.test(text.slice(mention.end, next.start))) return;
      if (MEMBERSHIP_AFTER.test(text.slice(mention.end, mention.end + 120))) found.push(...list);
      list = [];
    });
  }
  for (const leadIn of leads ? text.matchAll(MEMBER_LEAD_IN) : []) {
    if (leadIn.index < effort.index || leadIn.index - effort.index > MEMBERS_REACH) continue;
    if (NEGATION.test(text.slice(Math.max(0, leadIn.index - 20), leadIn.index))) continue;
    found.push(...listedFrom(text, leadIn.index + leadIn[0].length, mentions));
  }
  return found;
}

/**
 * Before a list of offices' countries: who attended or joined ("The meeting was attended by the leaders of A and B",
 * "present were the heads of government of C"). The office holders stand for their countries as members.
 */
export const ATTENDING_OFFICES_BEFORE = new RegExp(
  String.raw`\b(?:${words(C.attendanceCues, C.memberLeadIns, C.attendanceBeforeOffices)})\s+(?:by\s+|were\s+|was\s+)?(?:the\s+)?${words(C.memberOffices)}\s+(?:of\s+)?(?:government\s+of\s+|state\s+of\s+)?(?:the\s+)?$`,
  'iu',
);

/** The words of a roster line besides capitalised names: "President of the French Republic", "- Canada". */
const ROSTER_FILLER = new RegExp(
  String.raw`^(?:[\s\p{P}\p{S}\d]|\b${words(C.rosterWords)}\b|\p{Lu}[\p{L}'\u2019.-]*)*$`,
  'u',
);
/** A leader's office on a roster line ("Prime Minister of Norway"). */
const ROSTER_OFFICE = new RegExp(String.raw`\b${words(C.rosterOffices)}\b`, 'iu');
/** A roster line is short: one country, or its leader by name and office. */
const ROSTER_LINE_MAX = 90;

/**
 * The countries of a line that only lists who signed or belongs: a bare country ("- Canada"), a leader's office and
 * country ("Prime Minister of the Kingdom of Norway", "Ana Lind, President of Chile"). With `withOffice`, only a line
 * naming an office counts (a signature block after a statement, where no line says who signed). A leader the article
 * gives a country counts by name ("- Ana Rojas"), through `affiliationOf`.
 */
export function rosterLine(
  text: string,
  withOffice = false,
  affiliationOf: (surname: string) => string | null = () => null,
): CountryMention[] {
  if (text.length > ROSTER_LINE_MAX || /[.!?]\s*$/u.test(text.replace(/\b\p{Lu}\.$/u, ''))) return [];
  if (withOffice && !ROSTER_OFFICE.test(text)) return [];
  if (!ROSTER_FILLER.test(text)) return [];
  return countriesByAnyName(text, affiliationOf);
}

export interface ContextCandidate {
  /** The sentence the country is named in. */
  index: number;
  mention: CountryMention;
  /** Named at the coalition's meeting (its paragraph, or attending it): its host or chair is a member too (gold guide R1). */
  atMeeting?: boolean;
}

const OPENERS = new RegExp(String.raw`^[\s\p{P}]*(?:${words(C.sentenceOpeners)}\s+)*`, 'iu');
const PRONOUN = new RegExp(`^${words(C.subjectPronouns)}$`, 'iu');
const FIRST_WORD = /^\p{Lu}[\p{L}.'\u2019-]*/u;

/**
 * The country that opens a sentence as its subject: a name ("The United Kingdom is …"), a country's
 * official ("Ireland's prime minister", "French President X"), a seat of government ("Ankara is …").
 * A pronoun ("He emphasized …") continues the subject of the sentence before.
 */
export function subjectCountry(text: string, previous: CountryMention | null = null): CountryMention | null {
  const start = OPENERS.exec(text)?.[0].length ?? 0;
  const named = countryMentions(text.slice(start, start + 60))[0];
  if (named?.start === 0) return { ...named, start: start + named.start, end: start + named.end };
  const word = FIRST_WORD.exec(text.slice(start))?.[0].replace(/[.,]$/u, '');
  if (!word) return null;
  if (PRONOUN.test(word)) return previous;
  const country = countryOfWord(word);
  return country ? { country, start, end: start + word.length } : null;
}

/** A name opening a clause: its capitalised words, the last the surname ("President Ana Holm"). */
const NAME_RUN = /^(?:\p{Lu}[\p{L}.'\u2019-]*\s+){0,3}\p{Lu}[\p{L}'\u2019-]*(?=\s+\p{Ll})/u;

/**
 * A leader the article gives a country (`affiliationOf`, by surname), as the subject opening the sentence ("Holm said
 * …") or its core clause after a label or setting ("After the meeting, Holm said …", `coreStart`): the leader stands for the
 * country, as a country's official would.
 */
function leaderSubject(text: string, affiliationOf: (surname: string) => string | null): CountryMention | null {
  const start = OPENERS.exec(text)?.[0].length ?? 0;
  // Past a label or a setting ("Speaking after the talks, …", "After the talks, …"), as every rule seeking a subject.
  const clause = start + coreStart(text.slice(start));
  const name = NAME_RUN.exec(text.slice(clause))?.[0];
  const last = name?.split(/\s+/u).at(-1);
  const country = last ? affiliationOf(possessiveOwner(last)) : null;
  return country && name ? { country, start: clause, end: clause + name.length } : null;
}

/** A sentence opened by a quote closed before its attribution: '"We have 26 countries …," the French president said'. */
const QUOTE_BEFORE_ATTRIBUTION = /^["\u201c\u00ab][^"\u201d\u00bb]{12,}["\u201d\u00bb]\s*,?\s*/u;

/**
 * Words by which a quote speaks for the effort's members: the first person (a leader speaks for the country in the
 * singular too: "I am ready to send troops"), or the countries themselves.
 */
const MEMBER_VOICE = new RegExp(String.raw`\b${words(C.memberVoices)}\b`, 'iu');
/** A negation inside the quote ("we will never take part"): no commitment. */
const QUOTE_NEGATION = /\b(?:not|never|no\s+longer)\b|n['\u2019]t\b/iu;

/** Whether a quote speaks as a member announcing a commitment: the members' voice, a commitment, no negation or refusal. */
function speaksAsMember(quote: string): boolean {
  if (!MEMBER_VOICE.test(quote) || !COMMITMENT.test(quote)) return false;
  return !(QUOTE_NEGATION.test(quote) || REFUSAL_IN_SENTENCE.test(quote));
}

/** The forms of the verbs of saying (lexicon/speech.json), each entry a lemma and its forms. */
export const SAYING_FORMS: readonly string[] = speechWords.verbsOfSaying.flatMap((entry) => entry.split(' '));
const SAYING_VERB = new RegExp(String.raw`\b${words(SAYING_FORMS)}\b`, 'iu');
/** An attribution's verb before its speaker ('…," said the Chinese minister'): the speaker runs to the next mark. */
const VERB_FIRST = new RegExp(String.raw`^${words(SAYING_FORMS)}\b[^,;:.!?\u2014]*`, 'iu');

/**
 * The speaker of a quote opening the sentence, when the quote does not speak as a member (`speaksAsMember`): the
 * countries named there are the speaker's, an outsider's ('"The coalition will prolong the war," the Chinese minister
 * said'), and name no member though the sentence is in the coalition's paragraph. Only the speaker: what the
 * attribution goes on to say ('…," the minister said after talks with the Polish and Finnish leaders') is the
 * sentence's own. Null when there is no such quote.
 */
function outsiderSpeaker(text: string): { start: number; end: number } | null {
  const quote = QUOTE_BEFORE_ATTRIBUTION.exec(text);
  if (!quote || speaksAsMember(quote[0])) return null;
  const start = quote[0].length;
  const attribution = text.slice(start);
  const verbFirst = VERB_FIRST.exec(attribution);
  if (verbFirst) return { start, end: start + verbFirst[0].length };
  const verb = SAYING_VERB.exec(attribution);
  return { start, end: verb ? start + verb.index : text.length };
}

/**
 * The country of the official who speaks a quote opening the sentence, as a subject opening it would be, when the quote
 * speaks as a member announcing a commitment (gold guide R7: '"We have 26 countries committed to a reassurance force,"
 * the French president said'): the members' voice ("we", "I", "the countries") and a commitment ("committed", "ready",
 * "will"), not negated nor refused. An outsider's judgement of the coalition ('"The coalition will prolong the war,"
 * a minister said') or a grievance ("a threat to our security") names no member.
 */
function speakerAfterQuote(text: string): CountryMention | null {
  const quote = QUOTE_BEFORE_ATTRIBUTION.exec(text);
  if (!quote || !speaksAsMember(quote[0])) return null;
  const speaker = subjectCountry(text.slice(quote[0].length));
  const at = quote[0].length;
  return speaker ? { ...speaker, start: speaker.start + at, end: speaker.end + at } : null;
}

/**
 * Candidates the coalition gives, when the article names the coalition formed for Ukraine's security and
 * speaks of guarantees somewhere (`aboutGuarantees`, which `extractGuarantors` has read):
 * - members named: every country of a paragraph that names the coalition, in a sentence about the effort (its
 *   guarantees, its meeting, who attends, the protected country, or a country as its subject) and before any backdrop
 *   cue, and the country opening it;
 * - members speaking: the country whose official opens a sentence about the guarantees or the coalition.
 */
export function coalitionCandidates(
  body: string,
  sentences: readonly Sentence[],
  aboutGuarantees: boolean,
  affiliationOf: (surname: string) => string | null = () => null,
  beneficiary?: string,
): ContextCandidate[] {
  if (!aboutGuarantees || !mayNameCoalition(body) || !COALITION_NAME.test(body)) return [];
  const paragraphs = paragraphIndexes(body, sentences);
  const coalitionParagraphs = new Set(
    sentences.filter((s) => COALITION_WORD.test(s.text)).map((s) => paragraphs.get(s.start)),
  );
  // A paragraph carrying on the coalition's meeting is the coalition's only in a sentence naming the meeting's host or
  // attendees ("The summit, hosted by A's government, …"), not in its backdrop or other business ("The summit comes a
  // day after A and B signed a fisheries accord").
  const carried = new Set(carriedMeetingParagraphs(sentences, paragraphs, coalitionParagraphs));
  const found: ContextCandidate[] = [];
  let previousSubject: CountryMention | null = null;
  // "Its members include:" opens a roster of the lines after it ("Australia", "Prime Minister of Norway").
  let rosterOpen = false;
  sentences.forEach((sentence, index) => {
    const { text } = sentence;
    const roster = rosterOpen ? rosterLine(text) : [];
    if (roster.length) {
      for (const mention of roster) found.push({ index, mention });
      return;
    }
    rosterOpen = /:\s*$/u.test(text) && coalitionParagraphs.has(paragraphs.get(sentence.start));
    const inCoalitionParagraph =
      coalitionParagraphs.has(paragraphs.get(sentence.start)) ||
      (carried.has(paragraphs.get(sentence.start) ?? -1) && MEETING_ROLE.test(text));
    // Someone speaking at the coalition's meeting need not use the full phrase ("guarantees must deter").
    const aboutGuarantees = COALITION_WORD.test(text) || GUARANTEE_WORD.test(text) || ASSURANCE_CUE.test(text);
    // A leader by name stands for the country only in a sentence about the effort itself ("After the talks, Holm
    // said the coalition …"): a leader's other business in the paragraph (oil, envoys' travel) is no membership.
    const subject =
      subjectCountry(text, previousSubject) ??
      speakerAfterQuote(text) ??
      (aboutGuarantees ? leaderSubject(text, affiliationOf) : null);
    previousSubject = subject;
    if (subject && (inCoalitionParagraph || aboutGuarantees)) found.push({ index, mention: subject });
    // The speaker of a quote opening the sentence who does not speak as a member is an outsider, not a member.
    const outsider = outsiderSpeaker(text);
    const notOutsider = (mention: CountryMention) =>
      !outsider || mention.start < outsider.start || mention.start >= outsider.end;
    if (
      inCoalitionParagraph &&
      (aboutGuarantees || subject || speaksOfMeeting(text, beneficiary) || namesMember(text, found))
    ) {
      // What the meeting happened against ("overshadowed by A's raid on B") names no member.
      const backdrop = mayHaveBackdrop(text) ? BACKDROP.exec(text) : null;
      for (const mention of countryMentions(text))
        if ((!backdrop || mention.start < backdrop.index) && notOutsider(mention))
          found.push({ index, mention, atMeeting: true });
    }
    // "Present were the Polish premier, the Finnish president …", "The German chancellor took part by video".
    // In the coalition's paragraph a roll call of leaders ("the Polish premier, the Finnish president …") names members;
    // one leader alone there is more often its spokesman than a member named as such.
    const rollCall = inCoalitionParagraph ? leadersByAdjective(text) : [];
    const leaders = rollCall.length > 0 ? rollCall : leadersAttending(text, affiliationOf);
    for (const mention of leaders) if (notOutsider(mention)) found.push({ index, mention, atMeeting: true });
  });
  return found;
}

/**
 * A paragraph's opening pointing back to a meeting: "The summit, hosted by …", "The May 10 gathering is held …"; not
 * one identified by its own parties or subject ("The meeting between A and B", "The conference on Gaza").
 */
const MEETING_POINTED_BACK = new RegExp(
  String.raw`^[\s\p{P}]*(?:the|this|that|today['\u2019]s)\s+(?:[\p{L}\d-]+\s+){0,3}?${words(C.meetingReferenceNouns)}\b(?!\s+(?:between|with|of|on|about)\b)`,
  'iu',
);
/** In a carried paragraph, a sentence naming the meeting's host or attendees: "hosted by", "Present are", "include". */
const MEETING_ROLE_CUE = new RegExp(String.raw`\b${words(C.meetingRoleCues)}\b`, 'iu');
const MEETING_ROLE = {
  test: (text: string) => MEETING_ROLE_CUE.test(text) || ATTENDANCE.test(text) || PARTICIPATION.test(text),
};

/**
 * The paragraphs that carry on the coalition's meeting: one right after a paragraph of the coalition's (or one carried
 * already) that names a meeting, when its first sentence opens by pointing back to a meeting ("The summit, hosted by
 * A's government, …"; "The gathering is held at the palace. Present are …"). A paragraph opening on anything else, or
 * on a meeting of its own ("A separate meeting in Rome …", "The meeting between A and B …"), ends the carrying.
 */
function carriedMeetingParagraphs(
  sentences: readonly Sentence[],
  paragraphs: ReadonlyMap<number, number>,
  coalitionParagraphs: ReadonlySet<number | undefined>,
): number[] {
  const carried: number[] = [];
  let previous: number | undefined;
  let previousCarries = false;
  let meetingNamed = false;
  for (const { start, text } of sentences) {
    const p = paragraphs.get(start);
    if (p !== previous) {
      const carries: boolean =
        !coalitionParagraphs.has(p) && previousCarries && meetingNamed && MEETING_POINTED_BACK.test(text);
      if (carries && p !== undefined) carried.push(p);
      previousCarries = coalitionParagraphs.has(p) || carries;
      meetingNamed = false;
      previous = p;
    }
    if (previousCarries && !meetingNamed) meetingNamed = MEETING_WORD.test(text);
  }
  return carried;
}

/**
 * Whether a sentence of the coalition's paragraph is about the effort's meeting: it names the meeting, who attends or
 * takes part, or the protected country. Else, unless a country opens it as its subject ("A and B backed the
 * planning"), it is an aside about something else ("Days after the raid, an aide said the island should belong to
 * A"), and its countries are no members.
 */
const speaksOfMeeting = (text: string, beneficiary: string | undefined) =>
  MEETING_WORD.test(text) ||
  ATTENDANCE.test(text) ||
  PARTICIPATION.test(text) ||
  (beneficiary !== undefined && countryMentions(text).some((m) => m.country === beneficiary));

/**
 * Whether a sentence names a country the coalition's sentences before it already gave as a member: it speaks of the
 * membership ("Besides A and B, nations like C and D seem obvious contenders"), not of another crisis, whose countries
 * are strangers to the effort.
 */
const namesMember = (text: string, found: readonly ContextCandidate[]) => {
  if (!found.length) return false;
  const members = new Set(found.map((c) => c.mention.country));
  return countryMentions(text).some((m) => members.has(m.country));
};

const mayAttend = mayHold(C.attendanceCues);
/**
 * Who attended a meeting: "Present were …", "… took part by video". "At present are / is" is the adverb of time ("The
 * obstacles at present are A and B"), no roll call.
 */
const ATTENDANCE = new RegExp(String.raw`\b(?!(?<=\bat\s+)present\b)${words(C.attendanceCues)}\b`, 'iu');
const ATTENDANCES = new RegExp(ATTENDANCE.source, 'giu');
/** A new clause after the attendance cue ("…, after which the French president said"). */
const CLAUSE_END = /[;:]|\b(?:after|before|while|but|whereas|although|when)\b/iu;
/**
 * The modal, lower-case only (a surname "May" or a first name "Will" is none), and not before "be" with at most an
 * adverb between ("will also be", "will probably be").
 */
const MODAL_OWN_VERB = new RegExp(String.raw`\b${words(C.rollCallEnders)}\s+(?!(?:(?:also|\p{Ll}+ly)\s+)?be\b)`, 'u');
/** Where the first of `patterns` matches in `text`, the earliest: its index, or null. */
function firstEnd(text: string, patterns: readonly RegExp[]): number | null {
  const found = patterns.map((p) => p.exec(text)?.index).filter((i): i is number => i !== undefined);
  return found.length ? Math.min(...found) : null;
}
/**
 * Where the list after the attendance cue ends: a new clause ("…, after which the French president said"), or a modal
 * before a verb of the cue's own, the cue being its subject ("The participants will brief …"; not "Taking part will be
 * the Polish premier": `rollCallEnders`).
 */
const ATTENDEE_CLAUSE_END = [CLAUSE_END, MODAL_OWN_VERB] as const;
/** From a leader to the attendance cue: the leader's name, an aside between commas, "who" or an auxiliary. */
const LEADER_TO_CUE =
  /^(?:\s+\p{Lu}[\p{L}.'\u2019-]*)*,?(?:[^,.;]{0,60},)?\s+(?:(?:who|also|has|had|have|was|were|joining|joined|attending|participating)\s+)*$/u;

/**
 * The leaders a sentence names by their country's adjective as attending a meeting: the rest of the cue's clause
 * ("Present were the Polish premier, the Finnish president and …") or the subject of the cue ("The German chancellor took part
 * by video"). A leader elsewhere in the sentence ("… met in person, after which the French president said") attends
 * nothing.
 */
function leadersAttending(
  text: string,
  affiliationOf: (surname: string) => string | null = () => null,
): CountryMention[] {
  if (!mayAttend(text) || !ATTENDANCE.test(text)) return [];
  // A country by name ("leaders from A and B took part"), by its leader's adjective ("the Polish premier") or by a
  // leader the article gives it ("Premier Holm joined by video"), not one titled by an international body.
  const byName = countryMentions(text);
  const bySurname = countriesByAnyName(text, affiliationOf).filter(
    (m) =>
      !byName.some((n) => n.start === m.start) &&
      !countryOfWord(text.slice(m.start, m.end)) &&
      !BODY_TITLE_BEFORE.test(text.slice(Math.max(0, m.start - 80), m.start)),
  );
  const byAdjective = [...leadersByAdjective(text), ...bySurname].sort((a, b) => a.start - b.start);
  const leaders = [...byAdjective, ...byName];
  if (!leaders.length) return [];
  const attending = new Set<CountryMention>();
  for (const cue of text.matchAll(ATTENDANCES)) {
    const cueEnd = cue.index + cue[0].length;
    const clauseEnd = firstEnd(text.slice(cueEnd), ATTENDEE_CLAUSE_END);
    const end = clauseEnd !== null ? cueEnd + clauseEnd : text.length;
    for (const leader of byAdjective) if (leader.start >= cueEnd && leader.end <= end) attending.add(leader);
    // Countries by name only as the list right after the cue ("… brought together leaders from A and B").
    const lead = ATTENDEES_LEAD.exec(text.slice(cueEnd))?.[0].length ?? 0;
    for (const mention of listedFrom(text, cueEnd + lead, byName)) attending.add(mention);
    const before = leaders
      .filter((l) => l.end <= cue.index)
      .sort((a, b) => a.end - b.end)
      .at(-1);
    if (before && LEADER_TO_CUE.test(text.slice(before.end, cue.index))) {
      attending.add(before);
      // "with Italy, Poland and Japan joining by video": the rest of the list the last one closes.
      const listed = leaders.filter((l) => l.end <= before.start).sort((a, b) => b.end - a.end);
      let head = before;
      for (const earlier of listed) {
        if (!MEMBER_GAP.test(text.slice(earlier.end, head.start))) break;
        attending.add(earlier);
        head = earlier;
      }
    }
  }
  return [...attending];
}
/** Right after a country's name: a leader's title ("UK Prime Minister", "US President"). */
const LEADER_TITLE_AFTER = new RegExp(
  String.raw`^\s+(?:(?:acting|deputy|interim|new)\s+)?${words(C.leaderTitles)}\b`,
  'iu',
);

/**
 * Whether a country named before its leader's title stands in the roll call of an attendance cue's clause ("Present
 * are the French president, UK Prime Minister X and …"): the leader attends for the country, as "the French
 * president" does, though elsewhere a country before an office is only that official's.
 */
export function leaderInRollCall(text: string, mention: { start: number; end: number }): boolean {
  if (!mayAttend(text) || !LEADER_TITLE_AFTER.test(text.slice(mention.end, mention.end + 40))) return false;
  for (const cue of text.matchAll(ATTENDANCES)) {
    const cueEnd = cue.index + cue[0].length;
    if (cueEnd > mention.start) break;
    const clauseEnd = firstEnd(text.slice(cueEnd), ROLL_CALL_END);
    if (clauseEnd === null || cueEnd + clauseEnd >= mention.end) return true;
  }
  return false;
}
/** Where a roll call ends before a country's title: its clause's end, or a relative clause ("envoys who briefed …"). */
const ROLL_CALL_END = [...ATTENDEE_CLAUSE_END, /\b(?:who|whom|whose|which|what|that)\b/iu] as const;

/** Before a name: a title of an international body ("EU Commission President Jane von Doe"), which she speaks for. */
const BODY_TITLE_BEFORE = new RegExp(
  String.raw`\b${words(C.internationalBodies)}(?:\s+(?:\p{Lu}[\p{L}.'\u2019-]*|${words(C.nameParticles)}))*\s+$`,
  'u',
);
/** Between an attendance cue and the countries it lists: "were", "by", "the leaders of", "officials from". */
const ATTENDEES_LEAD = new RegExp(
  String.raw`^\s*:?\s*(?:(?:by|were|was|are)\s+)?(?:the\s+)?(?:${words(C.memberOffices)}\s+(?:of|from)\s+(?:the\s+)?)?`,
  'iu',
);
/** A country's adjective before its leader's title ("the Finnish president", "Dutch Prime Minister X"). */
const LEADER_BY_ADJECTIVE = new RegExp(
  String.raw`(?<adjective>\p{Lu}[\p{L}'\u2019-]+)\s+(?:(?:acting|deputy|interim|new)\s+)?${words(C.leaderTitles)}\b`,
  'giu',
);
const mayNameLeader = mayHold(C.leaderTitles);

/**
 * The countries whose leaders a sentence names by the country's adjective ("the Polish premier"): each mention spans
 * the adjective and the title, so what follows the title ("… took part") is read, not the title itself.
 */
function leadersByAdjective(text: string): CountryMention[] {
  if (!mayNameLeader(text)) return [];
  const found: CountryMention[] = [];
  for (const m of text.matchAll(LEADER_BY_ADJECTIVE)) {
    const adjective = m.groups?.adjective ?? '';
    // A country's name is one of countryMentions already; only its adjective or seat is new here.
    if (countryMentions(adjective).length) continue;
    const country = countryOfWord(adjective);
    if (!country) continue;
    // "Danish, Dutch and Swedish leaders": the adjectives listed before the one next to the title share it. Each is
    // read from where the list starts ("Dutch" after "Danish, " is no dateline).
    let start = m.index;
    const chain: { country: string; end: number }[] = [];
    for (let earlier = ADJECTIVE_BEFORE.exec(text.slice(0, start)); earlier; ) {
      const other = countryOfWord(earlier.groups?.adjective ?? '');
      if (!other) break;
      start = earlier.index;
      chain.push({ country: other, end: start + (earlier.groups?.adjective ?? '').length });
      earlier = ADJECTIVE_BEFORE.exec(text.slice(0, start));
    }
    for (const item of chain) found.push({ ...item, start });
    found.push({ country, start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
/** An adjective listed right before another: "Danish, " or "Dutch and " before "Swedish leaders". */
const ADJECTIVE_BEFORE = /(?<adjective>\p{Lu}[\p{L}'\u2019-]+)(?:,\s+|,?\s+and\s+)$/u;

/** The paragraph each sentence (by its start) stands in: a line break between two sentences starts a new one. */
export function paragraphIndexes(body: string, sentences: readonly Sentence[]): Map<number, number> {
  const paragraphs = new Map<number, number>();
  let paragraph = 0;
  sentences.forEach((sentence, i) => {
    const previous = sentences[i - 1];
    if (previous && body.slice(previous.end, sentence.start).includes('\n')) paragraph++;
    paragraphs.set(sentence.start, paragraph);
  });
  return paragraphs;
}

const mayCompare = mayHold([...C.comparisonMarkers, ...C.modelWords]);
/**
 * Before a country (or its list's head), in its clause: a comparison it stands in ("like Ruritania", "similar to those
 * Ruritania gives Borduria", "the model of Ruritania"), not after a noun it gives examples of ("countries like
 * Ruritania" names candidates) and not past a preposition that brings in someone else ("… similar to Article 5 with
 * Ruritania").
 */
const COMPARED_BEFORE = new RegExp(
  String.raw`(?<!\b${words(C.exampleNouns)}\s+|[-\u2013])\b${words(C.comparisonMarkers)}(?![\p{L}-])(?:(?!\b${words(C.comparisonStops)}\b)[^,;:.()])*$`,
  'iu',
);
/** After a country: a model named after it ("an Israel-style guarantee", "the Korea scenario"). */
const MODEL_AFTER = new RegExp(String.raw`^(?:['\u2019]s)?(?:\s*[-\u2013]\s*|\s+)${words(C.modelWords)}\b`, 'iu');

/**
 * A country the sentence compares with rather than names: a model or precedent the guarantees would follow ("security
 * guarantees like those Ruritania gives Borduria", "Like Ruritania, Kyiv wants …", "a Ruritania-style model"). Read
 * by the head of its list (`head`) before it, by itself after.
 */
export function inComparison(text: string, mention: CountryMention, head: CountryMention = mention): boolean {
  if (!mayCompare(text)) return false;
  return (
    COMPARED_BEFORE.test(text.slice(Math.max(0, head.start - 60), head.start)) ||
    MODEL_AFTER.test(text.slice(mention.end, mention.end + 30))
  );
}

/** After an offer: a role in the talks, not in the guarantees ("… has offered to host talks on the guarantees"). */
export const OFFERS_TO_HOST = new RegExp(String.raw`^\s+to\s+${words(C.hostingInfinitives)}\b`, 'iu');
