import type { Citation } from './fact.js';
import type { RejectionSink } from './rejection-trace.js';
import { isCutOffEnding, type Sentence } from './sentences.js';
import { findQuoteSpans } from './statements-quotes.js';
import { textWords } from './text-lexicon.js';

/*
 * The gold guide's R5 (test/fixtures/real-set/GOLD-GUIDE.md): the words that the end of an excerpt cuts off are never
 * labelled, in any category. One notion of "the text stops mid-sentence" for every category, `cutOffSentence`: the
 * sentence the cut falls in, or none when the last sentence reads as complete without its full stop (R5 keeps it).
 * Statements, guarantors and positions all ask it; they differ only in what they keep of a fact that reaches into the
 * cut sentence, because their facts are made differently. A statement's text is the words themselves, so it keeps
 * the complete part before the cut (statements-cut-off.ts: a quote's complete sentences, a first clause); a guarantor
 * or position rests on its whole evidence sentence, so it drops the citation of the cut one, unless another complete
 * sentence of the article carries the fact (`withoutCutOffCitations`).
 */

/** Marks that can end a complete text: final punctuation, a closing quote or bracket (`… confrontation [1]`). */
const COMPLETE_ENDING = /[.!?\u2026"'\u201d\u2019\u00bb)\]]$/u;

/**
 * A text's last word or number, and what follows it (nothing, or a comma, a dash, a colon: marks that announce more).
 * The tail holds neither letters nor digits: a number is the last word of `… since 2022`, not a tail after `since`.
 */
const LAST_WORD = /([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u;

const UNFINISHED_ENDINGS = new Set(textWords.unfinishedEndings);

/**
 * Whether `body` stops without a final mark: its last character is no final punctuation, closing quote or bracket.
 * A scraped excerpt cut at a fixed length stops so; so does a last line that is complete without its full stop (a
 * caption, a headline-like line), which `cutOffSentence` tells apart where a fact depends on it.
 */
export function isCutOffBody(body: string): boolean {
  const trimmed = body.trimEnd();
  return trimmed.length > 0 && !COMPLETE_ENDING.test(trimmed);
}

/**
 * The sentence that the excerpt's end cuts off mid-sentence, or null. The body stops without a final mark
 * (`isCutOffBody`) and its last sentence does not read as complete (`lastWord`), or stops inside a quote whose closing
 * mark never comes (`endsInsideQuote`: whatever the last word, the quote went on). A last line that ends on a word the
 * body writes whole may be complete without its full stop, and the gold guide keeps it (R5). A short line of its own
 * that ends on a word written nowhere else is a caption or a headline-like line (`isCutOffEnding`), unless its end
 * cannot finish a sentence at all (`… and the Freedonian President V`).
 */
export function cutOffSentence(sentences: readonly Sentence[], body: string): Sentence | null {
  if (!isCutOffBody(body)) return null;
  const last = sentences.at(-1);
  if (!last) return null;
  if (endsInsideQuote(body)) return last;
  const end = lastWord(last.text, body);
  return end === 'unfinished' || (end === 'unknown' && isCutOffEnding(last, body)) ? last : null;
}

/**
 * How a sentence without its full stop ends: `unfinished` on a comma, dash or colon that announces more, on a lone
 * letter, or on a word that cannot end a sentence (an article, preposition, conjunction or auxiliary); `complete` on a
 * word that the body writes whole elsewhere; `unfinished` again on a word the body writes only as the start of a
 * longer one (`Frenc`, `recogni`); else `unknown`. A word the cut splits is seldom one the text writes whole. A
 * number (a year, a day, a figure) is judged as a word, but neither a lone digit (`on March 5`) nor the start of a
 * longer number (`5` beside `500`) tells a cut: numbers are whole at any length.
 */
function lastWord(sentence: string, body: string): 'unfinished' | 'unknown' | 'complete' {
  const end = LAST_WORD.exec(sentence.trimEnd());
  const word = end?.[1]?.toLowerCase() ?? '';
  const number = /^\p{N}+$/u.test(word);
  if (!end || end[0] !== end[1] || (word.length < 2 && !number) || UNFINISHED_ENDINGS.has(word)) return 'unfinished';
  let seen = 0;
  let startsLonger = false;
  for (const [w] of body.matchAll(/[\p{L}\p{N}]+/gu)) {
    const other = w.toLowerCase();
    if (other === word && ++seen > 1) return 'complete';
    if (!number && other.length > word.length && other.startsWith(word)) startsLonger = true;
  }
  return startsLonger ? 'unfinished' : 'unknown';
}

/** Whether the body stops inside a quote (statements-quotes.ts runs a quote left open to the text's end). */
function endsInsideQuote(body: string): boolean {
  const end = body.trimEnd().length;
  return findQuoteSpans(body).some((q) => q.close >= end);
}

/** Whether a citation's evidence lies in the cut sentence (its last occurrence in the body reaches into it). */
const citesCut = (evidence: string, cut: Sentence, body: string) => {
  const at = body.lastIndexOf(evidence);
  return at >= 0 && at + evidence.length > cut.start;
};

/**
 * The facts without their citations of the cut sentence (`cutOffSentence`); a fact left with none is dropped and
 * told to `onReject` (rule `cut-off-sentence`), as `describe` names it for the accounting.
 */
export function withoutCutOffCitations<F extends { citations: Citation[] }>(
  facts: F[],
  cut: Sentence | null,
  body: string,
  onReject?: { sink: RejectionSink | undefined; describe: (fact: F, sentence: string) => Parameters<RejectionSink>[0] },
): F[] {
  if (!cut) return facts;
  const kept: F[] = [];
  for (const fact of facts) {
    const citations = fact.citations.filter((c) => !citesCut(c.evidence, cut, body));
    if (citations.length === fact.citations.length) kept.push(fact);
    else if (citations.length) kept.push({ ...fact, citations });
    else onReject?.sink?.(onReject.describe(fact, cut.text));
  }
  return kept;
}
