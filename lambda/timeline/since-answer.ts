import {
  type Answer,
  type AnswerPart,
  type FactGroup,
  type FactLine,
  talksCommand,
  textPart,
} from '../answers/answer.js';
import type { Visibility } from '../answers/command.js';
import { guarantorFact } from '../answers/group-facts.js';
import { PAGE_SIZES, type Paging, pageCommand, pagedAnswer, pageWindow, pastLastPage } from '../answers/paging.js';
import { plural } from '../answers/plural.js';
import { type FactRef, factKey } from '../facts/fact-ref.js';
import { groupBy } from '../facts/group-by.js';
import type { NewsSince } from '../store/ports.js';
import type { NewsEntry } from '../views/timeline-records.js';
import { describeMove } from './change-marks.js';
import { factsKept } from './facts-kept.js';
import { timelineCommand } from './timeline-answer.js';

/*
 * `since <date>`: what was first reported from that day on, by kind (statements by person, guarantors by
 * proposer, positions by party and topic), each with its date and source. Reads the precomputed day items.
 */

/** Days of news one answer reads at most (one Query): a month of daily news, newest first. */
export const SINCE_MAX_DAYS = 31;
interface DatedEntry {
  day: string;
  entry: NewsEntry;
}

function dateLead({ day, entry }: DatedEntry): string {
  return entry.saidOn && entry.saidOn !== day ? `${entry.saidOn} (reported ${day})` : day;
}

/** The stored fact a day's entry shows, as flags name it. */
function factOf(entry: NewsEntry): FactRef {
  switch (entry.category) {
    case 'statement':
      return { kind: 'statement', id: entry.id, speakerKey: entry.key };
    case 'position':
      return { kind: 'position', id: entry.id, topic: entry.key };
    case 'guarantor':
      return guarantorFact(entry.text, entry.subject);
  }
}

function lineOf(dated: DatedEntry): FactLine {
  const { entry } = dated;
  const change =
    entry.category !== 'position'
      ? ''
      : entry.changedFrom && entry.kind
        ? ` · CHANGED: ${describeMove(entry.changedFrom, entry.kind)}`
        : ' · new';
  return {
    lead: `${dateLead(dated)}${change}`,
    text: entry.text,
    quoted: entry.quoted,
    citations: [entry.citation],
    fact: factOf(entry),
  };
}

/**
 * Entries of one kind in the answer's order: by group (first reported first), and by day in a group. A page is a window
 * of this order, grouped again by `groupsOf`.
 */
function ordered(entries: DatedEntry[], titleOf: (e: NewsEntry) => string): DatedEntry[] {
  const byDay = entries.toSorted((a, b) => a.day.localeCompare(b.day));
  return [...groupBy(byDay, (dated) => titleOf(dated.entry)).values()].flat();
}

function groupsOf(
  entries: DatedEntry[],
  titleOf: (e: NewsEntry) => string,
  moreOf: (e: NewsEntry) => string | undefined,
): FactGroup[] {
  return [...groupBy(entries, (dated) => titleOf(dated.entry))].map(([title, list]) => {
    const more = moreOf(list[0]?.entry as NewsEntry);
    return { title, lines: list.map(lineOf), total: list.length, ...(more ? { moreCommand: more } : {}) };
  });
}

interface Kind {
  category: NewsEntry['category'];
  heading: string;
  titleOf: (e: NewsEntry) => string;
  moreOf: (e: NewsEntry) => string | undefined;
  emptyText: string;
}

/**
 * A kind's facts on one page: the page's window of them, in groups, and "… and N more" with the next page's command
 * when more follow. Null when the kind has facts, but none on this page: its section is on the pages that have them.
 */
function kindPart(kind: Kind, entries: DatedEntry[], page: number, next: string): AnswerPart | null {
  const all = ordered(
    entries.filter((d) => d.entry.category === kind.category),
    kind.titleOf,
  );
  const { items, after } = pageWindow(all, page, PAGE_SIZES.sinceFactsPerKind);
  if (all.length > 0 && items.length === 0) return null;
  const groups = groupsOf(items, kind.titleOf, kind.moreOf);
  return {
    kind: 'facts',
    heading: kind.heading,
    groups,
    totalGroups: groups.length,
    ...(after > 0 ? { moreFacts: after, moreCommand: next } : {}),
    emptyText: kind.emptyText,
  };
}

/**
 * The news without the facts that flags hide: each day counts only what it still shows, and a day left with
 * nothing goes, so that the answer's counts (and whether the digest posts at all) leave them out.
 */
export function withoutHiddenNews(news: NewsSince, amend: (answer: Answer) => Answer): NewsSince {
  const kept = factsKept(
    news.days.flatMap((d) => d.entries.map((entry) => lineOf({ day: d.day, entry }))),
    amend,
  );
  const days = news.days.flatMap((d) => {
    const entries = d.entries.filter((e) => kept.has(factKey(factOf(e))));
    const total = d.total - (d.entries.length - entries.length);
    return total > 0 ? [{ ...d, entries, total }] : [];
  });
  return { ...news, days };
}

export function nothingNewAnswer(day: string, visibility: Visibility): Answer {
  return { title: `Nothing new since ${day}`, parts: [textPart(`Nothing new since ${day}.`)], sources: {}, visibility };
}

/**
 * `since <day> [page N]`: what the days read first reported, each kind's facts `PAGE_SIZES.sinceFactsPerKind` a page. Every page
 * reads the same days (one Query): a page is a window of them, not more days.
 */
export function sinceAnswer(day: string, news: NewsSince, visibility: Visibility, page = 1): Answer {
  const dated = news.days.flatMap((d) => d.entries.map((entry) => ({ day: d.day, entry })));
  const total = news.days.reduce((n, d) => n + d.total, 0);
  if (total === 0) return nothingNewAnswer(day, visibility);
  const name = (subject: string, unknown: string) => subject || unknown;
  const oldest = news.days.at(-1)?.day;
  // Past the days one answer reads, its counts and its "nothing new" cover the days shown, not all since `day`.
  const partial = news.more && oldest !== undefined;
  const onThoseDays = partial ? ' on those days' : '';
  const kinds: Kind[] = [
    {
      category: 'statement',
      heading: 'New statements',
      titleOf: (e) => name(e.subject, 'Speaker not known'),
      moreOf: (e) => talksCommand(`who ${e.subject}`),
      emptyText: `No new statement${onThoseDays}.`,
    },
    {
      category: 'guarantor',
      heading: 'New guarantors',
      titleOf: (e) => `Proposed by ${name(e.subject, 'a party not stated')}`,
      moreOf: () => timelineCommand('guarantors'),
      emptyText: `No new guarantor${onThoseDays}.`,
    },
    {
      category: 'position',
      heading: 'New and changed positions',
      titleOf: (e) => `${name(e.subject, 'Party not stated')} on ${e.label || e.key}`,
      moreOf: (e) => timelineCommand(e.key),
      emptyText: `No new position${onThoseDays}.`,
    },
  ];
  const largest = Math.max(...kinds.map((k) => dated.filter((d) => d.entry.category === k.category).length));
  const paging: Paging = {
    page,
    pages: Math.max(1, Math.ceil(largest / PAGE_SIZES.sinceFactsPerKind)),
    command: `since ${day}`,
  };
  const shown = kinds.flatMap((kind) => kindPart(kind, dated, page, pageCommand(paging, page + 1)) ?? []);
  const parts: AnswerPart[] = [
    textPart(
      partial
        ? `${plural(total, 'fact')} first reported on the ${news.days.length} newest days with news, from ${oldest} to ${news.days[0]?.day}.`
        : `${plural(total, 'fact')} first reported since ${day}, on ${plural(news.days.length, 'day')}.`,
    ),
    ...(page > paging.pages ? [pastLastPage(paging)] : shown),
  ];
  const unlisted = total - dated.length;
  if (unlisted > 0) parts.push(textPart(`… and ${unlisted} more first reported on those days.`));
  if (partial) {
    parts.push(
      textPart(
        `Only the ${news.days.length} newest days with news are shown (from ${oldest}); `,
        { command: talksCommand('timeline <topic>') },
        ' shows a whole topic.',
      ),
    );
  }
  const sources = Object.fromEntries(news.days.flatMap((d) => d.sources.map((s) => [s.id, s])));
  return pagedAnswer({ title: `New since ${day}`, parts, sources, visibility }, paging);
}
