import type { ViewReader } from '../store/ports.js';

/**
 * Answers a /talks command text ("summary", "who Medinsky", "sources", …) as terminal text, through the
 * same parse → read → view model path as Slack. Placeholder until the Slack issue lands: sources only.
 */
export async function printAnswer(commandText: string, views: ViewReader): Promise<string> {
  if (commandText.trim() !== 'sources') return `Unknown command: ${commandText}`;
  const { total, sources } = await views.listSources(50);
  const lines = sources.map(
    (s) => `- ${s.outlet ?? '(unknown outlet)'}: ${s.title ?? '(untitled)'} [${s.files.join(', ')}]`,
  );
  return [`${total} sources`, ...lines].join('\n');
}
