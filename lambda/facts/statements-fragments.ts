import { speechWords } from './lexicon.js';
import { gapBetween, type Mention, speechVerbOf, type Token } from './speakers-mentions.js';
import type { SentenceContext } from './statements-sentence.js';
import { subjectBefore } from './statements-subject.js';

/*
 * Quoted fragments after verbs that are no verbs of saying: "alluded to an \"agreement\"", "spoke of \"real
 * progress\"", "wrote about \"a good start\"", "welcoming the \"practical content\"". The quoted words are
 * the speaker's, and only they: the verb and its object are the writer's. Frames are data
 * (`quotedFragmentFrames` in lexicon/speech.json).
 */

/** Each frame's words ("alluded to", "welcoming"), by its first word: most tokens open none. */
const FRAMES = new Map<string, string[][]>();
for (const frame of speechWords.quotedFragmentFrames) {
  const words = frame.split(' ');
  FRAMES.set(words[0] ?? '', [...(FRAMES.get(words[0] ?? '') ?? []), words]);
}

/** Unquoted words allowed between a frame and its first quote: "spoke of the \"…\"", "welcomed its \"…\"". */
const LEAD_WORDS = 3;
/** Unquoted words allowed between two quotes of one object: `the "…" showing a resolve to "…"`. */
const BETWEEN_WORDS = 6;
const STOPS = new Set(['and', 'but', 'while', 'though', 'although', 'whereas', 'which', 'who']);

export interface QuotedFragments {
  /** The speaker, or null when the frame's subject is the speaker of the statement before in the sentence. */
  speaker: Mention | null;
  /** Body offsets of each quote, its marks included. */
  quotes: { start: number; end: number }[];
}

/** The quoted fragments of a frame at token `v`, or null when no frame with a quote starts there. */
export function quotedFragmentsAt(ctx: SentenceContext, v: number): QuotedFragments | null {
  const frames = FRAMES.get((ctx.tokens[v] as Token).lower);
  return frames ? framedFragments(ctx, v, frames) : null;
}

/**
 * `quotedFragmentsAt` where a frame of `frames` may start. Apart because of its closures: every token is asked, and a
 * closure over a parameter makes V8 allocate a context at each call.
 */
function framedFragments(ctx: SentenceContext, v: number, frames: string[][]): QuotedFragments | null {
  const { tokens, body } = ctx;
  const frame = frames.find((words) => words.every((w, j) => tokens[v + j]?.lower === w && !tokens[v + j]?.quoted));
  if (!frame) return null;
  let k = v + frame.length;
  const quotes: { start: number; end: number }[] = [];
  let unquoted = 0;
  while (k < tokens.length && (tokens[k] as Token).start < ctx.end) {
    const t = tokens[k] as Token;
    const gap = gapBetween(body, tokens[k - 1], t);
    if (t.quoted) {
      const quote = ctx.quotes.find((q) => q.open < t.start && q.close > t.start);
      if (!quote) return null;
      quotes.push({ start: quote.open, end: quote.close + 1 });
      while (k < tokens.length && (tokens[k] as Token).start < quote.close) k++;
      unquoted = 0;
      continue;
    }
    // The object ends at punctuation outside the quotes, a conjunction, or a verb of saying.
    if (/[,;:.!?]/u.test(gap.replace(/["\u201c\u201d\u00ab\u00bb'\u2018\u2019]/gu, '')) && k > v + frame.length) break;
    if (STOPS.has(t.lower) || speechVerbOf(t, tokens[k - 1]?.lower ?? '', tokens[k + 1]?.lower)) break;
    if (++unquoted > (quotes.length ? BETWEEN_WORDS : LEAD_WORDS)) break;
    k++;
  }
  if (!quotes.length) return null;
  // "…," said X, welcoming the "…": a participle after a comma belongs to the statement before it.
  const verb = tokens[v] as Token;
  if (/ing$/u.test(verb.lower) && gapBetween(body, tokens[v - 1], verb).includes(',')) return { speaker: null, quotes };
  const subject = subjectBefore(ctx, v);
  return subject && subject.mention.kind !== 'generic' ? { speaker: subject.mention, quotes } : null;
}
