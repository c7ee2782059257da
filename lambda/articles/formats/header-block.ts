import { toIsoDate } from '../iso-date.js';
import type { MetadataLayer } from '../metadata.js';
import { WebUrlSchema } from '../metadata.js';

/*
 * A `Key: value` block at the top of a .txt or .md file, ended by a blank line (or fenced by `---`
 * lines, as Markdown front matter is):
 *
 *   Title: Delegations agree to meet again next week
 *   Source: Example News
 *   URL: https://example.com/story
 *   Date: 2022-03-29
 *   Author: Jane Doe
 */

const FIELD_LINE = /^([A-Za-z][A-Za-z _-]{0,30}):\s*(.*)$/;
type Field = keyof MetadataLayer;
const KEYS: Record<string, Field> = {
  title: 'title',
  headline: 'title',
  source: 'outlet',
  outlet: 'outlet',
  publication: 'outlet',
  publisher: 'outlet',
  url: 'url',
  link: 'url',
  date: 'date',
  published: 'date',
  author: 'author',
  by: 'author',
};

export type HeaderBlock = { metadata: MetadataLayer; rest: string } | { reason: string };

function fieldOf(key: string): Field | undefined {
  return KEYS[
    key
      .trim()
      .toLowerCase()
      .replace(/[ _-]+/g, ' ')
  ];
}

/**
 * Splits a leading header block off a text. Returns null when the text has none: every line before
 * the first blank line must be `Key: value` and at least one key must be a known field, so an article
 * that opens "KYIV: Russia said …" is not mistaken for one. An invalid URL or date rejects the file,
 * because a header is written on purpose and a typo in it should be fixed, not silently dropped.
 */
export function splitHeaderBlock(text: string): HeaderBlock | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  let start = 0;
  while (start < lines.length && lines[start]?.trim() === '') start++;
  const fenced = lines[start]?.trim() === '---';
  if (fenced) start++;
  let end = start;
  while (end < lines.length && lines[end]?.trim() !== '' && !(fenced && lines[end]?.trim() === '---')) end++;
  if (fenced && lines[end]?.trim() !== '---') return null;

  const fields = lines.slice(start, end).map((line) => FIELD_LINE.exec(line.trim()));
  if (fields.length === 0 || fields.some((m) => m === null)) return null;
  if (!fields.some((m) => m && fieldOf(m[1] ?? ''))) return null;

  const metadata: MetadataLayer = {};
  for (const match of fields) {
    const field = fieldOf(match?.[1] ?? '');
    const value = match?.[2]?.trim() ?? '';
    if (!field || value === '' || metadata[field] != null) continue;
    if (field === 'url') {
      if (!WebUrlSchema.safeParse(value).success)
        return { reason: `header block: URL "${value}" is not a valid http(s) address` };
      metadata.url = value;
    } else if (field === 'date') {
      const date = toIsoDate(value);
      if (date === null) return { reason: `header block: Date "${value}" is not a date (expected e.g. 2022-03-29)` };
      metadata.date = date;
    } else {
      metadata[field] = value;
    }
  }
  return { metadata, rest: lines.slice(fenced ? end + 1 : end).join('\n') };
}
