import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { memoizeByString } from '../shared/memoize.js';
import { atPhraseStart, eachMatch, phrasesAhead, type TextPattern } from './topics.js';

/*
 * Country names come from i18n-iso-countries (ISO 3166-1, maintained upstream) with their English
 * official and alias forms, plus the short forms the press uses that ISO does not list. Matching is
 * case-sensitive: country names are proper nouns, and "us", "chad" or "turkey" in lower case are not.
 */

countries.registerLocale(english);

/**
 * Press short forms that ISO's English names lack, by alpha-2 code. "the US of America" names one country by two of
 * its names: one mention, so that a list reads it as one item.
 */
const PRESS_SHORT_FORMS: Record<string, readonly string[]> = {
  US: ['America', 'U.S', 'the States', 'US of America', 'U.S. of America'],
  GB: ['Britain', 'U.K.', 'U.K'],
  TR: ['Türkiye', 'Turkiye'],
  SY: ['Syria'],
  LA: ['Laos'],
  BN: ['Brunei'],
  MD: ['Moldova'],
  VA: ['Vatican', 'Vatican City'],
  FM: ['Micronesia'],
  CZ: ['Czech Republic'],
  NL: ['Holland'],
};

/** Where English news usage names a country otherwise than its shortest ISO name. */
const PRESS_NAMES: Record<string, string> = {
  GB: 'United Kingdom',
  SY: 'Syria',
  LA: 'Laos',
  BN: 'Brunei',
  MD: 'Moldova',
  VA: 'Vatican City',
  FM: 'Micronesia',
  // The labels (and most of the press) write the long form; ISO's shortest is "Czechia".
  CZ: 'Czech Republic',
};

const isAbbreviation = (name: string) => /^[A-Z.]+$/.test(name);

/** The display name: the shortest plain ISO form ("United States", "Turkey", "Russia"), unless the press says otherwise. */
function canonicalName(code: string, names: readonly string[]): string {
  const override = PRESS_NAMES[code];
  if (override) return override;
  const plain = names.filter((n) => !isAbbreviation(n) && !/[,(]/.test(n) && !/^The\s/.test(n));
  return [...plain].sort((a, b) => a.length - b.length)[0] ?? names[0] ?? code;
}

interface CountryIndex {
  byName: Map<string, string>;
  /** Every name, whole-word: `phrasesSource` with its lookbehind tested in code, so V8 skips ahead to the names. */
  pattern: TextPattern;
}

function buildIndex(): CountryIndex {
  const byName = new Map<string, string>();
  const all = countries.getNames('en', { select: 'all' });
  for (const [code, names] of Object.entries(all)) {
    const canonical = canonicalName(code, names);
    for (const name of [...names, ...(PRESS_SHORT_FORMS[code] ?? [])]) {
      // A name shared by two codes ("Congo") keeps its first owner: ambiguous, but still a country.
      if (!byName.has(name)) byName.set(name, canonical);
    }
  }
  const regex = new RegExp(phrasesAhead([...byName.keys()]), 'gu');
  return { byName, pattern: { id: 'country', regex, startsAt: atPhraseStart } };
}

let index: CountryIndex | undefined;
const countryIndex = (): CountryIndex => {
  index ??= buildIndex();
  return index;
};

export interface CountryMention {
  /** Canonical English name ("United States"). */
  country: string;
  start: number;
  end: number;
}

/**
 * Mentions (in text order) grouped into the lists they form: each run joined by what `gap` accepts between one
 * mention and the next ("A, B and C"), a mention alone making a list of one.
 */
export function mentionLists(text: string, mentions: readonly CountryMention[], gap: RegExp): CountryMention[][] {
  const lists: CountryMention[][] = [];
  let run: CountryMention[] = [];
  mentions.forEach((mention, k) => {
    run.push(mention);
    const next = mentions[k + 1];
    if (next && gap.test(text.slice(mention.end, next.start))) return;
    lists.push(run);
    run = [];
  });
  return lists;
}

/** Every country named in `text`, in text order, with canonical names: new objects, the caller's to change. */
export function countryMentions(text: string): CountryMention[] {
  // Array.from, not .map: optimised, `.map` returns a holey array, and the guarantor rules reading it (compiled for
  // packed ones) were deoptimised mid-batch.
  return Array.from(countriesNamedIn(text), (m) => ({ ...m }));
}

/**
 * The scan behind `countryMentions`, once per text: the guarantor rules ask it of the same sentence about three
 * times over, and the alternation of some 300 names, tried at every position, was the costliest regex of extraction.
 * A few thousand texts are plenty: the repeats come within one article.
 */
const countriesNamedIn = memoizeByString((text: string): readonly CountryMention[] => {
  const { byName, pattern } = countryIndex();
  const found: CountryMention[] = [];
  eachMatch(pattern, text, (m) => {
    const country = byName.get(m[0].replace(/\s+/g, ' '));
    if (country && !isRegionOfAmerica(text, m[0], m.index)) {
      found.push({ country, start: m.index, end: m.index + m[0].length });
    }
  });
  return found;
}, 2_000);

/** "America" after a compass or cultural qualifier names a region ("Latin America", "South America"), no country. */
const REGION_QUALIFIER_BEFORE = /\b(?:Latin|South|North|Central)\s+$/u;
const isRegionOfAmerica = (text: string, name: string, at: number) =>
  name === 'America' && REGION_QUALIFIER_BEFORE.test(text.slice(Math.max(0, at - 10), at));

/** The canonical name of a country as written ("the U.S." → "United States"), or null if it names none. */
export function canonicalCountry(name: string): string | null {
  const { byName } = countryIndex();
  // Most callers pass one word (countryOfWord runs per token): without whitespace there is nothing to trim.
  if (!/\s/u.test(name)) return byName.get(name) ?? null;
  const trimmed = name.trim().replace(/^the\s+/i, '');
  return byName.get(trimmed.replace(/\s+/g, ' ')) ?? null;
}
