import type { FormatResult } from './format.js';
import { splitHeaderBlock } from './header-block.js';

/** A .txt or .md file: optional header block, then the article text. */
export function readPlainText(text: string, options: { markdown: boolean }): FormatResult {
  const header = splitHeaderBlock(text);
  if (header === null) return { text, metadata: {}, markdown: options.markdown };
  if ('reason' in header) return header;
  return { text: header.rest, metadata: header.metadata, markdown: options.markdown };
}
