/*
 * Finds runs of consecutive words that a text shares with a reference corpus of real reports: the check
 * that keeps our fixtures and code in our own words (test/fixtures/README.md). Pure: texts in, runs out;
 * scripts/check-overlap.ts reads the files.
 *
 * Words are compared after normalising what copying across formats changes without changing the wording:
 * case, Unicode compatibility forms, apostrophes and quote marks (curly or straight), other punctuation,
 * markup and whitespace (hard wraps, CRLF). "Ukraine’s “neutral” status" and "ukraine's neutral
 * status" are the same three words.
 */

/** Eight words: long enough that a shared run is a copied phrase, not a common collocation (the issue 21 rule). */
export const DEFAULT_MIN_WORDS = 8;

/** A text to compare: `name` says where it came from in a finding (a file path, a test's label). */
export interface NamedText {
  name: string;
  text: string;
}

/** A maximal run of consecutive words that a checked text shares with one reference text. */
export interface SharedRun {
  /** The reference text it shares the run with. */
  reference: string;
  /** Number of words in the run. */
  length: number;
  /** The run, normalised, words separated by single spaces. */
  words: string;
}

/** Apostrophes (straight, curly, modifier letter, prime) join a word: "Ukraine’s" is one word, as "Ukraine's" is. */
const APOSTROPHES = /['\u2018\u2019\u02bc\u2032`]/g;

/** A word: letters and digits of any script, with combining marks. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The normalised words of a text, in order. */
export function normalisedWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(APOSTROPHES, '').match(WORD) ?? [];
}

/** An index of every `minWords`-word sequence of the reference texts, for finding shared runs in one pass. */
export interface ReferenceIndex {
  minWords: number;
  texts: { name: string; words: string[] }[];
  /** `minWords` words joined by spaces → where the sequence starts: [text index, word index]. */
  starts: Map<string, [number, number][]>;
}

/** Indexes the reference corpus (the seed articles, or any folder of real reports). */
export function indexReference(references: readonly NamedText[], minWords = DEFAULT_MIN_WORDS): ReferenceIndex {
  if (!Number.isInteger(minWords) || minWords < 1) throw new RangeError(`minWords must be a positive integer`);
  const texts = references.map(({ name, text }) => ({ name, words: normalisedWords(text) }));
  const starts = new Map<string, [number, number][]>();
  texts.forEach(({ words }, t) => {
    for (let i = 0; i + minWords <= words.length; i++) {
      const key = words.slice(i, i + minWords).join(' ');
      const list = starts.get(key);
      if (list) list.push([t, i]);
      else starts.set(key, [[t, i]]);
    }
  });
  return { minWords, texts, starts };
}

/**
 * Every maximal run of at least `index.minWords` consecutive words that `text` shares with a reference
 * text, longest first. A run is reported once per reference text it occurs in (the seed corpus holds the
 * same agency report twice, and a finding should name both).
 */
export function sharedRuns(text: string, index: ReferenceIndex): SharedRun[] {
  const words = normalisedWords(text);
  const seen = new Set<string>();
  const runs: SharedRun[] = [];
  for (let i = 0; i + index.minWords <= words.length; i++) {
    for (const [t, j] of index.starts.get(words.slice(i, i + index.minWords).join(' ')) ?? []) {
      const ref = index.texts[t];
      if (!ref) continue;
      // A match that continues the previous word's match is inside a run already reported from its start.
      if (i > 0 && j > 0 && words[i - 1] === ref.words[j - 1]) continue;
      let length = index.minWords;
      while (i + length < words.length && words[i + length] === ref.words[j + length]) length++;
      const run = words.slice(i, i + length).join(' ');
      const key = `${t}\u0000${run}`;
      if (seen.has(key)) continue;
      seen.add(key);
      runs.push({ reference: ref.name, length, words: run });
    }
  }
  return runs.sort((a, b) => b.length - a.length || a.words.localeCompare(b.words));
}

/** The readable text of a file's contents, by its extension: string values of JSON, the text of HTML. */
export function readableText(fileName: string, contents: string): string {
  if (/\.json$/i.test(fileName)) {
    try {
      return jsonStrings(JSON.parse(contents)).join('\n');
    } catch {
      return contents;
    }
  }
  if (/\.html?$/i.test(fileName)) return htmlText(contents);
  return contents;
}

/** Every string (keys included) of a JSON value: labels and evidence spans live in both. */
function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...jsonStrings(v)]);
  return [];
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  apos: "'",
  quot: '"',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  mdash: '—',
  ndash: '–',
  hellip: '…',
};

/** The text of an HTML page: tags become spaces (so they break no run), entities become characters. */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
      if (body[0] === '#') {
        const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    });
}
