import type { SpeakerEntry, SummaryView } from '../facts/views.js';
import { type Answer, type AnswerPart, type FactGroup, sourcesById, talksCommand, textPart } from './answer.js';
import type { Visibility } from './command.js';
import { guarantorGroups, positionGroups, statementLine } from './group-facts.js';
import { plural } from './plural.js';
import { topicCommand } from './topic-answer.js';

/** A summary names the top speakers and their key statements; `who` has the rest. */
const SUMMARY_SPEAKERS = 8;
const SUMMARY_STATEMENTS_PER_SPEAKER = 3;

/** "Russia · 6 statements (4 quoted) in 3 articles" */
export function speakerDetail(speaker: SpeakerEntry): string {
  const quoted = speaker.directCount ? ` (${speaker.directCount} quoted)` : '';
  const said = `${plural(speaker.statementCount, 'statement')}${quoted} in ${plural(speaker.articleCount, 'article')}`;
  return speaker.affiliation ? `${speaker.affiliation} · ${said}` : said;
}

function whoCommand(speaker: Pick<SpeakerEntry, 'name'>): string {
  return talksCommand(`who ${speaker.name}`);
}

/** `/talks summary`: who said what, proposed guarantors, each party's position on every configured topic. */
export function summaryAnswer(view: SummaryView, visibility: Visibility): Answer {
  const speakerGroups: FactGroup[] = view.speakers.slice(0, SUMMARY_SPEAKERS).map((speaker) => ({
    title: speaker.name,
    detail: speakerDetail(speaker),
    lines: speaker.statements.slice(0, SUMMARY_STATEMENTS_PER_SPEAKER).map((s) => statementLine(s, false)),
    total: speaker.statementCount,
    moreCommand: whoCommand(speaker),
  }));
  const guarantors = guarantorGroups(view.guarantors);
  const parts: AnswerPart[] = [
    textPart(
      `${plural(view.articleCount, 'article')} · ${plural(view.totalSpeakers, 'speaker')} · ${plural(view.guarantors.length, 'proposed guarantor')}`,
    ),
    {
      kind: 'facts',
      heading: 'Who said what',
      groups: speakerGroups,
      totalGroups: view.totalSpeakers,
      moreCommand: talksCommand('who'),
      emptyText: 'No statements were found.',
    },
    {
      kind: 'facts',
      heading: 'Proposed security guarantors',
      groups: guarantors,
      totalGroups: guarantors.length,
      moreCommand: talksCommand('guarantors'),
      emptyText: 'No country was named as a guarantor.',
    },
    ...view.topics.map((topic): AnswerPart => {
      const groups = positionGroups(view.positions.filter((p) => p.topic === topic.id));
      return {
        kind: 'facts',
        heading: `Positions on ${topic.label}`,
        groups,
        totalGroups: groups.length,
        moreCommand: topicCommand(topic.id),
        emptyText: `No party's position on ${topic.label} was found.`,
        emptyFold: { lead: 'No positions found on', subject: topic.label },
      };
    }),
    textPart('Every source: ', { command: talksCommand('sources') }, ' · every command: ', {
      command: talksCommand('help'),
    }),
  ];
  return {
    title: `Summary of ${plural(view.articleCount, 'article')}`,
    parts,
    sources: sourcesById(view.sources),
    visibility,
  };
}
