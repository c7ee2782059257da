import { CAPITAL_OPENING } from './char-tests.js';
import { rejectionWords as R, stanceWords as S, words } from './lexicon.js';
import { countryOfWord } from './people-affiliation.js';
import { opensClause } from './position-rejections.js';
import { openingIndexed } from './regex-first-words.js';
import type { CompiledTopics, PartyMention } from './topics.js';
import { isSayer, type PeopleMentions, takesStance } from './topics-parties.js';

/*
 * Whether the stance of a clause is held by no single side: both sides named together as its subject ("Moscow and
 * Kyiv both reject …", "neither side will give up …"), or an outsider ("the American side considers recognising the
 * peninsula as Russian", told by a side's official). A party reporting either (Kyiv said …, a quoted Ukrainian) does
 * not hold that stance, and a party named in it (as an object, or after "as") holds none either.
 */

/** Why a clause's stance is no single side's. */
export type HolderBlock = 'joint-subject' | 'outsider-subject' | 'unplaced-person-subject';

/** Both sides in one phrase: "both sides", "neither party", "the two delegations". */
const JOINT_PHRASE = new RegExp(String.raw`\b${words(R.jointSubjects)}(?![\p{L}])`, 'giu');
/** What joins two parties into one subject: "Russia and Ukraine", "Kyiv, as well as Moscow". */
const COORDINATED = new RegExp(String.raw`^\s*,?\s*${words(R.coordinators)}\s+(?:the\s+)?$`, 'iu');
/** "Russia and Ukraine both …", "… alike": the pair acts as one. */
const JOINT_MARKER = new RegExp(String.raw`^\s+${words(R.jointMarkers)}(?![\p{L}])`, 'iu');
/** An outsider's side or staff after its name: "the American side", "Washington's team", "US officials". */
const OUTSIDER_BODY = new RegExp(
  String.raw`^(?:['\u2019]s)?(?:\s+${words(R.outsiderSubjectNouns)}(?![\p{L}])(?:['\u2019]s)?){0,2}`,
  'iu',
);
/** An outsider weighing a step, which "consider" alone does not cover: "the US side is considering recognising …". */
const WEIGHING_AFTER = new RegExp(
  String.raw`^\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\p{Ll}+ly\s+)?${words(R.outsiderStanceVerbs)}(?![\p{L}])`,
  'iu',
);
/** A capitalised word, possibly possessive: a country's name, adjective or seat, or an outsider's surname. */
const CAPITALISED = new RegExp(String.raw`${CAPITAL_OPENING}[\p{L}.-]*(?:['\u2019]s)?`, 'gu');
/**
 * A person's full name or titled surname ("Ivan Grom", "Mr Grom"), or a capitalised word after a lower-case word or a
 * comma ("…, Grom demanded"): a sentence's first word alone may be any word ("Negotiators insist …").
 */
const PERSON_NAME = new RegExp(
  String.raw`(?:\b${words(R.personTitles)}\.?\s+|(?<![\p{L}'’.-])\p{Lu}[\p{L}'’-]+\s+|(?<=(?:\p{Ll}|,)\s+))\p{Lu}[\p{L}'’-]+(?:['’]s)?`,
  'gu',
);
/** Any verb of saying: the cheap gate before looking for a side that reports someone. */
const SAYING_WORD = openingIndexed(new RegExp(String.raw`\b${words(S.sayingVerbs)}(?![\p{L}])`, 'iu'));
/** Mediators and outside bodies named in lower case or by a phrase ("mediators", "the White House"). */
const OUTSIDER_NAMES = new RegExp(String.raw`\b${words(S.thirdPartyOwners)}(?![\p{L}])`, 'gu');

/**
 * The outsiders a clause names as possible subjects: countries that are no party, by name, adjective or seat ("the
 * US", "American", "Washington"), mediators, and people whose country is no party (`outsiderPeople`). Each mention
 * runs over the side or staff after it ("the American side").
 */
function outsiderMentions(clause: string, topics: CompiledTopics, outsiderPeople: ReadonlySet<string>): PartyMention[] {
  const found: PartyMention[] = [];
  const add = (start: number, end: number) => {
    found.push({
      id: '',
      start,
      end: end + (OUTSIDER_BODY.exec(clause.slice(end, end + 60))?.[0].length ?? 0),
      kind: 'name',
    });
  };
  for (const word of clause.matchAll(CAPITALISED)) {
    const bare = word[0].replace(/['\u2019]s$/u, '');
    // "the Americans": a demonym in the plural names the country's side.
    const country = countryOfWord(bare) ?? (bare.endsWith('s') ? countryOfWord(bare.slice(0, -1)) : null);
    const outsider = country ? !topics.partyNames.includes(country) : outsiderPeople.has(bare);
    if (outsider) add(word.index, word.index + bare.length);
  }
  for (const name of clause.matchAll(OUTSIDER_NAMES)) {
    if (!found.some((m) => m.start === name.index)) add(name.index, name.index + name[0].length);
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * People the article gives no side, named as possible subjects: a name that is no party's, no known person's, no
 * country's and no topic ("Vladimir Grom has demanded …, the Ukrainian president said" when nothing says Grom is
 * Russian). Whose stance it is cannot be told, but it is not that of the side reporting it.
 */
function unplacedPeople(clause: string, topics: CompiledTopics, placed: readonly PartyMention[]): PartyMention[] {
  const taken = [...placed, ...topics.topicMentions(clause)];
  return [...clause.matchAll(PERSON_NAME)]
    .map((m) => ({ id: '', start: m.index, end: m.index + m[0].replace(/['’]s$/u, '').length, kind: 'name' as const }))
    .filter(
      (m) =>
        !taken.some((t) => t.start < m.end && m.start < t.end) &&
        !clause
          .slice(m.start, m.end)
          .split(/\s+/u)
          .some((word) => countryOfWord(word) !== null),
    );
}

/** Two mentions of different parties joined into one subject, as one mention over both ("Moscow and Kyiv both"). */
function jointPairs(clause: string, parties: readonly PartyMention[]): PartyMention[] {
  const pairs: PartyMention[] = [];
  for (const [i, first] of parties.entries()) {
    const second = parties[i + 1];
    if (!second || second.id === first.id || !COORDINATED.test(clause.slice(first.end, second.start))) continue;
    const marker = JOINT_MARKER.exec(clause.slice(second.end, second.end + 12));
    // A pair takes a plural verb ("Russia and Ukraine refuse"): read as a member, not a singular name.
    pairs.push({ id: '', start: first.start, end: second.end + (marker?.[0].length ?? 0), kind: 'member' });
  }
  return pairs;
}

/**
 * Why no single side holds the stance of `clause`, or null when one may. Blocked when a joint subject or an outsider
 * takes a stance verb in it (or the pair opens it: "Moscow and Kyiv are at an impasse over …") and every party
 * taking one only reports it ("Kyiv said the Americans would recognise …", "…, the Ukrainian leader said"). A party
 * that itself wants or refuses ("Kyiv rejects what Washington would accept") keeps its stance.
 */
export function blockedHolder(
  clause: string,
  topics: CompiledTopics,
  people: PeopleMentions,
  outsiderPeople: ReadonlySet<string>,
): HolderBlock | null {
  const parties = [...topics.partyMentions(clause), ...people(clause)].sort((a, b) => a.start - b.start);
  const pairs = jointPairs(clause, parties);
  // Array.from, not [...].map, which returns a holey array once optimised: a new map for this rule, mid-batch.
  const joint = [...pairs, ...Array.from(clause.matchAll(JOINT_PHRASE), (m) => phraseMention(m))].filter(
    (m) => takesStance(clause, m) || opensClause(clause, m),
  );
  const inPair = insideAny(pairs);
  const outsiders = outsiderMentions(clause, topics, outsiderPeople).filter(
    (m) => (takesStance(clause, m) || WEIGHING_AFTER.test(clause.slice(m.end, m.end + 40))) && !inPair(m),
  );
  // Read only when needed: most clauses have no blocker, and the stance test runs per party mention.
  let takersRead: PartyMention[] | undefined;
  const takers = () => {
    takersRead ??= parties.filter((m) => !inPair(m) && takesStance(clause, m));
    return takersRead;
  };
  // A person of no known side blocks only a side that reports them: alone, they may be that side's own leader.
  const reported = SAYING_WORD.test(clause) && takers().some((t) => isSayer(clause, t));
  const unplaced = reported
    ? unplacedPeople(clause, topics, parties).filter(
        (m) => takesStance(clause, m) && !isSayer(clause, m) && !insideAny(outsiders)(m),
      )
    : [];
  // Pushed, not spread from `.map`s: optimised, `.map` returns holey arrays, and each spread site that met one
  // after this rule was compiled deoptimised it mid-batch.
  const blockers: { at: number; why: HolderBlock }[] = [];
  for (const m of joint) blockers.push({ at: m.start, why: 'joint-subject' });
  for (const m of unplaced) blockers.push({ at: m.start, why: 'unplaced-person-subject' });
  for (const m of outsiders) {
    if (!coordinatedWithParty(clause, m, parties)) blockers.push({ at: m.start, why: 'outsider-subject' });
  }
  if (!blockers.length) return null;
  // A side that wants or refuses in the clause holds a stance of its own; one that only says it reports the blocker's.
  if (!takers().every((t) => isSayer(clause, t))) return null;
  return blockers.sort((a, b) => a.at - b.at)[0]?.why ?? null;
}

/** Whether a mention lies inside one of the spans. */
const insideAny =
  (spans: readonly PartyMention[]) =>
  (m: PartyMention): boolean =>
    spans.some((s) => s.start <= m.start && m.end <= s.end);

const phraseMention = (m: RegExpExecArray): PartyMention => ({
  id: '',
  start: m.index,
  end: m.index + m[0].length,
  kind: 'member',
});

/** "The Russian leader and the US president agreed …": an outsider acting together with a side leaves that side its stance. */
function coordinatedWithParty(clause: string, outsider: PartyMention, parties: readonly PartyMention[]): boolean {
  return parties.some(
    (p) =>
      (p.end <= outsider.start && COORDINATED.test(clause.slice(p.end, outsider.start))) ||
      (outsider.end <= p.start && COORDINATED.test(clause.slice(outsider.end, p.start))),
  );
}

/** A possessive statement noun and what it is about: "'s statement on not recognising …", "'s refusal to …". */
const STATEMENT_OF = new RegExp(
  String.raw`['\u2019]s\s+(?:[\p{L}-]+\s+)?${words(R.statementNouns)}\s+(?:on|about|over|that|to|of)(?![\p{L}])`,
  'iu',
);
/** Between a side's mention and the possessive: the rest of a name ("Ukrainian President Jane Roe's"). */
const NAME_REST = /^(?:\s+\p{Lu}[\p{L}'\u2019.-]*){0,3}$/u;

/**
 * The side whose statement a clause reports by a possessive ("X's statement on not recognising the peninsula as
 * Russian shows …", said by the other side's spokeswoman): the possessor holds that stance, not the speaker who
 * comments on it. Null when the clause has no such possessive before its first stance.
 */
export function possessiveStatementOwner(
  clause: string,
  topics: CompiledTopics,
  people: PeopleMentions,
): string | null {
  const statement = STATEMENT_OF.exec(clause);
  if (!statement) return null;
  const owner = [...topics.partyMentions(clause), ...people(clause)].find(
    (m) => m.end <= statement.index && NAME_REST.test(clause.slice(m.end, statement.index)),
  );
  return owner?.id ?? null;
}
