import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { toIsoDate } from '../iso-date.js';
import type { MetadataLayer } from '../metadata.js';
import { webUrlOrNull } from '../metadata.js';
import type { FormatResult } from './format.js';
import { htmlDepth, MAX_HTML_DEPTH } from './html-depth.js';

/*
 * A web page: the main text found by Mozilla's Readability (what Firefox's reader view uses), on a
 * linkedom document (a light DOM, ~10x faster to build than jsdom). Only .html inputs pay for them.
 */

/** The few DOM members used here: tsconfig leaves out the DOM library, since the code runs on Node. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** Elements that start a new paragraph of text. */
const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TR UL'.split(
    ' ',
  ),
);
/** Elements whose text is never article text: figures carry captions and credits. */
const SKIPPED = new Set('FIGURE FIGCAPTION SCRIPT STYLE NOSCRIPT TEMPLATE IFRAME SVG BUTTON FORM'.split(' '));

function firstAttribute(document: DomDocument, selectors: string[], attribute = 'content'): string | null {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute(attribute)?.trim();
    if (value) return value;
  }
  return null;
}

/** What the page's own tags say: Open Graph, canonical link, article:published_time, author meta. */
function pageMetadata(document: DomDocument): MetadataLayer {
  const author = firstAttribute(document, ['meta[name="author"]', 'meta[property="article:author"]']);
  const date = firstAttribute(document, [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[name="publish-date"]',
    'meta[name="dc.date"]',
  ]);
  return {
    title: firstAttribute(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']),
    outlet: firstAttribute(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']),
    url:
      webUrlOrNull(firstAttribute(document, ['meta[property="og:url"]'])) ??
      webUrlOrNull(firstAttribute(document, ['link[rel="canonical"]'], 'href')),
    // article:author is often a profile URL, which is not a name.
    author: author && webUrlOrNull(author) === null ? author : null,
    date: date ? toIsoDate(date) : null,
  };
}

/** The element's text with a line break between blocks, whitespace inside a block folded as a browser shows it. */
function blockText(root: DomNode): string {
  const parts: string[] = [];
  const visit = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE || SKIPPED.has(node.nodeName)) return;
    if (node.nodeName === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(node.nodeName);
    if (block) parts.push('\n\n');
    for (const child of Array.from(node.childNodes)) visit(child);
    if (block) parts.push('\n\n');
  };
  visit(root);
  return parts.join('');
}

const NO_ARTICLE_TEXT = 'HTML page has no article text';

const stripBy = (byline: string | null | undefined) => byline?.replace(/^by\s+/i, '').trim() || null;

/** Reads an HTML page; a page where Readability finds no article is refused. */
export function readHtml(html: string): FormatResult {
  const depth = htmlDepth(html);
  if (depth > MAX_HTML_DEPTH) return { reason: `HTML nested ${depth} elements deep (at most ${MAX_HTML_DEPTH})` };
  // linkedom builds no document element from text without tags, and Readability throws on that.
  if (depth === 0) return { reason: 'HTML file has no tags (plain text? name it .txt)' };
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  // Read the tags first: Readability rewrites the document it parses.
  const metadata = pageMetadata(document);
  const article = new Readability(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
  const text = article?.content ? blockText(article.content).trim() : '';
  if (text === '') return { reason: NO_ARTICLE_TEXT };
  return {
    text,
    metadata: {
      ...metadata,
      title: metadata.title ?? (article?.title?.trim() || null),
      outlet: metadata.outlet ?? (article?.siteName?.trim() || null),
      author: metadata.author ?? stripBy(article?.byline),
      date: metadata.date ?? (article?.publishedTime ? toIsoDate(article.publishedTime) : null),
    },
    markdown: false,
    // Readability falls back to whatever text a page has (a menu); cleaning may then leave nothing.
    noTextReason: NO_ARTICLE_TEXT,
  };
}
