import { wordCount } from './word-count.js';

/*
 * Calls to action that sites put around an article: newsletter sign-ups, donation appeals, app and
 * notification prompts, and the buttons that go with them. Recognised by form (an imperative addressed
 * to the reader, a prompt noun, a very short line without a sentence) rather than by any site's wording.
 */

const CALL_TO_ACTION =
  /^(?:please\s+)?(?:support|donate|subscribe|sign\s+(?:up|in)|log\s+in|join|download|install|get|follow|enable|allow|turn\s+on|register|become|open|view|try|click|tap|listen|contribute|give|upgrade|continue\s+reading)\b/i;
const PROMPT_NOUN =
  /\b(?:newsletters?|apps?|notifications?|alerts?|inbox|mailbox|subscriptions?|subscribers?|membership|members|donations?|podcasts?)\b/i;
/** Fine print that only ever sits under a sign-up form or in a page footer. */
const FINE_PRINT =
  /\b(?:privacy policy|terms of (?:use|service)|cookie policy|cookies? settings|all rights reserved|unsubscribe at any time|browser notifications|push notifications|app store|google play)\b|©/i;
/** Words that keep a donation or newsletter box going once it has started. */
const BOX_VOCABULARY = /\b(?:newsletters?|donat\w*|subscri\w*|mailbox|inbox|contribution|paywall|privacy policy)\b/i;
/** First and second person outside quotations: a site talking to its reader ("we need your help"). */
const READER_ADDRESS = /\b(?:[Ww]e|[Oo]ur|[Oo]urs|us|[Yy]ou|[Yy]our|[Yy]ours|[Dd]ear)\b/;
const QUOTED = /“[^”]*”|"[^"]*"|«[^»]*»|(?<!\p{L})‘[^’]*’(?!\p{L})/gu;
const SENTENCE_END = /[.!?]["”’')\]]*$/;

/**
 * "Sign up for our free weekly newsletter", "Support The Example Times!", "Get instant alerts": an
 * imperative that names what is offered and reads as a banner or button (no full stop, an exclamation)
 * or speaks to the reader. "Support for the accord grew, a newsletter found." is a sentence, not a prompt.
 */
export function isPrompt(paragraph: string): boolean {
  if (paragraph.length > 200) return false;
  const words = wordCount(paragraph);
  if (FINE_PRINT.test(paragraph) && words <= 25) return true;
  if (!CALL_TO_ACTION.test(paragraph)) return false;
  const banner = !SENTENCE_END.test(paragraph) || /!["”’]?$/.test(paragraph);
  if (banner && words <= 8) return true;
  return PROMPT_NOUN.test(paragraph) && (banner || addressesReader(paragraph));
}

function addressesReader(paragraph: string): boolean {
  return READER_ADDRESS.test(paragraph.replace(QUOTED, ' '));
}

/** A list item ("- a hotline", "2. a review"): short, but article text. */
const LIST_ITEM = /^(?:[-*•]\s|\d{1,3}[.)]\s)/;

/** "Continue", "Monthly", "Be the first to know": a short line that is neither a sentence, a list item nor a lead-in ("It provides for:"). */
export function isButtonLabel(paragraph: string): boolean {
  return (
    wordCount(paragraph) <= 5 && !SENTENCE_END.test(paragraph) && !/:$/.test(paragraph) && !LIST_ITEM.test(paragraph)
  );
}

/**
 * Whether a paragraph still belongs to a prompt box that started above it: buttons ("Monthly",
 * "Maybe later."), short lines that end like a salutation, question or heading ("Dear readers,",
 * "Not ready to give today?", "A message from us:"), box vocabulary, or the site addressing its reader
 * outside any quotation. A news paragraph ends the box, even a short one ("Rybakova said no."), and so
 * does a short unpunctuated line of four words or more: that is a headline after a banner.
 */
export function continuesPromptBox(paragraph: string): boolean {
  const words = wordCount(paragraph);
  if (words <= 3) return true;
  if (words <= 8 && /[!?:,;]["”’)]*$/.test(paragraph)) return true;
  return BOX_VOCABULARY.test(paragraph) || addressesReader(paragraph);
}
