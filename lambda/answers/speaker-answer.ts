import { surnameOf } from '../facts/speaker-key.js';
import { hasSpoken, type SpeakerEntry, type SpeakerView } from '../facts/views.js';
import type { ViewReader } from '../store/ports.js';
import { type Answer, type PersonLine, sourcesById, talksCommand, textPart } from './answer.js';
import type { Visibility } from './command.js';
import { emptyCorpusAnswer } from './empty-corpus.js';
import { statementLine } from './group-facts.js';
import { plural } from './plural.js';
import { resolveSpeaker } from './resolve-speaker.js';
import { alsoWritten, speakerDetail } from './summary-answer.js';

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
 * `/talks who <name>`: resolves the name against the speaker directory (one read), then reads that
 * person's statements, or for someone never quoted the sentences naming them (one or two). A bare `who`
 * lists every known speaker.
 */
export async function answerWho(name: string, views: ViewReader, visibility: Visibility): Promise<Answer> {
  const { speakers: people } = await views.getSpeakerDirectory();
  if (!name) {
    // The directory also lists people who are only mentioned; a bare `who` is the list of speakers.
    const speakers = people.filter(hasSpoken);
    if (!speakers.length) return emptyCorpusAnswer(visibility);
    return speakerListAnswer('Speakers', speakers, speakers.length, visibility, 'Everyone quoted or reported');
  }
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
    case 'unknown':
      return speakerListAnswer(
        `No one by that name: "${name}"`,
        resolution.closest,
        resolution.closest.length,
        visibility,
        'Closest known speakers',
      );
  }
}
