import { otherSpellings } from '../facts/display-names.js';
import type { SpeakerEntry, SummaryView } from '../facts/views.js';
import { VIEW_LIMITS } from '../views/limits.js';
import { type Answer, type AnswerPart, type FactGroup, sourcesById, talksCommand, textPart } from './answer.js';
import type { Visibility } from './command.js';
import { guarantorGroups, positionGroups, statementLine } from './group-facts.js';
import { plural } from './plural.js';
import { topicCommand } from './topic-answer.js';

/**
 * A summary names the top speakers and their key statements, each guarantor with its first sources, each
 * party's first stances on a topic: about two terminal screens at 40 articles. `who`, `guarantors` and the
 * topic commands have the rest. The summary item holds as many as are shown (VIEW_LIMITS.summary).
 */
const SUMMARY_CITATIONS_PER_GUARANTOR = 2;
/** One fewer than the item holds (VIEW_LIMITS.summary): a third stance shows as "… and 1 more: /talks crimea". */
const SUMMARY_POSITIONS_PER_PARTY = VIEW_LIMITS.summary.positionsPerParty - 1;

/**
 * Lines the terminal summary may take: about two screens of 80 lines, what a reader takes in before turning to `who`,
 * `guarantors` or a topic. Filled to every limit above (VIEW_LIMITS.summary, every configured topic and party, every
 * fact with five sources) the summary would print some 380; at this budget it shows fewer sources a fact, then fewer
 * facts a group, each cut counted (render-text.ts). Slack cuts the same answer to its own limits (render-blocks.ts).
 */
export const SUMMARY_LINE_BUDGET = 160;

/** Other spellings named beside a person; `who` lists every one. */
const SPELLINGS_SHOWN = 4;

/** "also written Bogdan Kovaltchuk, Kovalčuk", or null when the name is written one way only. */
export function alsoWritten(
  person: Pick<SpeakerEntry, 'name' | 'aliases'>,
  limit = Number.POSITIVE_INFINITY,
): string | null {
  const others = otherSpellings(person);
  if (!others.length) return null;
  const shown = others.slice(0, limit).join(', ');
  return `also written ${shown}${others.length > limit ? ', …' : ''}`;
}

/** "Russia · 6 statements (4 quoted) in 3 articles · also written …" */
export function speakerDetail(speaker: SpeakerEntry, spellingsShown = Number.POSITIVE_INFINITY): string {
  const quoted = speaker.directCount ? ` (${speaker.directCount} quoted)` : '';
  const said = `${plural(speaker.statementCount, 'statement')}${quoted} in ${plural(speaker.articleCount, 'article')}`;
  return [speaker.affiliation, said, alsoWritten(speaker, spellingsShown)].filter(Boolean).join(' · ');
}

function whoCommand(speaker: Pick<SpeakerEntry, 'name'>): string {
  return talksCommand(`who ${speaker.name}`);
}

/** `/talks summary`: who said what, proposed guarantors, each party's position on every configured topic. */
export function summaryAnswer(view: SummaryView, visibility: Visibility): Answer {
  const speakerGroups: FactGroup[] = view.speakers.slice(0, VIEW_LIMITS.summary.speakers).map((speaker) => ({
    title: speaker.name,
    detail: speakerDetail(speaker, SPELLINGS_SHOWN),
    lines: speaker.statements.slice(0, VIEW_LIMITS.summary.statementsPerSpeaker).map((s) => statementLine(s, false)),
    total: speaker.statementCount,
    moreCommand: whoCommand(speaker),
  }));
  const guarantors = guarantorGroups(
    view.guarantors.map((g) => ({ ...g, citations: g.citations.slice(0, SUMMARY_CITATIONS_PER_GUARANTOR) })),
  );
  // Items written before the total was kept count only the guarantors they hold.
  const totalGuarantors = Math.max(view.totalGuarantors ?? 0, view.guarantors.length);
  const parts: AnswerPart[] = [
    textPart(
      `${plural(view.articleCount, 'article')} · ${plural(view.totalSpeakers, 'speaker')} · ${plural(totalGuarantors, 'proposed guarantor')}`,
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
      // The item holds the first ten guarantors of all, not whole groups: the rest are counted as guarantors.
      moreFacts: totalGuarantors - view.guarantors.length,
      emptyText: 'No country was named as a guarantor.',
    },
    ...view.topics.map((topic): AnswerPart => {
      const groups = positionGroups(view.positions.filter((p) => p.topic === topic.id)).map((group) => ({
        ...group,
        lines: group.lines.slice(0, SUMMARY_POSITIONS_PER_PARTY),
        moreCommand: topicCommand(topic.id),
      }));
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
    textPart(
      'Every source of a guarantor: ',
      { command: talksCommand('guarantors') },
      ' · every source: ',
      { command: talksCommand('sources') },
      ' · every command: ',
      { command: talksCommand('help') },
    ),
  ];
  return {
    title: `Summary of ${plural(view.articleCount, 'article')}`,
    parts,
    sources: sourcesById(view.sources),
    visibility,
    lineBudget: SUMMARY_LINE_BUDGET,
  };
}
