import * as z from 'zod/mini';
import { escapeRegex } from '../shared/escape-regex.js';
import actorJson from './lexicon/actor.json' with { type: 'json' };
import guarantorsJson from './lexicon/guarantors.json' with { type: 'json' };
import openingJson from './lexicon/opening.json' with { type: 'json' };
import positionRejectionsJson from './lexicon/position-rejections.json' with { type: 'json' };
import speechJson from './lexicon/speech.json' with { type: 'json' };
import stanceJson from './lexicon/stance.json' with { type: 'json' };

/*
 * The extraction rules' vocabulary is data (lexicon/*.json), as gazetteers are kept apart from the
 * grammar that uses them: the rules in code are short patterns with slots, and each slot is filled
 * from a word list here. Adding a verb of saying or a guarantee word is a change to a list, not to a
 * regular expression.
 */

const Word = z
  .string()
  .check(z.regex(/^[\p{L}' -]+\*?$/u, 'letters, spaces, hyphens and apostrophes, then an optional *'));
const Words = z.array(Word).check(z.minLength(1));

/** A lexicon file: named word lists, and an `_about` saying what they are for. */
function lexiconSchema<K extends string>(names: readonly K[]) {
  const shape = Object.fromEntries(names.map((name) => [name, Words])) as Record<K, typeof Words>;
  return z.object({ _about: z.string(), ...shape });
}

export class LexiconError extends Error {
  override name = 'LexiconError';
}

/** Validates a lexicon file's JSON against the lists its rules read. */
export function parseLexicon<K extends string>(file: string, names: readonly K[], json: unknown): Record<K, string[]> {
  const result = lexiconSchema(names).safeParse(json);
  if (!result.success) throw new LexiconError(`invalid lexicon ${file}:\n${z.prettifyError(result.error)}`);
  return result.data as Record<K, string[]>;
}

const GUARANTOR_LISTS = [
  'listStoppers',
  'sourcePrepositions',
  'guarantorGroupNouns',
  'listIntroducers',
  'roleLeadWords',
  'guaranteeObjects',
  'guaranteeTruces',
  'guaranteesQualifiers',
  'relativePronouns',
  'relativeAuxiliaries',
  'relativeRoleVerbs',
  'clauseConjunctions',
  'placePrepositions',
  'travelPhrases',
  'contactNouns',
  'contactVerbs',
  'exclusions',
  'officeOfNouns',
  'delegationNouns',
  'hostileWords',
  'mediationNouns',
  'talkLeads',
  'talkNouns',
  'hostingWords',
  'targetPhrases',
  'refusals',
  'rejectableProposals',
  'proposalRejections',
  'passiveAuxiliaries',
  'doubts',
  'officesAfterCountry',
  'officeModifiers',
  'seemingVerbs',
  'provisionGerunds',
  'guaranteedProcesses',
  'guarantorBodies',
  'possessedRoles',
  'refusalAdverbs',
  'refusalWords',
  'guarantorInfinitives',
  'offerAdverbs',
  'offerVerbs',
  'readinessStatements',
  'readinessNouns',
  'selfSubjects',
  'selfCopulas',
  'selfOffers',
  'memberNounsAfterCountry',
  'subjectAdverbs',
  'subjectVerbs',
  'readinessWords',
  'provisionVerbs',
  'provisionModals',
  'listAnaphors',
] as const;

const STANCE_LISTS = [
  'subjectFillers',
  'planHandingVerbs',
  'planNouns',
  'stanceVerbs',
  'modals',
  'refusingModals',
  'bareStanceVerbs',
  'sayingVerbs',
  'stanceMarkers',
  'obligations',
  'replyVerbs',
  'planReferences',
  'planVerbs',
  'proposalNouns',
  'proposalOnlyNouns',
  'modifierEnders',
  'thirdPartyOwners',
  'thirdPartyOwnerVerbs',
  'agendaNouns',
  'agendaFrames',
  'wantOfferRefuse',
  'tradeAndConditionCues',
  'constitutionLinks',
  'constitutionVerbs',
  'placeAnaphors',
  'landCounts',
  'topicAnaphorDeterminers',
  'topicAnaphorNouns',
  'bareTopicAnaphors',
  'anaphorAnswers',
  'pointingAnswers',
  'ownedPlaces',
  'replyJudgements',
  'noCommentFrames',
  'backgroundMarkers',
  'bareActionVerbs',
  'ordinalOpeners',
  'replyWords',
  'hedges',
  'outsiderSayers',
  'addresseeDemands',
  'addresseeMarkers',
  'planSetterVerbs',
  'actorPronouns',
  'leaderRoles',
  'conditionOpeners',
  'relativeReplyOpeners',
  'relativeDemandVerbs',
  'stanceAgentVerbs',
  'zoneAnaphors',
  'planAnaphors',
  'hedgedOffers',
  'actionAnaphors',
  'landAnaphorNouns',
  'controlVerbs',
  'refusalNouns',
  'voicedNouns',
  'monthNames',
  'conditionalActs',
  'reportedClauseOpeners',
  'demandThatVerbs',
  'seizureParticiples',
] as const;

/** Word lists of guarantor extraction: triggers, list syntax, and the frames that reject a country. */
export const guarantorWords = parseLexicon('lexicon/guarantors.json', GUARANTOR_LISTS, guarantorsJson);

/** Word lists of stance taking: verbs of wanting, offering, refusing and saying, and what may stand before them. */
export const stanceWords = parseLexicon('lexicon/stance.json', STANCE_LISTS, stanceJson);

const ACTOR_LISTS = [
  'stanceGerunds',
  'gerundFrames',
  'consentNouns',
  'consentVerbs',
  'timeAdverbials',
  'objectReplyVerbs',
  'judgementVerbs',
  'judgementWords',
  'questionFrames',
  'opinionFrames',
  'demandVerbs',
  'collectiveNouns',
  'addressingVerbs',
  'aspectVerbs',
  'counterpartNouns',
  'otherSideQualifiers',
  'leaderEpithets',
  'sideNouns',
  'pastEventVerbs',
  'causativeVerbs',
  'ownedDemandNouns',
  'trailingQuestionFrames',
  'infinitiveStances',
  'concessiveOpeners',
  'cedingActs',
  'recoveryActs',
  'failurePredicates',
  'ownedWantNouns',
  'warningVerbs',
] as const;

/** Word lists of whose a stance is when the sentence names its holder indirectly (position-actor.ts). */
export const actorWords = parseLexicon('lexicon/actor.json', ACTOR_LISTS, actorJson);

const OPENING_LISTS = ['settingHeads', 'adverbialHeads', 'timeTails', 'attributionFrames'] as const;

/** Word lists of the openings a sentence's core clause stands after: settings, adverbials, attributions. */
export const openingWords = parseLexicon('lexicon/opening.json', OPENING_LISTS, openingJson);

const SPEECH_LISTS = [
  'verbsOfSaying',
  'nounLikeForms',
  'contentInVerbPhrase',
  'clauseOnly',
  'afterQuoteOnly',
  'listenerVerbs',
  'infinitiveVerbs',
  'appealFrames',
  'firstPersonWords',
  'pointerNouns',
  'officeToHeads',
  'pointBackLinks',
  'pointBackParticiples',
  'pointBackDeterminers',
  'roleAbbreviations',
  'quoteLabels',
  'countWords',
  'asPredicateOnly',
  'enumerationNouns',
  'refusalVerbs',
  'listeners',
  'continuationVerbs',
  'clauseVerbs',
  'quotedFragmentFrames',
  'creditNouns',
  'reportNouns',
  'questionLabels',
  'answerLabels',
  'sourceNouns',
  'unnamedSpeakerNouns',
  'predicateAdjectiveEndings',
  'predicateAdjectives',
  'nominalObjectVerbs',
  'presentTenseForms',
  'framingNouns',
  'counterpartRoles',
  'namingVerbs',
  'cutClauseOpeners',
  'timePhraseDeictics',
  'timePhraseNouns',
] as const;

/** Word lists of reported speech: verbs of saying with their forms, and the frames each verb reports words in. */
export const speechWords = parseLexicon('lexicon/speech.json', SPEECH_LISTS, speechJson);

const POSITION_REJECTION_LISTS = [
  'jointSubjects',
  'coordinators',
  'jointMarkers',
  'outsiderSubjectNouns',
  'outsiderStanceVerbs',
  'forecastPredicates',
  'forecastAdverbs',
  'planFramePrepositions',
  'planFrameNouns',
  'planSubjectNouns',
  'planSubjectVerbs',
  'openPlanDeterminers',
  'controlPhrases',
  'annexationActs',
  'annexationActPredicates',
  'annexationActLinks',
  'annexationActVerdicts',
  'clauseSubjects',
  'pressureFrames',
  'planTermModals',
  'liveTitleMarkers',
  'statementNouns',
  'asideHeads',
  'asideMarkers',
  'locativePrepositions',
  'placeModifiers',
  'placeNouns',
  'questionOpeners',
  'firstPersonWords',
  'personTitles',
  'viewVerbs',
  'viewQuantifiers',
  'outsiderViewers',
  'hypothesisOpeners',
  'hypotheticalModals',
  'receiptVerbs',
  'receivedDemandNouns',
  'receivedDeterminers',
  'askedPassives',
  'circumstanceOpeners',
  'conditionGuards',
  'futureModals',
] as const;

/** Word lists of the rules that reject a wrong position: joint subjects, forecasts, plan frames, live pages' titles. */
export const rejectionWords = parseLexicon(
  'lexicon/position-rejections.json',
  POSITION_REJECTION_LISTS,
  positionRejectionsJson,
);

/** A letter that has two cases as a class of both ("w" -> "[wW]"); any other character as it is. */
const eitherCase = (source: string) =>
  source.replace(/\p{L}/gu, (c) => {
    const [lower, upper] = [c.toLowerCase(), c.toUpperCase()];
    return lower === upper || lower.length > 1 || upper.length > 1 ? c : `[${lower}${upper}]`;
  });

/**
 * One lexicon entry as a regex source: spaces match any whitespace, an apostrophe either apostrophe, `*` a word's end;
 * each letter in either case when `anyCase` is set.
 */
function wordSource(word: string, anyCase = false): string {
  const stem = word.endsWith('*') ? word.slice(0, -1) : word;
  const escaped = escapeRegex(stem.trim());
  const source = (anyCase ? eitherCase(escaped) : escaped).replace(/\s+/g, '\\s+').replace(/'/g, "['\u2019]");
  return word.endsWith('*') ? `${source}\\w*` : source;
}

const entriesOf = (lists: readonly (readonly string[])[]) =>
  [...new Set(lists.flat())].sort((a, b) => b.length - a.length);

/**
 * A non-capturing group matching any of `words` (lexicon entries), longest first so that a shorter
 * entry never wins over a longer one at the same place. No boundaries: the pattern around it sets them.
 */
export function words(...lists: readonly (readonly string[])[]): string {
  return `(?:${entriesOf(lists)
    .map((word) => wordSource(word))
    .join('|')})`;
}

/**
 * `words`, each letter in either case ("With", "WITH"), for a pattern without the `i` flag: with that flag \p{Lu}
 * matches lower-case letters too (and \p{Ll} capitals), so a pattern that wants a capital ("With American support",
 * not "with us backing") leaves the flag off and spells its words' cases out.
 */
export function wordsAnyCase(...lists: readonly (readonly string[])[]): string {
  return `(?:${entriesOf(lists)
    .map((word) => wordSource(word, true))
    .join('|')})`;
}
