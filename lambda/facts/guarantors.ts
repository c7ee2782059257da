import type { Article } from '../articles/article.js';
import { type ArticleParties, articleParties } from './article-parties.js';
import { type CountryMention, countryMentions } from './countries.js';
import type { Guarantor, Person, Statement } from './fact.js';
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
const SOURCE_TRIGGER =
  /\bguarantee(?:s|d)?(?:\s+(?!(?:but|not|that|which|except|without)\b)[\p{L}'\u2019-]+){0,5}?\s+(?:from|by)\b|\bguarantors?(?:\s+(?:countries|states|nations|powers))?(?:\s+(?!(?:but|not|that|which|except|without)\b)[\p{L}'\u2019-]+){0,5}?\s*(?:,\s*)?(?:such as|like|including|namely|notably|include|includes|included|would include|would be|will be|could be|are|were|[:\u2014\u2013])(?=\s)/giu;

/** The sentence casts what precedes as a guarantor; the countries come before. */
const ROLE_TRIGGER =
  /^\s+(?:(?:could|would|will|should|may|might|can|is|are|was|were|has|have|had|be|been|being|become|becomes|serve|serving|act|acting|agreed|agree|agrees|offered|offer|offers|ready|willing|prepared|named|proposed|suggested|mentioned|considered|listed|chosen|invited|asked|expected|set|likely|said|says|it|they|wants|wanted|want|to|as|among|one|of|the|a|an|our|its|their|his|her|possible|potential|future|main|key|security|also|already|all|both|each|other|countries|country|nations|states)\s+)*(?:guarantors?\b|guarantee\s+(?:[\p{L}'\u2019]+\s+){0,2}?(?:security|safety|sovereignty|neutrality|independence|integrity|deal|agreement|treaty|settlement|accord|peace)\b)/iu;

/** Between the trigger and the first country: a few words introducing the list ("outside nations like the"). */
const FIRST_GAP = /^\s*(?:[\p{L}'\u2019-]+,?\s+){0,6}?(?:the\s+)?$/iu;
/** Words that end a list or turn it against itself ("but not from", "except"). */
const LIST_BREAKER =
  /\b(?:but|not|except|excluding|without|rather|instead|that|which|who|while|although|whereas|because|if|when|after|before|unless|nor)\b|[;.!?]/iu;
/** Between two countries of one list. */
const LIST_GAP =
  /^(?:[\s,]|\b(?:and|or|as well as|plus|along with|together with|possibly|perhaps|maybe|even|also|potentially|the)\b)*$/iu;

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
  topics?: CompiledTopics;
  /** Whose claim each sentence states (default: read from the sentences, statements and people above). */
  parties?: ArticleParties;
}

/** Every country the article names as a proposed or possible guarantor, with who proposed it and the sentence. */
export function extractGuarantors(article: Article, options: ExtractGuarantorsOptions = {}): Guarantor[] {
  const topics = options.topics ?? compileTopics(defaultTopicsConfig);
  const sentences = options.sentences ?? splitSentences(article.body);
  const statements = options.statements ?? [];
  const peopleList = options.people ?? [];
  const people = peopleMentions(peopleList, topics);
  const parties = options.parties ?? articleParties(article, { sentences, statements, people: peopleList, topics });
  const beneficiary = topics.config.guaranteeBeneficiary;
  const byKey = new Map<string, Guarantor>();
  const add = (country: string, proposedBy: string | null, evidence: string) => {
    if (country === beneficiary) return;
    const key = `${country}\u0000${proposedBy ?? ''}`;
    const citation = { articleId: article.id, evidence };
    const existing = byKey.get(key);
    if (!existing) byKey.set(key, { country, proposedBy, citations: [citation] });
    else if (!existing.citations.some((c) => c.evidence === citation.evidence)) existing.citations.push(citation);
  };
  // A list introduced by one sentence may run on into the next sentences or bullets: they take its proposer.
  let openList: { proposer: () => string | null; index: number; colon: boolean } | null = null;
  sentences.forEach((sentence, i) => {
    const text = sentence.text;
    if (!/guarant/iu.test(text)) {
      const run = openList && i - openList.index <= MAX_LIST_RUN ? openList : null;
      const continued = !run
        ? []
        : run.colon
          ? listContinuation(text)
          : run.index === i - 1 && LIST_ANAPHOR.test(text)
            ? recallCandidates(text, countryMentions(text), [], sentenceParties(text, topics, people), true)
            : [];
      if (!run || !continued.length) {
        openList = null;
        return;
      }
      const proposer = run.proposer();
      for (const { country } of continued) add(country, proposer, text);
      run.index = i;
      return;
    }
    const named = sentenceParties(text, topics, people);
    const found = proposals(text, named);
    const listed = found.flatMap((p) => p.countries);
    const unlisted = (party: string | null) => (listed.some((c) => c.country === party) ? null : party);
    let proposer: string | null = null;
    for (const { countries, anchor } of found) {
      proposer =
        proposerBefore(text, anchor, listed, named) ??
        proposerAfter(text, anchor, named) ??
        speakerParty(sentence, article.id, statements, topics) ??
        quotedSpeakerParty(sentence, sentences[i - 1], topics) ??
        parties.speakerOf(i) ??
        // A party named in the list is proposed, not proposing ("Russia has been proposed as one of the guarantors").
        unlisted(parties.contextOf(i, PROPOSAL_CONTEXT)) ??
        unlisted(parties.leadFor(i, PROPOSAL_CONTEXT)) ??
        beneficiary ??
        null;
      for (const { country } of countries) add(country, proposer, text);
    }
    const listProposer = proposer;
    // Most guarantee sentences open no list: whose a list would be is read only when one runs on.
    let runProposer: { party: string | null } | undefined;
    openList = GUARANTOR_CUE.test(text)
      ? {
          proposer: () => {
            runProposer ??= { party: listProposer ?? parties.partyOf(i) ?? beneficiary ?? null };
            return runProposer.party;
          },
          index: i,
          colon: LIST_OPENER.test(text),
        }
      : null;
  });
  return [...byKey.values()];
}

/** The parties a sentence names, read once however many rules ask. */
interface SentenceParties {
  /** Every mention of a party (`topics.partyMentions`). */
  named(): PartyMention[];
  /** The mentions that may act (`actorMentions`): not governed by a preposition. */
  actors(): PartyMention[];
}

function sentenceParties(text: string, topics: CompiledTopics, people: PeopleMentions): SentenceParties {
  let named: PartyMention[] | undefined;
  let actors: PartyMention[] | undefined;
  return {
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
}

function proposals(text: string, named: SentenceParties): Proposal[] {
  const mentions = countryMentions(text);
  const found: Proposal[] = [];
  for (const trigger of text.matchAll(SOURCE_TRIGGER)) {
    const after = trigger.index + trigger[0].length;
    const list = listAfter(text, after, mentions);
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
  const recalled = recallCandidates(text, mentions, found, named, false);
  if (recalled.length) found.push({ countries: recalled, anchor: recalled[0]?.start ?? 0 });
  return withoutHistory(text, found);
}

/** A sentence that can lend a guarantor list its proposer: it speaks of a plan, a document or guarantees. */
const PROPOSAL_CONTEXT =
  /\b(?:guarant\w*|propos\w*|plan|plans|draft|drafts|memorandum|memoranda|document|paper|treaty|terms|offer\w*|demand\w*|list|initiative|framework|conditions)\b/iu;

/** A year of the last century dates the clause: guarantees given then are history, not a proposal. */
const LAST_CENTURY = /\b19\d{2}\b/u;

/** Drops the countries of clauses that tell history ("in exchange for guarantees from X in 1994"). */
function withoutHistory(text: string, found: Proposal[]): Proposal[] {
  if (!LAST_CENTURY.test(text)) return found;
  const past = clauseSpans(text).filter(({ start, end }) => LAST_CENTURY.test(text.slice(start, end)));
  const inPast = (c: CountryMention) => past.some(({ start, end }) => start <= c.start && c.end <= end);
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
const GUARANTOR_CUE =
  /guarant(?<![\p{L}\p{N}]guarant)(?:or(?:s|ship)?\b|eed\s+by\b|ee(?:s|d)?\s+(?:(?:of|for|to)\s+)?(?:[\p{L}'\u2019-]+\s+){0,2}?(?:security|safety|sovereignty|neutrality|independence|integrity|deal|agreement|treaty|settlement|accord|peace|ceasefire|truce)\b|ees?\b(?<=\bsecurity\s+guarantees?)|ees\b(?<=\b(?:the|any|such|these|those|future|western|international|legal|legally\s+binding|binding|reliable|firm|solid|strong|robust|credible|concrete|ironclad|iron-clad|its|their)\s+guarantees))/iu;

/** A guarantor of a named, past instrument ("a guarantor of the 1994 Budapest Memorandum") is history, not a proposal. */
const OF_PAST_INSTRUMENT =
  /^\s+(?:of|to|under)\s+(?:the\s+)?(?:\d{4}\s+)?\p{Lu}[\p{L}-]*\s+(?:Memorandum|Agreements?|Accords?|Treaty|Protocol|Declaration)\b/u;
const PAST_INSTRUMENT = new RegExp(`\\bguarantors?(?=${OF_PAST_INSTRUMENT.source.slice(1)})`, 'u');

/** Where a clause ends: a candidate and the guarantee vocabulary must share one. */
const CLAUSE_BOUNDARY =
  /;|,\s+(?:which|who|whose)\s+(?![^,]{1,60},)(?!(?:(?:would|will|could|may|might|should|are|is|were|have|has)\s+)*(?:also\s+)?(?:include|includes|included|be|act|serve|become|guarantee|provide|give|offer|agreed|expressed)\b)|,?\s+(?:but|while|whereas|although|after|before|when|meanwhile|unlike)\s+/gu;

/** Before a country: it is a place, a threat, an excluded one, an office's country or a delegation's (a party to the talks), not a guarantor. */
const REJECT_BEFORE =
  /(?:\b(?:in|at|into|inside|across|near|toward|towards|against|over|visit(?:ed|s|ing)?\s+to|trip\s+to|border\s+with|(?:talks|negotiations|war|conflict|meeting|call|conversation|ties|relations|dialogue|contacts|summit)\s+(?:\w+\s+)?with|(?:talk(?:s|ed|ing)?|spoke|speak(?:s|ing)?|met|meet(?:s|ing)?|consult(?:s|ed|ing)?)\s+(?:to|with)|without|except|excluding|not\s+(?:from|by|with)?|rather\s+than|instead\s+of|(?:ministers?|ministry|embassy|ambassadors?|envoys?|spokes(?:man|woman|person)|presidents?|chancellors?|leaders?|heads?|officials?|defen[cs]e|affairs)\s+of|(?:delegations?|negotiators|negotiating\s+teams?)\s+(?:from|of)|(?:attack(?:s|ed)?|aggression|invasion|invaded|occupied|annexed|shelling|strikes?|threat|protection|defen[cs]e)\s+(?:\w+\s+)?(?:by|from))\s+(?:the\s+)?)$/iu;

/** Before a list: the role is refused or doubted for it ("Kyiv ruled out Belarus as a guarantor", "questioned whether X could"). */
const REFUSED_BEFORE =
  /\b(?:(?:rul(?:e|es|ed|ing)\s+out|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|exclud(?:e|es|ed|ing)|oppos(?:e|es|ed|ing)|object(?:s|ed)?\s+to|veto(?:es|ed)?)\s+(?:(?:\w+\s+){0,2})?|(?:question(?:s|ed|ing)?|doubt(?:s|ed|ing)?|doubtful|wonder(?:s|ed|ing)?|unclear|uncertain)\s+(?:whether|if|that)\s+)(?:the\s+)?$/iu;

/** A venue or a dateline: "in Istanbul, Turkey", "ANKARA, Turkey". */
const PLACE_BEFORE = /(?:^|\b(?:in|at|from|to)\s+)\p{Lu}[\p{L}-]+,\s+(?:the\s+)?$/u;

/** After a country: an office or body of that country, whose holder is the subject ("US Secretary of State …"). */
const OFFICE_AFTER =
  /^\s+(?:Secretary|President|Prime\s+Minister|Foreign|Defen[cs]e|Minister|Ambassador|Envoy|State\s+Department|Embassy|Government|Chancellor|Premier|National\s+Security|Spokes(?:man|woman|person)|officials?|diplomats?|lawmakers|intelligence|media|envoy|ambassador)\b/u;

/** After a country: a possessive office, a refusal of the role, or a verb that makes it a subject doing something else. */
const REJECT_AFTER =
  /^(?:['\u2019]s\s+(?!(?:readiness|willingness|offer|role|participation|consent|agreement|commitment|pledge|promise|guarantee|guarantees|support)\b)|\s+(?:(?:also|has|have|had|is|are|was|were|does|do|did|would|will|could|should|still|now|already|reportedly)\s+)*(?:not|never|cannot|can['\u2019]t|won['\u2019]t|wouldn['\u2019]t|refused|rejected|declined|ruled)\b|\s+to\s+(?!(?:be|act|serve|become|guarantee|provide|give|offer|join|sign|take|assume|participate|contribute|extend|ensure)\b)\p{L}+)/iu;

/** What governs a list as an object: a source, an inclusion, a colon or a dash. */
const OBJECT_BEFORE =
  /(?:\b(?:from|by|including|include|includes|included|such\s+as|like|namely|as|among|involve|involves|involving|of)|[:(\u2014\u2013-])\s+(?:the\s+)?$/iu;

/** After a country that is a subject: the verbs that make it one offering or cast as a guarantor. */
const OFFERS_AFTER =
  /^(?:,[^,]{1,60},)?\s+(?:(?:also|has|have|had|is|are|was|were|still|now|already|reportedly|formally|officially|publicly|too)\s+)*(?:offer(?:s|ed)?|agree(?:s|d)?|pledge(?:s|d)?|promise(?:s|d)?|commit(?:s|ted)?|sign(?:s|ed)?|join(?:s|ed)?|volunteer(?:s|ed)?|express(?:es|ed)|voice(?:s|d)|confirm(?:s|ed)?|stands?\s+ready|ready|willing|prepared|open|could|would|will|may|might|can|should|being|on\s+the\s+table|among|as|said\s+(?:it|they)\s+(?:is|are|was|were|would|could|will|can)\s+(?:be\s+)?(?:ready|willing|prepared|open|contribute|provide|participate|take\s+part|join|offer|give|act|serve))\b/iu;

/** A country followed by a finite verb (or "and …" then one) is the subject of that verb. */
const SUBJECT_AFTER =
  /^(?:,[^,]{1,60},)?(?:\s+and\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,2}?)?(?:\s+\p{Lu}[\p{L}.-]*){0,3}(?:\s+(?:president|officials?|government|side|delegation|envoy|leaders?|ministers?|spokes(?:man|woman|person)|administration|embassy))?\s+(?:(?:also|has|have|had|is|are|was|were|still|now|already|reportedly)\s+)*(?:\p{Ll}+(?:ed|es)|said|says|told|tells|wants?|sees?|saw|held|holds|took|takes|made|makes|met|meets|sent|sends|hosts?|backs?|seeks?|sought|calls?|asks?|insists?|demands?|thinks?|believes?|knows?)\b/u;

function recallCandidates(
  text: string,
  mentions: readonly CountryMention[],
  found: readonly Proposal[],
  named: SentenceParties,
  /** The sentence continues the previous one's guarantee talk ("Among them are …"): every clause counts. */
  continues: boolean,
): CountryMention[] {
  const taken = new Set(found.flatMap((p) => p.countries.map((c) => c.start)));
  const open = mentions.filter((m) => !taken.has(m.start));
  if (!open.length || (!continues && (!GUARANTOR_CUE.test(text) || PAST_INSTRUMENT.test(text)))) return [];
  // A clause that lists the guarantors just named ("…; these are X and Y") continues the clause before it.
  const spans = clauseSpans(text);
  const clauses = spans.filter(
    ({ start, end }, k) =>
      continues ||
      spans.length === 1 ||
      GUARANTOR_CUE.test(text.slice(start, end)) ||
      (k > 0 && LIST_ANAPHOR.test(text.slice(start, end)) && GUARANTOR_CUE.test(text.slice(0, start))),
  );
  return mentions.filter((mention, i) => {
    if (taken.has(mention.start)) return false;
    if (!clauses.some((c) => c.start <= mention.start && mention.end <= c.end)) return false;
    return !rejected(text, mention, listHead(text, mentions, i), listEnd(text, mentions, i), named.actors);
  });
}

function rejected(
  text: string,
  mention: CountryMention,
  head: CountryMention,
  end: number,
  actors: () => readonly PartyMention[],
): boolean {
  // A list shares one part: judge what precedes it by its head ("leaders of France, Germany and Britain"),
  const before = text.slice(Math.max(0, head.start - 60), head.start);
  // and what follows by its end ("Russia and Ukraine discussed …" makes both subjects).
  const after = text.slice(end, end + 120);
  if (REJECT_BEFORE.test(before) || PLACE_BEFORE.test(before) || REFUSED_BEFORE.test(before)) return true;
  if (REJECT_AFTER.test(after) || OFFICE_AFTER.test(text.slice(mention.end, mention.end + 40))) return true;
  if (OFFERS_AFTER.test(after)) return false;
  // A list governed by "from", "including" or a colon is an object, whatever verb follows it.
  if (OBJECT_BEFORE.test(text.slice(Math.max(0, head.start - 40), head.start))) return false;
  // A party that wants, asks or says is the proposer, not a guarantor ("Russia wants …").
  if (actors().some((a) => a.start === mention.start && takesStance(text, a))) return true;
  return SUBJECT_AFTER.test(after);
}

/** The first country of the list that holds mention `i`. */
function listHead(text: string, mentions: readonly CountryMention[], i: number): CountryMention {
  let head = mentions[i] as CountryMention;
  for (let j = i - 1; j >= 0; j--) {
    const previous = mentions[j] as CountryMention;
    if (!LIST_GAP.test(text.slice(previous.end, head.start))) break;
    head = previous;
  }
  return head;
}

/** Where the list that holds mention `i` ends: the last country joined to it by commas and "and". */
function listEnd(text: string, mentions: readonly CountryMention[], i: number): number {
  let last = mentions[i] as CountryMention;
  for (const next of mentions.slice(i + 1)) {
    if (!LIST_GAP.test(text.slice(last.end, next.start))) break;
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
const LIST_ANAPHOR =
  /^[\s\p{P}\p{S}]*(?:among\s+them|they|these|those|this\s+list|the\s+list|the\s+countries|the\s+states)\b(?:\s+(?:are|were|would|could|will|may|might|should|include|includes|included|be|named|being|also|possibly))*\b/iu;

/** A sentence that opens a list for the next lines: it ends with a colon or a dash. */
const LIST_OPENER = /[:\u2014\u2013-]\s*$/u;
/** How many bullets or sentences a list may run on for. */
const MAX_LIST_RUN = 6;
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

/** The countries listed right after `from`: the first within a few words, the rest joined by commas and "and". */
function listAfter(text: string, from: number, mentions: readonly CountryMention[]): CountryMention[] {
  const list: CountryMention[] = [];
  let cursor = from;
  for (const mention of mentions) {
    if (mention.start < cursor) continue;
    const gap = text.slice(cursor, mention.start);
    const fits = list.length === 0 ? FIRST_GAP.test(gap) && !LIST_BREAKER.test(gap) : LIST_GAP.test(gap);
    if (!fits) break;
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
    if (next && !LIST_GAP.test(text.slice(mention.end, next.start))) break;
    // "put forward by Ukraine, Poland and Japan would …": a country after a preposition is not a subject.
    if (next && PREPOSITION_BEFORE.test(text.slice(Math.max(0, mention.start - 20), mention.start))) break;
    list.unshift(mention);
  }
  return list;
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
  const proposer = named
    .named()
    .find(
      (m) =>
        m.end <= (countries[0]?.start ?? anchor) &&
        PROPOSED_BY_BEFORE.test(text.slice(Math.max(0, m.start - 60), m.start)),
    );
  return proposer?.id ?? before.at(-1)?.id ?? null;
}

/** A party that says the sentence after the fact ("…, Ukrainian officials said."). */
function proposerAfter(text: string, anchor: number, named: SentenceParties): string | null {
  const sayer = named.actors().find((m) => m.start > anchor && isSayer(text, m));
  return sayer?.id ?? null;
}

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
