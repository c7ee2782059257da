import type { Answer, AnswerPart, FactGroup, FactLine, SourceListing, Span } from './answer.js';
import { evidenceBeyond } from './evidence.js';
import { shownFileName } from './file-name.js';
import { flagMark } from './flag-mark.js';
import { foldEmptySections } from './fold-empty-sections.js';
import { type Footnote, Footnotes } from './footnotes.js';
import { personCounts } from './person-counts.js';
import { shownCitations } from './shown-citations.js';
import { hiddenInPart, shownLines } from './shown-lines.js';

/*
 * The terminal rendering of an answer: the same view model as Slack's, as plain text, with every evidence sentence
 * under its fact. A terminal has no message limit, so nothing is cut, unless the answer sets a line budget (the
 * summary: about two screens); then the first level of detail whose text fits is shown, as Slack's blocks try theirs.
 */

/** How much of an answer with a line budget to show: sources a fact (the first ones), facts a group. */
interface TextDetail {
  citationsPerLine: number;
  linesPerGroup: number;
}

/**
 * Sources go before facts do: every shown fact keeps at least its first source, with its link in the Sources list,
 * and what a level leaves out is counted ("and 4 more sources", "… and 2 more: npm run talks -- guarantors").
 */
const TEXT_DETAIL_LEVELS: readonly TextDetail[] = [
  { citationsPerLine: Number.POSITIVE_INFINITY, linesPerGroup: Number.POSITIVE_INFINITY },
  { citationsPerLine: 2, linesPerGroup: Number.POSITIVE_INFINITY },
  { citationsPerLine: 1, linesPerGroup: Number.POSITIVE_INFINITY },
  { citationsPerLine: 1, linesPerGroup: 2 },
  { citationsPerLine: 1, linesPerGroup: 1 },
];
const WHOLE = TEXT_DETAIL_LEVELS[0] as TextDetail;

/** A Slack command as the CLI runs it: `/talks who X` → `npm run talks -- who X`. */
function cliCommand(command: string): string {
  return command.replace(/^\/talks\b/u, 'npm run talks --');
}

function underline(text: string, char: string): string {
  return `${text}\n${char.repeat(Math.min(text.length, 80))}`;
}

function spansText(spans: readonly Span[]): string {
  return spans.map((s) => (typeof s === 'string' ? s : 'command' in s ? cliCommand(s.command) : s.strong)).join('');
}

function moreLine(count: number, command: string | undefined): string {
  return command ? `… and ${count} more: ${cliCommand(command)}` : `… and ${count} more`;
}

/**
 * Each evidence sentence once in a part: several guarantors usually come from one list sentence, and
 * printing it under each country buried the section. Later lines keep its footnote mark.
 */
type Printed = Set<string>;

function factLines(line: FactLine, footnotes: Footnotes, detail: TextDetail, printed?: Printed): string[] {
  const { citations, hidden: uncited } = shownCitations(line, detail.citationsPerLine);
  const cited = footnotes.cite(citations);
  const marks = `${cited.map((f) => `[${f.number}]`).join('')}${uncited > 0 ? ` and ${uncited} more ${uncited === 1 ? 'source' : 'sources'}` : ''}`;
  const words = line.quoted ? `“${line.text}”` : line.text;
  const lead = line.lead ? `${line.lead}: ` : '';
  const mark = flagMark(line);
  const disputed = mark ? ` (${mark})` : '';
  const evidence = citations.flatMap((c) => {
    const beyond = evidenceBeyond(line, c);
    if (beyond === null || printed?.has(c.evidence)) return [];
    printed?.add(c.evidence);
    return [`      [${cited.find((f) => f.articleId === c.articleId)?.number}] ${beyond}`];
  });
  return [`  • ${lead}${words} ${marks}${disputed}`, ...new Set(evidence)];
}

/** A country line's key: the sentences it rests on, whatever their order. */
const evidenceKey = (line: FactLine) =>
  line.citations
    .map((c) => `${c.articleId}\u0000${c.evidence}`)
    .sort()
    .join('\u0001');

/**
 * Guarantor countries that rest on the same sentences, as one line ("Turkey, France, Canada [2]") with
 * the sentences under it once. Only lines that say the same besides their country join: the same lead (a
 * timeline's "CHANGED: added to the list" stays with its country) and no flag mark (a disputed country
 * keeps its own line, so the mark names it alone). Other lines stay as they are.
 */
function joinSharedEvidence(lines: readonly FactLine[]): FactLine[] {
  const joined = new Map<string, FactLine>();
  lines.forEach((line, i) => {
    const joinable = line.fact?.kind === 'guarantor' && flagMark(line) === null;
    const key = joinable ? `${line.lead ?? ''}\u0002${evidenceKey(line)}` : `line ${i}`;
    const first = joined.get(key);
    joined.set(key, first ? { ...first, text: `${first.text}, ${line.text}` } : line);
  });
  return [...joined.values()];
}

function groupLines(
  group: FactGroup,
  footnotes: Footnotes,
  printed: Printed,
  detail: TextDetail,
  partMore: string | undefined,
): string[] {
  const title = [group.title, group.detail].filter(Boolean).join(' — ');
  const { lines: shown, hidden, moreCommand } = shownLines(group, detail.linesPerGroup, partMore);
  const more = hidden > 0 ? [`  ${moreLine(hidden, moreCommand)}`] : [];
  const lines = joinSharedEvidence(shown).flatMap((l) =>
    factLines(l, footnotes, detail, l.fact?.kind === 'guarantor' ? printed : undefined),
  );
  return [...(title ? [title] : []), ...lines, ...more];
}

function sourceLine(source: SourceListing): string {
  const name =
    [source.outlet, source.title].filter(Boolean).join(': ') ||
    (source.files[0] !== undefined ? shownFileName(source.files[0]) : source.id);
  const extra = [source.date, source.url, source.files.map(shownFileName).join(', ')].filter(Boolean).join(' · ');
  return `  • ${name} · ${extra}`;
}

function partText(part: AnswerPart, footnotes: Footnotes, detail: TextDetail): string {
  switch (part.kind) {
    case 'text':
      return spansText(part.spans);
    case 'facts': {
      const hidden = hiddenInPart(part, part.groups.length);
      const printed: Printed = new Set();
      const groups = part.groups.map((g) => groupLines(g, footnotes, printed, detail, part.moreCommand).join('\n'));
      if (hidden > 0) groups.push(moreLine(hidden, part.moreCommand));
      return `${underline(part.heading, '-')}\n${groups.join('\n\n')}`;
    }
    case 'people': {
      const people = part.people.map((p) => {
        const affiliation = p.affiliation ? ` (${p.affiliation})` : '';
        return `  • ${p.name}${affiliation} · ${personCounts(p)}`;
      });
      const more = part.total > part.people.length ? [moreLine(part.total - part.people.length, part.moreCommand)] : [];
      return [underline(part.heading, '-'), ...people, ...more].join('\n');
    }
    case 'sources': {
      const more =
        part.total > part.sources.length ? [moreLine(part.total - part.sources.length, part.moreCommand)] : [];
      return [underline(part.heading, '-'), ...part.sources.map(sourceLine), ...more].join('\n');
    }
    case 'commands': {
      const width = Math.max(...part.commands.map((c) => cliCommand(c.usage).length));
      const lines = part.commands.map((c) => `  ${cliCommand(c.usage).padEnd(width)}  ${c.description}`);
      return [underline(part.heading, '-'), ...lines].join('\n');
    }
  }
}

function footnoteLine({ number, source, articleId }: Footnote): string {
  if (!source) return `[${number}] unknown article ${articleId}`;
  const name =
    [source.outlet, source.title].filter(Boolean).join(': ') ||
    (source.files[0] !== undefined ? shownFileName(source.files[0]) : source.id);
  const extra = [source.date, source.url].filter(Boolean).join(' · ');
  return `[${number}] ${name}${extra ? ` · ${extra}` : ''}`;
}

/**
 * An answer as terminal text: title, parts (none empty), then the numbered sources its facts cite. Within the
 * answer's line budget when it has one: the most detailed level that fits, else the least detailed, which then says
 * that it passes the budget. Every part is kept (a summary shows every configured topic, and a configuration may
 * have many), so the least detailed level fits only so many parts.
 */
export function renderText(answer: Answer): string {
  const budget = answer.lineBudget;
  if (budget === undefined) return renderAt(answer, WHOLE);
  let text = '';
  let lines = 0;
  for (const detail of TEXT_DETAIL_LEVELS) {
    text = renderAt(answer, detail);
    lines = text.split('\n').length;
    if (lines <= budget) return text;
  }
  const { citationsPerLine, linesPerGroup } = TEXT_DETAIL_LEVELS.at(-1) as TextDetail;
  const least = `${perUnit(citationsPerLine, 'source')} a fact and ${perUnit(linesPerGroup, 'fact')} a group`;
  return `${text}\n\n(${lines} lines, more than the ${budget} this answer keeps to: ${least}, and still every part)`;
}

/** "one source", "2 sources": how much of a kind the least detailed level keeps. */
function perUnit(count: number, noun: string): string {
  return count === 1 ? `one ${noun}` : `${count} ${noun}s`;
}

function renderAt(answer: Answer, detail: TextDetail): string {
  const footnotes = new Footnotes(answer.sources);
  const parts = foldEmptySections(answer)
    .parts.filter((p) => !(p.kind === 'text' && p.slackOnly))
    .map((p) => partText(p, footnotes, detail));
  const cited = footnotes.list();
  const sources = cited.length ? [`${underline('Sources', '-')}\n${cited.map(footnoteLine).join('\n')}`] : [];
  return [underline(answer.title, '='), ...parts, ...sources].join('\n\n');
}
