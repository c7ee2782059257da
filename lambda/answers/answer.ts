import type { SourceRef } from '../articles/article.js';
import type { Citation } from '../facts/fact.js';
import type { FactRef } from '../facts/fact-ref.js';
import type { Visibility } from './command.js';

/*
 * The view model of an answer: what to say, independent of where it is shown. The Slack renderer turns it
 * into Block Kit (cutting to Slack's limits), the CLI into terminal text. All strings are plain text,
 * never markup: each renderer escapes for its medium.
 */

/** One fact as a line: a statement, a stance, a guarantor country. */
export interface FactLine {
  /** Who or what the line is about when the group does not say it ("Russia", "Vadim Torinsky"). */
  lead?: string;
  text: string;
  /** Verbatim words of the speaker: shown in quotation marks. */
  quoted: boolean;
  /** Where the fact was read, each with its evidence sentence. */
  citations: Citation[];
  /** Which stored fact the line shows: what Slack's flag control names. */
  fact?: FactRef;
  /** People who flagged the fact as wrong, when too few to hide it: shown as disputed. */
  disputedBy?: number;
}

/** Lines about one subject: a speaker's statements, a party's stances, the guarantors one party proposed. */
export interface FactGroup {
  /** Absent when the part's heading already says what the lines are about. */
  title?: string;
  /** A line of context under the title ("Russia · 6 statements in 3 articles"). */
  detail?: string;
  lines: FactLine[];
  /** How many lines exist in all, shown or not. */
  total: number;
  /** The command that shows this group in full, for "… and N more". */
  moreCommand?: string;
}

export interface PersonLine {
  name: string;
  affiliation: string | null;
  statementCount: number;
  articleCount: number;
  /** Articles naming the person: what a list says of someone with no statement. */
  mentionCount: number;
}

export type SourceListing = SourceRef & { urls: string[] };

/** Running text: plain words, commands the renderer sets apart (Slack: `code`), and names it stresses (Slack: bold). */
export type Span = string | { command: string } | { strong: string };

export type AnswerPart =
  /** `slackOnly`: says something only true in Slack (who sees the answer), left out of the terminal. */
  | { kind: 'text'; spans: Span[]; slackOnly?: boolean }
  | {
      kind: 'facts';
      heading: string;
      groups: FactGroup[];
      /** How many groups exist in all (speakers beyond the top ones). */
      totalGroups: number;
      /** The command that lists every group, for "… and N more". */
      moreCommand?: string;
      /**
       * Facts in no group shown, when the part holds the first facts of a ranked list rather than whole groups (the
       * summary's first ten guarantors): its "… and N more" then counts these and the lines of any group left out.
       */
      moreFacts?: number;
      /** Said, in place of the section, when there is nothing to show (lambda/answers/fold-empty-sections.ts). */
      emptyText: string;
      /**
       * When given, an empty section folds with the others of the same `lead` into one line, e.g.
       * "No positions found on: Zaporizhzhia plant, NATO", in place of its `emptyText`.
       */
      emptyFold?: { lead: string; subject: string };
    }
  /**
   * A list. `total` counts the items from the first one listed on, those after it included; `moreCommand` shows the
   * ones after it (a paged list's next page), for "… and N more".
   */
  | { kind: 'people'; heading: string; people: PersonLine[]; total: number; moreCommand?: string }
  | { kind: 'sources'; heading: string; sources: SourceListing[]; total: number; moreCommand?: string }
  | { kind: 'commands'; heading: string; commands: { usage: string; description: string }[] };

export interface Answer {
  title: string;
  /**
   * What Slack offers beside each fact with a `fact` ref: `flag` it as wrong (every answer), or `review` it
   * (the list of flagged facts: confirm or restore). @default 'flag'
   */
  factControls?: 'flag' | 'review';
  parts: AnswerPart[];
  /** Every article a citation in `parts` points at, by id. */
  sources: Record<string, SourceRef>;
  visibility: Visibility;
  /**
   * Lines the terminal rendering may take (render-text.ts shows fewer sources a fact, then fewer facts a group, until
   * it fits); none for answers a terminal shows whole. Slack cuts every answer to its own limits (render-blocks.ts).
   */
  lineBudget?: number;
  /**
   * Its facts are a list read whole (the guarantors): where Slack's limits would leave lines out, every line is shown
   * with its first source and no evidence instead (render-blocks.ts).
   */
  wholeLists?: boolean;
  /**
   * A page of a longer answer (lambda/answers/paging.ts): Slack adds buttons to the previous and the next page, which
   * answer the same command's other pages.
   */
  paging?: { page: number; pages: number; command: string };
  /** The command was not understood (an unknown word, a command too long): the answer is help, and the CLI exits 2. */
  notUnderstood?: boolean;
}

/** The usage of a /talks subcommand as users type it. */
export function talksCommand(args: string): string {
  return `/talks ${args}`;
}

export function textPart(...spans: Span[]): AnswerPart {
  return { kind: 'text', spans };
}

/** Indexes source refs by article id for `Answer.sources`. */
export function sourcesById(sources: readonly SourceRef[]): Record<string, SourceRef> {
  return Object.fromEntries(sources.map((s) => [s.id, s]));
}
