import { parseCommand } from '../answers/command.js';
import { renderText } from '../answers/render-text.js';
import { type FlagsContext, flagFeatures } from '../flags/flag-features.js';
import type { TimelineReader, ViewReader } from '../store/ports.js';
import { answerTalksCommand } from '../timeline/answer-talks-command.js';

/**
 * Answers a /talks command text ("summary", "who Torinsky", "sources", …) as terminal text, through the
 * same parse → read → view model path as Slack, with the same flags hiding and marking facts when given.
 * `timeline` and `since` need the timeline reader (and `since` a clock: the system's by default).
 */
export async function printAnswer(
  commandText: string,
  views: ViewReader,
  flags?: FlagsContext,
  timeline?: { reader: TimelineReader; now?: () => Date },
): Promise<string> {
  return (await printedAnswer(commandText, views, flags, timeline)).text;
}

/** As printAnswer, and whether the command was understood (the CLI exits 2 when it was not). */
export async function printedAnswer(
  commandText: string,
  views: ViewReader,
  flags?: FlagsContext,
  timeline?: { reader: TimelineReader; now?: () => Date },
): Promise<{ text: string; understood: boolean }> {
  const answer = await answerTalksCommand(parseCommand(commandText), {
    views,
    ...(flags ? { features: flagFeatures(flags) } : {}),
    ...(timeline ? { timeline: timeline.reader, ...(timeline.now ? { now: timeline.now } : {}) } : {}),
  });
  return { text: renderText(answer), understood: !answer.notUnderstood };
}
