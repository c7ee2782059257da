import type { MetadataLayer } from '../metadata.js';

/** What a format reader makes of a decoded file: the article text still to clean, and what the file says of it. */
export interface FormattedText {
  text: string;
  metadata: MetadataLayer;
  /** Markdown marks (headings, blockquotes) are to be read as structure, not text. */
  markdown: boolean;
  /** Why the input is refused if cleaning leaves nothing; a general reason when unset. */
  noTextReason?: string;
}

/** A file this reader refuses, with the one-line reason shown to the user. */
export interface FormatProblem {
  reason: string;
}

export type FormatResult = FormattedText | FormatProblem;

export function isFormatProblem(result: FormatResult): result is FormatProblem {
  return 'reason' in result;
}
