/*
 * Calendar arithmetic on YYYY-MM-DD dates, in UTC so that no local time zone or daylight-saving change
 * moves a day. Articles give dates without times, so days are all the precision any answer needs.
 */

const DAY_MS = 86_400_000;

function utcTime(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

/** The date `days` after `isoDate` (before it when negative). */
export function shiftIsoDate(isoDate: string, days: number): string {
  return new Date(utcTime(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 for Sunday … 6 for Saturday, as `Date.getUTCDay`. */
export function weekdayOf(isoDate: string): number {
  return new Date(utcTime(isoDate)).getUTCDay();
}

/** The calendar date of a clock reading, in UTC. */
export function isoDateOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** A real calendar day (rejects 2026-02-30), or null. */
export function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
