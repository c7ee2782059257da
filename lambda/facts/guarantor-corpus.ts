import type { Article } from '../articles/article.js';
import { cutOffSentence } from './cut-off.js';
import type { ArticleFacts, Guarantor } from './fact.js';
import {
  beneficiaryNamed,
  mayGuarantee,
  otherProcessGuarantors,
  speaksOfGuarantees,
  unrejectedCountryLists,
} from './guarantors.js';
import { splitSentences } from './sentences.js';
import type { CompiledTopics } from './topics.js';

/*
 * Guarantors the corpus knows. Reports on the security guarantees name the same few countries again and again, and a
 * report often lists them in a sentence no construction reads as a guarantee ("the call will include the leaders of A,
 * B, C and D", "… by all five permanent members: A, B, C and D"). One article cannot tell such a list from any other;
 * the corpus can: when most of the list are countries other reports name as guarantors, the list is the guarantors'
 * in an article that speaks of the guarantees, as a person's country is the one the corpus gives them
 * (people-identity.ts). A list judged by its context as a venue, a pair, the other side of a deal or a refusal is not.
 */

/** Countries some article of the corpus names as a guarantor. */
export type KnownGuarantors = ReadonlySet<string>;

/**
 * How many members of a list the corpus must know as guarantors, and the share of the list they must be: a pair of
 * known countries ("led by A and B") is too little to tell a coalition from the two sides of something else.
 */
const KNOWN_MEMBERS = 3;
const KNOWN_SHARE = 0.5;
/** How many sentences away a guarantee sentence may tie a list to the guarantees: the neighbouring one. */
const REACH = 1;

/** The countries the articles name as guarantors, each article once. */
export function corpusGuarantors(facts: readonly ArticleFacts[]): KnownGuarantors {
  return new Set(facts.flatMap((f) => f.guarantors.map((g) => g.country)));
}

/**
 * The guarantors an article names in lists that the corpus knows (`known`), beyond those its own rules found: in an
 * article that speaks of the guarantees, each list of countries its context does not reject whose members are mostly
 * known guarantors (`KNOWN_MEMBERS`, `KNOWN_SHARE`; the parties to the war neither count nor are added). Proposed by
 * the party whose quoted words the sentence is, or else the protected country. `guaranteeTopic` is whether the
 * guarantee topic is open at each sentence, as the reading that gave `facts` found it (extract.ts, `ArticleReading`):
 * the one source of it, so the arrangement is never read a second way here.
 */
export function corpusListGuarantors(
  article: Article,
  facts: ArticleFacts,
  known: KnownGuarantors,
  topics: CompiledTopics,
  guaranteeTopic: readonly boolean[],
): Guarantor[] {
  if (known.size < KNOWN_MEMBERS || !mayGuarantee(article.body)) return [];
  const sentences = splitSentences(article.body);
  const speaking = sentences.map(({ text }) => mayGuarantee(text) && speaksOfGuarantees(text));
  if (!speaking.includes(true)) return [];
  const beneficiary = topics.config.guaranteeBeneficiary ?? null;
  const named = new Set(facts.guarantors.map((g) => g.country));
  const added = new Map<string, Guarantor>();
  // The paragraphs that go on with the guarantees after one speaking of them (guarantee-topic.ts), as the article's
  // extraction read them.
  const inTopic = (i: number) => guaranteeTopic[i] ?? false;
  // The sentence the excerpt's end cuts off names no guarantor (R5), even one listed before the cut.
  const cut = cutOffSentence(sentences, article.body);
  // "A, B and C are the guarantors of the peace talks" with a rebel group: no list of that sentence is Ukraine's.
  const ofOtherProcess = otherProcessGuarantors(
    article.body,
    topics,
    beneficiaryNamed(facts.people, facts.mentions, topics),
  );
  for (const [i, { text }] of sentences.entries()) {
    if (sentences[i] === cut || ofOtherProcess(text)) continue;
    // Tied to the guarantees by its own words, by a sentence beside it, or by the topic its paragraph goes on with.
    const tied =
      mayGuarantee(text) || [...Array(2 * REACH + 1).keys()].some((d) => speaking[i - REACH + d]) || inTopic(i);
    if (!tied) continue;
    for (const list of unrejectedCountryLists(text)) {
      // A party to the war among the list makes it the talks' participants, unless the sentence speaks of guarantees.
      if (!mayGuarantee(text) && list.some((m) => topics.partyNames.includes(m.country))) continue;
      const members = [...new Set(list.map((m) => m.country))].filter((c) => !topics.partyNames.includes(c));
      const knownMembers = members.filter((c) => known.has(c)).length;
      if (knownMembers < KNOWN_MEMBERS || knownMembers < KNOWN_SHARE * members.length) continue;
      const proposedBy = quotedParty(text, facts, topics.partyNames) ?? beneficiary;
      for (const country of members) {
        if (named.has(country) || added.has(country)) continue;
        added.set(country, { country, proposedBy, citations: [{ articleId: article.id, evidence: text }] });
      }
    }
  }
  return [...added.values()];
}

/** The party whose statement the sentence reports ("Lavrov said the guarantees must be agreed by …"). */
function quotedParty(text: string, facts: ArticleFacts, partyNames: readonly string[]): string | null {
  const said = facts.statements.find(
    (s) => s.affiliation && partyNames.includes(s.affiliation) && s.citations.some((c) => c.evidence.includes(text)),
  );
  return said?.affiliation ?? null;
}

/**
 * Each article's facts with the guarantors of its known lists added (`corpusListGuarantors`), the corpus being `facts`
 * and the countries an earlier corpus named as guarantors (`stored`: at ingest, the store's). `guaranteeTopics`, by
 * index as `articles` and `facts` are, is the guarantee topic of the reading each article's facts come from.
 */
export function withCorpusGuarantors(
  articles: readonly Article[],
  facts: readonly ArticleFacts[],
  topics: CompiledTopics,
  stored: Iterable<string>,
  guaranteeTopics: readonly (readonly boolean[])[],
): ArticleFacts[] {
  const known = new Set([...corpusGuarantors(facts), ...stored]);
  return facts.map((f, i) => {
    const article = articles[i];
    const more = article ? corpusListGuarantors(article, f, known, topics, guaranteeTopics[i] ?? []) : [];
    return more.length ? { ...f, guarantors: [...f.guarantors, ...more] } : f;
  });
}
