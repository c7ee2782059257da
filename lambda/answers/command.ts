import { MAX_URL_LENGTH } from '../articles/article-limits.js';
import { linksOfCommand, MAX_LINKS } from './link-text.js';

/*
 * The /talks command language: the first word picks the answer, the rest is its argument, and a trailing
 * `public` posts the answer to the channel instead of only to the person who asked.
 */

export type Command =
  | { kind: 'summary' }
  /** `name` is empty for a bare `who`, which lists the known speakers, a page at a time (`who page 2`). */
  | { kind: 'who'; name: string; page?: number }
  | { kind: 'guarantors' }
  /** `topic` is empty for a bare `topic`, which lists the configured topics. */
  | { kind: 'topic'; topic: string }
  /** The stored articles, a page at a time (`sources page 2`). */
  | { kind: 'sources'; page?: number }
  | { kind: 'help' }
  /** Links to read into the corpus (the Slack function hands them to the link worker). */
  | { kind: 'add'; links: string[] }
  /** The facts people flagged as wrong, for review. */
  | { kind: 'flags' }
  /** A topic's positions (or the guarantors) per party in date order; `subject` is empty for a bare `timeline`. */
  | { kind: 'timeline'; subject: string }
  /** What was first reported from a date on; `when` as typed (`2026-03-10`, `7d`, `yesterday`); `page`: which page. */
  | { kind: 'since'; when: string; page?: number }
  /**
   * A first word that is no subcommand: a topic shortcut (`crimea`) when it names a configured topic,
   * which only the stored views know, else a typo answered with help and a "did you mean".
   */
  | { kind: 'other'; word: string; rest: string }
  /** Text past `MAX_COMMAND_LENGTH`: no name or topic is that long, so it is answered as the user's mistake. */
  | { kind: 'too-long'; length: number; limit: number };

export type Visibility = 'ephemeral' | 'in_channel';

export interface ParsedCommand {
  command: Command;
  visibility: Visibility;
}

/** The subcommands and their synonyms; the first of each is the one help shows. */
const SUBCOMMAND_WORDS = {
  summary: ['summary', 'summarize', 'summarise', 'overview'],
  who: ['who', 'speaker', 'speakers', 'person', 'people'],
  guarantors: ['guarantors', 'guarantor', 'guarantees', 'guarantee'],
  topic: ['topic', 'topics', 'position', 'positions'],
  sources: ['sources', 'source', 'articles', 'article'],
  add: ['add'],
  flags: ['flags', 'flagged'],
  timeline: ['timeline', 'history'],
  since: ['since'],
  help: ['help', '?', 'commands'],
} as const satisfies Record<Exclude<Command['kind'], 'other' | 'too-long'>, readonly string[]>;

type SubcommandKind = keyof typeof SUBCOMMAND_WORDS;

const KIND_BY_WORD = new Map<string, SubcommandKind>(
  Object.entries(SUBCOMMAND_WORDS).flatMap(([kind, words]) => words.map((w) => [w, kind as SubcommandKind])),
);

/** Every kind of command, `other` included: the values of the Subcommand metric dimension. */
export const COMMAND_KINDS: readonly Command['kind'][] = [
  ...(Object.keys(SUBCOMMAND_WORDS) as SubcommandKind[]),
  'other',
  'too-long',
];

/** The words help shows and "did you mean" suggests. */
export const SUBCOMMANDS: readonly string[] = Object.values(SUBCOMMAND_WORDS).map((words) => words[0]);

/** Quote marks a user may wrap a name in (`who "Vadim Torinsky"`), straight or typographic. */
const WRAPPING_QUOTES = /^["'\u201c\u201d\u2018\u2019\u00ab\u00bb]+|["'\u201c\u201d\u2018\u2019\u00ab\u00bb]+$/gu;

/**
 * Emoji as Slack sends them in a command's text, by shortcode (`:flag-ua:`, `:wave::skin-tone-3:`), standing as
 * words of their own: no name, topic or date holds one, so they are dropped from a command's argument.
 */
const EMOJI_WORDS = /(?<=^|\s)(?::[a-z0-9_+'-]+:)+(?=\s|$)/giu;

/** The last words of a paged command's argument: `page 2`. */
const PAGE_WORDS = /(?:^|\s)page\s+(\d{1,6})$/iu;

/** A paged command's argument without its trailing `page N`, and N (absent when not given). */
function pageOf(rest: string): { rest: string; page?: number } {
  const match = PAGE_WORDS.exec(rest);
  if (!match) return { rest };
  return { rest: rest.slice(0, match.index).trim(), page: Math.max(1, Number(match[1])) };
}

/**
 * Longest command text taken. The longest name or topic is a few words; Slack passes whatever is typed
 * (a megabyte took the server 10 s to split and compare with every name), and a longer topic id would
 * make a DynamoDB key past its 2,048 bytes.
 */
export const MAX_COMMAND_LENGTH = 200;

/**
 * Longest `add` taken: its links are as long as links get, so its limit is sized for them: 5 links of up to
 * 2,048 characters (the longest URL an article keeps), each in Slack's `<url|url>` form, which doubles it.
 */
export const MAX_ADD_COMMAND_LENGTH =
  'add '.length + MAX_LINKS * ('<|> '.length + 2 * MAX_URL_LENGTH) + ' public'.length;

/** The limit of the command the text starts with: `add` has its own. */
function lengthLimit(text: string): number {
  const first = /^\s*(\S{1,10})/u.exec(text)?.[1]?.toLowerCase();
  return first !== undefined && KIND_BY_WORD.get(first) === 'add' ? MAX_ADD_COMMAND_LENGTH : MAX_COMMAND_LENGTH;
}

/**
 * Parses the text Slack sends after `/talks` (or the CLI's arguments joined by spaces). Never throws:
 * empty text is help, anything unrecognised becomes `other` for the answer layer to resolve, and text
 * past its command's limit (`MAX_COMMAND_LENGTH`, `add`'s `MAX_ADD_COMMAND_LENGTH`) is `too-long`.
 */
export function parseCommand(text: string): ParsedCommand {
  const limit = lengthLimit(text);
  if (text.length > limit) {
    const publicly = /\spublic\s*$/iu.test(text.slice(-20));
    return {
      command: { kind: 'too-long', length: text.length, limit },
      visibility: publicly ? 'in_channel' : 'ephemeral',
    };
  }
  const words = text.trim().split(/\s+/u).filter(Boolean);
  let visibility: Visibility = 'ephemeral';
  if (words.length && words.at(-1)?.toLowerCase() === 'public') {
    words.pop();
    visibility = 'in_channel';
  }
  const [first, ...restWords] = words;
  const rest = restWords
    .join(' ')
    .replace(EMOJI_WORDS, ' ')
    .trim()
    .replace(/\s+/gu, ' ')
    .replace(WRAPPING_QUOTES, '')
    .trim();
  if (first === undefined) return { command: { kind: 'help' }, visibility };
  const word = first.toLowerCase();
  const kind = KIND_BY_WORD.get(word);
  switch (kind) {
    case 'who': {
      // Only a bare `who` is paged: "page 2" after a name is part of it.
      const paged = pageOf(rest);
      const page = paged.rest === '' && paged.page !== undefined ? { page: paged.page } : {};
      return { command: { kind, name: 'page' in page ? '' : rest, ...page }, visibility };
    }
    case 'sources': {
      const { page } = pageOf(rest);
      return { command: { kind, ...(page !== undefined ? { page } : {}) }, visibility };
    }
    case 'topic':
      return { command: { kind, topic: rest }, visibility };
    case 'timeline':
      return { command: { kind, subject: rest }, visibility };
    case 'since': {
      const paged = pageOf(rest);
      return {
        command: { kind, when: paged.rest, ...(paged.page !== undefined ? { page: paged.page } : {}) },
        visibility,
      };
    }
    case 'add':
      return { command: { kind, links: linksOfCommand(restWords) }, visibility };
    case undefined:
      return { command: { kind: 'other', word, rest }, visibility };
    default:
      return { command: { kind }, visibility };
  }
}
