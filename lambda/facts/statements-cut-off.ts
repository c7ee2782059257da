import { speechWords } from './lexicon.js';

/*
 * Two rulings of the gold guide (test/fixtures/real-set/GOLD-GUIDE.md) on which words are a statement at all,
 * whoever said them:
 * - R5: words that the end of an excerpt cuts off are never labelled, since the missing words may negate, limit or
 *   finish them. Whether the end cuts a sentence is the one judgement every category shares (cut-off.ts,
 *   `cutOffSentence`); what differs is what a statement keeps of words that run into it: a multi-sentence quote keeps
 *   its complete sentences, a first clause followed by a cut participle or trailing phrase stays, anything else that
 *   runs into the cut is dropped. A guarantor or position has no part to keep: its evidence is the whole sentence.
 * - R12: a quote of one or two words inside the writer's sentence is a scare quote ("spoke of 'momentum'"), not a
 *   statement. No gold statement of the tune half has fewer than three words; a short utterance of its own ("We
 *   stay," she said) is no scare quote, and stays.
 */

/** The fewest words a statement has (R12). */
const MIN_WORDS = 3;

/** The last sentence end inside a text: final punctuation, an optional closing mark, a space, then a new sentence. */
const SENTENCE_ENDS = /[.!?\u2026]["'\u201d\u2019\u00bb]?(?=\s+["'\u201c\u2018\u00ab]?\p{Lu})/gu;

/** A comma (after an optional closing mark) and the first word of what follows it. */
const COMMA_THEN_WORD = /,["'\u201d\u2019\u00bb]?\s+([\p{L}-]+)/gu;

const CLAUSE_OPENERS = new Set(speechWords.cutClauseOpeners);

const wordsIn = (text: string) => text.match(/[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

/**
 * The part of a statement's words that is a statement by R5 and R12, or null when none is. `text` is the
 * statement's words as taken from `body`; `cut` is whether the end of the body cuts its last sentence
 * (`cutOffSentence`, as for guarantors and positions).
 */
export function labelWorthyWords(text: string, body: string, cut: boolean): string | null {
  const words = cut && reachesEnd(text, body) ? completePart(text) : text;
  return words !== null && (wordsIn(words) >= MIN_WORDS || isUtterance(words)) ? words : null;
}

/**
 * `"We stay," she said`, a transcript's "We stay.": short words that open with a capital and end in their own
 * punctuation are a whole utterance, not a fragment inside the writer's sentence (R12's scare quote).
 */
const isUtterance = (words: string) => /^\p{Lu}.*[.!?,\u2026]$/u.test(words.trim());

/** Whether the words run to the end of the body (the excerpt's cut). */
function reachesEnd(text: string, body: string): boolean {
  const words = text.trimEnd();
  return words.length > 0 && body.trimEnd().endsWith(words);
}

/**
 * The complete part of words the excerpt's end cuts: up to the last sentence end inside them, or else the clause
 * before a comma that opens a participle or a trailing phrase; null when nothing complete is left.
 */
function completePart(text: string): string | null {
  let sentenceEnd = -1;
  for (const m of text.matchAll(SENTENCE_ENDS)) sentenceEnd = m.index + m[0].length;
  if (sentenceEnd > 0) return text.slice(0, sentenceEnd);
  let clauseEnd = -1;
  for (const m of text.matchAll(COMMA_THEN_WORD)) {
    const word = (m[1] ?? '').toLowerCase();
    if (CLAUSE_OPENERS.has(word) || /..ing$/u.test(word)) clauseEnd = m.index;
  }
  return clauseEnd > 0 ? text.slice(0, clauseEnd) : null;
}
