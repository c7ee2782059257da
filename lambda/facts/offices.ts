import { countryOfWord } from './people-affiliation.js';
import { LEADER_EPITHETS, RELATION_HEADS, ROLE_CLASSES, ROLE_HEADS, TITLE_WORDS } from './speakers-lexicon.js';

/*
 * An office as the press names it, reduced to what two reports of it share: "Ukraine's Foreign Minister" and "the
 * Ukrainian foreign minister" are one office of one country, "the Kremlin spokesman" and "Russia's presidential
 * spokesperson" another. The corpus learns who holds each (people-identity.ts, `corpusOffices`), so that an article
 * that names the holder only by the office can still say who spoke.
 */

/** An office of a country: `country|office`, the key of the corpus's table of holders. */
export type OfficeKey = string;

/** The office a leader's stand-in ("the Ruritanian leader", "the Kremlin chief", "the dictator") asks for. */
export const LEADER_OFFICE = 'leader';

/** Words of a title that say nothing about the office: courtesy, possessives, and a title's past holders' marks. */
const COURTESY = new Set(
  'the a an of mr mrs ms dr prof sir lord lady dame his her their hon excellency highness majesty eminence honourable honorable'.split(
    ' ',
  ),
);

/** Marks of an office its holder no longer (or not yet, or only for now) holds: no current holder's office. */
const NOT_CURRENT = new Set(['former', 'ex', 'late', 'outgoing', 'incoming', 'acting', 'interim', 'then']);

/** Offices whose words differ between reports of the same office. */
const SPOKESPERSON = 'spokesperson';

/**
 * The office a description or role phrase names, without its country ("president", "foreign minister",
 * "spokesperson", "head delegation"), or null when it names none, a past one or a relation ("an aide to …").
 */
export function officeOf(phrase: string): string | null {
  const words = phrase.split(/[^\p{L}'\u2019-]+/u).filter(Boolean);
  const kept: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    if (NOT_CURRENT.has(lower) || lower.startsWith('ex-')) return null;
    if (COURTESY.has(lower) || countryOfWord(word) !== null) continue;
    if (TITLE_WORDS.has(lower) || ROLE_HEADS.has(lower)) kept.push(lower);
  }
  const firstHead = kept.find((w) => ROLE_HEADS.has(w) || LEADER_EPITHETS.has(w));
  if (!firstHead || RELATION_HEADS.has(firstHead)) return null;
  const office = kept.join(' ').replace(/\bprime minister\b/u, 'premier');
  const last = office.split(' ').at(-1) ?? '';
  if (LEADER_EPITHETS.has(last)) return LEADER_OFFICE;
  if (last.startsWith('spokes') || office.endsWith('press secretary')) return SPOKESPERSON;
  // "President", "Premier": a leader's title alone names the office; "Vice President" stays another.
  if (ROLE_CLASSES.get(last) === 'leader' && !/\b(vice|deputy)\b/u.test(office)) return last;
  return office;
}

/** The key of an office of a country. */
export const officeKey = (country: string, office: string): OfficeKey => `${country}|${office}`;

/**
 * The leader's titles, in the order a country's leader is looked for when a report says only "the leader": most
 * countries in this news have a president who leads; the others a prime minister or a chancellor.
 */
export const LEADER_TITLES = ['president', 'premier', 'chancellor', 'king', 'emir', 'sultan', LEADER_OFFICE];
