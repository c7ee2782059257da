import { answerCommand } from '../answers/answer-command.js';
import { parseCommand } from '../answers/command.js';
import { renderText } from '../answers/render-text.js';
import { type FlagsContext, flagFeatures } from '../flags/flag-features.js';
import type { ViewReader } from '../store/ports.js';

/**
 * Answers a /talks command text ("summary", "who Medinsky", "sources", …) as terminal text, through the
 * same parse → read → view model path as Slack, with the same flags hiding and marking facts when given.
 */
export async function printAnswer(commandText: string, views: ViewReader, flags?: FlagsContext): Promise<string> {
  return renderText(await answerCommand(parseCommand(commandText), views, flags && flagFeatures(flags)));
}
