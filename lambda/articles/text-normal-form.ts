/*
 * One normal form for comparing texts that differ only in typography: the article id, duplicate
 * detection and the "headline equals the known title" check all use it, so they agree on what
 * "the same text" means. It is never applied to a stored body (facts quote the body verbatim).
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

/** Replaces typographic quote marks with their ASCII forms (“ ” → ", ‘ ’ → '). */
export function straightenQuotes(text: string): string {
  return text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
}

/**
 * Whitespace that folding changes: a run of two or more, or one character other than a space. A lone space,
 * the most common match of `\s+` by far, is left alone rather than replaced by itself.
 */
const WHITESPACE_TO_FOLD = /\s{2,}|[^\S ]/g;

/** NFKC, straight quotes, whitespace folded to single spaces, trimmed, lower case. */
export function comparableText(text: string): string {
  return straightenQuotes(text.normalize('NFKC')).replace(WHITESPACE_TO_FOLD, ' ').trim().toLowerCase();
}
