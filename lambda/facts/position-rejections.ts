import { actorWords as A, rejectionWords as R, stanceWords as S, words, wordsAnyCase } from './lexicon.js';
import { openingIndexed } from './regex-first-words.js';
import { coreStart } from './sentence-opening.js';
import { endsAsking } from './sentences.js';
import type { PartyMention } from './topics.js';

/*
 * Rules that reject a candidate position: a clause that names a topic and a party but states no want,
 * offer or refusal of that party. Each rule is a small named predicate over the clause (or its sentence),
 * its vocabulary in lexicon/stance.json; positions.ts asks `isAgendaOnly` and `declinesComment` of every candidate
 * before it keeps one.
 */

const AGENDA_NOUN = openingIndexed(new RegExp(String.raw`\b${words(S.agendaNouns)}\b`, 'iu'));
const AGENDA_FRAME = openingIndexed(new RegExp(String.raw`\b${words(S.agendaFrames)}\b`, 'iu'));
/**
 * A side's constitution as the ground of its stance: "this violates our constitution", "contrary to the
 * constitution", "unconstitutional", "the constitution prohibits it", "enshrined in its constitution". One side
 * refuses by it, the other claims by it. Read only where a clause points back to a demand just told (`restatesCarried`).
 */
const CONSTITUTIONAL_GROUND = String.raw`unconstitutional|${words(S.constitutionLinks)}\s+(?:[\p{L}'’]+\s+){0,4}?constitution\w*|constitution\w*\s+${words(S.constitutionVerbs)}`;
const CONSTITUTIONAL_GROUND_RE = openingIndexed(new RegExp(String.raw`\b(?:${CONSTITUTIONAL_GROUND})\b`, 'iu'));
/** Whether a clause gives a side's constitution as the ground of a stance (see `CONSTITUTIONAL_GROUND`). */
export const citesConstitution = (clause: string): boolean => CONSTITUTIONAL_GROUND_RE.test(clause);

/**
 * A want, offer or refusal: its verbs and nouns, and the cues of a trade or a condition ("in exchange for", "has to", "a
 * precondition", "nothing to discuss"), which state a stance however the clause is built.
 */
const WANT_OFFER_REFUSE_WORDS = openingIndexed(
  new RegExp(String.raw`\b${words(S.wantOfferRefuse, S.tradeAndConditionCues)}\b`, 'iu'),
);

/**
 * An invitation that is no want of the clause's side: the invited as the subject ("Russia was invited to the summit",
 * "Russia, invited by Ruritania, attended …"), people who are no side invited ("Kyiv invited journalists to tour …"), or
 * an invitation denied ("Kyiv has not invited Moscow …", "never invited"), blanked with its negation so that the "not"
 * states no refusal either. Case-sensitive, so that a lower-case word after the verb is a common noun, not a side's
 * name. The inviter of the other side ("Ukraine invited Russia to sign …", "invites the Russian Federation") still wants.
 */
const INVITED_OR_NO_SIDE =
  /\b(?:(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:not\s+|\p{Ll}+ly\s+)?invited\b|[Ii]nvit(?:e|es|ed|ing)\s+(?!(?:the|its|his|her|their|our)\b)\p{Ll})/u;
const INVITATION_DENIED = /(?:\b(?:not|never)|n['\u2019]t)\s+(?:(?:yet|even|\p{Ll}+ly)\s+)?invit(?:e|es|ed|ing)\b/u;
const NO_WANT_INVITATION = new RegExp(`${INVITED_OR_NO_SIDE.source}|${INVITATION_DENIED.source}`, 'gu');

/** The clause with its no-want invitations blanked out, the same length so that indices hold. */
const withoutNoWantInvitations = (clause: string): string =>
  /invit/iu.test(clause) ? clause.replace(NO_WANT_INVITATION, (m) => ' '.repeat(m.length)) : clause;

const WANT_OFFER_REFUSE = {
  test: (clause: string): boolean => WANT_OFFER_REFUSE_WORDS.test(withoutNoWantInvitations(clause)),
  exec: (clause: string): RegExpExecArray | null => WANT_OFFER_REFUSE_WORDS.exec(withoutNoWantInvitations(clause)),
};

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
  new RegExp(
    String.raw`\b(?:${words(S.backgroundMarkers)})\b|\b(?:in|since|until)\s+(?:(?:early|late|mid-)\s*)?(?:${words(S.monthNames)}\s+)?(?:19|20)\d\d\b`,
    'iu',
  ),
);
/**
 * A dated description of the land set off by commas after its name ("Crimea, annexed in 2014,", "the peninsula, which
 * was occupied by Russia in 2014"): it dates the land's seizure, not the stance of the clause it sits in.
 */
const DATED_SEIZURE_ASIDE = new RegExp(
  String.raw`,\s+(?:which\s+(?:was|were)\s+)?${words(S.seizureParticiples)}\b[^,;.]{0,40}?\b(?:in|since)\s+(?:19|20)\d\d\b(?=\s*(?:[,;.)]|$))`,
  'giu',
);

/**
 * History or background: dated in the past ("annexed in 2014", "since February 2022", "years ago"), not what a side
 * wants now. A dated seizure set off by commas after the land's name is the land's description, not the clause's
 * time ("he said the liberation of the country includes Crimea, occupied in 2014").
 */
export const isBackground = (clause: string): boolean =>
  BACKGROUND.test(clause) && BACKGROUND.test(clause.replace(DATED_SEIZURE_ASIDE, ''));

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

/** A demand's "that" right before a party: "demands that ", "insisted that the ". */
const DEMANDED_OF = new RegExp(String.raw`\b${words(S.demandThatVerbs)}\s+that\s+(?:the\s+)?$`, 'iu');

/**
 * The party is the one a demand is put to ("Moscow demands that Kyiv cedes the region"): what follows is the demand,
 * whatever the verb's form, not its stance, even where the writer puts the verb in the indicative.
 */
export const demandedOf = (clause: string, mention: PartyMention): boolean =>
  DEMANDED_OF.test(clause.slice(Math.max(0, mention.start - 30), mention.start));

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
 * The act of annexing told ("Moscow claimed the annexation of …"), not a claim or verdict about it told with the same
 * words: "… claimed the annexation of the region would stand", "… declared the annexation of the region null and void",
 * "… to be illegal". A verdict word anywhere in the clause after it makes it one; a predicate ("is", "would") or a link
 * ("as", "to be") only where it is the annexation's own: before any clause of its own opens ("the regions it is
 * occupying", "which are", "it regards as its own" tell the act), or a predicate after that clause's verb. Every word in either case: CONTROL_PREDICATE has no `i` flag.
 */
const AFTER_ACT = (stops: readonly string[]) => String.raw`(?:(?!\b${wordsAnyCase(stops)}\b)[^.;,:]){0,80}?`;
const PREDICATE = String.raw`\b${wordsAnyCase(R.annexationActPredicates)}\b`;
/**
 * After the clause's subject, a predicate that is not its verb ("the provinces it occupies would stand", "which its army
 * holds was complete"): the clause of its own has closed, so the predicate is the annexation's again.
 */
const BEFORE_OWN_CLAUSE = AFTER_ACT(['and', ...R.clauseSubjects]);
const OWN_CLAUSE_SUBJECT = String.raw`\b${wordsAnyCase(R.clauseSubjects)}\s+(?!(?:\p{L}+[lL][yY]\s+)?${PREDICATE})`;
const AFTER_OWN_CLAUSE = String.raw`${BEFORE_OWN_CLAUSE}${OWN_CLAUSE_SUBJECT}${AFTER_ACT(['and'])}${PREDICATE}`;
const VERDICT_AFTER = String.raw`${AFTER_ACT(['and'])}\b${wordsAnyCase(R.annexationActVerdicts)}\b`;
const PREDICATE_BEFORE_OWN_CLAUSE = String.raw`${BEFORE_OWN_CLAUSE}\b${wordsAnyCase(R.annexationActPredicates, R.annexationActLinks)}\b`;
const ANNEXATION_ACT_SOURCE = String.raw`${wordsAnyCase(R.annexationActs)}\b(?!${VERDICT_AFTER}|${PREDICATE_BEFORE_OWN_CLAUSE}|${AFTER_OWN_CLAUSE})`;

/**
 * A subject holding or taking an area as the clause's own predicate, at its start or right after a verb of saying:
 * "Russia holds part of …", "Moscow says it annexed …"; not a relative clause ("the regions it annexed are …"). The
 * subject is a pronoun or a capitalised name: no `i` flag, under which \p{Lu} would take any word ("… says talks held
 * in the capital …"), so the words around it match either case by their own classes.
 */
const CLAUSE_START = String.raw`(?:^\s*(?:${wordsAnyCase(['the'])}\s+)?|\b${wordsAnyCase(S.sayingVerbs)}\s+(?:${wordsAnyCase(['that'])}\s+)?)`;
const CONTROL_SUBJECT = String.raw`(?:${wordsAnyCase(['it', 'they', 'we'])}|\p{Lu}[\p{L}-]*)`;
const CONTROL_ADVERB = String.raw`(?:(?:${wordsAnyCase(['now', 'already', 'still', 'also'])}|\p{L}+[lL][yY])\s+)?`;
const CONTROL_PREDICATE = new RegExp(
  String.raw`${CLAUSE_START}${CONTROL_SUBJECT}\s+${CONTROL_ADVERB}(?:${wordsAnyCase(S.controlVerbs, R.controlPhrases)}\b|${ANNEXATION_ACT_SOURCE})`,
  'u',
);

/**
 * Who holds or took an area, said by a side or not ("Moscow says it annexed the four regions", "Russia holds part of
 * these regions", "Moscow maintains partial control over them"): the state of the ground, no want, offer or refusal. A stance beside it ("… and will never give
 * them back") keeps the clause.
 */
export const reportsControl = (clause: string): boolean =>
  CONTROL_PREDICATE.test(clause) && !WANT_OFFER_REFUSE.test(clause.replace(ANNEXATION_ACT, ' '));

/** The act of annexing told ("Moscow claimed the annexation of …"): a claim word, but what the side did, not wants. */
const ANNEXATION_ACT = new RegExp(String.raw`\b${ANNEXATION_ACT_SOURCE}`, 'giu');

/**
 * A forecast of how a side will react ("Kyiv is unlikely to accept …", "the president will probably reject …", "is
 * unlikely to be impressed by such a compromise"): the writer's or a commentator's guess, not the side's stance.
 */
const FORECAST = new RegExp(
  String.raw`\b(?:is|are|was|were|seems?|seemed|looks?|appears?)\s+(?:not\s+)?${words(R.forecastPredicates)}(?![\p{L}])|\b(?:will|would)\s+${words(R.forecastAdverbs)}(?![\p{L}])|\b${words(R.forecastAdverbs)}\s+(?:will|would)(?![\p{L}])`,
  'iu',
);

/**
 * Where a clause forecasts a reaction before stating any want, offer or refusal, or -1: "Kyiv is unlikely to accept
 * the swap" forecasts; "Moscow demands the region, which Kyiv is unlikely to accept" states Moscow's demand first.
 */
export function forecastAt(clause: string): number {
  const forecast = FORECAST.exec(clause);
  if (!forecast) return -1;
  const stance = WANT_OFFER_REFUSE.exec(clause);
  return stance === null || forecast.index <= stance.index ? forecast.index : -1;
}

/**
 * A plan framing the sentence ("Under the reported plan, …", "according to the draft deal …", "… under the proposed
 * settlement"): a side's "would" inside it is a term the plan sets, not what the side wants. Not any plan at all
 * ("Kyiv will not leave under any plan"): a refusal whatever the terms.
 */
const PLAN_FRAME = new RegExp(
  String.raw`\b${words(R.planFramePrepositions)}\s+(?!${words(R.openPlanDeterminers)}\s)(?:[\p{L}'\u2019-]+\s+){1,4}?${words(S.planNouns, R.planFrameNouns)}(?![\p{L}])`,
  'iu',
);
/**
 * A modal of a term right after the side: "Ukraine would cede", "Kyiv will have to leave", "Moscow is to keep". Not a
 * refusal ("Ukraine would not recognise … under the plan"), which the side says of itself.
 */
const TERM_MODAL_AFTER = new RegExp(
  String.raw`^(?:\s+\p{Ll}+ly)?\s+${words(R.planTermModals)}(?![\p{L}])(?!\s+(?:not|never)(?![\p{L}]))`,
  'iu',
);

/**
 * A plan as the subject that sets out terms, at the clause's start or after a verb of saying: "The reported plan
 * envisages Ukraine ceding …", "X said the US proposals would see Kyiv give up …", "The proposal would recognise …".
 * A particular plan ("the", "this"), not what any settlement needs ("a settlement needs hard choices from Kyiv").
 */
const PLAN_SUBJECT = new RegExp(
  String.raw`(?:^\s*|\b(?:${words(S.sayingVerbs)})\s+(?:that\s+)?)(?:the|this|that)\s+(?:[\p{L}'\u2019-]+\s+){0,3}?${words(S.planNouns, R.planSubjectNouns)}(?:\s*,[^,]{1,60},)?\s+(?:\p{Ll}+ly\s+)?${words(R.planSubjectVerbs)}(?![\p{L}])`,
  'iu',
);

/** Where the plan subject that sets out terms ends in the clause, or -1 when the clause has none. */
export function planSubjectEnd(clause: string): number {
  const plan = PLAN_SUBJECT.exec(clause);
  return plan ? plan.index + plan[0].length : -1;
}

/** Where a plan frame stands in the sentence, with the plan it names, or null. */
export function planFrame(sentence: string): { start: number; end: number } | null {
  const frame = PLAN_FRAME.exec(sentence);
  return frame ? { start: frame.index, end: frame.index + frame[0].length } : null;
}

/** Whether the party is the subject of a term ("Ukraine would concede …"): a modal follows its mention. */
export const bearsTerm = (clause: string, mention: PartyMention): boolean =>
  TERM_MODAL_AFTER.test(clause.slice(mention.end, mention.end + 40));

/** A live page's title ("Live: …", "War in the east – live updates", "… as it happened"): many items, no one stance. */
const LIVE_TITLE = new RegExp(
  String.raw`(?:^|[|:\u2013\u2014-]\s*|\s)${words(R.liveTitleMarkers)}\s*(?:[|:\u2013\u2014]|-\s|$)|^\s*${words(R.liveTitleMarkers)}\s*$`,
  'iu',
);

/** Whether a headline is a live page's title, whose stance is the hour's news, not the article's. */
export const isLiveTitle = (title: string): boolean => LIVE_TITLE.test(title);

/** Pressure on a party, right after its name: "Kyiv is under pressure to …", "Ukraine faces calls to …". */
const PRESSED_AFTER = new RegExp(String.raw`^(?:\s+\p{Ll}+ly)?\s+${words(R.pressureFrames)}(?![\p{L}])`, 'iu');
/** Any pressure frame, tested before the parties are looked up: most clauses hold none. */
const PRESSURE = new RegExp(String.raw`\b${words(R.pressureFrames)}(?![\p{L}])`, 'iu');

/** Whether the clause puts pressure on some party: the cheap gate before `isPressed`. */
export const namesPressure = (clause: string): boolean => PRESSURE.test(clause);

/**
 * The party is the one pressed or asked to act ("Kyiv is under pressure to give up the region", "Ukraine was asked to
 * withdraw"): what it is pressed to do is the other side's or a mediator's demand, not its stance.
 */
export const isPressed = (clause: string, mention: PartyMention): boolean =>
  PRESSED_AFTER.test(clause.slice(mention.end, mention.end + 60));

/** Nothing but punctuation, one word set off by a comma ("Still, …"), "that" or "the" before a clause's subject. */
const SUBJECT_OPENING = /^[\s\p{P}]*(?:\p{L}+,\s+)?(?:that\s+)?(?:the\s+)?$/iu;

/** Whether the mention opens the clause as its subject, at its start or after a label or a setting (`coreStart`). */
export function opensClause(clause: string, mention: PartyMention): boolean {
  if (SUBJECT_OPENING.test(clause.slice(0, mention.start))) return true;
  const core = coreStart(clause);
  return core > 0 && mention.start >= core && SUBJECT_OPENING.test(clause.slice(core, mention.start));
}

/** Any aside head or marker: the cheap gate, since most clauses name their topic as what the stance is about. */
const ASIDE_WORD = openingIndexed(
  new RegExp(String.raw`\b${words(R.asideHeads, R.asideMarkers, R.circumstanceOpeners)}(?![\p{L}])`, 'iu'),
);
/**
 * Right before a topic mention: an event, the people it hits or the act of speaking, then (a few words on) a place
 * preposition, a list of other places and a place's modifier ("attacks on civilians in Kharkiv and ", "said in the
 * eastern city of ", "including near "): the topic is where something else happens, not what the stance is about.
 * Nothing else may stand between: "said in an interview that Crimea …" names the topic in what was said.
 */
const ASIDE_BEFORE = new RegExp(
  String.raw`(?:\b${words(R.asideHeads)}(?:\s+[\p{L}'\u2019-]+){0,2}?|\b${words(R.asideMarkers)})\s+${words(R.locativePrepositions)}\s+(?:\p{Lu}[\p{L}'\u2019-]*(?:\s+\p{Lu}[\p{L}'\u2019-]*)?(?:\s*,\s*|\s+and\s+|\s+or\s+))*(?:the\s+)?(?:${words(R.placeModifiers)}\s+)?(?:${words(R.placeNouns)}\s+of\s+)?$`,
  'u',
);
/**
 * A clause of circumstance set after the stance ("… even as Russian forces advanced in …", "…, days after strikes on …"),
 * not one of condition ("only after"), nor a participle framing what the speaker was asked or doing ("…, he said when
 * asked about Crimea": the answer is about it). The last one before a mention is the one that holds it.
 */
const CIRCUMSTANCE = new RegExp(
  String.raw`(?<!\b${words(R.conditionGuards)}\s+)\b${words(R.circumstanceOpeners)}\s+(?!\p{Ll}+(?:ed|ing)(?![\p{L}]))`,
  'giu',
);
/** A modal before the opener makes it a condition of what a side will do ("Kyiv would talk after Moscow left …"). */
const FUTURE_MODAL = new RegExp(String.raw`\b${words(R.futureModals)}(?![\p{L}])`, 'iu');
/** A second infinitive of the stance joined on ("… after a vote and to pull out of …"): the stance goes on past the opener. */
const JOINED_INFINITIVE = /\b(?:and|or)\s+(?:then\s+)?to\s+\p{Ll}/iu;

/**
 * Whether the topic mention stands in a clause of circumstance opened after the start of the clause (where its subject
 * and stance stand), with no stance of its own and no second aim joined on, after a main clause that sets no modal.
 */
function inCircumstance(clause: string, at: number): boolean {
  const opener = [...clause.slice(0, at).matchAll(CIRCUMSTANCE)].at(-1);
  const main = opener ? clause.slice(0, opener.index) : '';
  if (!opener || !/\p{L}/u.test(main) || FUTURE_MODAL.test(main)) return false;
  const span = clause.slice(opener.index, at);
  return !WANT_OFFER_REFUSE.test(span) && !JOINED_INFINITIVE.test(span);
}

/**
 * Whether every mention of the topic in the clause is an aside: the place of an event or of the speaking ("Kyiv
 * demanded a halt to strikes on civilians in Kharkiv and Donetsk", "… a truce along the front, including near the
 * Donbas", "Moscow wants sanctions lifted, Kyiv's envoy said in Donetsk"), or a clause of circumstance after the
 * stance ("Kyiv called for more air defence after Russian missiles hit the Donbas"). A stance on the topic names
 * it as its object ("withdraw from Donetsk", "recognition of Crimea", "areas, including Crimea").
 */
export function topicOnlyInAside(clause: string, mentionsOf: () => readonly { start: number }[]): boolean {
  if (!ASIDE_WORD.test(clause)) return false;
  const mentions = mentionsOf();
  return (
    mentions.length > 0 &&
    mentions.every(
      (m) => ASIDE_BEFORE.test(clause.slice(Math.max(0, m.start - 120), m.start)) || inCircumstance(clause, m.start),
    )
  );
}

const QUESTION_OPENER = new RegExp(String.raw`^[\s\p{P}]*${words(R.questionOpeners)}(?![\p{L}])`, 'iu');
/** A speaker's own words in the first person: "I", "we", "our". */
export const FIRST_PERSON_WORD = new RegExp(String.raw`(?<![\p{L}])${words(R.firstPersonWords)}(?![\p{L}])`, 'u');
/** Any quote mark. */
export const QUOTE_MARK = /["\u201c\u201d\u201e\u00ab\u00bb]/u;

/**
 * A question in the writer's voice ("How did Kyiv react to Moscow's stance on Crimea?", a headline "Will Kyiv cede
 * the Donbas?"): the clause ends asking, or opens with a question word in a sentence that does. It asks what a side
 * wants rather than saying it. A side's own rhetorical question, quoted or in the first person ("Why would we give
 * up our land?"), is that side's answer and stays.
 */
export function asksInWritersVoice(clause: string, sentence: string): boolean {
  if (!clause.includes('?') && !sentence.trimEnd().endsWith('?')) return false;
  const asking = endsAsking(clause) || (QUESTION_OPENER.test(clause) && endsAsking(sentence));
  return asking && !QUOTE_MARK.test(sentence) && !FIRST_PERSON_WORD.test(clause);
}

/** Who gives views of the sides (analysts, experts), with a verb of saying or of judging, before or after. */
const VIEWER = words(R.outsiderViewers);
const VIEW_VERB = words(S.sayingVerbs, R.viewVerbs);
/**
 * An outsider giving a view: "(most) analysts believe …", "…, experts say", "according to some observers", or an
 * outside official judging rather than relaying ("Western officials expect Moscow to …"). Sources and reports
 * ("according to officials familiar with the talks", "…, US officials said") pass on a side's stance; analysts and
 * experts give their own reading of it.
 */
const OUTSIDER_VIEW = openingIndexed(
  new RegExp(
    [
      String.raw`\b${VIEWER}(?:\s+[\p{L}-]+){0,3}?\s+${VIEW_VERB}(?![\p{L}])`,
      String.raw`\b${VIEW_VERB}\s+(?:${words(R.viewQuantifiers)}\s+)?${VIEWER}(?![\p{L}])`,
      String.raw`\baccording\s+to\s+(?:${words(R.viewQuantifiers)}\s+)?${VIEWER}(?![\p{L}])`,
      String.raw`\b${words(S.outsiderSayers)}(?:\s+[\p{L}-]+){0,2}?\s+${words(R.viewVerbs)}(?![\p{L}])`,
    ].join('|'),
    'iu',
  ),
);

/** Any analyst or outside official: the cheap gate, since the view's verbs ("said") are in most clauses. */
const OUTSIDER_WORD = openingIndexed(
  new RegExp(String.raw`\b${words(R.outsiderViewers, S.outsiderSayers)}(?![\p{L}])`, 'iu'),
);

/**
 * An outsider's reading of a side ("Most analysts believe Moscow will insist on the peninsula", "Kyiv could accept a
 * freeze, according to experts"): the analyst's view, whichever side it names as the subject.
 */
export const viewedByOutsider = (clause: string): boolean => OUTSIDER_WORD.test(clause) && OUTSIDER_VIEW.test(clause);

/** A clause opening with a condition whose main part says what would follow: "If Kyiv left the region, Moscow would …". */
const HYPOTHESIS = new RegExp(
  String.raw`^[\s\p{P}]*${words(R.hypothesisOpeners)}\s[^,;]{3,160},\s*(?:[\p{L}'\u2019-]+\s+){1,6}?${words(R.hypotheticalModals)}(?![\p{L}])`,
  'iu',
);

/**
 * A hypothesis ("If Kyiv gave up the region, Moscow would stop the war"): when an outsider voices it, it is the
 * outsider's reasoning about the sides, not what either side wants; a side's own conditional offer stays its stance.
 */
export const opensHypothesis = (clause: string): boolean => HYPOTHESIS.test(clause);

/**
 * After a side's name: a verb of reporting or receiving, then a demand that is not the side's own ("confirmed the
 * demand to leave …", "has received an ultimatum to …", "confirmed receiving a request to …"), or the side itself
 * asked ("confirmed it had been asked to withdraw …").
 */
const RECEIVES_AFTER = new RegExp(
  [
    String.raw`^(?:\s+\p{Lu}[\p{L}'\u2019.-]*){0,3}(?:\s+\p{Ll}+ly|\s+(?:has|have|had|also))*\s+${words(R.receiptVerbs)}\s+(?:that\s+)?(?:(?:receiving|getting)\s+)?${words(R.receivedDeterminers)}\s+(?:[\p{L}-]+\s+){0,2}?${words(R.receivedDemandNouns)}(?![\p{L}])`,
    String.raw`^(?:\s+\p{Lu}[\p{L}'\u2019.-]*){0,3}(?:\s+\p{Ll}+ly|\s+(?:has|have|had|also))*\s+${words(R.receiptVerbs, S.sayingVerbs)}\s+(?:that\s+)?(?:it|he|she|they|we)\s+(?:had|has|have|was|were|is|are)\s+${words(R.askedPassives)}(?![\p{L}])`,
  ].join('|'),
  'iu',
);
/** A side's own answer after it: "… described the demand as unacceptable", "… received the terms and rejected them". */
const ANSWERS = openingIndexed(
  new RegExp(String.raw`\b${words(S.replyJudgements, S.replyVerbs, S.replyWords)}(?![\p{L}])`, 'iu'),
);

/**
 * Whether the side is named only as the one that reports or receives another's demand ("Kyiv confirmed the demand to
 * leave the region", "Kyiv said it had been asked to withdraw"): the demand is its maker's, never the reporter's own
 * stance, unless the side answers it in the same clause.
 */
export const receivesDemand = (clause: string, mention: PartyMention): boolean =>
  RECEIVES_AFTER.test(clause.slice(mention.end, mention.end + 160)) && !ANSWERS.test(clause.slice(mention.end));

/** Any verb of reporting or receiving, or a passive of asking: the cheap gate before `receivesDemand`. */
const RECEIPT_WORD = openingIndexed(
  new RegExp(String.raw`\b${words(R.receiptVerbs, R.askedPassives)}(?![\p{L}])`, 'iu'),
);

/** Whether the clause may report or receive a demand at all: most clauses hold no such verb. */
export const namesReceipt = (clause: string): boolean => RECEIPT_WORD.test(clause);

/** Right after the received demand: "from" and its sender ("an ultimatum from Moscow to …"). */
const SENDER_AFTER = /^\s*(?:[\p{L}-]+\s+){0,2}?from\s+(?:the\s+)?$/iu;

/**
 * Where the sender of a received demand is named, as "from X" right after the demand ("Kyiv has received a demand from
 * Moscow to …"), for the caller to read the party there; -1 when the clause names none.
 */
export function demandSenderAt(clause: string, mention: PartyMention, senders: readonly PartyMention[]): number {
  const received = RECEIVES_AFTER.exec(clause.slice(mention.end, mention.end + 160));
  if (!received) return -1;
  const end = mention.end + received.index + received[0].length;
  return senders.find((s) => s.start >= end && SENDER_AFTER.test(clause.slice(end, s.start)))?.start ?? -1;
}
