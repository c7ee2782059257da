import type { SourceRef } from '../articles/article.js';
import type { Citation } from '../facts/fact.js';

export interface Footnote {
  number: number;
  articleId: string;
  /** Null when a citation points at an article the answer carries no ref for (a view out of step). */
  source: SourceRef | null;
}

/**
 * Numbers cited articles in the order a reader meets them, so footnote [1] is the first one cited.
 * Renderers number while they lay lines out, which keeps the numbers dense even when a long answer is cut.
 */
export class Footnotes {
  private readonly numbers = new Map<string, number>();

  constructor(private readonly sources: Readonly<Record<string, SourceRef>>) {}

  /** The footnote number of an article, assigning the next one on first use. */
  numberOf(articleId: string): number {
    let number = this.numbers.get(articleId);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(articleId, number);
    }
    return number;
  }

  /** The distinct articles of a fact's citations, numbered, in citation order. */
  cite(citations: readonly Citation[]): Footnote[] {
    const ids = [...new Set(citations.map((c) => c.articleId))];
    return ids.map((articleId) => this.footnote(articleId, this.numberOf(articleId)));
  }

  /** Every footnote assigned so far, by number. */
  list(): Footnote[] {
    return [...this.numbers].map(([articleId, number]) => this.footnote(articleId, number));
  }

  private footnote(articleId: string, number: number): Footnote {
    return { number, articleId, source: this.sources[articleId] ?? null };
  }
}
