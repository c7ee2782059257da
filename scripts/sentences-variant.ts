/*
 * Stands in for lambda/facts/sentences.ts when scripts/measure-wink.ts extracts with wink's sentence boundaries
 * (scripts/splitter-hook.mjs redirects the facts modules' `./sentences.js` here): everything as in
 * sentences.ts but `splitSentences`, which is wink's (TALKS_SPLITTER=wink) or wink's cut again at the hand
 * splitter's line breaks (TALKS_SPLITTER=wink-lines).
 */
import { splitSentences as splitByHand } from '../lambda/facts/sentences.js';
import { loadWink, winkSentences, winkSentencesWithLineBreaks } from './wink-sentences.js';

export * from '../lambda/facts/sentences.js';

const nlp = await loadWink('sbd');
const withLineBreaks = process.env.TALKS_SPLITTER === 'wink-lines';

export function splitSentences(text: string) {
  return withLineBreaks ? winkSentencesWithLineBreaks(nlp, text, splitByHand(text)) : winkSentences(nlp, text);
}
