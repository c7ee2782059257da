import type { ViewReader } from '../store/ports.js';
import { type Answer, textPart } from './answer.js';
import { type ParsedCommand, SUBCOMMANDS, type Visibility } from './command.js';
import { closestWithin } from './edit-distance.js';
import { emptyCorpusAnswer } from './empty-corpus.js';
import { guarantorsAnswer } from './guarantors-answer.js';
import { helpAnswer } from './help-answer.js';
import { SOURCES_SHOWN, sourcesAnswer } from './sources-answer.js';
import { answerWho } from './speaker-answer.js';
import { summaryAnswer } from './summary-answer.js';
import { answerTopic, findTopic, topicAnswer, topicCommand } from './topic-answer.js';

/**
 * A first word that is no subcommand: a topic shortcut when it names a configured topic (the summary
 * lists them: one read, then the topic's), else help with the nearest subcommand or topic as a suggestion.
 */
async function answerOther(word: string, rest: string, views: ViewReader, visibility: Visibility): Promise<Answer> {
  const summary = await views.getSummary();
  const topics = summary?.topics ?? [];
  const topic = rest ? null : findTopic(word, topics);
  const view = topic ? await views.getTopic(topic.id) : null;
  if (view) return topicAnswer(view, visibility);

  const suggestion = closestWithin(word, SUBCOMMANDS);
  const topicSuggestion = suggestion
    ? null
    : closestWithin(
        word,
        topics.map((t) => t.id),
      );
  const suggested = suggestion
    ? `/talks ${suggestion}${rest ? ` ${rest}` : ''}`
    : topicSuggestion
      ? topicCommand(topicSuggestion)
      : null;
  const lead = suggested
    ? [textPart(`I don't know "${word}". Did you mean `, { command: suggested }, '?')]
    : [textPart(`I don't know "${word}".`)];
  return helpAnswer(topics, visibility, { title: `Unknown command "${word}"`, lead });
}

/**
 * Answers a parsed /talks command from the precomputed views: at most three reads, no scan, whatever the
 * corpus size. The result is a view model; renderers turn it into Block Kit or terminal text.
 */
export async function answerCommand({ command, visibility }: ParsedCommand, views: ViewReader): Promise<Answer> {
  switch (command.kind) {
    case 'summary': {
      const view = await views.getSummary();
      return view ? summaryAnswer(view, visibility) : emptyCorpusAnswer(visibility);
    }
    case 'who':
      return answerWho(command.name, views, visibility);
    case 'guarantors':
      return guarantorsAnswer(await views.getGuarantors(), visibility);
    case 'topic':
      return answerTopic(command.topic, views, visibility);
    case 'sources': {
      const view = await views.listSources(SOURCES_SHOWN);
      return view.total ? sourcesAnswer(view, visibility) : emptyCorpusAnswer(visibility);
    }
    case 'help':
      return helpAnswer((await views.getSummary())?.topics ?? [], visibility);
    case 'other':
      return answerOther(command.word, command.rest, views, visibility);
  }
}
