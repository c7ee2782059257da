/*
 * Bylines and author boxes: "By Jane Doe" above an article, "Author: Jane Doe" and a one-line bio
 * below it. The name becomes the article's author when no other input names one; the lines go.
 */

const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|van|von|der|da|al|bin|el|la|le)\s+)?\p{Lu}[\p{L}'’.-]*){1,3}`;
// No `i` flag: with it, \p{Lu} would match lower-case letters too and "By supporting us, …" would read as a byline.
const BYLINE = new RegExp(String.raw`^(?:[Bb]y|BY|[Aa]uthor|AUTHOR|[Ww]ritten by|[Ww]ords by)\s*:?\s+(${NAME})$`, 'u');

/** The author a byline or author-box line names, or null when the paragraph is not one. */
export function bylineAuthor(paragraph: string): string | null {
  return BYLINE.exec(paragraph)?.[1] ?? null;
}

/** A short bio right after an author line starts with the author's name: "Jane Doe is the news editor of …". */
export function isAuthorBio(paragraph: string, author: string): boolean {
  return paragraph.length <= 300 && paragraph.startsWith(author);
}
