import { calendarDate, isoDateOf, shiftIsoDate } from '../articles/calendar-days.js';

/*
 * The date a `since` asks from: an ISO date, a number of days back ("7d"), "yesterday" or "today",
 * against an injected clock (UTC days: articles carry dates, not times).
 */

export type SinceDate = { ok: true; day: string } | { ok: false; problem: string };

/** How far back a number of days may reach: ten years of news is more than any corpus holds. */
const MAX_DAYS_BACK = 3650;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const DAYS_BACK = /^(\d{1,5})\s*d(?:ays?)?$/iu;

/** Reads the argument of `since`; the day returned is included ("since yesterday" shows yesterday's news). */
export function parseSinceDate(text: string, now: Date): SinceDate {
  const arg = text.trim().toLowerCase();
  const today = isoDateOf(now);
  if (arg === '') return { ok: false, problem: 'Say since when.' };
  if (arg === 'today') return { ok: true, day: today };
  if (arg === 'yesterday') return { ok: true, day: shiftIsoDate(today, -1) };
  const back = DAYS_BACK.exec(arg);
  if (back) {
    const days = Number(back[1]);
    if (days > MAX_DAYS_BACK) return { ok: false, problem: `${days} days is too far back (at most ${MAX_DAYS_BACK}).` };
    return { ok: true, day: shiftIsoDate(today, -days) };
  }
  const iso = ISO_DATE.exec(arg);
  if (iso) {
    const day = calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return day ? { ok: true, day } : { ok: false, problem: `${text.trim()} is not a day of the calendar.` };
  }
  return { ok: false, problem: `"${text.trim()}" is not a date.` };
}
