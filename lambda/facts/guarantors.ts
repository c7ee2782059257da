import type { Article } from '../articles/article.js';
import { type CountryMention, countryMentions } from './countries.js';
import type { Guarantor, Person, Statement } from './fact.js';
import { type Sentence, splitSentences } from './sentences.js';
import { type CompiledTopics, compileTopics, defaultTopicsConfig } from './topics.js';
import { actorMentions, isSayer, type PeopleMentions, peopleMentions, speakerParty } from './topics-parties.js';

/*
 * Guarantors: countries named as proposed or possible guarantors of a country's security. A country
 * counts only where the sentence makes it a source of guarantees ("guarantees from X, Y and Z",
 * "guaranteed by X", "guarantor countries such as X") or casts it as a guarantor ("we see X as one of
 * our guarantor countries", "X could act as a guarantor", "X would guarantee"). A sentence that merely
 * names a country near the word "guarantees" ("Ukraine wants Russia not to block its EU bid and wants
 * security guarantees") proposes nobody.
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
}

/** Every country the article names as a proposed or possible guarantor, with who proposed it and the sentence. */
export function extractGuarantors(article: Article, options: ExtractGuarantorsOptions = {}): Guarantor[] {
  const topics = options.topics ?? compileTopics(defaultTopicsConfig);
  const sentences = options.sentences ?? splitSentences(article.body);
  const statements = options.statements ?? [];
  const people = peopleMentions(options.people ?? [], topics);
  const beneficiary = topics.config.guaranteeBeneficiary;
  const byKey = new Map<string, Guarantor>();
  sentences.forEach((sentence, i) => {
    if (!/guarant/iu.test(sentence.text)) return;
    for (const { countries, anchor } of proposals(sentence.text)) {
      const proposedBy =
        proposerBefore(sentence.text, anchor, countries, topics, people) ??
        proposerAfter(sentence.text, anchor, topics, people) ??
        speakerParty(sentence, article.id, statements, topics) ??
        quotedSpeakerParty(sentence, sentences[i - 1], topics);
      for (const { country } of countries) {
        if (country === beneficiary) continue;
        const key = `${country}\u0000${proposedBy ?? ''}`;
        const citation = { articleId: article.id, evidence: sentence.text };
        const existing = byKey.get(key);
        if (!existing) byKey.set(key, { country, proposedBy, citations: [citation] });
        else if (!existing.citations.some((c) => c.evidence === citation.evidence)) existing.citations.push(citation);
      }
    }
  });
  return [...byKey.values()];
}

interface Proposal {
  countries: CountryMention[];
  /** Where the proposal starts: the trigger, or the first country of a list that precedes it. */
  anchor: number;
}

function proposals(text: string): Proposal[] {
  const mentions = countryMentions(text);
  const found: Proposal[] = [];
  for (const trigger of text.matchAll(SOURCE_TRIGGER)) {
    const after = trigger.index + trigger[0].length;
    const list = listAfter(text, after, mentions);
    if (list.length) found.push({ countries: list, anchor: trigger.index });
  }
  mentions.forEach((mention, i) => {
    if (!ROLE_TRIGGER.test(text.slice(mention.end))) return;
    const list = listBefore(text, mentions.slice(0, i + 1));
    found.push({ countries: list, anchor: list[0]?.start ?? mention.start });
  });
  return found;
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
  topics: CompiledTopics,
  people: PeopleMentions,
): string | null {
  const inList = (m: { start: number }) => countries.some((c) => c.start <= m.start && m.start < c.end);
  const before = actorMentions(text, topics, people).filter((m) => m.end <= anchor && !inList(m));
  const proposer = topics
    .partyMentions(text)
    .find(
      (m) =>
        m.end <= (countries[0]?.start ?? anchor) &&
        PROPOSED_BY_BEFORE.test(text.slice(Math.max(0, m.start - 60), m.start)),
    );
  return proposer?.id ?? before.at(-1)?.id ?? null;
}

/** A party that says the sentence after the fact ("…, Ukrainian officials said."). */
function proposerAfter(text: string, anchor: number, topics: CompiledTopics, people: PeopleMentions): string | null {
  const sayer = actorMentions(text, topics, people).find((m) => m.start > anchor && isSayer(text, m));
  return sayer?.id ?? null;
}

/**
 * A quotation with no attribution of its own continues the previous sentence's speaker
 * ("David Arahamia, one of the Ukrainian negotiators, declared … "We see Turkey as …""): the party
 * the previous sentence names through a person who speaks for it.
 */
function quotedSpeakerParty(sentence: Sentence, previous: Sentence | undefined, topics: CompiledTopics): string | null {
  if (!previous || !QUOTE_OPENERS.test(sentence.text)) return null;
  const members = topics.partyMentions(previous.text).filter((m) => m.kind === 'member');
  return members[0]?.id ?? null;
}
