import dateWordsJson from '../../config/date-words.json' with { type: 'json' };
import { calendarDate, shiftIsoDate, weekdayOf } from '../articles/calendar-days.js';

/*
 * When a thing was said or done, as the sentence dates it against its article's date: "on Monday",
 * "yesterday", "last week", "on March 29". Pure: the article's date is the only clock. The words are data
 * (config/date-words.json); this module only matches them.
 */

interface DateWords {
  relativeDays: Record<string, number>;
  weekdays: string[][];
  months: string[][];
}

const DATE_WORDS: DateWords = dateWordsJson;

/** Full weekday names, capitalised as news writes them (abbreviations like "Sat" or "Wed" are too ambiguous). */
const WEEKDAY = new Map(DATE_WORDS.weekdays.map((names, day) => [capitalise(names[0] ?? ''), day]));
/** Month names and abbreviations, capitalised; only taken beside a day number ("March 29", "29 Mar."). */
const MONTH = new Map(DATE_WORDS.months.flatMap((names, index) => names.map((n) => [capitalise(n), index + 1])));
const RELATIVE = new Map(Object.entries(DATE_WORDS.relativeDays));

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The full names of the months and weekdays, capitalised as news writes them ("May", "Thursday"). */
export const DATE_NAMES: readonly string[] = [...DATE_WORDS.months, ...DATE_WORDS.weekdays].map((names) =>
  capitalise(names[0] ?? ''),
);

/** A word, a number, or punctuation, with where it starts. */
const TOKEN = /\p{L}+|\d+|[^\s\p{L}\d]/gu;

/** Words before a weekday that point forward ("next Monday", "this coming Friday"): not the date of the act. */
const FORWARD = new Set(['next', 'coming', 'following', 'until', 'till', 'by']);

interface Cue {
  at: number;
  date: string;
}

/**
 * The date the sentence gives the act it reports, resolved against the article's date, or null when it
 * gives none (or the article has no date: an undated article is never dated by guessing). The first dating
 * expression of the sentence wins:
 * - "today", "yesterday", "last week" (seven days before);
 * - a weekday ("on Monday", "said Monday"): the last such day on or before the article's date;
 * - a month and day ("on March 29", "29 March", "Mar. 29"), in the article's year, or the year before when
 *   that day would come after the article (a January article speaking of "December 30"); with its year
 *   when the sentence gives one ("March 29, 2025").
 */
export function resolveSaidDate(sentence: string, reportDate: string | null): string | null {
  if (reportDate === null) return null;
  const tokens = [...sentence.matchAll(TOKEN)].map((m) => ({ text: m[0], at: m.index }));
  const cues: Cue[] = [];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1]?.text.toLowerCase();
    const pairDays = previous === undefined ? undefined : RELATIVE.get(`${previous} ${token.text.toLowerCase()}`);
    if (pairDays !== undefined) {
      cues.push({ at: tokens[i - 1]?.at ?? token.at, date: shiftIsoDate(reportDate, -pairDays) });
      return;
    }
    // "Today" capitalised past the sentence's start is an outlet's name ("USA Today"), not a date.
    const wordDays = token.text === 'Today' && i > 0 ? undefined : RELATIVE.get(token.text.toLowerCase());
    if (wordDays !== undefined) {
      cues.push({ at: token.at, date: shiftIsoDate(reportDate, -wordDays) });
      return;
    }
    const weekday = WEEKDAY.get(token.text);
    if (weekday !== undefined && !FORWARD.has(previous ?? '')) {
      const back = (weekdayOf(reportDate) - weekday + 7) % 7;
      cues.push({ at: token.at, date: shiftIsoDate(reportDate, -back) });
      return;
    }
    const month = MONTH.get(token.text);
    if (month !== undefined) {
      const date = monthDay(tokens, i, month, reportDate);
      if (date) cues.push({ at: token.at, date });
    }
  });
  cues.sort((a, b) => a.at - b.at);
  return cues[0]?.date ?? null;
}

/** "March 29[, 2025]" or "29 March [2025]" around the month token at `i`, resolved against the article's date. */
function monthDay(tokens: { text: string }[], i: number, month: number, reportDate: string): string | null {
  const dayNumber = (text: string | undefined) => (text && /^\d{1,2}$/u.test(text) ? Number(text) : null);
  const afterPeriod = tokens[i + 1]?.text === '.' ? i + 2 : i + 1;
  const dayAfter = dayNumber(tokens[afterPeriod]?.text);
  const dayBefore = dayNumber(tokens[i - 1]?.text);
  const day = dayAfter ?? dayBefore;
  if (day === null) return null;
  // A year right after the day ("March 29, 2025", "29 March 2025").
  const yearAt = dayAfter !== null ? afterPeriod + 1 : i + 1;
  const yearToken = tokens[yearAt]?.text === ',' ? tokens[yearAt + 1]?.text : tokens[yearAt]?.text;
  const givenYear = yearToken && /^\d{4}$/u.test(yearToken) ? Number(yearToken) : null;
  if (givenYear !== null) return calendarDate(givenYear, month, day);
  const reportYear = Number(reportDate.slice(0, 4));
  const sameYear = calendarDate(reportYear, month, day);
  if (sameYear !== null && sameYear <= reportDate) return sameYear;
  return calendarDate(reportYear - 1, month, day);
}
