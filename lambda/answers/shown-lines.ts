import type { AnswerPart, FactGroup, FactLine } from './answer.js';

/** The lines of a fact group that a renderer shows, and what it says of the rest. */
export interface ShownLines {
  /** The group's first `perGroup` lines. */
  lines: FactLine[];
  /** Lines left out, counted in a "… and N more" line. */
  hidden: number;
  /** The command that shows the rest: the group's own, else its part's. */
  moreCommand: string | undefined;
}

/**
 * Which lines of a group to show. Slack's blocks and the terminal text cut alike (each at its own `perGroup`), and a
 * group cut without a command of its own names its part's, so both point the reader to the same command.
 */
export function shownLines(group: FactGroup, perGroup: number, partMore: string | undefined): ShownLines {
  const lines = group.lines.slice(0, perGroup);
  return { lines, hidden: group.total - lines.length, moreCommand: group.moreCommand ?? partMore };
}

/**
 * What a facts part's "… and N more" counts once its first `shownGroups` groups are shown: the groups left out, or, for
 * a part that counts facts past its groups (`moreFacts`), those facts and every line of the groups left out.
 */
export function hiddenInPart(part: Extract<AnswerPart, { kind: 'facts' }>, shownGroups: number): number {
  if (part.moreFacts === undefined) return part.totalGroups - shownGroups;
  return part.groups.slice(shownGroups).reduce((n, g) => n + g.total, part.moreFacts);
}
