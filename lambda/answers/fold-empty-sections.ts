import { type Answer, type AnswerPart, type FactGroup, textPart } from './answer.js';

/*
 * No heading over nothing: the rule both renderings (Block Kit, terminal text) apply to an answer before
 * drawing it, so they agree. A section of facts with nothing to show becomes its one-line `emptyText`, and
 * empty sections that say the same kind of nothing ("No positions found on") fold into one line listing
 * their subjects. An empty list of people, sources or commands is left out.
 */

type FactsPart = Extract<AnswerPart, { kind: 'facts' }>;

function groupIsEmpty(group: FactGroup): boolean {
  return group.title === undefined && group.detail === undefined && group.lines.length === 0 && group.total === 0;
}

function factsAreEmpty(part: FactsPart): boolean {
  return part.groups.every(groupIsEmpty) && part.totalGroups <= part.groups.length;
}

function isEmptyList(part: AnswerPart): boolean {
  switch (part.kind) {
    case 'people':
      return part.people.length === 0 && part.total === 0;
    case 'sources':
      return part.sources.length === 0 && part.total === 0;
    case 'commands':
      return part.commands.length === 0;
    default:
      return false;
  }
}

/** The answer with every empty section folded into a line or left out; an answer with none is returned as is. */
export function foldEmptySections(answer: Answer): Answer {
  const folded = new Map<string, { at: number; subjects: string[] }>();
  const parts: (AnswerPart | null)[] = [];
  for (const part of answer.parts) {
    if (isEmptyList(part)) continue;
    if (part.kind !== 'facts' || !factsAreEmpty(part)) {
      parts.push(part);
    } else if (!part.emptyFold) {
      parts.push(textPart(part.emptyText));
    } else {
      const { lead, subject } = part.emptyFold;
      const fold = folded.get(lead);
      if (fold) fold.subjects.push(subject);
      else {
        folded.set(lead, { at: parts.length, subjects: [subject] });
        parts.push(null);
      }
    }
  }
  if (parts.length === answer.parts.length && parts.every((p, i) => p === answer.parts[i])) return answer;
  for (const [lead, { at, subjects }] of folded) parts[at] = textPart(`${lead}: ${subjects.join(', ')}.`);
  return { ...answer, parts: parts.filter((p): p is AnswerPart => p !== null) };
}
