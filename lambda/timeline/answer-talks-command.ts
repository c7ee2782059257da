import { type Answer, textPart } from '../answers/answer.js';
import { type AnswerFeatures, answerCommand } from '../answers/answer-command.js';
import type { ParsedCommand, Visibility } from '../answers/command.js';
import { findTopic, type TopicRef } from '../answers/topic-answer.js';
import type { TimelineReader, ViewReader } from '../store/ports.js';
import { GUARANTORS_TIMELINE } from '../views/timeline-records.js';
import { SINCE_MAX_DAYS, sinceAnswer } from './since-answer.js';
import { parseSinceDate } from './since-date.js';
import { timelineAnswer, timelineCommand } from './timeline-answer.js';

/*
 * The /talks answers with timeline and since: those two here, every other command by answerCommand. Slack
 * and the CLI call this, so both show the same answer.
 */

export interface TalksAnswerDeps {
  views: ViewReader;
  /** The timeline and day items. Without them `timeline` and `since` say they are not answered here. */
  timeline?: TimelineReader;
  /** What the other features (flags) add to every other answer. */
  features?: AnswerFeatures;
  /** The clock `since 7d` and `since yesterday` count from. @default the system clock */
  now?: () => Date;
}

const GUARANTOR_WORDS = new Set(['guarantors', 'guarantor', 'guarantees']);

export async function answerTalksCommand(parsed: ParsedCommand, deps: TalksAnswerDeps): Promise<Answer> {
  const { command, visibility } = parsed;
  const { timeline, features } = deps;
  if (command.kind === 'timeline' && timeline) {
    return withFlags(answerTimeline(command.subject, deps.views, timeline, visibility), features);
  }
  if (command.kind === 'since' && timeline) {
    return withFlags(answerSince(command.when, timeline, (deps.now ?? (() => new Date()))(), visibility), features);
  }
  return answerCommand(parsed, deps.views, features);
}

/** The answer with flagged facts hidden or marked as every other answer's are: the flag index read beside it. */
async function withFlags(answer: Promise<Answer>, features: AnswerFeatures | undefined): Promise<Answer> {
  if (!features) return answer;
  const [read, amend] = await Promise.all([answer, features.readFactFilter()]);
  return amend(read);
}

/** `since <when>` for a day already worked out: what the digest posts. One Query. */
export async function answerSinceDay(day: string, timeline: TimelineReader, visibility: Visibility): Promise<Answer> {
  return sinceAnswer(day, await timeline.getNewsSince(day, SINCE_MAX_DAYS), visibility);
}

async function answerSince(when: string, timeline: TimelineReader, now: Date, visibility: Visibility): Promise<Answer> {
  const since = parseSinceDate(when, now);
  if (!since.ok) {
    return {
      title: 'Since when?',
      parts: [
        textPart(
          `${since.problem} Give a date as `,
          { command: '/talks since 2026-03-10' },
          ', a number of days as ',
          { command: '/talks since 7d' },
          ', or ',
          { command: '/talks since yesterday' },
          '.',
        ),
      ],
      sources: {},
      visibility,
    };
  }
  return answerSinceDay(since.day, timeline, visibility);
}

/** Which timelines exist: one per configured topic, and the guarantors'. */
function timelineList(topics: readonly TopicRef[], visibility: Visibility, title: string, lead: string): Answer {
  return {
    title,
    parts: [
      ...(lead ? [textPart(lead)] : []),
      {
        kind: 'commands',
        heading: 'Timelines',
        commands: [
          ...topics.map((t) => ({
            usage: timelineCommand(t.id),
            description: `each party's positions on ${t.label} over time`,
          })),
          { usage: timelineCommand('guarantors'), description: 'the guarantors each party proposed, and when' },
        ],
      },
    ],
    sources: {},
    visibility,
  };
}

/**
 * `timeline <topic>`: one read when the words are a topic id (or "guarantors"); otherwise the summary's
 * topics resolve a label, then the timeline is read: at most 3 requests.
 */
async function answerTimeline(
  subject: string,
  views: ViewReader,
  timeline: TimelineReader,
  visibility: Visibility,
): Promise<Answer> {
  const wanted = subject.trim().toLowerCase();
  const id = GUARANTOR_WORDS.has(wanted) ? GUARANTORS_TIMELINE : wanted;
  const direct = id ? await timeline.getTimeline(id) : null;
  if (direct) return timelineAnswer(direct, visibility);
  const topics = (await views.getSummary())?.topics ?? [];
  if (!id) return timelineList(topics, visibility, 'Timelines', 'Which timeline?');
  const topic = findTopic(subject, topics);
  const view = topic && topic.id !== id ? await timeline.getTimeline(topic.id) : null;
  if (view) return timelineAnswer(view, visibility);
  const lead =
    topic || id === GUARANTORS_TIMELINE
      ? `Nothing dated on ${topic?.label ?? 'the guarantors'} yet.`
      : `No topic "${subject}".`;
  return timelineList(topics, visibility, topic ? `Timeline: ${topic.label}` : `No timeline "${subject}"`, lead);
}
