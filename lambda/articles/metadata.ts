import * as z from 'zod/mini';
import type { ArticleMetadata } from './article.js';
import { toIsoDate } from './iso-date.js';

/** What one input says about an article; a missing or null field says nothing. */
export type MetadataLayer = Partial<ArticleMetadata>;

const FIELDS = ['title', 'outlet', 'url', 'author', 'date'] as const;

/*
 * A host name as DNS writes it: labels of letters, digits and inner hyphens under a letters-only top level, optionally
 * ending in the root's dot ("example.com."), which scraped pages and copied links do carry and which names the same
 * host. zod's own domain pattern refuses that dot.
 */
const DOMAIN_NAME = /^(?=.{1,254}$)(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}\.?$/;

/** Only web addresses: a `mailto:` or `file:` link is not where an article was published. */
export const WebUrlSchema = z.url({
  protocol: z.regexes.httpProtocol,
  hostname: DOMAIN_NAME,
  error: 'expected an http(s) URL',
});

/** A date as a metadata input may write it ("2022-03-29", "March 29, 2022"), checked to be one the bot can read. */
export const ReadableDateSchema = z.optional(
  z.nullable(
    z
      .string({ error: 'expected a date such as 2022-03-29' })
      .check(z.refine((value) => toIsoDate(value) !== null, 'expected a date such as 2022-03-29')),
  ),
);

/** Combines what several inputs say: for each field, the first layer that says anything wins. */
export function combineMetadata(...layers: MetadataLayer[]): ArticleMetadata {
  const combined: ArticleMetadata = { title: null, outlet: null, url: null, author: null, date: null };
  for (const field of FIELDS) {
    for (const layer of layers) {
      const value = layer[field];
      if (value != null && value !== '') {
        combined[field] = value;
        break;
      }
    }
  }
  return combined;
}

/** How much an input says about its article: the copy that says most is kept as a duplicate's primary. */
export function metadataRichness(metadata: ArticleMetadata): number {
  return FIELDS.filter((field) => metadata[field] !== null).length;
}

/** A web address, or null: metadata found in web pages is often relative or malformed, and then unknown. */
export function webUrlOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  return WebUrlSchema.safeParse(value.trim()).success ? value.trim() : null;
}

/** A title's trailing credit after a spaced dash: the outlet or a source of one to three capitalised words. */
const TRAILING_CREDIT = /\s+[-\u2013\u2014]\s+((?:[\p{Lu}\d][\p{L}\d.&'\u2019-]*\s*){1,3})$/u;

/**
 * A title as its headline alone, without the outlet's name or section that pages join to it with a bar
 * ("Leader rejects the plan | Harbour Ledger", "World | Leader rejects the plan") or a dash ("… - Harbour
 * Ledger", "… – AFP"). Always a substring of the title, so that a fact citing it stays verbatim.
 */
export function titleWithoutFurniture(title: string, outlet: string | null): string {
  const segments = title.split(/\s+\|\s+/u);
  const words = (text: string) => text.split(/\s+/u).length;
  let headline = segments.reduce((best, s) => (words(s) > words(best) ? s : best), segments[0] ?? '').trim();
  // At most two credits: an outlet and a date ("… - Harbour Ledger - 12.03.2025").
  for (let credits = 0; credits < 2; credits++) {
    const credit = TRAILING_CREDIT.exec(headline);
    const isOutlet = outlet !== null && credit?.[1]?.trim().toLowerCase() === outlet.trim().toLowerCase();
    if (!credit || (!isOutlet && words(headline) - words(credit[1] ?? '') < 4)) break;
    headline = headline.slice(0, credit.index);
  }
  return headline;
}
