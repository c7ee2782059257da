import type { ViewReader } from '../store/ports.js';
import { VIEW_LIMITS } from '../views/limits.js';
import { type Answer, talksCommand, textPart } from './answer.js';
import { type Command, MAX_COMMAND_LENGTH, type ParsedCommand, SUBCOMMANDS, type Visibility } from './command.js';
import { closestWithin } from './edit-distance.js';
import { emptyCorpusAnswer } from './empty-corpus.js';
import { guarantorsAnswer } from './guarantors-answer.js';
import { helpAnswer } from './help-answer.js';
import { MAX_LINKS } from './link-text.js';
import { sourcesAnswer } from './sources-answer.js';
import { answerWho } from './speaker-answer.js';
import { summaryAnswer } from './summary-answer.js';
import { answerTopic, configuredTopicAnswer, findTopic, type TopicRef, topicCommand } from './topic-answer.js';

/** The command a mistyped first word most likely meant: a subcommand (keeping its argument) or a topic. */
function suggestionFor(word: string, rest: string, topics: readonly TopicRef[]): string | null {
  const subcommand = closestWithin(word, SUBCOMMANDS);
  if (subcommand) return talksCommand(rest ? `${subcommand} ${rest}` : subcommand);
  const topicId = closestWithin(
    word,
    topics.map((t) => t.id),
  );
  return topicId ? topicCommand(topicId) : null;
}

/**
 * A first word that is no subcommand: a topic shortcut when it names a configured topic (the summary
 * lists them: one read, then the topic's), else help with the nearest subcommand or topic as a suggestion.
 */
async function answerOther(word: string, rest: string, views: ViewReader, visibility: Visibility): Promise<Answer> {
  const summary = await views.getSummary();
  const topics = summary?.topics ?? [];
  const topic = rest ? null : findTopic(word, topics);
  if (topic) return configuredTopicAnswer(topic, await views.getTopic(topic.id), visibility);

  const suggested = suggestionFor(word, rest, topics);
  const lead = suggested
    ? [textPart(`I don't know "${word}". Did you mean `, { command: suggested }, '?')]
    : [textPart(`I don't know "${word}".`)];
  return { ...helpAnswer(topics, visibility, { title: `Unknown command "${word}"`, lead }), notUnderstood: true };
}

/**
 * What the features above the answers add to them (lambda/flags/flag-features.ts gives the flags'). The
 * answers call these hooks and never import a feature.
 */
export interface AnswerFeatures {
  /** Answers `/talks flags`. */
  flagsAnswer(): Promise<Answer>;
  /** Read beside the view of every answer that shows facts, in parallel with it: how to amend that answer. */
  readFactFilter(): Promise<(answer: Answer) => Answer>;
}

/** `flags` without the flags feature: only Slack and the CLI keep flags. */
function noFlagsAnswer(visibility: Visibility): Answer {
  return {
    title: 'Flagged facts',
    parts: [textPart('Flags are kept in Slack and in the CLI, not here.')],
    sources: {},
    visibility,
  };
}

/** `add` reaches the answers only when it cannot run: no link, too many, or nowhere to read them. */
function addAnswer(links: readonly string[], visibility: Visibility): Answer {
  const problem =
    links.length === 0
      ? 'Give the links to read: '
      : links.length > MAX_LINKS
        ? `At most ${MAX_LINKS} links at once, please: `
        : 'Links are read in Slack and in the CLI, not here: ';
  return {
    title: 'Add articles by their links',
    parts: [textPart(problem, { command: talksCommand('add <url> [<url> …]') })],
    sources: {},
    visibility,
  };
}

/** The commands whose answers show facts, and so read the flags beside their views. */
const SHOWS_FACTS = new Set<ParsedCommand['command']['kind']>(['summary', 'who', 'guarantors', 'topic', 'other']);

/**
 * Answers a parsed /talks command from the precomputed views, amended by the features when given: at most
 * three reads, no scan, whatever the corpus size (the flags are one read, in parallel with the views). The
 * result is a view model; renderers turn it into Block Kit or terminal text.
 */
export async function answerCommand(
  parsed: ParsedCommand,
  views: ViewReader,
  features?: AnswerFeatures,
): Promise<Answer> {
  const { command, visibility } = parsed;
  if (command.kind === 'flags') return features ? features.flagsAnswer() : noFlagsAnswer(visibility);
  if (!features || !SHOWS_FACTS.has(command.kind)) return answerFromViews(command, visibility, views);
  const [answer, amend] = await Promise.all([answerFromViews(command, visibility, views), features.readFactFilter()]);
  return amend(answer);
}

async function answerFromViews(
  command: Exclude<Command, { kind: 'flags' }>,
  visibility: Visibility,
  views: ViewReader,
): Promise<Answer> {
  switch (command.kind) {
    case 'summary': {
      const view = await views.getSummary();
      return view ? summaryAnswer(view, visibility) : emptyCorpusAnswer(visibility);
    }
    case 'who':
      return answerWho(command.name, views, visibility, command.page);
    case 'guarantors':
      return guarantorsAnswer(await views.getGuarantors(), visibility);
    case 'topic':
      return answerTopic(command.topic, views, visibility);
    case 'sources': {
      // The whole list the item keeps (one GetItem reads it all in any case): a page says how many follow it.
      const view = await views.listSources(VIEW_LIMITS.sources);
      return view.total ? sourcesAnswer(view, visibility, command.page) : emptyCorpusAnswer(visibility);
    }
    case 'help':
      return helpAnswer((await views.getSummary())?.topics ?? [], visibility);
    case 'add':
      return addAnswer(command.links, visibility);
    case 'timeline':
    case 'since':
      // Answered by lambda/timeline/, a layer above this one, which hands everything else to answerCommand.
      return {
        title: 'Not answered here',
        parts: [textPart(`${command.kind} is answered in Slack and in the CLI.`)],
        sources: {},
        visibility,
      };
    case 'other':
      return answerOther(command.word, command.rest, views, visibility);
    case 'too-long':
      return tooLongAnswer(command, visibility, views);
  }
}

async function tooLongAnswer(
  command: Extract<Command, { kind: 'too-long' }>,
  visibility: Visibility,
  views: ViewReader,
): Promise<Answer> {
  const help = helpAnswer((await views.getSummary())?.topics ?? [], visibility, {
    title: 'Command too long',
    lead: [
      textPart(
        `That command is ${command.length.toLocaleString('en-US')} characters long; /talks takes at most ` +
          (command.limit === MAX_COMMAND_LENGTH
            ? `${MAX_COMMAND_LENGTH}. A name or a topic is a few words.`
            : `${command.limit.toLocaleString('en-US')} for ${MAX_LINKS} links.`),
      ),
    ],
  });
  return { ...help, notUnderstood: true };
}
