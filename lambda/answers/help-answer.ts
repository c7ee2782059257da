import { type Answer, type AnswerPart, talksCommand } from './answer.js';
import type { Visibility } from './command.js';
import { PAGE_SIZES } from './paging.js';
import { type TopicRef, topicCommand } from './topic-answer.js';

/**
 * `/talks help` (and empty text): every command, with a shortcut for each configured topic. `lead` goes
 * first, for the "did you mean" of an unknown subcommand.
 */
export function helpAnswer(
  topics: readonly TopicRef[],
  visibility: Visibility,
  { title = 'How to use /talks', lead = [] }: { title?: string; lead?: AnswerPart[] } = {},
): Answer {
  const shortcuts = topics.map((t) => ({
    usage: topicCommand(t.id),
    description: `positions and statements on ${t.label}`,
  }));
  return {
    title,
    parts: [
      ...lead,
      {
        kind: 'commands',
        heading: 'Commands',
        commands: [
          {
            usage: talksCommand('summary'),
            description: 'who said what, proposed guarantors, positions on each topic',
          },
          {
            usage: talksCommand('who <name>'),
            description: 'everything one person said, across sources (any spelling)',
          },
          {
            usage: talksCommand('who [page N]'),
            description: `every known speaker, most quoted first, ${PAGE_SIZES.speakers} a page`,
          },
          { usage: talksCommand('guarantors'), description: 'countries proposed as security guarantors, and by whom' },
          { usage: talksCommand('topic <name>'), description: "each party's position on a topic" },
          ...shortcuts,
          {
            usage: talksCommand('timeline <topic>'),
            description: "each party's positions in date order, and where they changed (also: timeline guarantors)",
          },
          {
            usage: talksCommand('since <date> [page N]'),
            description: `what was first reported from a date on (2026-03-10, 7d, yesterday), ${PAGE_SIZES.sinceFactsPerKind} of each kind a page`,
          },
          {
            usage: talksCommand('sources [page N]'),
            description: `the articles every answer cites, newest first, ${PAGE_SIZES.sources} a page`,
          },
          { usage: talksCommand('add <url> [<url> …]'), description: 'read up to 5 articles by their links' },
          { usage: talksCommand('flags'), description: 'facts people flagged as wrong, to confirm or restore' },
          { usage: talksCommand('help'), description: 'this list' },
        ],
      },
      {
        kind: 'text',
        spans: [
          'Answers are visible only to you; end a command with ',
          { command: 'public' },
          ' to post it to the channel. Think a fact is wrong? Flag it with the menu beside it.',
        ],
        slackOnly: true,
      },
    ],
    sources: {},
    visibility,
  };
}
