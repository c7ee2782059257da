import { answerCommand } from '../answers/answer-command.js';
import { parseCommand } from '../answers/command.js';
import { renderText } from '../answers/render-text.js';
import type { ViewReader } from '../store/ports.js';

/**
 * Answers a /talks command text ("summary", "who Medinsky", "sources", …) as terminal text, through the
 * same parse → read → view model path as Slack.
 */
export async function printAnswer(commandText: string, views: ViewReader): Promise<string> {
  return renderText(await answerCommand(parseCommand(commandText), views));
}
