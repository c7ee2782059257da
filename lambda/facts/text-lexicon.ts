import textJson from './lexicon/text.json' with { type: 'json' };
import { parseLexicon } from './lexicon.js';

/** The vocabulary of the text layer: the sentence splitter's (lexicon/text.json). */
export const textWords = parseLexicon(
  'lexicon/text.json',
  ['webDomainEndings', 'digraphInitials', 'headingFunctionWords', 'camelCaseNames', 'unfinishedEndings'],
  textJson,
);
