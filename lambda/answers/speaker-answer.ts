import type { SpeakerEntry, SpeakerView } from '../facts/views.js';
import type { ViewReader } from '../store/ports.js';
import { type Answer, type PersonLine, sourcesById, talksCommand, textPart } from './answer.js';
import type { Visibility } from './command.js';
import { emptyCorpusAnswer } from './empty-corpus.js';
import { statementLine } from './group-facts.js';
import { resolveSpeaker } from './resolve-speaker.js';
import { speakerDetail } from './summary-answer.js';

/** Statements read for `who`: as many as a Slack message shows with their evidence. */
export const SPEAKER_STATEMENTS = 25;

function personLine(speaker: SpeakerEntry): PersonLine {
  const { name, affiliation, statementCount, articleCount } = speaker;
  return { name, affiliation, statementCount, articleCount };
}

function speakerAnswer(view: SpeakerView, visibility: Visibility): Answer {
  const { person } = view;
  const aliases = person.aliases.length ? ` · also written ${person.aliases.join(', ')}` : '';
  return {
    title: person.name,
    parts: [
      {
        kind: 'facts',
        heading: `What ${person.name} said`,
        groups: [
          {
            detail: `${speakerDetail(person)}${aliases}`,
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
 * speaker's statements (one or two). A bare `who` lists every known speaker.
 */
export async function answerWho(name: string, views: ViewReader, visibility: Visibility): Promise<Answer> {
  const { speakers } = await views.getSpeakerDirectory();
  if (!name) {
    if (!speakers.length) return emptyCorpusAnswer(visibility);
    return speakerListAnswer('Speakers', speakers, speakers.length, visibility, 'Everyone quoted or reported');
  }
  const resolution = resolveSpeaker(name, speakers);
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
