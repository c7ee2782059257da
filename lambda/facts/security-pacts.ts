import type { CountryMention } from './countries.js';
import { countriesByAnyName, inCompound, listCommas, rosterLine } from './guarantor-context.js';
import pactsJson from './lexicon/security-pacts.json' with { type: 'json' };
import { guarantorWords, parseLexicon, words } from './lexicon.js';
import { mayHold } from './may-hold.js';
import { FOLDS_TO_ASCII, openingIndexed, openingIndexedMatches } from './regex-first-words.js';
import { endsAsking, isHeadline, type Sentence } from './sentences.js';

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
  'signingDenials',
  'leaderNouns',
  'agentPrepositions',
  'definiteAnaphors',
  'definitePactNouns',
  'guaranteeWords',
  'signatoryNouns',
  'guaranteeDocumentNouns',
  'guaranteeContents',
  'passiveSigningCues',
  'signatoryListOpeners',
  'copulasBeforeList',
  'jointDocumentNouns',
  'jointSayingVerbs',
  'signatoryHeadings',
  'listHeadNouns',
  'planningCues',
  'doneSignings',
  'declarationSigners',
  'firstPersonCommitments',
  'meetingVerbs',
  'signedPactModifiers',
  'passiveSignedForms',
  'passiveSignedDeterminers',
  'joiningForms',
  'signingsCalledOff',
  'joiningConditions',
  'headingQuestionWords',
  'headlineHedges',
] as const;

const P = parseLexicon('lexicon/security-pacts.json', PACT_LISTS, pactsJson);

/**
 * The cheap test: a word for an agreement, a signing or a list pointing back, before any pattern runs, anywhere in a
 * word ("treaty", "signatories"). The may-hold automaton reads ASCII letters only, so a text with a letter that folds
 * to one (as the patterns' `iu` match it) goes on to the patterns.
 */
const mayNamePactWords = mayHold([
  ...['agreement', 'pact', 'deal', 'accord', 'treat', 'compact', 'document', 'ones', 'declaration', 'statement'],
  ...['communique', 'letter', 'sign', 'endorse'],
]);
const mayNamePact = (text: string) => mayNamePactWords(text) || FOLDS_TO_ASCII.test(text);

/** Words between the security word and the noun: "bilateral security guarantee agreement", "security and defence pacts", "10-year". */
const MODIFIERS = String.raw`(?:[\s-]+(?:${words(P.pactModifiers, P.securityQualifiers)}|\d+-\p{L}+))*`;
/** A security agreement: "a bilateral security agreement", "ten-year defence pacts", "an agreement on security cooperation". */
const SECURITY_PACT = new RegExp(
  String.raw`\b${words(P.securityQualifiers)}${MODIFIERS}\s+${words(P.pactNouns)}\b` +
    String.raw`|\b${words(P.pactNouns)}\s+(?:on|of)\s+(?:[\p{L}-]+\s+){0,2}?${words(P.guaranteeWords)}\b`,
  'giu',
);
const securityPacts = openingIndexedMatches(SECURITY_PACT);
/**
 * A document whose content is the guarantees: "a joint statement pledging robust security guarantees for Kyiv", "the
 * declaration on guarantees", "In a joint statement, the leaders said Kyiv must get guarantees". Its signers are
 * signatories as a security agreement's are; a country after "with" is not (a statement speaks of talks with others).
 */
const GUARANTEE_DOCUMENT = new RegExp(
  String.raw`\b${words(P.guaranteeDocumentNouns)}(?:,?\s+[\p{L}'\u2019-]+){0,10}?\s+${words(P.guaranteeContents)}\b`,
  'giu',
);
const guaranteeDocuments = openingIndexedMatches(GUARANTEE_DOCUMENT);
/** A document several signed together ("in a joint statement"), on the guarantees when the sentence speaks of them. */
const JOINT_DOCUMENT = new RegExp(String.raw`\b${words(P.jointDocumentNouns)}\b`, 'giu');
/** A statement spoken through: "… said in a statement", "… wrote in their letter". */
const IN_STATEMENT = new RegExp(String.raw`\bin\s+(?:a|the|their)\s+${words(P.guaranteeDocumentNouns)}\b`, 'giu');
const GUARANTEE_CONTENT = new RegExp(String.raw`\b${words(P.guaranteeContents)}\b`, 'iu');
/** Its signers say what it says: "A, B and C said in a joint statement that …". */
const JOINT_SAYING = new RegExp(String.raw`\b${words(P.jointSayingVerbs)}\b`, 'giu');
/** How far a saying verb may stand from the joint document it speaks through. */
const JOINT_REACH = 120;
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
 * "… signed agreements with A and B", "… signed bilateral agreements with C", "the signing of bilateral agreements with
 * D"): it points back only when a signing verb (or its noun, with "of") governs it; a modifier of `signedPactModifiers`
 * or a number of years may stand before the noun.
 */
const SIGNED_PACT = new RegExp(
  String.raw`\b(?:${words(P.signingVerbs)}(?:\s+of)?|${words(P.signatoryNouns)}\s+(?:of|to))\s+(?:${words(P.definiteAnaphors)}\s+)?(?:(?:${words(P.signedPactModifiers)}|\d+-year)\s+)?${words(P.definitePactNouns)}\b`,
  'giu',
);
/**
 * An agreement named again by its partner and a signing in the passive: "An agreement with A was signed on April 3".
 * The gap up to the signing holds no full stop, semicolon or colon.
 */
const PASSIVE_SIGNED_PACT = new RegExp(
  String.raw`\b${words(P.passiveSignedDeterminers)}\s+(?:(?:${words(P.signedPactModifiers)}|\d+-year)\s+)?${words(P.definitePactNouns)}\s+with\s+[^.;:?]{1,80}?\s+${words(P.passiveSignedForms)}\b`,
  'giu',
);
/** The signers named in a later sentence: "It was signed by the leaders of A and B", "endorsed by A". */
const PASSIVE_SIGNING = new RegExp(String.raw`\b${words(P.passiveSigningCues)}\b`, 'giu');
const PASSIVE_SIGNED = new RegExp(PASSIVE_SIGNING.source, 'iu');
/** A statement or declaration the article has named, signed by someone ("The joint statement was signed by …"). */
const DOCUMENT_SIGNED = new RegExp(
  String.raw`\b(?:the|this|that|their|its)\s+(?:[\p{L}-]+\s+){0,2}?${words(P.guaranteeDocumentNouns)}\b[^.;]{0,60}?\b${words(P.passiveSigningCues)}\b`,
  'iu',
);
/** After "signed by", a count or a head noun ending in a colon: "signed by 11 countries: A, B", "signed by:". */
const COLON_LEAD = new RegExp(
  String.raw`^(?:the\s+)?(?:(?:following|[\d\p{L}-]+)\s+)?(?:${words(P.listHeadNouns)}\s*)?:\s*`,
  'iu',
);
/** A sentence opening with the signatories just counted ("Among them were A and B", "Signatories include A"). */
const LIST_OPENER = new RegExp(String.raw`^[\s\p{P}]*${words(P.signatoryListOpeners)}\b`, 'iu');
/** Between the opener and the first signatory: a copula or an inclusion ("… were", "… include the"). */
const OPENER_GAP = new RegExp(
  String.raw`^\s+(?:${words(P.copulasBeforeList)}\s+)?(?:the\s+)?(?:${words(P.leaderNouns)}\s+of\s+(?:the\s+)?)?$`,
  'iu',
);
/** A heading over the signers, however far from the statement: "Signatories: A, B and C", "Signed by:". */
const SIGNATORIES_HEADING = new RegExp(String.raw`^[\s\p{P}]*${words(P.signatoryHeadings)}\b:?`, 'iu');
/** A sentence that opens a roster for the lines after it: it ends with a colon. */
const ROSTER_OPENER = /:\s*$/u;
/** Between a country and its signing: its decision or intention, owned ("'s decision to", "'s readiness to"). */
const OWNED_DECISION = /^['\u2019]s\s+(?:\p{Ll}[\p{L}-]*\s+){1,2}to\s+$/u;
/** A country joining earlier signers: "A joined B and C in …", whose list follows the verb. */
const JOINING = new RegExp(String.raw`\b${words(P.joiningForms)}\s+`, 'giu');
/** After the joined list: "in" (maybe "signing"), a determiner and the agreement's modifiers, right before it. */
const IN_THE_PACT = new RegExp(
  String.raw`^\s+in\s+(?:signing\s+)?(?:(?:a|an|the|their|its|similar)\s+)?(?:(?:${words(P.pactModifiers)}|\d+-\p{L}+)\s+)*$`,
  'iu',
);
/** A joining only supposed ("If A joins B in …") or asked about ("Will A join B in …?"): no signer yet. */
const JOINING_CONDITION = new RegExp(String.raw`\b${words(P.joiningConditions)}\b`, 'iu');
/** A signing called off or put back ("the signing of bilateral agreements with A was postponed"): no one signed. */
const CALLED_OFF = new RegExp(String.raw`\b${words(P.signingsCalledOff)}\b`, 'iu');
/** The signing's noun ("the signing of …"), not its verb ("signed the agreement"). */
const SIGNING_NOUN = /^signing\s+of\b/iu;
const SIGNED_RIGHT_BEFORE = new RegExp(String.raw`\b${words(P.signingVerbs)}\s+$`, 'iu');
const SIGNING = new RegExp(String.raw`\b${words(P.signingVerbs)}\b`, 'giu');
const SIGNING_ONCE = new RegExp(SIGNING.source, 'iu');
const INCLUSION = new RegExp(String.raw`\b${words(P.inclusionWords)}\b`, 'giu');
const NEGATED = new RegExp(String.raw`\b${words(P.signingNegators)}\b|n['\u2019]t\b`, 'iu');
/**
 * A denial of what follows it ("denied that an agreement with A was signed", "denies reports that …"), not of something
 * else: "deny" takes an object of its own ("denying any rift, officials said …", "denied reports of a rift and said …"),
 * so it negates the signing only where no comma, semicolon or "and"/"but" comes between them.
 */
const DENIED = new RegExp(String.raw`\b${words(P.signingDenials)}\b(?:(?!\b(?:and|but)\b)[^,;:])*$`, 'iu');
/** The clause before a signing denies or refuses it. */
const negatedIn = (clause: string): boolean => NEGATED.test(clause) || DENIED.test(clause);
/**
 * A heading over the signers' lines: the countries (maybe asked for: "Which countries …") and their signing, on a line
 * of its own that ends in no full stop ("Countries that have signed security agreements with Ukraine", "Which
 * countries have signed so far?"). The lines under it that hold only countries are the signers.
 */
const LIST_HEADING = new RegExp(
  String.raw`^[\s\p{P}]*(?:${words(P.headingQuestionWords)}\s+)?(?:the\s+)?(?:\p{L}+\s+)?${words(P.listHeadNouns)}\b`,
  'iu',
);
/**
 * A heading or title that only supposes or hopes for a signing ("Countries that may sign if …", "Which partners might
 * sign next?", "… fails to sign …"): no one signed or is to sign.
 */
const HEADLINE_HEDGE = new RegExp(String.raw`\b${words(P.headlineHedges)}\b`, 'iu');
/** What was signed, named after the verb ("signed the open letter"): the heading is over that thing's signers. */
const SIGNED_OBJECT = new RegExp(
  String.raw`${SIGNING_ONCE.source}\s+(?:the|a|an|this|that|these|those|its|their)\b`,
  'iu',
);
const listHeading = (text: string) =>
  (isHeadline({ text }) || endsAsking(text) || ROSTER_OPENER.test(text)) &&
  LIST_HEADING.test(text) &&
  SIGNING_ONCE.test(text) &&
  !negatedIn(text) &&
  !HEADLINE_HEDGE.test(text) &&
  !JOINING_CONDITION.test(text);
/** A sentence denying a signing ("did not sign", "denied that it was signed"): no citation for a signing the title reports. */
export const deniesSigning = (text: string) => negatedIn(text);
/**
 * A title read as the body's first sentence (guarantors.ts) only where it reports a signing, neither asked nor hedged.
 * Judged in the title's part that signs: "A signs pact with Ukraine: what does it hold?" asks only after it.
 */
export const reportsSigning = (title: string) =>
  title
    .split(/\s*[:|]\s+|\s+[-\u2013\u2014]\s+/u)
    .some(
      (part) =>
        SIGNING_ONCE.test(part) &&
        !endsAsking(part) &&
        !negatedIn(part) &&
        !HEADLINE_HEDGE.test(part) &&
        !JOINING_CONDITION.test(part),
    );
/**
 * An agreement still in the making: "in the works", "negotiating", "the preparation of", "could conclude". "Preparing to
 * sign" is a signing set, as "will sign" is ("Kyiv is preparing to sign a security agreement with A on Friday").
 */
const PLANNING = new RegExp(String.raw`\b(?!preparing\s+to\s+(?:sign|conclude|ink)\b)${words(P.planningCues)}\b`, 'iu');
const mayPlan = mayHold(P.planningCues);
/** A signing done in the clause ("After negotiations on its text, A signed …"): the agreement is no longer planned. */
const DONE_SIGNING = new RegExp(String.raw`\b${words(P.doneSignings)}\b`, 'iu');
/** Where a clause after a comma and a conjunction starts: ", while talks on a pact with A are in the works". */
const CONJUNCTION_CLAUSE = /,\s+(?:while|but|whereas|although)\b/gu;

/** A declaration its signers open in the first person: "We, the leaders of A, B and C …:". */
const DECLARATION_OPENER = new RegExp(
  String.raw`^[\s\p{P}]*we,?\s+the\s+${words(P.declarationSigners)}\s+of(?=\s)`,
  'iu',
);
/** A line of the declaration committing its signers: "… and that we intend to support Ukraine". */
// Not a line that only schedules the signers' next meeting ("we will meet again in Lima to review trade with Ukraine").
const FIRST_PERSON_COMMITMENT = new RegExp(
  String.raw`\b${words(P.firstPersonCommitments)}\b(?!\s+(?:${words(P.meetingVerbs)})\b)`,
  'iu',
);
/** How many sentences after the opener its lines of commitment may run. */
const DECLARATION_REACH = 6;

/** How many sentences after a security agreement "similar deals" may still point back to it. */
const ANAPHOR_REACH = 3;
/** How many sentences naming a security agreement make it the article's subject, with no limit of reach. */
const ARTICLE_PACT = 2;

/** A clause ends at a semicolon, a colon, a full stop, or a conjunction after a comma. */
const CLAUSE_END = /[;:]|[.!?](?=\s+\p{Lu}|\s*$)|,\s+(?:while|but|whereas|although)\b/u;
/** The clause of a signing verb starts after the last of these ("In Rome, A and B signed …"). */
const CLAUSE_START = /[;:]\s*|[,\u2014]\s*(?=\p{Lu})|\b(?:while|but|whereas|although)\s+(?=\p{Lu})/gu;
/** A country after these is a place or a party to something else, not a signatory ("talks in Paris"). */
const GOVERNED = /\b(?:in|at|from|to|into|near|against|over|by|of|between|for|on)\s+(?:the\s+)?$/iu;
/** Before a country: its leader, who signs for it ("Prime Minister of the Netherlands X", "Leaders from A and B"). */
const LEADER_OF = new RegExp(String.raw`\b${words(P.leaderNouns)}\s+(?:of|from)\s+(?:the\s+)?$`, 'iu');
/** Before the first country after "with": "the", or a leader's office ("with the leaders of A and B"). */
const FIRST_GAP = new RegExp(String.raw`^\s*(?:the\s+)?(?:${words(P.leaderNouns)}\s+of\s+(?:the\s+)?)?$`, 'iu');
/** The other party of the agreement: "with A", "signed by A and B". */
const AGENT = new RegExp(String.raw`\b${words(P.agentPrepositions)}\b(?=\s|:)\s*`, 'giu');
/** Before a country of a list: its leader by office, and name ("…, Prime Minister Ana Lind of Sweden", "… and the leaders of"). */
const LEADER_NAMED_OF = new RegExp(
  String.raw`^(?:[\s,]|\b(?:and|as well as)\b)*(?:the\s+)?${words(P.leaderNouns)}\s+(?<name>(?:[\p{L}.'\u2019-]+\s+){0,3})of\s+(?:the\s+)?$`,
  'iu',
);
/** The leader's name, if any, is capitalised: "President Ana Lind of", not "president of the council of". */
const leaderNamedOf = (gap: string) => {
  const name = LEADER_NAMED_OF.exec(gap)?.groups?.name;
  return name !== undefined && /^(?:\p{Lu}[\p{L}.'\u2019-]*\s+)*$/u.test(name);
};
/**
 * Between two countries of one list: commas, "and", "the", or a group named as an item of its own ("with Chile, Nordic
 * countries and Peru"), which the list runs past.
 */
const LIST_GAP = new RegExp(
  String.raw`^(?:[\s,]|\b(?:and|as well as|plus|the)\b|\p{Lu}[\p{L}-]*\s+${words(guarantorWords.guarantorGroupNouns)}\b)*$`,
  'iu',
);

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

/** How far a list of signers may run after its lead-in ("signed by"): the clause's end comes first. */
const LIST_REACH = 600;

/**
 * Whether a sentence names a security agreement ("a bilateral security agreement", "ten-year defence pacts"): with the
 * protected country named, it introduces an arrangement later sentences may point back to, as a guarantee sentence does.
 */
export const namesSecurityPact = (text: string) => mayNamePact(text) && SECURITY_PACT_ONCE.test(text);
const SECURITY_PACT_ONCE = openingIndexed(new RegExp(SECURITY_PACT.source, 'iu'));

/**
 * The countries listed right after "with" at `from` ("with Japan", "with Japanese Prime Minister X", "with A, B and
 * C"): the first right after it, the rest joined by commas and "and", each past the name of its leader.
 */
function listAfterWith(
  text: string,
  from: number,
  affiliationOf: (surname: string) => string | null,
  firstGap: RegExp = FIRST_GAP,
): CountryMention[] {
  // Up to the clause's end, however many leaders it names: a joint statement's signers run to nine or ten, each
  // with a title and a full name, some 35 characters apiece.
  const clause = text.slice(from, from + LIST_REACH);
  const end = CLAUSE_END.exec(clause)?.index ?? clause.length;
  // "Ana Lind of Sweden" names Sweden: the leader's name, whatever country the article gives it, is skipped.
  const found = countriesIn(clause.slice(0, end), from, affiliationOf);
  // A leader's name before "of" ("Ana Lind of Sweden") is no item, whatever country the article gives her ("the US of
  // America" is one mention: countries.ts).
  const mentions = found.filter((m, k) => {
    const next = found[k + 1];
    return next === undefined || !/^\s+of\s+(?:the\s+)?$/iu.test(text.slice(m.end, next.start));
  });
  const list: CountryMention[] = [];
  let cursor = from;
  for (const mention of mentions) {
    const gap = text.slice(cursor, mention.start);
    const fits = (list.length === 0 ? firstGap.test(gap) : LIST_GAP.test(stripLeader(gap))) || leaderNamedOf(gap);
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
  // How many sentences named a security agreement with the beneficiary: an article that names one twice is about it,
  // and its later "signed by", "signed an agreement" or "such deals" point back to it however far, until an agreement
  // of another kind is named.
  let pactSentences = 0;
  const withinReach = (index: number) =>
    index - lastPact <= ANAPHOR_REACH || (pactSentences >= ARTICLE_PACT && lastPact > -Infinity);
  // The last sentence that named such an agreement or its signing, for "Among them were …" right after it.
  let lastSigning = -Infinity;
  // Whether the article speaks of the guarantees at all, read only when a statement's signers are named.
  let speaks: boolean | undefined;
  const aboutGuarantees = () => (speaks ??= sentences.some((s) => GUARANTEE_CONTENT.test(s.text)));
  // A roster of signatories running on line by line: after "… was signed by:", or a signature block of offices.
  let rosterOpen = false;
  // Whether the roster was opened by a heading over its lines (`listHeading`), whose lines may end in a full stop.
  let headed = false;
  // The partners of an agreement the article has said is still in the making.
  const plannedPartners = new Set<string>();
  sentences.forEach(({ text }, index) => {
    const keep = (mentions: readonly CountryMention[]) => {
      for (const m of mentions) {
        if (m.country !== beneficiary && !opposing.has(m.country)) found.push({ index, mention: m });
      }
    };
    // Lines naming offices after a statement on the guarantees ("President of the French Republic") are its signers.
    const line = headed ? text.replace(/\.\s*$/u, '') : text;
    // A line under a heading that denies ("- Not Peru") is no signer's.
    const denied = headed && NEGATED.test(line);
    const roster = (rosterOpen || lastPact >= 0) && !denied ? rosterLine(line, !rosterOpen, affiliationOf) : [];
    if (roster.length) {
      keep(roster);
      rosterOpen = true;
      return;
    }
    rosterOpen = false;
    headed = false;
    // "Which countries have signed so far?" over lines of countries, in an article that has named a security agreement
    // with the protected country (and no agreement of another kind since): the heading asks for its signers.
    // A heading naming what was signed is read below, where that must be a security agreement with the beneficiary: not
    // "Countries that signed the open letter", "… trade agreements with Ukraine", "… deals with Russia".
    const namesOtherPartner = () => countriesIn(text, 0, affiliationOf).some((m) => m.country !== beneficiary);
    const namesAnother = () => SIGNED_OBJECT.test(text) || OTHER_PACT.test(text) || namesOtherPartner();
    const signersHeading = listHeading(text);
    if (lastPact > -Infinity && signersHeading && !namesAnother()) {
      rosterOpen = true;
      headed = true;
      return;
    }
    // "We, the leaders of A, B and C, along with the President of Ukraine:" over lines that commit them to the
    // protected country ("… and that we intend to support Ukraine"): its signers are its guarantors (R8). One that only
    // welcomes progress commits nobody.
    const declaration = DECLARATION_OPENER.exec(text);
    if (declaration && namesBeneficiary(text)) {
      const commits = sentences
        .slice(index + 1, index + 1 + DECLARATION_REACH)
        .some((s) => FIRST_PERSON_COMMITMENT.test(s.text) && namesBeneficiary(s.text));
      if (commits) {
        keep(listAfterWith(text, declaration[0].length, affiliationOf));
        return;
      }
    }
    const heading = SIGNATORIES_HEADING.exec(text);
    const opener = index - lastSigning === 1 ? LIST_OPENER.exec(text) : heading && aboutGuarantees() ? heading : null;
    if (opener) {
      const list = listAfterWith(text, opener[0].length, affiliationOf, OPENER_GAP);
      keep(list);
      if (list.length) return;
      // "Signatories:" over a roster of lines.
      if (ROSTER_OPENER.test(text)) {
        rosterOpen = true;
        return;
      }
    }
    // "It was backed by A and B" right after a statement on the guarantees names no agreement word of its own.
    const passiveSoon = withinReach(index) && PASSIVE_SIGNED.test(text);
    if (!mayNamePact(text) && !passiveSoon) return;
    const pactsNamed = securityPacts(text);
    // A joint document on the guarantees: said so in the sentence, or the one named just before ("… said in the joint statement").
    const onGuarantees = GUARANTEE_CONTENT.test(text) || index - lastPact <= ANAPHOR_REACH;
    const joint = onGuarantees ? [...text.matchAll(JOINT_DOCUMENT)] : [];
    // "The leaders of A and B said in a statement …": a statement several countries speak through is a joint one.
    const shared = onGuarantees && !joint.length ? [...text.matchAll(IN_STATEMENT)] : [];
    const own = [...pactsNamed, ...guaranteeDocuments(text), ...joint].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    const other = OTHER_PACT.test(text);
    // "The parties expect to sign the agreement", "similar deals": the agreement named again, which keeps it in reach.
    const namedAgain =
      !own.length && !other && withinReach(index)
        ? [
            ...text.matchAll(PACT_ANAPHOR),
            ...[...text.matchAll(SIGNED_PACT)].filter((m) => !(SIGNING_NOUN.test(m[0]) && CALLED_OFF.test(text))),
            // Not one supposed, asked about or denied ("If an agreement with A was signed", "denied that …").
            ...[...text.matchAll(PASSIVE_SIGNED_PACT)].filter(
              (m) => !supposedBefore(text, m.index) && !negatedBefore(text, m.index),
            ),
          ]
        : [];
    const pointsBack =
      !own.length && !other && withinReach(index)
        ? [...namedAgain, ...text.matchAll(PASSIVE_SIGNING)].map((m) => ({
            start: m.index,
            end: m.index + m[0].length,
          }))
        : [];
    // "The statement was signed by …" in an article about the guarantees, however far from where it was named.
    if (!own.length && !other && !pointsBack.length && DOCUMENT_SIGNED.test(text) && aboutGuarantees()) {
      pointsBack.push(
        ...[...text.matchAll(PASSIVE_SIGNING)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
      );
    }
    const spokenThrough = shared.map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const pacts: PactMention[] = [...own, ...pointsBack, ...spokenThrough];
    if (other && !own.length) {
      lastPact = -Infinity;
      pactSentences = 0;
    }
    if (!pacts.length) return;
    // The agreement is with the beneficiary: named in the sentence or the two before ("Dorosh arrived in X. … signed").
    // By its name, capital or leader, or its adjective ("… and his Ukrainian counterpart signed").
    const names = (t: string) =>
      namesBeneficiary(t) || countriesIn(t, 0, affiliationOf).some((m) => m.country === beneficiary);
    const namedHere = names(text);
    const nearby = [1, 2].some((back) => names(sentences[index - back]?.text ?? ''));
    if (!(pointsBack.length > 0 || namedHere || nearby)) return;
    // An agreement named again by a signing or an anaphor keeps it in reach for the sentences after it, as naming it does
    // ("… expect to sign the agreement by July. On Friday, the signing of bilateral agreements with A was announced.").
    if (own.length || namedAgain.length) lastPact = index;
    // A security agreement proper, not a statement on the guarantees, makes the article one about such agreements.
    if (pactsNamed.length) pactSentences += 1;
    lastSigning = index;
    // "The statement was signed by:" opens a roster of the next lines; so does a heading naming the agreements' signers.
    const rosterOpener = ROSTER_OPENER.test(text);
    headed = !rosterOpener && signersHeading && !namesOtherPartner();
    rosterOpen = rosterOpener || headed;
    const signatories = new Map<number, CountryMention>();
    // A partner of an agreement in the making is a signer only where a later sentence signs ("… will sign it on
    // Tuesday"), not where it names the agreement again ("What we know about the agreement between Kyiv and A").
    const signsHere = SIGNING_ONCE.test(text);
    const take = (mentions: readonly CountryMention[], inMaking = false) => {
      for (const m of mentions) {
        if (m.country === beneficiary || opposing.has(m.country)) continue;
        if (inMaking) plannedPartners.add(m.country);
        else if (!plannedPartners.has(m.country) || signsHere) signatories.set(m.start, m);
      }
    };
    const first = pacts.reduce((a, b) => (a.start <= b.start ? a : b));
    // An agreement still negotiated or prepared in the clause ("… are in the works with A", "so that A and Kyiv could
    // conclude it") has no signer yet; read only when the sentence holds such a cue.
    const planning = mayPlan(text) && PLANNING.test(text);
    const planned = (at: number) => planning && plannedAt(text, at);
    // "… signed a security pact with A", "similar deals were signed with B and C", "signed by A": the other party.
    for (const w of text.matchAll(AGENT)) {
      if (w.index < first.start && !signingBetween(text, w.index, first.start)) continue;
      if (negatedBefore(text, w.index)) continue;
      const inMaking = planned(w.index);
      // A statement on the guarantees names its signers "by" the signing, never "with" ("talks with X").
      if (!pactsNamed.length && !pointsBack.length && !/^by/iu.test(w[0])) continue;
      // "by" names the other party only as the agent of the signing ("signed by A"), not of a mediation.
      const passive = () => [...text.matchAll(PASSIVE_SIGNING)].some((m) => m.index + m[0].length === w.index + 2);
      if (
        /^by/iu.test(w[0]) &&
        !SIGNED_RIGHT_BEFORE.test(text.slice(Math.max(0, w.index - 30), w.index)) &&
        !passive()
      ) {
        continue;
      }
      const colon = COLON_LEAD.exec(text.slice(w.index + w[0].length));
      const at = w.index + w[0].length + (colon?.[0].length ?? 0);
      const list = listAfterWith(text, at, affiliationOf);
      // "a security agreement between Ukraine and Italy": the pair holds the beneficiary and its partner.
      if (/^between/iu.test(w[0])) {
        if (list.some((m) => m.country === beneficiary)) take(list, inMaking);
        continue;
      }
      // "A and B signed pacts with Kyiv", "… with Dorosh": the beneficiary after "with" makes the subjects its partners.
      const withBeneficiary = list.length
        ? list.some((m) => m.country === beneficiary)
        : namesBeneficiary(text.slice(at, at + 40).split(CLAUSE_END)[0] ?? '');
      if (withBeneficiary) take(subjectsOfSigning(text, w.index, affiliationOf), inMaking);
      else take(list, inMaking);
    }
    // "Kyiv and Freedonia signed a ten-year security pact", "Sylvania was the first to sign such an
    // agreement": the subjects besides the beneficiary, when it is one of them, named in the sentence or pointed back to.
    for (const s of text.matchAll(SIGNING)) {
      if (Math.abs(s.index - first.start) > 120) continue;
      const subjects = subjectsOfSigning(text, s.index, affiliationOf);
      if (subjects.some((m) => m.country === beneficiary) || namedHere || pointsBack.length) {
        take(subjects, planned(s.index));
      }
    }
    // "Chile joined Peru and Bolivia in a ten-year security pact": the signers joined are signers too, when the agreement
    // named right after "in" is a security agreement with the beneficiary (named in the sentence).
    for (const j of pactsNamed.length && namedHere ? text.matchAll(JOINING) : []) {
      const list = listAfterWith(text, j.index + j[0].length, affiliationOf);
      const last = list.at(-1);
      if (!last || negatedBefore(text, j.index) || supposedBefore(text, j.index)) continue;
      const pact = pactsNamed.find((m) => m.index >= last.end && IN_THE_PACT.test(text.slice(last.end, m.index)));
      if (pact) take(list, planned(j.index));
    }
    // "A, B and C said in a joint statement that Kyiv needs guarantees", "'…,' the leaders of A and B wrote in a joint
    // letter": who says what a joint document on the guarantees says signed it; a quote before them is not theirs.
    for (const document of [...joint, ...shared]) {
      for (const s of text.matchAll(JOINT_SAYING)) {
        if (Math.abs(s.index - document.index) > JOINT_REACH) continue;
        // The quote is blanked, offsets kept: its words ("must not …") neither deny the signing nor sign.
        const quoteEnd = Math.max(...[...text.slice(0, s.index).matchAll(/["\u201d]/gu)].map((q) => q.index), -1);
        const unquoted = ' '.repeat(quoteEnd + 1) + text.slice(quoteEnd + 1);
        const sayers = subjectsOfSigning(unquoted, s.index, affiliationOf).filter((m) => m.country !== beneficiary);
        if (joint.includes(document) || new Set(sayers.map((m) => m.country)).size > 1) take(sayers);
      }
    }
    // "the UK-Ukraine security agreement": a compound of the beneficiary and its partner before the agreement.
    for (const pact of own) take(compoundPartners(text, pact.start, beneficiary));
    // "The total of such agreements now includes A, B and C": the list after an inclusion word.
    for (const inc of text.matchAll(INCLUSION)) {
      if (inc.index >= first.end)
        take(listAfterWith(text, inc.index + inc[0].length, affiliationOf), planned(inc.index));
    }
    for (const mention of signatories.values()) found.push({ index, mention });
  });
  return found;
}

/** Whether the clause around `at` speaks of an agreement in the making and of no signing done. */
function plannedAt(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const conjunction = [...before.matchAll(CONJUNCTION_CLAUSE)].at(-1);
  const start = Math.max(clauseStartIn(before), conjunction ? conjunction.index + 1 : 0);
  const rest = text.slice(at);
  const clause = text.slice(start, at + (CLAUSE_END.exec(rest)?.index ?? rest.length));
  return PLANNING.test(clause) && !DONE_SIGNING.test(clause);
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
  return negatedIn(before.slice(clauseStartIn(before)));
}

/** Whether the verb at `at` is only supposed (a condition opens its clause) or asked about (the sentence is a question). */
function supposedBefore(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return endsAsking(text) || JOINING_CONDITION.test(before.slice(clauseStartIn(before)));
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
  if (negatedIn(clause)) return [];
  const inClause = countriesIn(clause, clauseStart, affiliationOf);
  // "… informed the US envoy about Chile's decision to join": the owner of the decision signs, not whom it was told to.
  const owner = inClause.findIndex((m) => OWNED_DECISION.test(text.slice(m.end, at)));
  if (owner >= 0) {
    // "… about Peru and Chile's decision to join": a joint decision is every owner's of the list the "'s" closes. A
    // comma and "and" join a list only of three or more ("Peru, Bolivia, and Chile's"); with one country before them
    // they close a clause ("thanked Brazil, and Chile's decision … was welcomed").
    const gap = (k: number) => text.slice(inClause[k - 1]?.end, inClause[k]?.start);
    const joins = (k: number) =>
      LIST_GAP.test(gap(k)) && (!/,\s*and\b/iu.test(gap(k)) || (k > 1 && LIST_GAP.test(gap(k - 1))));
    let first = owner;
    while (first > 0 && joins(first)) first--;
    return inClause.slice(first, owner + 1);
  }
  return inClause.filter((m) => {
    const before = text.slice(Math.max(0, m.start - 30), m.start);
    return !GOVERNED.test(before) || LEADER_OF.test(before);
  });
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
