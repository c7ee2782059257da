import { surnameOf } from '../facts/speaker-key.js';
import { hasSpoken, type SpeakerEntry, type SpeakerView } from '../facts/views.js';
import type { ViewReader } from '../store/ports.js';
import { type Answer, type PersonLine, sourcesById, talksCommand, textPart } from './answer.js';
import type { Visibility } from './command.js';
import { emptyCorpusAnswer } from './empty-corpus.js';
import { statementLine } from './group-facts.js';
import { PAGE_SIZES, pagedAnswer, pagedListParts } from './paging.js';
import { plural } from './plural.js';
import { isNearName, resolveSpeaker } from './resolve-speaker.js';
import { alsoWritten, speakerDetail } from './summary-answer.js';

/** Speakers a page of a bare `who` lists: as many as a Slack message shows at its fullest. */

/** Statements read for `who`: as many as a Slack message shows with their evidence. */
export const SPEAKER_STATEMENTS = 25;

function personLine(speaker: SpeakerEntry): PersonLine {
  const { name, affiliation, statementCount, articleCount, mentionCount } = speaker;
  return { name, affiliation, statementCount, articleCount, mentionCount };
}

/**
 * Someone the articles name but never quote: say so plainly, with the sentences that name them, so the
 * reader sees the person is known and why there is nothing to report.
 */
function mentionedAnswer(view: SpeakerView, visibility: Visibility): Answer {
  const { person } = view;
  const affiliation = person.affiliation ? ` (${person.affiliation})` : '';
  const spellings = alsoWritten(person);
  return {
    title: person.name,
    parts: [
      textPart(
        { strong: person.name },
        `${affiliation} is mentioned in ${plural(person.mentionCount, 'article')}; no statement by ${surnameOf(person.name)} was found in ${person.mentionCount === 1 ? 'it' : 'them'}.`,
      ),
      {
        kind: 'facts',
        heading: `Where ${person.name} is mentioned`,
        groups: [
          {
            ...(spellings ? { detail: spellings } : {}),
            lines: view.mentions.map((c) => ({ text: c.evidence, quoted: false, citations: [c] })),
            total: view.mentions.length,
          },
        ],
        totalGroups: 1,
        emptyText: 'No sentence naming them is stored.',
      },
    ],
    sources: sourcesById(view.sources),
    visibility,
  };
}

function speakerAnswer(view: SpeakerView, visibility: Visibility): Answer {
  const { person } = view;
  if (!hasSpoken(person)) return mentionedAnswer(view, visibility);
  return {
    title: person.name,
    parts: [
      {
        kind: 'facts',
        heading: `What ${person.name} said`,
        groups: [
          {
            detail: speakerDetail(person),
            lines: view.statements.map((s) => statementLine(s, false)),
            total: person.statementCount,
          },
        ],
        totalGroups: 1,
        emptyText: 'No statement is recorded.',
      },
    ],
    sources: sourcesById(view.sources),
    visibility,
  };
}

function speakerListAnswer(
  title: string,
  speakers: readonly SpeakerEntry[],
  total: number,
  visibility: Visibility,
  heading: string,
): Answer {
  return {
    title,
    parts: [
      { kind: 'people', heading, people: speakers.map(personLine), total },
      textPart('Ask about one of them: ', { command: talksCommand('who <name>') }),
    ],
    sources: {},
    visibility,
  };
}

/**
 * A bare `who [page N]`: the directory's speakers, most quoted first, a page at a time. The directory lists the top
 * ~2,000; past them the last page says how many more there are and that `who <name>` finds them.
 */
function speakerPageAnswer(speakers: readonly SpeakerEntry[], total: number, visibility: Visibility, page: number) {
  const unlisted = total - speakers.length;
  const { parts, paging } = pagedListParts(
    speakers,
    page,
    PAGE_SIZES.speakers,
    'who',
    (shown, rest) => ({
      kind: 'people',
      heading: 'Everyone quoted or reported',
      people: shown.map(personLine),
      ...rest,
    }),
    unlisted > 0
      ? textPart(
          `${plural(unlisted, 'more speaker')}, the least quoted, ${unlisted === 1 ? 'is' : 'are'} not listed: `,
          { command: talksCommand('who <name>') },
          ' finds anyone by name.',
        )
      : null,
  );
  parts.push(textPart('Ask about one of them: ', { command: talksCommand('who <name>') }));
  return pagedAnswer({ title: 'Speakers', parts, sources: {}, visibility }, paging);
}

/**
 * A Slack user as the command's text carries one (`<@U123|bob>`, `<@U123>` with the app's "escape users" setting):
 * a person in the workspace, not a name the articles write, which matched nobody and offered "closest" speakers.
 */
const SLACK_USER = /^<@[UW][A-Z0-9]+(\|[^>]*)?>$/u;

function slackUserAnswer(mention: string, visibility: Visibility): Answer {
  const shown = mention.match(/\|([^>]*)>$/u)?.[1];
  return {
    title: shown ? `@${shown} is a Slack user` : 'A Slack user',
    parts: [
      textPart(
        'That is a Slack user, not a name in the articles. Type the name as the news writes it: ',
        { command: talksCommand('who <name>') },
        ', or list every speaker: ',
        { command: talksCommand('who') },
      ),
    ],
    sources: {},
    visibility,
  };
}

/**
 * The three speakers who said the most: what a name near no one's is offered. `findPeople` returns them ranked as the
 * directory is (most statements first), so the first three who spoke are they.
 */
function mostQuoted(people: readonly SpeakerEntry[]): SpeakerEntry[] {
  return people.filter(hasSpoken).slice(0, 3);
}

/**
 * `/talks who <name>`: resolves the name against the people filed under its words and the directory's top
 * list (one read), then reads that person's statements, or for someone never quoted the sentences naming
 * them (one or two). A bare `who` lists the directory's speakers (the top ~2,000) a page at a time, and counts the
 * rest.
 */
export async function answerWho(name: string, views: ViewReader, visibility: Visibility, page = 1): Promise<Answer> {
  if (!name) {
    const directory = await views.getSpeakerDirectory();
    // The directory also lists people who are only mentioned; a bare `who` is the list of speakers.
    const speakers = directory.speakers.filter(hasSpoken);
    if (!speakers.length) return emptyCorpusAnswer(visibility);
    const total = Math.max(directory.totalSpeakers ?? 0, speakers.length);
    return speakerPageAnswer(speakers, total, visibility, page);
  }
  if (SLACK_USER.test(name)) return slackUserAnswer(name, visibility);
  const people = await views.findPeople(name);
  const resolution = resolveSpeaker(name, people);
  switch (resolution.kind) {
    case 'found': {
      const view = await views.getSpeaker(resolution.speaker.key, SPEAKER_STATEMENTS);
      if (view) return speakerAnswer(view, visibility);
      // The directory named someone whose item is gone: a view out of step, answered as unknown.
      return speakerListAnswer(`No one by that name: "${name}"`, [], 0, visibility, 'Closest known speakers');
    }
    case 'ambiguous':
      return speakerListAnswer(
        `Several people match "${name}"`,
        resolution.candidates,
        resolution.candidates.length,
        visibility,
        'Which one?',
      );
    case 'unknown': {
      // Speakers far from every typed word are not "closest": the most quoted ones are offered then, as such.
      const near = resolution.closest.filter((speaker) => isNearName(name, speaker));
      const [offered, heading] = near.length
        ? [near, 'Closest known speakers']
        : [mostQuoted(people), 'Most quoted speakers'];
      return speakerListAnswer(`No one by that name: "${name}"`, offered, offered.length, visibility, heading);
    }
  }
}
