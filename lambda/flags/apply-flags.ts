import type { Answer, AnswerPart, FactGroup } from '../answers/answer.js';
import { factKey } from '../facts/fact-ref.js';
import type { FactStatus } from './flag-book.js';

function flaggedGroup(group: FactGroup, statuses: ReadonlyMap<string, FactStatus>): FactGroup | null {
  let hidden = 0;
  const lines = group.lines.flatMap((line) => {
    const status = line.fact ? statuses.get(factKey(line.fact)) : undefined;
    if (status?.state === 'hidden') {
      hidden += 1;
      return [];
    }
    return status?.state === 'disputed' ? [{ ...line, disputedBy: status.flaggedBy }] : [line];
  });
  if (hidden > 0 && lines.length === 0) return null;
  return { ...group, lines, total: Math.max(lines.length, group.total - hidden) };
}

function flaggedPart(part: AnswerPart, statuses: ReadonlyMap<string, FactStatus>): AnswerPart {
  if (part.kind !== 'facts') return part;
  const groups = part.groups.map((g) => flaggedGroup(g, statuses));
  const kept = groups.filter((g): g is FactGroup => g !== null);
  return { ...part, groups: kept, totalGroups: part.totalGroups - (groups.length - kept.length) };
}

/**
 * The answer as flags leave it: facts hidden by flags are gone (a group left empty goes too, and the
 * counts of "… and N more" shrink with them), disputed facts say so.
 */
export function applyFlags(answer: Answer, statuses: ReadonlyMap<string, FactStatus>): Answer {
  if (statuses.size === 0) return answer;
  return { ...answer, parts: answer.parts.map((part) => flaggedPart(part, statuses)) };
}
