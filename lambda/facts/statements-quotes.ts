import { isHardWrapped } from './sentences.js';

/**
 * Quoted passages in a body: straight, curly and guillemet quotes, mixed pairs as careless copy gives
 * them (`“drastically"`), and quotes running over several paragraphs, which by press convention leave
 * each paragraph open and reopen the next one with a quote mark.
 */

/** A top-level quoted passage: marks at `open` and `close`; the words are `body.slice(open + 1, close)`. */
export interface QuoteSpan {
  open: number;
  close: number;
}

/** Double quote marks shaped as openers (a re-typed closer may still close: `doubleRole`). */
export const DOUBLE_OPENERS: ReadonlySet<string> = new Set(['\u201c', '\u201e', '\u00ab']);
const DOUBLE_CLOSERS = new Set(['\u201d', '\u00bb']);
const SINGLE_OPENER = '\u2018';
const SINGLE_CLOSER = '\u2019';

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isLetterOrDigit = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** Before an opening mark: start, space, or an opening bracket or dash. */
const opensAfter = (c: string | undefined) => c === undefined || /[\s([{\u2014\u2013/-]/u.test(c);

/** `either`: a straight mark between two sentences run together (`…the press."Of course`) closes an open quote, else opens one. */
type MarkRole = 'open' | 'close' | 'either' | 'none';

/** After a closing mark: a space, the end, or punctuation (`"…,“ he said`, `»text«,`). */
const closesBefore = (c: string | undefined) => isSpace(c) || /[,.;:!?)\]\u2014\u2013-]/u.test(c ?? '');

/**
 * Whether a mark opens or closes a double quote, judged by its shape and by the characters around it. A curly
 * mark or guillemet whose neighbours plainly say the opposite of its shape follows its neighbours: re-typed copy
 * closes a quote with the opening mark typed twice (`“…,“ he said`), and some languages' conventions
 * reverse the shapes (`”…”`, `»…«`).
 */
function doubleRole(body: string, i: number): MarkRole {
  const c = body[i] ?? '';
  const before = body[i - 1];
  const after = body[i + 1];
  if (DOUBLE_OPENERS.has(c)) return !opensAfter(before) && closesBefore(after) ? 'close' : 'open';
  if (DOUBLE_CLOSERS.has(c)) return opensAfter(before) && isLetterOrDigit(after) ? 'open' : 'close';
  if (c !== '"') return 'none';
  if (opensAfter(before) && !isSpace(after)) return 'open';
  if (/[.!?\u2026]/u.test(before ?? '') && /\p{Lu}/u.test(after ?? '')) return 'either';
  if (!isSpace(before)) return 'close';
  return 'none';
}

/** Whether a single mark is a quote mark and not an apostrophe ("Russia’s", "’90s"). */
function singleRole(body: string, i: number): MarkRole {
  const c = body[i] ?? '';
  if (c !== SINGLE_OPENER && c !== SINGLE_CLOSER && c !== "'") return 'none';
  const before = body[i - 1];
  const after = body[i + 1];
  if (isLetterOrDigit(before) && isLetterOrDigit(after)) return 'none';
  if (c !== SINGLE_CLOSER && opensAfter(before) && isLetterOrDigit(after)) return 'open';
  if (c !== SINGLE_OPENER && !isSpace(before) && !isLetterOrDigit(after)) return 'close';
  return 'none';
}

/** Where the text after a line break at `i` resumes, and whether the break ends a paragraph. */
function afterBreak(body: string, i: number, hardWrapped: boolean): { next: number; endsParagraph: boolean } {
  const m = /^\s*/u.exec(body.slice(i, i + 200)) as RegExpExecArray;
  const blankLine = (m[0].match(/\n/gu)?.length ?? 0) >= 2;
  return { next: i + m[0].length, endsParagraph: blankLine || !hardWrapped };
}

/**
 * Finds the top-level quoted passages. Quotes nested inside a passage (single inside double, or a
 * passage quoted within a quote) belong to it. A passage still open at the end of its paragraph
 * continues when the next paragraph opens with a quote mark, or when the next mark within a few paragraphs
 * closes a quote (a scraped page lost the reopening marks); otherwise it ends with its paragraph.
 */
export function findQuoteSpans(body: string): QuoteSpan[] {
  const hardWrapped = isHardWrapped(body);
  const spans: QuoteSpan[] = [];
  let open = -1;
  let kind: 'double' | 'single' = 'double';
  let depth = 0;
  const marks = /["'\n\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]/gu;
  for (let m = marks.exec(body); m; m = marks.exec(body)) {
    const i = m.index;
    const c = m[0];
    if (open >= 0 && c === '\n') {
      const { next, endsParagraph } = afterBreak(body, i, hardWrapped);
      if (!endsParagraph) continue;
      const reopens = kind === 'double' ? doubleRole(body, next) === 'open' : singleRole(body, next) === 'open';
      if (reopens || (kind === 'double' && closesInLaterParagraph(body, next))) {
        marks.lastIndex = next + 1;
        continue;
      }
      spans.push({ open, close: i });
      open = -1;
      continue;
    }
    const role = kind === 'double' || open < 0 ? doubleRole(body, i) : 'none';
    if (open < 0) {
      if (role === 'open' || role === 'either') {
        open = i;
        kind = 'double';
        depth = 0;
      } else if (singleRole(body, i) === 'open' && closesLater(body, i)) {
        open = i;
        kind = 'single';
        depth = 0;
      }
      continue;
    }
    const markRole = kind === 'double' ? role : singleRole(body, i);
    // Only curly marks can nest visibly: a straight mark inside a passage closes it.
    if (markRole === 'open' && kind === 'double' && DOUBLE_OPENERS.has(c) && hasCloserAhead(body, i)) depth++;
    else if (markRole === 'close' || markRole === 'either') {
      if (depth > 0) depth--;
      else {
        spans.push({ open, close: i });
        open = -1;
      }
    }
  }
  if (open >= 0) spans.push({ open, close: body.length });
  return spans.filter((s) => s.close - s.open > 1);
}

/**
 * A page that lost the marks reopening each paragraph of a long quote: the next double mark, within a few
 * paragraphs, closes a quote and none opens one before it.
 */
function closesInLaterParagraph(body: string, from: number): boolean {
  let paragraphs = 0;
  for (let j = from; j < body.length; j++) {
    const c = body[j];
    if (c === '\n' && body[j + 1] === '\n' && ++paragraphs > 3) return false;
    const role = doubleRole(body, j);
    if (role !== 'none') return role === 'close';
  }
  return false;
}

/** A single opening mark starts a quote only if a closing single mark follows within its paragraph. */
function closesLater(body: string, i: number): boolean {
  const end = body.indexOf('\n\n', i);
  const paragraph = body.slice(i + 1, end < 0 ? undefined : end);
  for (let j = 0; j < paragraph.length; j++) if (singleRole(paragraph, j) === 'close') return true;
  return false;
}

/** A nested curly opener counts only when its closer comes before the outer passage could end. */
function hasCloserAhead(body: string, i: number): boolean {
  const end = body.indexOf('\n', i);
  const rest = body.slice(i + 1, end < 0 ? undefined : end);
  let closers = 0;
  for (const ch of rest) if (DOUBLE_CLOSERS.has(ch) || ch === '"') closers++;
  return closers >= 2;
}
