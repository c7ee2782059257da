import type { Citation } from '../facts/fact.js';
import type { FactLine } from './answer.js';

/** The citations of a fact line that a renderer shows, and how many of its articles it leaves to a count. */
export interface ShownCitations {
  /** The citations of the first `perLine` articles, in the line's order (the most relevant first). */
  citations: Citation[];
  /** Articles left out: "and 4 more sources" in the terminal, "+4" in Slack. */
  hidden: number;
}

/**
 * Which sources of a fact line to show: its first `perLine` articles, every citation of each, and the rest counted.
 * Slack's blocks and the terminal text cut alike (each at its own `perLine`), so the sources a fact keeps are the
 * same whichever shows it.
 */
export function shownCitations(line: FactLine, perLine: number): ShownCitations {
  const articles = [...new Set(line.citations.map((c) => c.articleId))];
  const shown = new Set(articles.slice(0, perLine));
  return { citations: line.citations.filter((c) => shown.has(c.articleId)), hidden: articles.length - shown.size };
}
