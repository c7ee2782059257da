import { wordCount } from './word-count.js';

/*
 * Lines that are page furniture whatever surrounds them, recognised by their form, never by a
 * particular site's wording. They are tested one raw line at a time, before hard-wrapped lines are
 * re-joined, so that a pasted URL or a caption is never glued onto a paragraph.
 */

/** A line that is only a web address (pasted links, "source" lines). */
const BARE_URL = /^<?(?:https?:\/\/|www\.)\S+>?$/i;

/** "Related article: …", "READ MORE: …", "See also – …": links to other stories. */
const RELATED_LINK =
  /^(?:related(?:\s+(?:articles?|stories|story|coverage|content|links?|reading))?|read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?|recommended(?:\s+reading)?|further\s+reading|you\s+may\s+also\s+like)\s*[:：|–—-]/i;

/** Words of a share bar ("Share this article", "Facebook Twitter Email", "Copy link"). */
const SHARE_WORDS = new Set(
  'share shares sharing this article story page post on via tweet email e-mail mail print copy copied link facebook twitter x whatsapp linkedin telegram reddit pinterest messenger flipboard threads bluesky mastodon vk comments comment save'.split(
    ' ',
  ),
);
const SHARE_MARKERS = new Set(
  'share tweet email e-mail print copy facebook twitter whatsapp linkedin telegram reddit pinterest messenger flipboard bluesky'.split(
    ' ',
  ),
);

/** A video teaser ends with the clip's running time: "… as talks make head 02:03". */
const VIDEO_DURATION = /\s\(?\d{1,2}:\d{2}(?::\d{2})?\)?$/;

/** "Watch CBS News", "WATCH: …", "Watch live": a link to a video player. */
const WATCH_PROMPT = /^watch\b/i;

/** A caption credit: "… in Kharkiv. Marko Petrash / UNIAN", "Ilya Varkin/AP". */
const NAME_SLASH_AGENCY =
  /(?:^|[.!?)]\s+)(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*\s*\/\s*(?:[\p{Lu}\d][\p{L}\d&.'’-]*\s*){1,4}\)?$/u;
/** "Photo: …", "(Photo by …)", "Image credit: …", "AP Photo/…", "… Getty Images". */
const CAPTION_MARKER =
  /(?:^\(?(?:photo(?:graph)?|image|picture|illustration|credit|file photo)s?(?:\s+credit)?\s*(?:by\b|:|©)|\bphoto\s*\/|\bvia getty images\)?$|\bgetty images\)?$|©)/i;

/** A Markdown image: `![alt](src)`. */
const MARKDOWN_IMAGE = /^!\[[^\]]*\]\([^)]*\)$/;

const SENTENCE_END = /[.!?]["”’')\]]*$/;

/** A word of a share bar: what lies between spaces, bars, dots, commas and slashes. */
const SHARE_BAR_WORD = /[^\s|·•,/]+/g;

function isShareBar(line: string): boolean {
  let marked = false;
  let words = 0;
  const lower = line.toLowerCase();
  SHARE_BAR_WORD.lastIndex = 0;
  // Most lines are sentences: the first word that is not a share word settles it, so stop there.
  for (let match = SHARE_BAR_WORD.exec(lower); match !== null; match = SHARE_BAR_WORD.exec(lower)) {
    if (!SHARE_WORDS.has(match[0])) return false;
    words++;
    marked ||= SHARE_MARKERS.has(match[0]);
  }
  return words > 0 && marked;
}

/** Why a raw line is page furniture, or null when it may be article text. */
export function lineNoiseKind(line: string): string | null {
  if (BARE_URL.test(line)) return 'bare URL';
  if (MARKDOWN_IMAGE.test(line)) return 'image';
  if (RELATED_LINK.test(line)) return 'related-article link';
  if (isShareBar(line)) return 'share widget';
  // Captions, teasers and prompts are short; a long line is a paragraph that merely mentions such words.
  if (line.length > 250) return null;
  if (VIDEO_DURATION.test(line)) return 'video teaser';
  if (WATCH_PROMPT.test(line) && wordCount(line) <= 6 && !SENTENCE_END.test(line)) return 'video link';
  // The credit pattern is costly (Unicode classes, tried at every position) and needs a slash: look for one first.
  if ((line.includes('/') && NAME_SLASH_AGENCY.test(line)) || CAPTION_MARKER.test(line)) return 'photo caption';
  return null;
}
