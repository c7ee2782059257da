import type { Answer } from '../answers/answer.js';
import { isoDateOf, shiftIsoDate } from '../articles/calendar-days.js';
import type { TimelineReader } from '../store/ports.js';
import { SINCE_MAX_DAYS, sinceAnswer } from './since-answer.js';

/**
 * The digest a channel gets every period: the `since` answer from `periodDays` days before today, posted
 * in the channel; null when nothing is new, so that nothing is posted. One Query.
 */
export async function digestAnswer(timeline: TimelineReader, now: Date, periodDays: number): Promise<Answer | null> {
  const day = shiftIsoDate(isoDateOf(now), -periodDays);
  const news = await timeline.getNewsSince(day, SINCE_MAX_DAYS);
  if (!news.days.some((d) => d.total > 0)) return null;
  return sinceAnswer(day, news, 'in_channel');
}
