import type { Answer, FactLine } from '../answers/answer.js';
import { factKey } from '../facts/fact-ref.js';

/**
 * The keys of the facts among `lines` that `amend` (the flags' filter every answer goes through) keeps:
 * the ones it does not hide. `timeline` and `since` ask it before they build their answer, so that what
 * they count and what they mark as changed leaves out what the answer will not show.
 */
export function factsKept(lines: readonly FactLine[], amend: (answer: Answer) => Answer): Set<string> {
  const amended = amend({
    title: '',
    parts: [
      {
        kind: 'facts',
        heading: '',
        groups: [{ lines: [...lines], total: lines.length }],
        totalGroups: 1,
        emptyText: '',
      },
    ],
    sources: {},
    visibility: 'ephemeral',
  });
  return new Set(
    amended.parts.flatMap((part) =>
      part.kind === 'facts'
        ? part.groups.flatMap((g) => g.lines.flatMap((l) => (l.fact ? [factKey(l.fact)] : [])))
        : [],
    ),
  );
}
