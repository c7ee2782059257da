import type { types } from '@slack/bolt';
import type { Answer, AnswerPart, FactGroup, FactLine, PersonLine, SourceListing, Span } from '../answers/answer.js';
import { evidenceBeyond } from '../answers/evidence.js';
import { flagMark } from '../answers/flag-mark.js';
import { foldEmptySections } from '../answers/fold-empty-sections.js';
import { type Footnote, Footnotes } from '../answers/footnotes.js';
import { pageWords } from '../answers/paging.js';
import { personCounts } from '../answers/person-counts.js';
import { shownCitations } from '../answers/shown-citations.js';
import { hiddenInPart, shownLines } from '../answers/shown-lines.js';
import { type FactControls, factControl } from './fact-controls.js';
import { bold, code, defuseBroadcasts, escapeControlCharacters, escapeMrkdwn, link, truncate } from './mrkdwn.js';
import { NEXT_PAGE_ACTION, PREVIOUS_PAGE_ACTION } from './page-actions.js';
import { SLACK_LIMITS, type SlackMessage, slackLimitViolations } from './slack-limits.js';

type KnownBlock = types.KnownBlock;

/** How much of an answer to show; renderBlocks tries each level until the message fits Slack's limits. */
interface Detail {
  /** Articles cited per fact; the rest are counted ("+3"), the most relevant come first. */
  citationsPerLine: number;
  linesPerGroup: number;
  groupsPerPart: number;
  listItems: number;
  evidencePerLine: number;
  /** Characters of an evidence sentence or a fact's text before "…": plain text, before escaping. */
  evidenceChars: number;
  lineChars: number;
  /** Whether a fact's marks link to their articles; the Sources list links them in any case. @default true */
  linkedMarks?: boolean;
}

/*
 * From everything to the bare minimum. Escaping can grow text fivefold (`&` → `&amp;`), so line lengths
 * stay under a fifth of a section's 3000 characters. Evidence goes before facts do: a reader can still open
 * the cited article.
 */
const DETAIL_LEVELS: Detail[] = [
  {
    citationsPerLine: 6,
    linesPerGroup: 25,
    groupsPerPart: 25,
    listItems: 50,
    evidencePerLine: 2,
    evidenceChars: 400,
    lineChars: 500,
  },
  {
    citationsPerLine: 4,
    linesPerGroup: 10,
    groupsPerPart: 10,
    listItems: 40,
    evidencePerLine: 1,
    evidenceChars: 300,
    lineChars: 400,
  },
  {
    citationsPerLine: 3,
    linesPerGroup: 6,
    groupsPerPart: 8,
    listItems: 30,
    evidencePerLine: 1,
    evidenceChars: 220,
    lineChars: 300,
  },
  {
    citationsPerLine: 3,
    linesPerGroup: 4,
    groupsPerPart: 6,
    listItems: 20,
    evidencePerLine: 1,
    evidenceChars: 160,
    lineChars: 240,
  },
  {
    citationsPerLine: 2,
    linesPerGroup: 3,
    groupsPerPart: 5,
    listItems: 15,
    evidencePerLine: 1,
    evidenceChars: 120,
    lineChars: 200,
  },
  {
    citationsPerLine: 2,
    linesPerGroup: 2,
    groupsPerPart: 4,
    listItems: 10,
    evidencePerLine: 0,
    evidenceChars: 0,
    lineChars: 160,
  },
  {
    citationsPerLine: 1,
    linesPerGroup: 1,
    groupsPerPart: 3,
    listItems: 5,
    evidencePerLine: 0,
    evidenceChars: 0,
    lineChars: 120,
  },
  {
    citationsPerLine: 1,
    linesPerGroup: 1,
    groupsPerPart: 1,
    listItems: 3,
    evidencePerLine: 0,
    evidenceChars: 0,
    lineChars: 80,
  },
];

/**
 * For an answer whose facts are a list read whole (`Answer.wholeLists`: the guarantors), tried before a level that
 * leaves facts out: every line (the guarantors item holds at most 100) with its first source, its mark unlinked (the
 * Sources list links it) and no evidence. Long article URLs, twice in a line's link and its footnote, made 6 of 28
 * countries the most any level showed, and the rest had no command to ask.
 */
const WHOLE_LIST_LEVEL: Detail = {
  citationsPerLine: 1,
  linesPerGroup: 100,
  groupsPerPart: 25,
  listItems: 20,
  evidencePerLine: 0,
  evidenceChars: 0,
  lineChars: 120,
  linkedMarks: false,
};

/** Whether an answer at a level leaves out fact lines or groups that it holds. */
function cutsFacts(answer: Answer, detail: Detail): boolean {
  return answer.parts.some(
    (part) =>
      part.kind === 'facts' &&
      (part.groups.length > detail.groupsPerPart || part.groups.some((g) => g.lines.length > detail.linesPerGroup)),
  );
}

/** Lines per section, so each fact's evidence sits right under it. */
const LINES_PER_SECTION = 5;

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: mrkdwn(text) };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [mrkdwn(text)] };
}

/** Packs lines into as few sections as Slack's section limit allows. */
function sections(lines: string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = '';
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length > SLACK_LIMITS.sectionText && current) {
      blocks.push(section(current));
      current = line;
    } else {
      current = next;
    }
  }
  if (current) blocks.push(section(current));
  return blocks;
}

function spansText(spans: readonly Span[]): string {
  return spans
    .map((s) => (typeof s === 'string' ? escapeMrkdwn(s) : 'command' in s ? code(s.command) : bold(s.strong)))
    .join('');
}

function moreLine(count: number, command: string | undefined): string {
  return command ? `… and ${count} more: ${code(command)}` : `… and ${count} more`;
}

function citationMarks(footnotes: readonly Footnote[], uncited: number, linked: boolean): string {
  const marks = footnotes
    .map((f) => (linked ? link(f.source?.url ?? null, `[${f.number}]`) : null) ?? `[${f.number}]`)
    .join('');
  return uncited > 0 ? `${marks} +${uncited}` : marks;
}

function factLineText(line: FactLine, marks: string, detail: Detail): string {
  const text = escapeMrkdwn(truncate(line.text, detail.lineChars));
  const words = line.quoted ? `“${text}”` : text;
  const lead = line.lead ? `${bold(line.lead)}: ` : '';
  const mark = flagMark(line);
  const disputed = mark ? ` _(${escapeMrkdwn(mark)})_` : '';
  return `• ${lead}${words} ${marks}${disputed}`;
}

/** The evidence under a fact: the sentences it was read from, as much as the level of detail allows. */
function evidenceLines(line: FactLine, cited: readonly Footnote[], detail: Detail): string[] {
  return line.citations
    .filter((c) => cited.some((f) => f.articleId === c.articleId))
    .flatMap((c) => {
      const evidence = evidenceBeyond(line, c);
      const number = cited.find((f) => f.articleId === c.articleId)?.number;
      return evidence === null ? [] : [`↳ [${number}] ${escapeMrkdwn(truncate(evidence, detail.evidenceChars))}`];
    })
    .slice(0, detail.evidencePerLine);
}

/** A few fact lines and the evidence under them. */
interface FactChunk {
  lines: string[];
  evidence: string[];
  /** The facts the lines show, for the control beside them. */
  facts: FactLine[];
}

/** A group's lines in chunks, cut as `shownLines` says. */
function groupChunks(
  group: FactGroup,
  detail: Detail,
  footnotes: Footnotes,
  partMore: string | undefined,
): FactChunk[] {
  const heading: string[] = [];
  if (group.title) heading.push(bold(truncate(group.title, detail.lineChars)));
  if (group.detail) heading.push(escapeMrkdwn(truncate(group.detail, detail.lineChars)));
  const { lines: shown, hidden, moreCommand } = shownLines(group, detail.linesPerGroup, partMore);
  const chunks: FactChunk[] = [];
  for (let start = 0; start === 0 || start < shown.length; start += LINES_PER_SECTION) {
    const lines = start === 0 ? [...heading] : [];
    const evidence: string[] = [];
    const facts = shown.slice(start, start + LINES_PER_SECTION);
    for (const line of facts) {
      const { citations, hidden } = shownCitations(line, detail.citationsPerLine);
      const cited = footnotes.cite(citations);
      lines.push(factLineText(line, citationMarks(cited, hidden, detail.linkedMarks ?? true), detail));
      evidence.push(...evidenceLines(line, cited, detail));
    }
    // Facts read from one sentence (two guarantors named together) show it once.
    chunks.push({ lines, evidence: [...new Set(evidence)], facts });
  }
  const last = chunks.at(-1);
  if (last && hidden > 0) last.lines.push(moreLine(hidden, moreCommand));
  return chunks;
}

/** A chunk's sections, the first with the control for the chunk's facts. */
function chunkSections(chunk: FactChunk, controls: FactControls): KnownBlock[] {
  const [first, ...rest] = sections(chunk.lines);
  const accessory = factControl(chunk.facts, controls);
  if (!first || !accessory || first.type !== 'section') return first ? [first, ...rest] : rest;
  return [{ ...first, accessory }, ...rest];
}

function factsBlocks(
  part: Extract<AnswerPart, { kind: 'facts' }>,
  detail: Detail,
  footnotes: Footnotes,
  controls: FactControls,
): KnownBlock[] {
  const groups = part.groups.slice(0, detail.groupsPerPart);
  const chunks = groups.flatMap((g) => groupChunks(g, detail, footnotes, part.moreCommand));
  const hidden = hiddenInPart(part, groups.length);
  const more = hidden > 0 ? [moreLine(hidden, part.moreCommand)] : [];
  if (detail.evidencePerLine === 0) {
    // Without evidence, a part packs into as few sections as its text needs: long answers fit in 50 blocks.
    return sections([bold(part.heading), ...chunks.flatMap((c) => c.lines), ...more]);
  }
  return [
    section(bold(part.heading)),
    ...chunks.flatMap((c) => [
      ...chunkSections(c, controls),
      ...(c.evidence.length ? [context(c.evidence.join('\n'))] : []),
    ]),
    ...(more.length ? [context(more.join(''))] : []),
  ];
}

function personText(person: PersonLine): string {
  const affiliation = person.affiliation ? ` (${escapeMrkdwn(person.affiliation)})` : '';
  return `• ${bold(person.name)}${affiliation} · ${escapeMrkdwn(personCounts(person))}`;
}

function sourceName(source: Pick<SourceListing, 'outlet' | 'title' | 'files'>): string {
  return source.outlet ?? source.title ?? source.files[0] ?? 'unnamed article';
}

function sourceText(source: SourceListing, detail: Detail): string {
  const name = truncate(sourceName(source), detail.lineChars);
  const named = link(source.url, name) ?? bold(name);
  const title = source.title && source.outlet ? `: _${escapeMrkdwn(truncate(source.title, detail.lineChars))}_` : '';
  const extra = [source.date, source.files.join(', ')].filter(Boolean).map((t) => escapeMrkdwn(String(t)));
  return `• ${named}${title} · ${extra.join(' · ')}`;
}

/**
 * A list cut to the level's items. What the level leaves out of the list's own items has no command that shows it in
 * Slack, so it is counted apart from the items after them (a paged list's next page, which `moreCommand` names).
 */
function listBlocks(
  heading: string,
  lines: string[],
  total: number,
  detail: Detail,
  moreCommand?: string,
): KnownBlock[] {
  const shown = lines.slice(0, detail.listItems);
  const left = lines.length - shown.length;
  const more: string[] = [];
  if (moreCommand && left > 0) more.push(`… ${left} more of this page did not fit in one Slack message`);
  const after = moreCommand ? total - lines.length : total - shown.length;
  if (after > 0) more.push(moreLine(after, moreCommand));
  return sections([bold(heading), ...shown, ...more]);
}

function partBlocks(part: AnswerPart, detail: Detail, footnotes: Footnotes, controls: FactControls): KnownBlock[] {
  switch (part.kind) {
    case 'text':
      return sections([spansText(part.spans)]);
    case 'facts':
      return factsBlocks(part, detail, footnotes, controls);
    case 'people':
      return listBlocks(part.heading, part.people.map(personText), part.total, detail, part.moreCommand);
    case 'sources':
      return listBlocks(
        part.heading,
        part.sources.map((s) => sourceText(s, detail)),
        part.total,
        detail,
        part.moreCommand,
      );
    case 'commands':
      return listBlocks(
        part.heading,
        part.commands.map((c) => `${code(c.usage)}  ${escapeMrkdwn(c.description)}`),
        part.commands.length,
        detail,
      );
  }
}

/** The footnotes: `<url|[2] CBS News>` and the title, or outlet and title when there is no URL. */
function footnoteText(footnote: Footnote, detail: Detail): string {
  const { source, number } = footnote;
  if (!source) return `[${number}] unknown article ${escapeMrkdwn(footnote.articleId)}`;
  const name = truncate(sourceName(source), detail.lineChars);
  const named = link(source.url, `[${number}] ${name}`) ?? `[${number}] ${bold(name)}`;
  const title =
    source.title && source.title !== name ? ` · _${escapeMrkdwn(truncate(source.title, detail.lineChars))}_` : '';
  const date = source.date ? ` · ${source.date}` : '';
  return `${named}${title}${date}`;
}

function fallbackText(answer: Answer): string {
  return escapeControlCharacters(defuseBroadcasts(truncate(answer.title, SLACK_LIMITS.headerText)));
}

function header(title: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(title, SLACK_LIMITS.headerText), emoji: false } };
}

function renderWith(answer: Answer, detail: Detail): SlackMessage {
  const footnotes = new Footnotes(answer.sources);
  const blocks: KnownBlock[] = [header(answer.title)];
  for (const part of answer.parts) blocks.push(...partBlocks(part, detail, footnotes, answer.factControls ?? 'flag'));
  const cited = footnotes.list();
  if (cited.length) blocks.push(...sections([bold('Sources'), ...cited.map((f) => footnoteText(f, detail))]));
  if (answer.paging) blocks.push(...pageButtons(answer.paging));
  return { response_type: answer.visibility, text: fallbackText(answer), blocks };
}

/** The buttons of a paged answer's neighbours; each carries the command of its page (lambda/slack/page-actions.ts). */
function pageButtons(paging: NonNullable<Answer['paging']>): KnownBlock[] {
  const { page, pages } = paging;
  const button = (actionId: string, text: string, to: number): types.Button => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text, emoji: false },
    value: pageWords(paging, to),
  });
  const elements = [
    ...(page > 1 ? [button(PREVIOUS_PAGE_ACTION, 'Previous page', Math.min(page - 1, pages))] : []),
    ...(page < pages ? [button(NEXT_PAGE_ACTION, 'Next page', page + 1)] : []),
  ];
  return elements.length ? [{ type: 'actions', block_id: 'pages', elements }] : [];
}

/** How many levels of detail there are, 0 the fullest; for tests that compare renderBlocks with every level. */
export const DETAIL_LEVEL_COUNT = DETAIL_LEVELS.length;

/** The answer (its empty sections folded) at one level of detail, whether or not it fits Slack's limits. */
export function renderAtDetail(answer: Answer, level: number): SlackMessage {
  return renderWith(foldEmptySections(answer), DETAIL_LEVELS[level] as Detail);
}

/**
 * Renders an answer as a Slack message within Slack's limits: the fullest level of detail that fits,
 * cutting with an explicit "… and N more" rather than letting Slack refuse the message. No section is
 * drawn empty: empty ones fold into a line first, as in the terminal.
 *
 * Most answers fit at the fullest level, tried first. A long one (the summary of a large corpus fits at one
 * of the last levels) is searched by halving: less detail never makes a message longer, so a level fits
 * only if every level after it does, and the search renders 3 more times where trying each level in turn
 * rendered up to 7 (each render escapes and links every line: on a cold start, most of the summary's
 * first answer). An answer read as whole lists (the guarantors) that the level found would cut shows every line at
 * WHOLE_LIST_LEVEL instead, when that fits. Whatever it returns was checked against the limits.
 */
export function renderBlocks(answer: Answer): SlackMessage {
  const folded = foldEmptySections(answer);
  const fits = (level: number): SlackMessage | null => {
    const message = renderWith(folded, DETAIL_LEVELS[level] as Detail);
    return slackLimitViolations(message).length === 0 ? message : null;
  };
  const fullest = fits(0);
  if (fullest) return fullest;
  const best = fittingLevel(fits);
  if (folded.wholeLists && (!best || cutsFacts(folded, best.detail))) {
    const whole = renderWith(folded, WHOLE_LIST_LEVEL);
    if (slackLimitViolations(whole).length === 0) return whole;
  }
  if (best) return best.message;
  return {
    response_type: answer.visibility,
    text: fallbackText(answer),
    blocks: [
      header(answer.title),
      section(`This answer is too long for a Slack message. Try a narrower command: ${code('/talks help')}`),
    ],
  };
}

/** The fullest level after the first that fits, by halving (see renderBlocks), or null when none does. */
function fittingLevel(fits: (level: number) => SlackMessage | null): { message: SlackMessage; detail: Detail } | null {
  // Invariant: `tooLong` does not fit; `best` is the fullest level after it known to fit (null: none yet).
  let tooLong = 0;
  let best: { message: SlackMessage; detail: Detail } | null = null;
  let end = DETAIL_LEVELS.length;
  while (end - tooLong > 1) {
    const level = Math.floor((tooLong + end) / 2);
    const message = fits(level);
    if (message) {
      best = { message, detail: DETAIL_LEVELS[level] as Detail };
      end = level;
    } else {
      tooLong = level;
    }
  }
  return best;
}
