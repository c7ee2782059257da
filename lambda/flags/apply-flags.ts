import type { Answer, AnswerPart, FactGroup, FactLine } from '../answers/answer.js';
import { flagKeysOf } from '../facts/fact-ref.js';
import { citationAnchor } from './fact-anchor.js';
import type { FactStatus, FlagStatuses } from './flag-book.js';

/** A line's flag status: by its fact's key, or, when a merge changed the fact's id, by a citation it still shows. */
function statusOf(line: FactLine, statuses: FlagStatuses): FactStatus | undefined {
  const ref = line.fact;
  if (!ref) return undefined;
  // A guarantor flagged under its country's former name (a table from before the rename) is the same fact.
  const byKey = flagKeysOf(ref)
    .map((key) => statuses.byKey.get(key))
    .find((status) => status !== undefined);
  if (byKey || ref.kind === 'guarantor' || statuses.byAnchor.size === 0) return byKey;
  for (const citation of line.citations) {
    const status = statuses.byAnchor.get(citationAnchor(ref.kind, citation, line.text));
    if (status) return status;
  }
  return undefined;
}

function flaggedGroup(group: FactGroup, statuses: FlagStatuses): FactGroup | null {
  let hidden = 0;
  const lines = group.lines.flatMap((line) => {
    const status = statusOf(line, statuses);
    if (status?.state === 'hidden') {
      hidden += 1;
      return [];
    }
    return status?.state === 'disputed' ? [{ ...line, disputedBy: status.flaggedBy }] : [line];
  });
  if (hidden > 0 && lines.length === 0) return null;
  return { ...group, lines, total: Math.max(lines.length, group.total - hidden) };
}

function flaggedPart(part: AnswerPart, statuses: FlagStatuses): AnswerPart {
  if (part.kind !== 'facts') return part;
  const groups = part.groups.map((g) => flaggedGroup(g, statuses));
  const kept = groups.filter((g): g is FactGroup => g !== null);
  // Never below the groups kept: an answer that counts no groups beyond its own (a timeline) says 0.
  const totalGroups = Math.max(kept.length, part.totalGroups - (groups.length - kept.length));
  return { ...part, groups: kept, totalGroups };
}

/**
 * The answer as flags leave it: facts hidden by flags are gone (a group left empty goes too, and the
 * counts of "… and N more" shrink with them), disputed facts say so.
 */
export function applyFlags(answer: Answer, statuses: FlagStatuses): Answer {
  if (statuses.byKey.size === 0) return answer;
  return { ...answer, parts: answer.parts.map((part) => flaggedPart(part, statuses)) };
}
