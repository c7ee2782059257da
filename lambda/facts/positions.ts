import { createHash } from 'node:crypto';
import type { Article } from '../articles/article.js';
import type { Person, Position, Statement } from './fact.js';
import { type Sentence, splitSentences } from './sentences.js';
import { type CompiledTopics, compileTopics, defaultTopicsConfig } from './topics.js';
import { peopleMentions, speakerParty, stanceTakers, statesPosition } from './topics-parties.js';

/*
 * Positions: what a party wants, offers or refuses on a configured topic. A sentence that mentions a
 * topic is cut into clauses ("Russia wants Ukraine to recognize Crimea as Russian territory, | but the
 * Ukrainians offered to resolve the issue over 15-year talks"); a clause whose subject is a party with
 * a verb of wanting, offering, refusing or saying is that party's position, stated in that clause.
 * A clause with no subject of its own takes one from the sentence: the party that said it
 * ("Ukrainian officials said … but that the guarantees would not apply to … the east"), or the
 * affiliation of the quoted speaker. A party that merely acts ("Russia annexed Crimea") takes no position.
 */

/** Where one clause ends and the next begins: "but", ";", "while", ", and" before a new subject. */
const CLAUSE_BREAK = /(?:,\s*|\s+)but\s+|;\s+|,\s+(?:while|whereas)\s+|,\s+and\s+(?=the\s|\p{Lu})/gu;
/** A clause that refers back to the sentence's topic without naming it. */
const ANAPHORA =
  /\b(?:the|this|that)\s+(?:issue|matter|question|status|dispute|region|regions|territory|territories|peninsula|problem)\b|\bit\b/iu;
const COMPLEMENT = /^that\b/iu;
const LEADING_CONNECTIVE = /^(?:(?:and|but|that|while|whereas|so|yet)\b[\s,]*)+/iu;

export interface ExtractPositionsOptions {
  sentences?: readonly Sentence[];
  /** Statements already extracted from the article: a quoted official's position is their party's. */
  statements?: readonly Statement[];
  /** The article's people: one with a party affiliation speaks for that party. */
  people?: readonly Person[];
  topics?: CompiledTopics;
}

interface Clause {
  text: string;
}

/** Every position the article reports, one per topic and party and sentence, each with its clause and sentence. */
export function extractPositions(article: Article, options: ExtractPositionsOptions = {}): Position[] {
  const topics = options.topics ?? compileTopics(defaultTopicsConfig);
  const sentences = options.sentences ?? splitSentences(article.body);
  const statements = options.statements ?? [];
  const people = peopleMentions(options.people ?? [], topics);
  const positions: Position[] = [];
  // One pass over the body finds the few sentences worth reading clause by clause.
  const mentionStarts = topics.topicMentions(article.body).map((m) => m.start);
  const mentionsTopic = (sentence: Sentence) => mentionStarts.some((at) => at >= sentence.start && at < sentence.end);
  for (const sentence of sentences) {
    if (!mentionsTopic(sentence)) continue;
    const sentenceTopics = topics.topicsIn(sentence.text);
    if (!sentenceTopics.length) continue;
    const seen = new Set<string>();
    const emit = (topic: string, party: string, clause: string) => {
      const key = `${topic}\u0000${party}`;
      if (seen.has(key)) return;
      seen.add(key);
      const stance = stanceOf(clause);
      positions.push({
        id: positionId(topic, party, stance),
        topic,
        party,
        stance,
        citations: [{ articleId: article.id, evidence: sentence.text }],
      });
    };
    const speaker = (topic: string) => speakerParty(sentence, article.id, statements, topics, topic);
    let matrixParty: string | null = null;
    for (const clause of splitClauses(sentence.text)) {
      const takers = stanceTakers(clause.text, topics, people);
      const clauseTopics = topics.topicMentions(clause.text);
      if (clauseTopics.length) {
        for (const topic of sentenceTopics) {
          const mention = clauseTopics.find((m) => m.id === topic);
          if (!mention) continue;
          const subject = takers.filter((t) => t.start < mention.start).at(-1) ?? takers[0];
          if (subject && !statesPosition(clause.text, subject)) continue;
          const party = subject?.id ?? (COMPLEMENT.test(clause.text) ? matrixParty : null) ?? speaker(topic);
          if (party) emit(topic, party, clause.text);
        }
      } else if (takers[0] && ANAPHORA.test(clause.text)) {
        for (const topic of sentenceTopics) emit(topic, takers[0].id, clause.text);
      }
      matrixParty ??= takers[0]?.id ?? null;
    }
  }
  return positions;
}

function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let from = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    clauses.push({ text: text.slice(from, m.index) });
    from = m.index + m[0].length;
  }
  clauses.push({ text: text.slice(from) });
  return clauses.filter((c) => /\p{L}/u.test(c.text));
}

/** The clause as the stance: verbatim, without a leading connective or trailing punctuation. */
function stanceOf(clause: string): string {
  const trimmed = clause
    .trim()
    .replace(LEADING_CONNECTIVE, '')
    .replace(/[\s,;:.]+$/u, '');
  return trimmed || clause.trim();
}

/** Stable across articles: the same party holding the same stance on the same topic gets the same id. */
export function positionId(topic: string, party: string, stance: string): string {
  const normalized = stance.toLowerCase().normalize('NFKC').replace(/\s+/g, ' ');
  return createHash('sha256').update(`${topic}\u0000${party}\u0000${normalized}`).digest('hex').slice(0, 16);
}
