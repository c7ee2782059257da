import type { SummaryView, TopicView } from '../facts/views.js';
import type { ViewReader } from '../store/ports.js';
import { type Answer, type AnswerPart, sourcesById, talksCommand, textPart } from './answer.js';
import { parseCommand, type Visibility } from './command.js';
import { closestWithin } from './edit-distance.js';
import { emptyCorpusAnswer } from './empty-corpus.js';
import { positionGroups, statementLine } from './group-facts.js';

export type TopicRef = SummaryView['topics'][number];

/**
 * The shortest command that shows a topic: the shortcut (`/talks crimea`) when the topic id is one word
 * that is not a subcommand, else `/talks topic <id>`.
 */
export function topicCommand(topicId: string): string {
  const { command } = parseCommand(topicId);
  const isShortcut = command.kind === 'other' && command.word === topicId && !command.rest;
  return talksCommand(isShortcut ? topicId : `topic ${topicId}`);
}

function normalizeTopic(text: string): string {
  return text.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** The words of a topic's id or label, or of a query: `zaporizhzhia-npp` → zaporizhzhia, npp. */
function topicWords(text: string): string[] {
  return normalizeTopic(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whether `run` stands in `words` as whole words, in order and side by side. */
function hasWordRun(words: readonly string[], run: readonly string[]): boolean {
  if (!run.length) return false;
  for (let start = 0; start + run.length <= words.length; start += 1) {
    if (run.every((w, i) => words[start + i] === w)) return true;
  }
  return false;
}

/**
 * The configured topic a user's words name: its id or its label, in any case; else the one topic whose id or
 * label has those words whole (`zaporizhzhia`, `nuclear plant` for "Zaporizhzhia nuclear plant"), since people
 * type the place, not the configured id. Never part of a word ("plan" is no "plant"), never one of several.
 */
export function findTopic(query: string, topics: readonly TopicRef[]): TopicRef | null {
  const wanted = normalizeTopic(query);
  const exact = topics.find((t) => normalizeTopic(t.id) === wanted || normalizeTopic(t.label) === wanted);
  if (exact) return exact;
  const run = topicWords(query);
  const named = topics.filter((t) => hasWordRun(topicWords(t.id), run) || hasWordRun(topicWords(t.label), run));
  return named.length === 1 ? (named[0] as TopicRef) : null;
}

/** The topic a misspelt name probably meant ("crimia"), for "did you mean". */
function nearestTopic(query: string, topics: readonly TopicRef[]): TopicRef | null {
  const ids = topics.map((t) => normalizeTopic(t.id));
  const labels = topics.map((t) => normalizeTopic(t.label));
  const wanted = normalizeTopic(query);
  const near = closestWithin(wanted, ids) ?? closestWithin(wanted, labels);
  return topics.find((t) => normalizeTopic(t.id) === near || normalizeTopic(t.label) === near) ?? null;
}

/**
 * A configured topic the articles have said nothing about yet: it has no stored view (ingest writes one only
 * for a topic with facts), yet it is a topic, and help offers its command.
 */
function emptyTopicView(topic: TopicRef): TopicView {
  return {
    topic: topic.id,
    label: topic.label,
    positions: [],
    totalPositions: 0,
    statements: [],
    totalStatements: 0,
    sources: [],
  };
}

/** A configured topic's answer: its view, or what an empty one says when the articles have nothing on it yet. */
export function configuredTopicAnswer(topic: TopicRef, view: TopicView | null, visibility: Visibility): Answer {
  return topicAnswer(view ?? emptyTopicView(topic), visibility);
}

export function topicAnswer(view: TopicView, visibility: Visibility): Answer {
  const parts: AnswerPart[] = [
    {
      kind: 'facts',
      heading: `Positions on ${view.label}`,
      groups: positionGroups(view.positions),
      totalGroups: new Set(view.positions.map((p) => p.party)).size,
      emptyText: `No party's position on ${view.label} was found in the articles.`,
    },
  ];
  const morePositions = view.totalPositions - view.positions.length;
  if (morePositions > 0) parts.push(textPart(`… and ${morePositions} more positions, less often cited.`));
  parts.push({
    kind: 'facts',
    heading: `What was said about ${view.label}`,
    groups: [{ lines: view.statements.map((s) => statementLine(s, true)), total: view.totalStatements }],
    totalGroups: 1,
    emptyText: `No statement about ${view.label} was found.`,
  });
  return { title: view.label, parts, sources: sourcesById(view.sources), visibility };
}

/** Lists the configured topics with the command for each. */
function topicListAnswer(
  topics: readonly TopicRef[],
  visibility: Visibility,
  { title = 'Topics', lead = [] }: { title?: string; lead?: AnswerPart[] } = {},
): Answer {
  return {
    title,
    parts: [
      ...lead,
      {
        kind: 'commands',
        heading: 'Topics you can ask about',
        commands: topics.map((t) => ({
          usage: topicCommand(t.id),
          description: `positions and statements on ${t.label}`,
        })),
      },
    ],
    sources: {},
    visibility,
  };
}

/**
 * `/talks topic <name>`: the topic's view in one read when the name is its id; otherwise the configured
 * topics (from the summary) resolve a label ("Donbas") or answer with the list and a "did you mean".
 */
export async function answerTopic(query: string, views: ViewReader, visibility: Visibility): Promise<Answer> {
  const direct = query ? await views.getTopic(normalizeTopic(query)) : null;
  if (direct) return topicAnswer(direct, visibility);
  const summary = await views.getSummary();
  if (!summary) return emptyCorpusAnswer(visibility);
  if (!query) return topicListAnswer(summary.topics, visibility);
  const topic = findTopic(query, summary.topics);
  if (topic) {
    // The direct read above already missed when the query is the id itself.
    const view = normalizeTopic(topic.id) !== normalizeTopic(query) ? await views.getTopic(topic.id) : null;
    return configuredTopicAnswer(topic, view, visibility);
  }
  const near = nearestTopic(query, summary.topics);
  const lead = near ? [textPart('Did you mean ', { command: topicCommand(near.id) }, '?')] : [];
  return topicListAnswer(summary.topics, visibility, { title: `No topic "${query}"`, lead });
}
