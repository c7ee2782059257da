import { type Answer, textPart } from '../answers/answer.js';
import { type AnswerFeatures, answerCommand } from '../answers/answer-command.js';
import type { ParsedCommand, Visibility } from '../answers/command.js';
import { findTopic, type TopicRef } from '../answers/topic-answer.js';
import type { NewsSince, TimelineReader, ViewReader } from '../store/ports.js';
import { GUARANTORS_TIMELINE, type TimelineView } from '../views/timeline-records.js';
import { SINCE_MAX_DAYS, sinceAnswer, withoutHiddenNews } from './since-answer.js';
import { parseSinceDate } from './since-date.js';
import { timelineAnswer, timelineCommand, withoutHiddenEntries } from './timeline-answer.js';

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
    const [found, amend] = await Promise.all([
      findTimeline(command.subject, deps.views, timeline, visibility),
      features?.readFactFilter(),
    ]);
    if (!('subject' in found)) return found;
    // Hidden facts leave the timeline before its changes are worked out; disputed ones are then marked.
    if (!amend) return timelineAnswer(found, visibility);
    const shown = withoutHiddenEntries(found, amend);
    return amend(timelineAnswer(shown, visibility, found.entries.length - shown.entries.length));
  }
  if (command.kind === 'since' && timeline) {
    return answerSince(command.when, timeline, (deps.now ?? (() => new Date()))(), visibility, features, command.page);
  }
  return answerCommand(parsed, deps.views, features);
}

const asStored = (answer: Answer) => answer;

/**
 * What was first reported from `day` on, without the facts flags hide, and how to mark the ones they
 * dispute: one Query, and the flag index read beside it. What `since` and the digest show.
 */
export async function readNewsSince(
  day: string,
  timeline: TimelineReader,
  features: AnswerFeatures | undefined,
): Promise<{ news: NewsSince; amend: (answer: Answer) => Answer }> {
  const [news, amend] = await Promise.all([timeline.getNewsSince(day, SINCE_MAX_DAYS), features?.readFactFilter()]);
  return amend ? { news: withoutHiddenNews(news, amend), amend } : { news, amend: asStored };
}

async function answerSince(
  when: string,
  timeline: TimelineReader,
  now: Date,
  visibility: Visibility,
  features: AnswerFeatures | undefined,
  page = 1,
): Promise<Answer> {
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
  const { news, amend } = await readNewsSince(since.day, timeline, features);
  return amend(sinceAnswer(since.day, news, visibility, page));
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
 * The timeline `timeline <topic>` asks for, or the answer that lists the timelines when there is none: one
 * read when the words are a topic id (or "guarantors"); otherwise the summary's topics resolve a label, then
 * the timeline is read: at most 3 requests.
 */
async function findTimeline(
  subject: string,
  views: ViewReader,
  timeline: TimelineReader,
  visibility: Visibility,
): Promise<TimelineView | Answer> {
  const wanted = subject.trim().toLowerCase();
  const id = GUARANTOR_WORDS.has(wanted) ? GUARANTORS_TIMELINE : wanted;
  const direct = id ? await timeline.getTimeline(id) : null;
  if (direct) return direct;
  const topics = (await views.getSummary())?.topics ?? [];
  if (!id) return timelineList(topics, visibility, 'Timelines', 'Which timeline?');
  const topic = findTopic(subject, topics);
  const view = topic && topic.id !== id ? await timeline.getTimeline(topic.id) : null;
  if (view) return view;
  const lead =
    topic || id === GUARANTORS_TIMELINE
      ? `Nothing dated on ${topic?.label ?? 'the guarantors'} yet.`
      : `No topic "${subject}".`;
  return timelineList(topics, visibility, topic ? `Timeline: ${topic.label}` : `No timeline "${subject}"`, lead);
}
