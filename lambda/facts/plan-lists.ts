import type { Sentence } from './sentences.js';
import type { CompiledTopics } from './topics.js';

/*
 * The owner of an enumeration: a plan or a set of demands introduced once, by a sentence that names
 * whose it is, then set out point by point. Positions and guarantors both read it.
 */

/** A bullet or a numbered point at the start of a sentence, or a number the sentence splitter cut off alone. */
const LIST_MARKER = /^\s*(?:[-\u2013\u2014\u2022*\u25aa]\s|\(?\d{1,2}[.)]\s)/u;
const BARE_NUMBER = /^\(?\d{1,2}[.)]$/u;
/** What a list introduced by a colon sets out: a plan, its points, a document's terms. */
const PLAN_NOUN =
  /\b(?:document|memorandum|draft|plan|proposals?|text|points|framework|terms|conditions|demands|parameters|provisions)\b/iu;

/**
 * The owner of each point of a plan set out as a list: the sentence that introduces it ends with a colon
 * and names the plan ("The main points of the Ukrainian proposal are:"), or names a document whose owner
 * an earlier sentence gave ("The Russian memorandum … foresees …" then "the document lists:"). Each bullet
 * or numbered point that follows is that party's position, as far as the list runs. Keyed by sentence index.
 */
export function planLists(sentences: readonly Sentence[], topics: CompiledTopics): Map<number, string> {
  const owners = new Map<number, string>();
  for (const [index, intro] of sentences.entries()) {
    if (!intro.text.trimEnd().endsWith(':') || !PLAN_NOUN.test(intro.text)) continue;
    const owner = proposalOwner(intro.text, topics) ?? earlierProposalOwner(sentences, index, topics);
    if (!owner) continue;
    for (let item = index + 1; item < sentences.length; item++) {
      const text = sentences[item]?.text ?? '';
      const afterNumber = BARE_NUMBER.test(sentences[item - 1]?.text.trim() ?? '');
      if (!LIST_MARKER.test(text) && !afterNumber && !BARE_NUMBER.test(text.trim())) break;
      owners.set(item, owner);
    }
  }
  return owners;
}

export const proposalOwner = (text: string, topics: CompiledTopics) =>
  topics.partyMentions(text).find((m) => m.kind === 'proposal')?.id ?? null;

/** The party whose plan the article last named before `index`, within the five sentences before. */
export function earlierProposalOwner(
  sentences: readonly Sentence[],
  index: number,
  topics: CompiledTopics,
): string | null {
  for (let at = index - 1; at >= Math.max(0, index - 5); at--) {
    const owner = proposalOwner(sentences[at]?.text ?? '', topics);
    if (owner) return owner;
  }
  return null;
}
