import { type CountryMention, mentionLists } from './countries.js';
import {
  contextWords as C,
  countriesByAnyName,
  listedFrom,
  paragraphIndexes,
  REFUSAL_IN_SENTENCE,
} from './guarantor-context.js';
import topicJson from './lexicon/guarantee-topic.json' with { type: 'json' };
import { parseLexicon, words, wordsAnyCase } from './lexicon.js';
import { mayHold } from './may-hold.js';
import { countryOfWord } from './people-affiliation.js';
import { openingIndexed } from './regex-first-words.js';
import { endsAsking, type Sentence } from './sentences.js';

/*
 * The guarantee topic as discourse state. A report on security guarantees names many of its guarantors in sentences
 * that never say "guarantee": "Germany could soon join the initiative", "Spanish and Portuguese troops would take part
 * in the mission", "Italy ruled out ground troops but offered air cover". What ties them to the guarantees is the
 * topic the paragraph is about, not the sentence. So a sentence about the guarantees opens the topic; it holds for the
 * rest of that paragraph, and for each following paragraph that points back to the effort ("the mission", "this
 * process") or speaks of what it is made of (troops, air cover); the first paragraph that does neither ends it. Inside
 * the topic, a country that joins, leads or sends something to the effort, by its name, its adjective or its seat of
 * government, is a candidate guarantor; guarantors.ts rejects the frames it rejects for any candidate.
 */

const TOPIC_LISTS = [
  'securityEfforts',
  'effortModifiers',
  'effortHeads',
  'effortDeterminers',
  'effortObjects',
  'pronounObjects',
  'participantNouns',
  'ledCompounds',
  'openVerbs',
  'objectVerbs',
  'objectPrepositions',
  'fillers',
  'selfReports',
  'contrastConjunctions',
  'placePrepositions',
  'qualifiersAfterPart',
  'drawInVerbs',
  'attackVerbs',
  'conditionWords',
  'pointingDeterminers',
  'referenceQualifiers',
  'arrangementNouns',
  'arrangementModifiers',
  'subjectPointers',
  'inclusionCues',
  'inclusionNegators',
  'relativePronouns',
  'backerLeadIns',
  'backerNouns',
  'backedThings',
  'bareArrangementNouns',
  'questionOpeners',
  'clauseConjunctions',
  'drivingForceVerbs',
] as const;

const T = parseLexicon('lexicon/guarantee-topic.json', TOPIC_LISTS, topicJson);

/** A word inside the object phrase: any but a negation, which leaves the effort out ("… without basing forces"). */
const OBJECT_WORD = String.raw`(?!(?:not|no|without|never)\b)[\p{L}'\u2019-]+\s+`;
/** The effort named by a phrase pointing back to it: "the initiative", "such a mission", "the proposed force". */
/** An opening quote mark before the effort's name or part: 'join the "coalition of the willing"', 'set up "hubs"'. */
const OPENING_QUOTE = String.raw`["\u201c\u00ab\u2018]?`;
const EFFORT_OBJECT = String.raw`(?:${words(T.effortDeterminers)}\s+)?${OPENING_QUOTE}(?:${OBJECT_WORD}){0,2}?${words(T.effortObjects)}\b`;
/** What the effort is made of: troops, personnel, jets, or a task such as air cover or the sea. */
const EFFORT_PART = String.raw`(?:${words(T.effortDeterminers)}\s+)?${OPENING_QUOTE}(?:${OBJECT_WORD}){0,3}?${words(T.participantNouns, C.troopNouns, C.contributionNouns)}\b`;

const mayKeepTopic = mayHold([
  ...T.effortObjects,
  ...T.participantNouns,
  ...C.troopNouns,
  ...C.contributionNouns,
  ...T.openVerbs,
  ...T.drivingForceVerbs,
]);
/**
 * A sentence that goes on with the topic: it points back to the effort, names what it is made of, or speaks of taking
 * part with the effort left unsaid ("But will Borduria participate?"). The determiner and words before the noun are
 * optional in the object phrases, so the noun alone decides; tried only where one of its words stands
 * (`openingIndexed`).
 */
const KEEPS_TOPIC = openingIndexed(
  new RegExp(
    String.raw`\b${words(T.effortObjects, T.participantNouns, C.troopNouns, C.contributionNouns, T.openVerbs, T.drivingForceVerbs)}\b`,
    'iu',
  ),
);

const mayNameEffort = mayHold([...T.securityEfforts, ...T.effortModifiers]);
/**
 * A kind of security effort: a named one ("the coalition of the willing", "a backstop"), or any force, contingent or
 * mission qualified as one ("a multinational contingent", "a European stabilisation force", "a foreign troop
 * presence"), so that a report naming the effort in words no list holds still opens the topic.
 */
const SECURITY_EFFORT = new RegExp(
  String.raw`\b(?:${words(T.securityEfforts)}|${words(T.effortModifiers)}\s+(?:[\p{L}-]+\s+)?${words(T.effortHeads)})(?![\p{L}])`,
  'iu',
);
/**
 * Whether a sentence names a kind of security effort (a peacekeeping, monitoring or reassurance mission or force, the
 * coalition of the willing, a mutual-defence pact, collective defence), whatever it says of it: in a sentence that
 * also names the protected country it opens the topic as a guarantee sentence does, for reports that never say
 * "guarantee".
 */
export const namesSecurityEffort = (text: string) => mayNameEffort(text) && SECURITY_EFFORT.test(text);

/** Modals, auxiliaries and adverbs between a subject and its verb: "could also", "is now", "ready to". */
const FILLERS = String.raw`(?:\s+${words(T.fillers)})*`;

/** How many sentences after the arrangement was last spoken of a paragraph pointing back to it may take it up again. */
const REOPEN_REACH = 8;

/** How many bullets or sentences a list that a guarantee sentence opened may run on for. */
export const MAX_LIST_RUN = 6;

/** A list that a guarantee sentence opened, as it runs on when a later sentence is read. */
export interface ListRun {
  /** The guarantee sentence that opened it. */
  opener: number;
  /** Opened by a colon or a dash: its lines after hold only countries ("among them:" / "▪ A and B;"). */
  colon: boolean;
  /** Whether the sentence read comes right after the run's last line. */
  adjacent: boolean;
}

/**
 * How an article's sentences bear on its security arrangement, asked of each sentence once by `arrangementState`.
 * `T` is what a sentence adds to a list running on (its countries, for guarantors.ts).
 */
export interface ArrangementReading<T> {
  /** Whether the sentence opens the topic: a guarantee sentence, a named effort or a pact for the protected country. */
  opensTopic(index: number): boolean;
  /** Whether the sentence speaks of guarantees in words of its own: its own rules read it, and a list run ends there. */
  namesGuarantees?(index: number): boolean;
  /** Whether such a sentence opens a list that may run on after it: by a colon (`'colon'`) or as a sentence. */
  opensList?(index: number): 'colon' | 'sentence' | null;
  /** What a sentence adds to the list running on before it; `undefined` when it adds nothing, which ends the run. */
  runsOn?(index: number, run: ListRun): T | undefined;
  /** Whether a guarantee sentence points back to the countries of the sentence before ("It wants them to …"). */
  pointsBack?(index: number): boolean;
}

/** The security arrangement open at a sentence: whether the topic holds there, and the sentence that last opened it. */
export interface ArrangementState<T = never> {
  open: boolean[];
  /** For each sentence, the last sentence before or at it that opened the topic (-1 where none has). */
  opener: number[];
  /** The sentences running on a list a guarantee sentence opened, by index: that sentence, and what each adds. */
  runs: ReadonlyMap<number, { from: number; adds: T }>;
  /** The guarantee sentences pointing back to the countries of the sentence before them (not itself one). */
  pointingBack: ReadonlySet<number>;
}

/**
 * The article's current security arrangement, sentence by sentence, read once per article: every way a sentence takes
 * up an arrangement introduced before it.
 * - The topic: opened by a sentence that `opensTopic` (by its index), held to the end of its paragraph, then through
 *   each next paragraph with a sentence that goes on with it (names the effort or what it is made of, or attaches
 *   countries to the arrangement: "the group could include A"); the first paragraph with none ends it, and a paragraph
 *   that attaches countries to it by a phrase pointing back within `REOPEN_REACH` sentences of its last opener takes
 *   it up again.
 * - A list a guarantee sentence opens: the lines after it that go on with it (`runsOn`: bullets of countries after a
 *   colon, "Among them is X" right after), up to `MAX_LIST_RUN` lines apart, until a line adds nothing or speaks of
 *   guarantees itself.
 * - The countries just named, that a guarantee sentence points back to ("Kyiv named A and B. It wants them to provide
 *   guarantees"), when the sentence naming them does not speak of guarantees itself.
 * A plain `opensTopic` function reads the topic alone.
 */
export function arrangementState<T = never>(
  body: string,
  sentences: readonly Sentence[],
  reading: ArrangementReading<T> | ((index: number) => boolean),
): ArrangementState<T> {
  const read: ArrangementReading<T> = typeof reading === 'function' ? { opensTopic: reading } : reading;
  // The paragraphs, read once the topic first opens: most articles never open it.
  let paragraphs: number[] | undefined;
  const paragraphOf = (i: number) => {
    if (!paragraphs) {
      const byStart = paragraphIndexes(body, sentences);
      paragraphs = sentences.map(({ start }) => byStart.get(start) ?? -1);
    }
    return paragraphs[i] ?? -1;
  };
  // Whether a paragraph goes on with the topic, and whether it points back to the arrangement, read when reached.
  const goesOn = new Map<number, { keeps: boolean; pointsBack: boolean }>();
  const continues = (paragraph: number) => {
    let known = goesOn.get(paragraph);
    if (known === undefined) {
      const texts = sentences.filter((_, i) => paragraphOf(i) === paragraph).map((s) => s.text);
      const pointsBack = texts.some((text) => arrangementInclusions(text).length > 0);
      known = { pointsBack, keeps: pointsBack || texts.some((text) => mayKeepTopic(text) && KEEPS_TOPIC.test(text)) };
      goesOn.set(paragraph, known);
    }
    return known;
  };
  let openIn: number | undefined;
  let lastOpener = -1;
  const open: boolean[] = [];
  const opener: number[] = [];
  const runs = new Map<number, { from: number; adds: T }>();
  const pointingBack = new Set<number>();
  let run: { opener: number; last: number; colon: boolean } | null = null;
  let namedBefore = false;
  sentences.forEach((_, i) => {
    if (read.opensTopic(i)) {
      openIn = paragraphOf(i);
      lastOpener = i;
    } else if (lastOpener >= 0 && openIn !== paragraphOf(i)) {
      const paragraph = paragraphOf(i);
      const reached = openIn !== undefined || i - lastOpener <= REOPEN_REACH;
      const next = reached ? continues(paragraph) : undefined;
      openIn = next && (openIn !== undefined ? next.keeps : next.pointsBack) ? paragraph : undefined;
    }
    open.push(openIn !== undefined);
    opener.push(lastOpener);
    const names = read.namesGuarantees?.(i) ?? false;
    if (names) {
      if (i > 0 && !namedBefore && read.pointsBack?.(i)) pointingBack.add(i);
      const opening = read.opensList?.(i) ?? null;
      run = opening ? { opener: i, last: i, colon: opening === 'colon' } : null;
    } else if (run && i - run.last <= MAX_LIST_RUN) {
      const adds = read.runsOn?.(i, { opener: run.opener, colon: run.colon, adjacent: run.last === i - 1 });
      if (adds === undefined) run = null;
      else {
        runs.set(i, { from: run.opener, adds });
        run.last = i;
      }
    } else run = null;
    namedBefore = names;
  });
  return { open, opener, runs, pointingBack };
}

/** For each sentence, whether the guarantee topic is open there (`arrangementState`). */
export function guaranteeTopic(
  body: string,
  sentences: readonly Sentence[],
  opensTopic: (index: number) => boolean,
): boolean[] {
  return arrangementState(body, sentences, opensTopic).open;
}

/**
 * A phrase pointing back to the arrangement: "this group", "the coalition", "these European countries", "similar
 * deals", "its members", "the 26 nations". Up to two modifiers between, lower-case, a listed adjective or a country's
 * (`namesNoGroup` holds the capitals to that: the flag "i" lets \p{Ll} match them), so that "the United States" is no
 * group of states.
 */
const arrangementRef = (modifiers: string) =>
  String.raw`\b(?:${words(T.pointingDeterminers)}|\d+)\s+(${modifiers}(?:(?:[\p{Ll}\d][\p{L}\d'\u2019\u2010-\u2013-]*|${words(T.arrangementModifiers)})\s+){0,2}?)${words(T.arrangementNouns)}(?![\p{L}])`;
/** After the noun, how it was singled out: "the countries named", "the states taking part". */
const QUALIFIED = String.raw`(?:\s+of\s+(?:[\p{Ll}\d][\p{L}\d-]*\s+|${words(T.arrangementModifiers)}\s+){0,2}?${words(T.arrangementNouns)}(?![\p{L}]))?(?:\s+${words(T.referenceQualifiers)}(?![\p{L}]))?`;
/** A subject pronoun opening the clause: "They include A and B", "Its members are C and D". */
const SUBJECT_POINTER = String.raw`(?:^|[;:]\s*)[\s\p{P}]*${words(T.subjectPointers)}(?![\p{L}])`;
const ARRANGEMENT_REF = arrangementRef('?:');
const REFERENCES = new RegExp(`(?:${arrangementRef('?<modifiers>')}|${SUBJECT_POINTER})${QUALIFIED}`, 'giu');
/** Where the group is, before a colon opening its list: "four countries outside Europe: A, B". */
const PLACED = String.raw`(?:\s+${words(T.placePrepositions)}\s+[\p{L}'\u2019-]+(?:\s+[\p{L}'\u2019-]+)?)?`;
/** Agreements listed by their other party: "17 agreements: with A, B", "including those with C". */
const PARTNERS = String.raw`(?:(?:those\s+|ones\s+)?with\s+)?`;
/**
 * After the reference, the words that attach a list to it: "could also, as he said, include", "includes European
 * powers such as", "is led by", "now comprises", or a colon.
 */
const INCLUSION_AFTER = new RegExp(
  String.raw`^(?:['\u2019]s)?(?:\s+${words(T.relativePronouns)})?${FILLERS}(?:\s*,[^,.;]{1,60},)?${FILLERS}(?:\s*,?\s+${words(T.inclusionCues)}(?![\p{L}])\s*:?|${PLACED}\s*:)\s*(?:(?:[\p{L}-]+\s+){1,3}?(?:such\s+as|like|including|:)\s+)?${PARTNERS}`,
  'iu',
);
const INCLUSION_NEGATED = new RegExp(String.raw`\b${words(T.inclusionNegators)}\b|n['\u2019]t\b`, 'iu');
const MODIFIER = new RegExp(`^${words(T.arrangementModifiers)}$`, 'iu');
const mayPointBack = mayHold([...T.arrangementNouns, ...T.subjectPointers]);

/**
 * Whether the modifiers of a reference hold a capital that is neither a listed adjective nor a country's ("the
 * Western allies" and "the Russian group" point back; "the United States" and "the G7 countries" are names).
 */
function namesNoGroup(modifiers: string): boolean {
  const capitals = modifiers.match(/\p{Lu}[\p{L}\d]*/gu) ?? [];
  return capitals.some((word) => !MODIFIER.test(word) && !countryOfWord(word));
}
const REFERENCE_IN_PART = new RegExp(arrangementRef('?<modifiers>'), 'giu');
/** A part taken whose object is a name that only looks like a group ("… joined the United States in …"). */
const objectIsName = (part: string) =>
  [...part.matchAll(REFERENCE_IN_PART)].some((m) => namesNoGroup(m.groups?.modifiers ?? ''));

/**
 * The countries a sentence attaches to the arrangement by a phrase pointing back to it: "The group could also include
 * A and B", "Its members are C, D and E", "the coalition, led by F", "These countries: G, H". Not when the attaching
 * is denied ("the list does not include A", "excluding B").
 */
export function arrangementInclusions(
  text: string,
  affiliationOf: (surname: string) => string | null = () => null,
): CountryMention[] {
  if (!mayPointBack(text)) return [];
  let mentions: CountryMention[] | undefined;
  const found: CountryMention[] = [];
  for (const ref of text.matchAll(REFERENCES)) {
    if (namesNoGroup(ref.groups?.modifiers ?? '')) continue;
    // "the effort" points back only bare: "the war effort", "the diplomatic effort" are other efforts.
    if ((ref.groups?.modifiers ?? '').trim() && BARE_NOUN_AT_END.test(ref[0])) continue;
    const end = ref.index + ref[0].length;
    const link = INCLUSION_AFTER.exec(text.slice(end, end + 160));
    if (!link || INCLUSION_NEGATED.test(link[0])) continue;
    mentions ??= countriesByAnyName(text, affiliationOf);
    found.push(...listedFrom(text, end + link[0].length, mentions));
  }
  return found;
}

/** A few lower-case words announcing the object after a dash or colon: "offered a different thing – air cover". */
const ANNOUNCED = String.raw`(?:\p{Ll}+\s+){1,3}?\p{Ll}+(?:\s+[\u2013\u2014-]|:)\s+`;
/** After a country: what the effort is to it ("… could soon join the initiative", "… troops would take part in it"). */
const OBJECT = String.raw`(?:\s+${words(T.objectPrepositions)})?\s+(?:${ANNOUNCED})?(?:${EFFORT_OBJECT}|${EFFORT_PART}|${ARRANGEMENT_REF})`;
const PRONOUN = String.raw`(?:\s+${words(T.objectPrepositions)})?\s+${words(T.pronounObjects)}\b`;
/** After a verb that needs no object: the clause ends, or goes on with how ("… participating without basing forces"). */
const OPEN_END = String.raw`(?:\s*(?:[.,;:\u2014]|$)|\s+${words(T.qualifiersAfterPart)}\b)`;
const QUALIFIER_AT_END = new RegExp(String.raw`\s+${words(T.qualifiersAfterPart)}$`, 'iu');
/**
 * "The driving force(s) behind" the effort only bare or pointed to ("this effort", "it"), not another one with a
 * modifier ("the war effort").
 */
const DRIVING_OBJECT = String.raw`(?:\s+${words(T.effortDeterminers)}\s+${OPENING_QUOTE}${words(T.effortObjects)}\b|${PRONOUN})`;
const PART_TAKEN = `(?:${words(T.openVerbs)}(?:${OBJECT}|${PRONOUN}|${OPEN_END})|${words(T.objectVerbs)}(?:${OBJECT}|${PRONOUN})|${words(T.drivingForceVerbs)}${DRIVING_OBJECT})`;
const SUBJECT_TO_VERB = String.raw`(?:,[^,]{1,60},)?${FILLERS}(?:\s+${words(T.selfReports)})?${FILLERS}\s+`;
/** Right after a country (a list's last): its troops or jets, then the part it takes, with nothing but modals between. */
const PART_AFTER = new RegExp(
  String.raw`^(?:['\u2019]s)?(?:\s+(?:[\p{L}-]+\s+)?${words(T.participantNouns, C.governmentNouns)})?${SUBJECT_TO_VERB}${PART_TAKEN}`,
  'iu',
);
/** An offer after a refusal, in the clause after the contrast: "… ruled out ground troops but offered air cover". */
const OFFER_AFTER_CONTRAST = new RegExp(
  String.raw`^[^.;]{0,100}?\b${words(T.contrastConjunctions)}(?<offer>${SUBJECT_TO_VERB}${PART_TAKEN})`,
  'iu',
);
/**
 * What `OFFER_AFTER_CONTRAST` cannot match without: its contrast word, tried first. The regex tries the word at each
 * of the first hundred characters after every country of a guarantee sentence, and most have no contrast at all.
 */
const CONTRAST_WORD = new RegExp(String.raw`\b${words(T.contrastConjunctions)}`, 'iu');
/** An adjective on the effort's troops or jets ("Danish and Dutch personnel"), or on its lead ("a Polish-led force"). */
const ADJECTIVE_ON_PART = new RegExp(
  String.raw`^\s+(?:[\p{L}-]+\s+)?${words(T.participantNouns, C.troopNouns)}\b`,
  'iu',
);
const LED_EFFORT = new RegExp(
  String.raw`(?<country>\p{Lu}[\p{L}.]*)-${words(T.ledCompounds)}\s+(?:[\p{L}'\u2019-]+\s+){0,2}?${words(T.effortObjects)}\b`,
  'gu',
);
/** Right after the verb: an effort other than the security one ("join the talks", "lead the reconstruction"). */
const OTHER_EFFORT = new RegExp(
  String.raw`\b${words(T.openVerbs, T.objectVerbs)}(?:\s+\p{Ll}+){0,2}?\s+${words(C.otherEfforts)}\b`,
  'iu',
);
/** The sending denied between the country and its part ("will not join", "without troops"). */
const NEGATION = /\b(?:not|no|never|without|nor)\b|n['\u2019]t\b/iu;
/** A place after the troops: "… forces from Gaza", "… troops stationed in Poland". */
const PLACE_AFTER = new RegExp(
  String.raw`\b${words(T.placePrepositions)}\s+(?:the\s+)?(?<place>\p{Lu}[\p{L}'\u2019-]*)`,
  'gu',
);
/** Two countries of one list: a comma, "and", "or", "as well as". */
const LIST_GAP = /^(?:\s*,\s*|\s*,?\s*(?:and|or|as well as)\s+)(?:the\s+)?$/iu;

const mayTakePart = mayHold([
  ...T.openVerbs,
  ...T.drivingForceVerbs,
  ...T.objectVerbs,
  ...T.participantNouns,
  ...C.troopNouns,
  ...T.ledCompounds,
]);

/**
 * The countries a sentence inside the guarantee topic names as taking part in the effort: the subject of joining,
 * leading or sending to it ("Germany could soon join the initiative", "Spanish and Portuguese troops would take part
 * in the mission"), a country offering something after refusing something else ("ruled out ground troops but offered
 * air cover"), a country's adjective on the effort's troops or jets ("Danish and Dutch personnel") or its lead ("a
 * Polish-led force"), or a leader the article gives a country (`affiliationOf`, by surname: "Vell's troops would take
 * part"). Not a country denying its part, or taking part in another effort (the talks, the rebuilding).
 */
export function effortParticipants(
  text: string,
  beneficiary: string | null,
  affiliationOf: (surname: string) => string | null = () => null,
): CountryMention[] {
  if (!mayTakePart(text)) return [];
  const mentions = countriesByAnyName(text, affiliationOf).sort((a, b) => a.start - b.start);
  const found: CountryMention[] = [];
  for (const list of mentionLists(text, mentions, LIST_GAP)) {
    const last = list[list.length - 1] as CountryMention;
    const after = text.slice(last.end, last.end + 200);
    const part = PART_AFTER.exec(after)?.[0] ?? contrastedOffer(after);
    if (part !== null) {
      // "… participating without basing forces": how it takes part, not a denial of its part.
      const taken = part.replace(QUALIFIER_AT_END, '');
      if (
        !NEGATION.test(taken) &&
        !objectIsName(taken) &&
        !OTHER_EFFORT.test(taken) &&
        !sentElsewhere(after.slice(part.length), beneficiary)
      ) {
        found.push(...list);
      }
      continue;
    }
    if (ADJECTIVE_ON_PART.test(after) && !deniedOrElsewhere(after, beneficiary)) found.push(...list);
  }
  // "a Polish-led force": the hyphen keeps the country inside one word, which the names above do not split.
  for (const led of text.includes('-') ? text.matchAll(LED_EFFORT) : []) {
    const name = led.groups?.country ?? '';
    const country = countryOfWord(name);
    if (country) found.push({ country, start: led.index, end: led.index + name.length });
  }
  return found;
}

/** Right after the part: another country it goes to ("… sent troops to Syria"), where a place need not be one. */
function sentElsewhere(rest: string, beneficiary: string | null): boolean {
  const clause = rest.split(/[.;,]/u)[0] ?? '';
  const place = clause.matchAll(PLACE_AFTER).next().value?.groups?.place;
  const country = place ? countryOfWord(place) : null;
  return !!country && country !== beneficiary;
}

/** "… ruled out ground troops but offered air cover": the clause after the contrast, when the one before refuses. */
function contrastedOffer(after: string): string | null {
  if (!CONTRAST_WORD.test(after)) return null;
  const contrast = OFFER_AFTER_CONTRAST.exec(after);
  return contrast && REFUSAL_IN_SENTENCE.test(contrast[0]) ? (contrast.groups?.offer ?? null) : null;
}

/**
 * Troops denied or refused in the clause after the country ("Danish troops will not be sent"), or placed somewhere other
 * than the protected country ("the withdrawal of A's forces from B", "C's troops in D"): no part in this effort.
 */
function deniedOrElsewhere(after: string, beneficiary: string | null): boolean {
  const clause = after.split(/[.;]/u)[0] ?? '';
  if (NEGATION.test(clause) || REFUSAL_IN_SENTENCE.test(clause)) return true;
  return [...clause.matchAll(PLACE_AFTER)].some((m) => {
    const place = m.groups?.place ?? '';
    return (countryOfWord(place) ?? place) !== beneficiary;
  });
}

const mayEndanger = mayHold([...T.drawInVerbs, ...T.attackVerbs]);
/** Before a country: a verb drawing it in ("could draw Ruritania into …", "might pull the Ruritanians into …"). */
const DRAWN_BEFORE = new RegExp(String.raw`\b${words(T.drawInVerbs)}\s+(?:in\s+)?(?:the\s+)?$`, 'iu');
const INTO_AFTER = /^\s+(?:in\s+)?into\b/iu;
/** Around a country: it is the attacker of a condition ("should Borduria strike the force", "if Borduria attacks"). */
const CONDITION_BEFORE = new RegExp(String.raw`\b${words(T.conditionWords)}\s+(?:the\s+)?$`, 'iu');
const ATTACKS_AFTER = new RegExp(
  String.raw`^\s+(?:(?:were|was|is|are)\s+to\s+|ever\s+|again\s+|later\s+)*${words(T.attackVerbs)}\b`,
  'iu',
);
const DRAWN_PASSIVE_AFTER = new RegExp(
  String.raw`^\s+(?:\p{Ll}+\s+){0,3}?(?:be|being|been|get|gets|got|getting)\s+${words(T.drawInVerbs)}\s+(?:in\s+)?into\b`,
  'iu',
);

/**
 * A country named in the risk an effort carries, not as one taking part in it: the one it might draw into a war
 * ("the force could draw Ruritania into a wider conflict", "Ruritania could be dragged into a fight") or the attacker
 * of a condition ("… should Borduria strike the peacekeepers"). A guarantee sentence may name both; neither offers
 * anything.
 */
export function namedInRisk(text: string, mention: CountryMention): boolean {
  if (!mayEndanger(text)) return false;
  const before = text.slice(Math.max(0, mention.start - 40), mention.start);
  const after = text.slice(mention.end, mention.end + 60);
  return (
    (DRAWN_BEFORE.test(before) && INTO_AFTER.test(after)) ||
    DRAWN_PASSIVE_AFTER.test(after) ||
    (CONDITION_BEFORE.test(before) && ATTACKS_AFTER.test(after))
  );
}

/**
 * The backer the effort needs or comes with (gold guide R11): "needs US backing", "under American leadership", "with
 * American support". A country's name or adjective right between the lead-in and the backing. Its words in any case,
 * as the patterns beside it read theirs ("With American support, …" opening a sentence), but no `i` flag: with it
 * \p{Lu} would take a lower-case word ("with us backing the force").
 */
const BACKER = new RegExp(
  String.raw`\b${wordsAnyCase(T.backerLeadIns)}\s+(?:${wordsAnyCase(['the'])}\s+)?(?<country>\p{Lu}[\p{L}.]*)\s+${wordsAnyCase(T.backerNouns)}\b`,
  'gu',
);
const mayNameBacker = mayHold(T.backerNouns);
/** What the backing is of: the effort, its troops, or the agreement or truce it secures. */
const BACKED = new RegExp(
  String.raw`\b${words(T.backedThings, T.effortObjects, T.participantNouns, T.securityEfforts)}(?![\p{L}])`,
  'iu',
);
/** Where a clause with a subject of its own starts: a semicolon, or a comma and a conjunction. */
const CLAUSE_JOIN = new RegExp(String.raw`;|,\s+${words(T.clauseConjunctions)}\s+`, 'iu');
/** Before the backer in its clause: a denial ("does not need", "without"). */
const BACKER_DENIED = /\b(?:not|no|never|nor)\b|n['\u2019]t\b/iu;

/**
 * The countries a sentence inside the guarantee topic names as the backer the effort needs or comes with. Not in a
 * question, nor a backing denied in its clause ("without American support", "does not need US backing").
 */
export function neededBackers(text: string): CountryMention[] {
  // A question of any kind ("Why does the plan need US backing?") asks about the backing, it does not name it.
  if (!mayNameBacker(text) || endsAsking(text) || !BACKED.test(text)) return [];
  const found: CountryMention[] = [];
  for (const backer of text.matchAll(BACKER)) {
    const name = backer.groups?.country ?? '';
    const country = countryOfWord(name.replace(/\.$/u, '')) ?? countryOfWord(name);
    if (!country) continue;
    const clause = text.slice(0, backer.index).split(/[,;:]/u).at(-1) ?? '';
    if (BACKER_DENIED.test(clause)) continue;
    // What is backed is named in the backer's own clause, not in another one joined by ", and" or a semicolon; a
    // backer opening its clause ("With American support, the force …") backs what the clause goes on to name, when
    // a comma, colon or dash closes its phrase: "With US support waning, …" tells of the support, it names no backer.
    const before = text.slice(0, backer.index).split(CLAUSE_JOIN).at(-1) ?? '';
    const closed = /^\s*[,:\u2013\u2014]/u.test(text.slice(backer.index + backer[0].length));
    const opens = closed && !/[\p{L}\d]/u.test(before);
    const own = opens ? (text.slice(backer.index).split(CLAUSE_JOIN)[0] ?? '') : before + backer[0];
    if (!BACKED.test(own)) continue;
    const start = backer.index + backer[0].indexOf(name);
    found.push({ country, start, end: start + name.length });
  }
  return found;
}

/** A noun that points back to the effort only bare, with no modifier ("the effort", not "the war effort"). */
const BARE_NOUN_AT_END = new RegExp(String.raw`\b${words(T.bareArrangementNouns)}$`, 'iu');

const YES_NO_QUESTION = new RegExp(
  String.raw`^[\s\p{P}]*${words(T.questionOpeners)}(?:n['\u2019]t)?\b[^?]*\?[\s"\u201d\u2019']*$`,
  'iu',
);
/** A yes/no question ("Have A and B announced …?", "Will the force be …?"): it asks, it names no guarantor. */
export const isYesNoQuestion = (text: string) => text.includes('?') && YES_NO_QUESTION.test(text);
