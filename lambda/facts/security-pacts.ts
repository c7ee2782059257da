import type { CountryMention } from './countries.js';
import { countriesByAnyName, inCompound, listCommas } from './guarantor-context.js';
import pactsJson from './lexicon/security-pacts.json' with { type: 'json' };
import { parseLexicon, words } from './lexicon.js';
import { openingIndexed } from './regex-first-words.js';
import type { Sentence } from './sentences.js';

/*
 * Bilateral security agreements. Coverage of the guarantees counts the countries that signed, are signing or will
 * sign a security agreement with the protected country among its guarantors, and names them without the word
 * "guarantee": "A and B signed ten-year security pacts with Kyiv", "Ukraine signed a security agreement with A";
 * "Similar deals were already signed with B, C and D", "The total of such agreements now includes E and F", where
 * "similar deals" points back to the security agreement named a sentence or two before. Agreements of other kinds
 * (trade, grain, a prisoner exchange, a peace deal) and agreements with the other side name no guarantor.
 */

const PACT_LISTS = [
  'pactNouns',
  'securityQualifiers',
  'pactModifiers',
  'pactAnaphors',
  'anaphoricPactNouns',
  'otherAgreementKinds',
  'signingVerbs',
  'inclusionWords',
  'signingNegators',
  'leaderNouns',
  'agentPrepositions',
  'definiteAnaphors',
  'definitePactNouns',
  'guaranteeWords',
  'signatoryNouns',
] as const;

const P = parseLexicon('lexicon/security-pacts.json', PACT_LISTS, pactsJson);

/** The cheap test: a word for an agreement, before any pattern runs. */
const MAY_NAME_PACT = /agreement|pact|deal|accord|treat|compact|document|ones|declaration|statement|communique/iu;

/** Words between the security word and the noun: "bilateral security guarantee agreement", "security and defence pacts", "10-year". */
const MODIFIERS = String.raw`(?:[\s-]+(?:${words(P.pactModifiers, P.securityQualifiers)}|\d+-\p{L}+))*`;
/** A security agreement: "a bilateral security agreement", "ten-year defence pacts", "an agreement on security cooperation". */
const SECURITY_PACT = new RegExp(
  String.raw`\b${words(P.securityQualifiers)}${MODIFIERS}\s+${words(P.pactNouns)}\b` +
    String.raw`|\b${words(P.pactNouns)}\s+(?:on|of)\s+(?:[\p{L}-]+\s+){0,2}?${words(P.guaranteeWords)}\b`,
  'giu',
);
/** An agreement of another kind: "a trade deal", "the grain agreement", "an agreement on the prisoner exchange". */
const OTHER_PACT = openingIndexed(
  new RegExp(
    String.raw`\b${words(P.otherAgreementKinds)}(?:[\s-]+[\p{L}-]+)?\s+${words(P.pactNouns)}\b` +
      String.raw`|\b${words(P.pactNouns)}\s+on\s+(?:the\s+)?(?:[\p{L}-]+\s+)?${words(P.otherAgreementKinds)}\b`,
    'iu',
  ),
);
/** Words pointing back to the agreements named before: "similar deals", "such agreements", "these pacts". */
const PACT_ANAPHOR = new RegExp(
  String.raw`\b${words(P.pactAnaphors)}\s+(?:[\p{L}-]+\s+)?${words(P.anaphoricPactNouns)}\b`,
  'giu',
);
/**
 * A bare or definite agreement right after the security agreement was named ("Dorosh and X signed the agreement",
 * "… signed agreements with A and B"): it points back only when a signing verb governs it.
 */
const SIGNED_PACT = new RegExp(
  String.raw`\b(?:${words(P.signingVerbs)}|${words(P.signatoryNouns)}\s+(?:of|to))\s+(?:${words(P.definiteAnaphors)}\s+)?${words(P.definitePactNouns)}\b`,
  'giu',
);
const SIGNED_RIGHT_BEFORE = new RegExp(String.raw`\b${words(P.signingVerbs)}\s+$`, 'iu');
const SIGNING = new RegExp(String.raw`\b${words(P.signingVerbs)}\b`, 'giu');
const INCLUSION = new RegExp(String.raw`\b${words(P.inclusionWords)}\b`, 'giu');
const NEGATED = new RegExp(String.raw`\b${words(P.signingNegators)}\b|n['\u2019]t\b`, 'iu');

/** How many sentences after a security agreement "similar deals" may still point back to it. */
const ANAPHOR_REACH = 3;

/** A clause ends at a semicolon, a colon, a full stop, or a conjunction after a comma. */
const CLAUSE_END = /[;:]|[.!?](?=\s+\p{Lu}|\s*$)|,\s+(?:while|but|whereas|although)\b/u;
/** The clause of a signing verb starts after the last of these ("In Rome, A and B signed …"). */
const CLAUSE_START = /[;:]\s*|[,\u2014]\s*(?=\p{Lu})|\b(?:while|but|whereas|although)\s+(?=\p{Lu})/gu;
/** A country after these is a place or a party to something else, not a signatory ("talks in Paris"). */
const GOVERNED = /\b(?:in|at|from|to|into|near|against|over|by|of|between|for|on)\s+(?:the\s+)?$/iu;
/** Before the first country after "with": "the", or a leader's office ("with the leaders of A and B"). */
const FIRST_GAP = new RegExp(String.raw`^\s*(?:the\s+)?(?:${words(P.leaderNouns)}\s+of\s+(?:the\s+)?)?$`, 'iu');
/** The other party of the agreement: "with A", "signed by A and B". */
const AGENT = new RegExp(String.raw`\b${words(P.agentPrepositions)}\s+`, 'giu');
/** Between the countries of a list: commas, "and", "the". */
const LIST_GAP = /^(?:[\s,]|\b(?:and|as well as|plus|the)\b)*$/iu;

/** Every country a clause names: by its name, its adjective or seat ("Japanese", "Ottawa"), or a person the article gives it. */
function countriesIn(
  text: string,
  offset: number,
  affiliationOf: (surname: string) => string | null,
): CountryMention[] {
  return countriesByAnyName(text, affiliationOf)
    .sort((a, b) => a.start - b.start)
    .map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }));
}

/**
 * The countries listed right after "with" at `from` ("with Japan", "with Japanese Prime Minister X", "with A, B and
 * C"): the first right after it, the rest joined by commas and "and", each past the name of its leader.
 */
function listAfterWith(
  text: string,
  from: number,
  affiliationOf: (surname: string) => string | null,
): CountryMention[] {
  const clause = text.slice(from, from + 240);
  const end = CLAUSE_END.exec(clause)?.index ?? clause.length;
  const mentions = countriesIn(clause.slice(0, end), from, affiliationOf);
  const list: CountryMention[] = [];
  let cursor = from;
  for (const mention of mentions) {
    const gap = text.slice(cursor, mention.start);
    const fits = list.length === 0 ? FIRST_GAP.test(gap) : LIST_GAP.test(stripLeader(gap));
    if (!fits) break;
    list.push(mention);
    cursor = mention.end;
  }
  return list;
}

/** A leader's title and name after a country's adjective ("Japanese Prime Minister Ana Ruiz, …") count as its item. */
function stripLeader(gap: string): string {
  return gap
    .replace(/^\s+(?:prime\s+minister|president|premier|chancellor)\b/iu, '')
    .replace(/^(?:\s+\p{Lu}[\p{L}'\u2019.-]*)+/u, '');
}

/** A security agreement named in the sentence, or one it points back to ("similar deals"), with where it stands. */
interface PactMention {
  start: number;
  end: number;
}

export interface PactSignatory {
  /** The sentence the country is named in. */
  index: number;
  mention: CountryMention;
}

/**
 * The countries the article says signed, are signing or will sign a security agreement with `beneficiary`: the
 * other party after "with", the subjects of the signing besides the beneficiary, or the countries a sentence pointing
 * back to such agreements lists ("such agreements now include …"). `namesBeneficiary` tells whether a text names the
 * beneficiary (its name, capital or leader); the agreement must be with it. `opposing` parties are never signatories.
 */
export function pactSignatories(
  sentences: readonly Sentence[],
  beneficiary: string,
  opposing: ReadonlySet<string>,
  namesBeneficiary: (text: string) => boolean,
  affiliationOf: (surname: string) => string | null = () => null,
): PactSignatory[] {
  const found: PactSignatory[] = [];
  // The last sentence that named a security agreement with the beneficiary, for "similar deals" to point back to.
  let lastPact = -Infinity;
  sentences.forEach(({ text }, index) => {
    if (!MAY_NAME_PACT.test(text)) return;
    const own = [...text.matchAll(SECURITY_PACT)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const other = OTHER_PACT.test(text);
    const pointsBack =
      !own.length && !other && index - lastPact <= ANAPHOR_REACH
        ? [...text.matchAll(PACT_ANAPHOR), ...text.matchAll(SIGNED_PACT)].map((m) => ({
            start: m.index,
            end: m.index + m[0].length,
          }))
        : [];
    const pacts: PactMention[] = [...own, ...pointsBack];
    if (other && !own.length) lastPact = -Infinity;
    if (!pacts.length) return;
    // The agreement is with the beneficiary: named in the sentence or the two before ("Dorosh arrived in X. … signed").
    const namedHere = namesBeneficiary(text);
    const nearby = [1, 2].some((back) => namesBeneficiary(sentences[index - back]?.text ?? ''));
    if (!(pointsBack.length > 0 || namedHere || nearby)) return;
    if (own.length) lastPact = index;
    const signatories = new Map<number, CountryMention>();
    const take = (mentions: readonly CountryMention[]) => {
      for (const m of mentions) {
        if (m.country !== beneficiary && !opposing.has(m.country)) signatories.set(m.start, m);
      }
    };
    const first = pacts.reduce((a, b) => (a.start <= b.start ? a : b));
    // "… signed a security pact with A", "similar deals were signed with B and C", "signed by A": the other party.
    for (const w of text.matchAll(AGENT)) {
      if (w.index < first.start && !signingBetween(text, w.index, first.start)) continue;
      if (negatedBefore(text, w.index)) continue;
      // "by" names the other party only as the agent of the signing ("signed by A"), not of a mediation.
      if (/^by/iu.test(w[0]) && !SIGNED_RIGHT_BEFORE.test(text.slice(Math.max(0, w.index - 30), w.index))) continue;
      const at = w.index + w[0].length;
      const list = listAfterWith(text, at, affiliationOf);
      // "a security agreement between Ukraine and Italy": the pair holds the beneficiary and its partner.
      if (/^between/iu.test(w[0])) {
        if (list.some((m) => m.country === beneficiary)) take(list);
        continue;
      }
      // "A and B signed pacts with Kyiv", "… with Dorosh": the beneficiary after "with" makes the subjects its partners.
      const withBeneficiary = list.length
        ? list.some((m) => m.country === beneficiary)
        : namesBeneficiary(text.slice(at, at + 40).split(CLAUSE_END)[0] ?? '');
      if (withBeneficiary) take(subjectsOfSigning(text, w.index, affiliationOf));
      else take(list);
    }
    // "Kyiv and Freedonia signed a ten-year security pact", "Sylvania was the first to sign such an
    // agreement": the subjects besides the beneficiary, when it is one of them, named in the sentence or pointed back to.
    for (const s of text.matchAll(SIGNING)) {
      if (Math.abs(s.index - first.start) > 120) continue;
      const subjects = subjectsOfSigning(text, s.index, affiliationOf);
      if (subjects.some((m) => m.country === beneficiary) || namedHere || pointsBack.length) take(subjects);
    }
    // "the UK-Ukraine security agreement": a compound of the beneficiary and its partner before the agreement.
    for (const pact of own) take(compoundPartners(text, pact.start, beneficiary));
    // "The total of such agreements now includes A, B and C": the list after an inclusion word.
    for (const inc of text.matchAll(INCLUSION)) {
      if (inc.index >= first.end) take(listAfterWith(text, inc.index + inc[0].length, affiliationOf));
    }
    for (const mention of signatories.values()) found.push({ index, mention });
  });
  return found;
}

/** A signing verb between two offsets ("signed with A a security agreement"). */
function signingBetween(text: string, from: number, to: number): boolean {
  SIGNING.lastIndex = 0;
  const between = text.slice(Math.max(0, from - 60), to);
  return [...between.matchAll(SIGNING)].length > 0;
}

/** Where the clause holding `before`'s end starts; the commas of a list of countries ("A, B, C and D signed") open none. */
function clauseStartIn(before: string): number {
  const inLists = listCommas(before);
  const openers = [...before.matchAll(CLAUSE_START)].filter((m) => !inLists.has(m.index));
  return Math.max(0, ...openers.map((m) => m.index + m[0].length));
}

/** The signing is denied or refused in its clause ("has not signed", "refused to sign"). */
function negatedBefore(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return NEGATED.test(before.slice(clauseStartIn(before)));
}

/**
 * The countries opening the clause of the verb at `at`, as its subjects ("A and B signed …", "Dorosh and the
 * Dutch premier signed …"); none when the clause denies the signing. A country governed by a preposition is a
 * place or a party to something else.
 */
function subjectsOfSigning(
  text: string,
  at: number,
  affiliationOf: (surname: string) => string | null,
): CountryMention[] {
  const before = text.slice(0, at);
  // A headline's bare list opens the sentence ("Ukraine, Spain sign security pact"): its commas open no clause.
  const all = countriesIn(before, 0, affiliationOf);
  const gaps = all
    .map((m, k) => before.slice(k ? (all[k - 1]?.end ?? 0) : 0, m.start))
    .concat(before.slice(all.at(-1)?.end ?? 0));
  if (all.length > 1 && gaps.every((gap) => LIST_GAP.test(gap))) return all;
  const clauseStart = clauseStartIn(before);
  const clause = before.slice(clauseStart);
  if (NEGATED.test(clause)) return [];
  return countriesIn(clause, clauseStart, affiliationOf).filter(
    (m) => !GOVERNED.test(text.slice(Math.max(0, m.start - 20), m.start)),
  );
}

/** The partners in a compound right before an agreement ("the UK-Ukraine security pact", "a Ukrainian-Japanese accord"). */
function compoundPartners(text: string, at: number, beneficiary: string): CountryMention[] {
  const before = text.slice(Math.max(0, at - 50), at);
  const compound = /(?:\p{Lu}[\p{L}.]*[-\u2013])+\p{Lu}[\p{L}.]*\s+(?:[\p{L}-]+\s+){0,2}$/u.exec(before);
  if (!compound) return [];
  const offset = at - before.length + compound.index;
  const members = countriesIn(compound[0], offset, () => null).filter((m) => inCompound(text, m));
  return members.some((m) => m.country === beneficiary) ? members : [];
}
