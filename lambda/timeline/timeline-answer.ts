import {
  type Answer,
  type AnswerPart,
  type FactGroup,
  type FactLine,
  sourcesById,
  talksCommand,
  textPart,
} from '../answers/answer.js';
import type { Visibility } from '../answers/command.js';
import { guarantorFact } from '../answers/group-facts.js';
import { plural } from '../answers/plural.js';
import { topicCommand } from '../answers/topic-answer.js';
import { type FactRef, factKey } from '../facts/fact-ref.js';
import { GUARANTORS_TIMELINE, type TimelineEntry, type TimelineView } from '../views/timeline-records.js';
import { compareEntries, entryDate } from '../views/update-timeline.js';
import { type ChangeMark, changeMarks } from './change-marks.js';
import { factsKept } from './facts-kept.js';

/*
 * `timeline <topic>` and `timeline guarantors`: per party, its facts in date order, grouped by day, with
 * each change marked. Slack cuts a long answer from the end, so the model itself keeps the oldest and the
 * newest days of a long timeline and counts the middle.
 */

/** Days shown per party: the first `OLDEST_DAYS` and the last `NEWEST_DAYS`; the days between are counted. */
const OLDEST_DAYS = 2;
const NEWEST_DAYS = 3;
/** Facts shown per day; the rest are counted. */
const LINES_PER_DAY = 4;

const UNDATED = 'Undated';

export function timelineCommand(subject: string): string {
  return talksCommand(`timeline ${subject}`);
}

function dayTitle(entry: TimelineEntry): string {
  return entryDate(entry) ?? UNDATED;
}

/** The stored fact a timeline entry shows, as flags name it: a position of the topic, or a proposed guarantor. */
function factOf(entry: TimelineEntry, subject: string): FactRef {
  return subject === GUARANTORS_TIMELINE
    ? guarantorFact(entry.text, entry.party)
    : { kind: 'position', id: entry.id, topic: subject };
}

function lineOf(entry: TimelineEntry, mark: ChangeMark | undefined, subject: string): FactLine {
  const notes = [
    ...(mark ? [`CHANGED: ${mark.description}`] : []),
    // The act is dated by the sentence; say when it was reported when that differs.
    ...(entry.saidOn && entry.firstReported && entry.saidOn !== entry.firstReported
      ? [`reported ${entry.firstReported}`]
      : []),
    ...(entry.lastReported && entry.lastReported !== entry.firstReported
      ? [`reported again ${entry.lastReported}`]
      : []),
  ];
  return {
    ...(notes.length ? { lead: notes.join(' · ') } : {}),
    text: entry.text,
    quoted: false,
    citations: [entry.citation],
    fact: factOf(entry, subject),
  };
}

/** One party's days, the middle of a long run replaced by a group that counts it. */
function partyDays(
  entries: TimelineEntry[],
  total: number,
  marks: Map<string, ChangeMark>,
  subject: string,
): FactGroup[] {
  const days = new Map<string, TimelineEntry[]>();
  for (const e of entries.toSorted(compareEntries)) days.set(dayTitle(e), [...(days.get(dayTitle(e)) ?? []), e]);
  // A day cut to LINES_PER_DAY names where the rest are: every guarantor, or the topic's positions.
  const rest = subject === GUARANTORS_TIMELINE ? talksCommand('guarantors') : topicCommand(subject);
  const groups = [...days].map(
    ([title, list]): FactGroup => ({
      title,
      lines: list.slice(0, LINES_PER_DAY).map((e) => lineOf(e, marks.get(e.id), subject)),
      total: list.length,
      moreCommand: rest,
    }),
  );
  // Facts the stored timeline left out (its middle) and days this answer leaves out are counted together.
  const unstored = Math.max(0, total - entries.length);
  if (groups.length <= OLDEST_DAYS + NEWEST_DAYS && unstored === 0) return groups;
  const head = groups.slice(0, Math.min(OLDEST_DAYS, groups.length));
  const tail = groups.slice(Math.max(head.length, groups.length - NEWEST_DAYS));
  const middle = groups.slice(head.length, groups.length - tail.length);
  const skipped = unstored + middle.reduce((n, g) => n + g.total, 0);
  const from = head.at(-1)?.title ?? '';
  const to = tail[0]?.title ?? '';
  const gap: FactGroup = {
    title: `… ${skipped} more between ${from} and ${to}`,
    detail: `${middle.length} days not shown`,
    lines: [],
    total: 0,
  };
  return [...head, gap, ...tail];
}

/**
 * Changes the first line names per party, the newest; earlier ones are counted. A party whose stance the reports
 * turn back and forth (a large corpus: dozens of moves on Crimea) made that line over a thousand characters.
 */
const CHANGES_PER_PARTY = 3;

/** The changes of every party, in date order, each party's newest few and a count of the rest: the answer's first lines. */
function changeSummary(
  byParty: [string, TimelineEntry[]][],
  marksByParty: Map<string, Map<string, ChangeMark>>,
): string[] {
  return byParty.flatMap(([party, entries]) => {
    const changes = entries.toSorted(compareEntries).flatMap((e) => {
      const mark = marksByParty.get(party)?.get(e.id);
      // A guarantor's mark says only that it was added: the summary names the country.
      const what = mark && mark.from === null ? `${e.text} ${mark.description}` : mark?.description;
      return what ? [`${partyName(party)}, ${entryDate(e) ?? UNDATED.toLowerCase()}: ${what}`] : [];
    });
    const earlier = changes.length - CHANGES_PER_PARTY;
    return earlier > 0
      ? [`${partyName(party)}: ${plural(earlier, 'earlier change')}`, ...changes.slice(earlier)]
      : changes;
  });
}

function partyName(party: string): string {
  return party === '' ? 'Party not stated' : party;
}

/**
 * The timeline without the facts that flags hide, so that no change is marked or summed up ("Changes: …")
 * from a fact the answer does not show, and a party's next stance is compared with the last one shown.
 */
export function withoutHiddenEntries(view: TimelineView, amend: (answer: Answer) => Answer): TimelineView {
  const kept = factsKept(
    view.entries.map((e) => lineOf(e, undefined, view.subject)),
    amend,
  );
  const entries = view.entries.filter((e) => kept.has(factKey(factOf(e, view.subject))));
  if (entries.length === view.entries.length) return view;
  const totalByParty = { ...view.totalByParty };
  for (const e of view.entries) {
    if (!entries.includes(e)) totalByParty[e.party] = Math.max(0, (totalByParty[e.party] ?? 1) - 1);
  }
  return { ...view, entries, totalByParty };
}

/** What an empty timeline says: nothing was found, or everything found is hidden by flags (and where to see them). */
function emptyTimelineText(guarantors: boolean, label: string, hiddenByFlags: number): string {
  if (hiddenByFlags > 0) {
    const what = guarantors ? 'guarantor' : `position on ${label}`;
    const all = hiddenByFlags === 1 ? `the one ${what}` : `all ${hiddenByFlags} ${what}s`;
    return `Flags hide ${all} the articles gave, as wrong: ${talksCommand('flags')} lists them for review.`;
  }
  return guarantors ? 'No guarantor was proposed in the articles.' : `No position on ${label} was found.`;
}

/** `hiddenByFlags`: how many of the stored entries the flags took out of `view` (`withoutHiddenEntries`). */
export function timelineAnswer(view: TimelineView, visibility: Visibility, hiddenByFlags = 0): Answer {
  const guarantors = view.subject === GUARANTORS_TIMELINE;
  const byParty = new Map<string, TimelineEntry[]>();
  for (const e of view.entries) byParty.set(e.party, [...(byParty.get(e.party) ?? []), e]);
  const parties = [...byParty].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  const marksByParty = new Map(parties.map(([party, entries]) => [party, changeMarks(entries, guarantors)]));
  const changes = changeSummary(parties, marksByParty);
  const parts: AnswerPart[] = [
    // An empty timeline has no change to report, only why it is empty (below).
    ...(parties.length
      ? [
          textPart(
            changes.length
              ? `Changes: ${changes.join('; ')}.`
              : 'No change: no party moved between the dates the articles give.',
          ),
        ]
      : []),
    ...parties.map(
      ([party, entries]): AnswerPart => ({
        kind: 'facts',
        heading: guarantors ? `Guarantors proposed by ${partyName(party)}` : `${partyName(party)} on ${view.label}`,
        groups: partyDays(
          entries,
          view.totalByParty[party] ?? entries.length,
          marksByParty.get(party) ?? new Map(),
          view.subject,
        ),
        totalGroups: 0,
        emptyText: '',
      }),
    ),
  ];
  for (const part of parts) if (part.kind === 'facts') part.totalGroups = part.groups.length;
  if (!parties.length) {
    parts.push(textPart(emptyTimelineText(guarantors, view.label, hiddenByFlags)));
  }
  return {
    title: guarantors ? 'Timeline: proposed guarantors' : `Timeline: ${view.label}`,
    parts,
    sources: sourcesById(view.sources),
    visibility,
  };
}
