import type { Answer } from '../answers/answer.js';
import type { AnswerFeatures } from '../answers/answer-command.js';
import { isoDateOf, shiftIsoDate } from '../articles/calendar-days.js';
import type { TimelineReader } from '../store/ports.js';
import { readNewsSince } from './answer-talks-command.js';
import { sinceAnswer } from './since-answer.js';

/**
 * The digest a channel gets every period: the `since` answer from `periodDays` days before today, posted
 * in the channel, with flagged facts hidden or marked as in every answer (`features`: the flags); null when
 * nothing is new, or nothing but what flags hide, so that nothing is posted. One Query, and the flag index.
 */
export async function digestAnswer(
  timeline: TimelineReader,
  now: Date,
  periodDays: number,
  features?: AnswerFeatures,
): Promise<Answer | null> {
  const day = shiftIsoDate(isoDateOf(now), -periodDays);
  const { news, amend } = await readNewsSince(day, timeline, features);
  if (!news.days.some((d) => d.total > 0)) return null;
  return amend(sinceAnswer(day, news, 'in_channel'));
}
