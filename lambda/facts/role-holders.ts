import { memoizeByObject } from '../shared/memoize.js';
import { actorWords as A, stanceWords as S, words } from './lexicon.js';
import type { CompiledTopics } from './topics.js';

/*
 * Who "the president" or "the foreign minister" is, when a later sentence names only the role: the person the
 * article last introduced with that role ("Russian President X", "Y, the Ukrainian foreign minister"). Reports
 * about two leaders call both "the president"; the one last introduced as such is the one a bare role points
 * back to more often than the last person named at all.
 */

/** A place in the body where a person's name stands, with the party that form of the name is (null: an outsider). */
export interface NamedAt {
  start: number;
  end: number;
  party: string | null;
}

/**
 * The party of the person last introduced with `role` before offset `end`: a party's name, null for a person of no
 * party (an outsider holds the role: "the president" is then theirs), undefined when nobody was introduced so.
 */
export type RoleHolder = (role: string, end: number, otherThan?: ReadonlySet<string>) => string | null | undefined;

/** The roles a name may be introduced with: a leader's, a party member's (config), an epithet ("the dictator"). */
function roleWords(topics: CompiledTopics): string[] {
  return [...S.leaderRoles, ...topics.config.partyMembers, ...A.leaderEpithets];
}

const patterns = memoizeByObject((topics: CompiledTopics) => {
  const roles = words(roleWords(topics));
  return {
    // "President Jane Roe", "foreign minister Jane Roe", "dictator J. Roe": the role right before the given names.
    before: new RegExp(String.raw`(?<![\p{L}])(${roles})((?:\s+[\p{L}.'\u2019-]+){0,2})\s+$`, 'iu'),
    // "Jane Roe, the Ukrainian foreign minister,": the role ending an appositive.
    after: new RegExp(String.raw`^,\s+(?:(?:the|a|an)\s+)?(?:[\p{L}'\u2019-]+\s+){0,3}?(${roles})(?![\p{L}])`, 'iu'),
  };
});

/** The role head a phrase ends in, in lower case with single spaces: "Foreign  Minister" → "foreign minister". */
const normalised = (role: string) => role.toLowerCase().replace(/\s+/gu, ' ');

/**
 * Reads, on first use, which role each name of the body is introduced with; each question then looks its offset
 * up. A role asked for matches a role introduced with the same last word ("the minister" after "Foreign Minister
 * X"), so that a bare head finds the fuller title.
 */
export function roleHolders(named: () => readonly NamedAt[], topics: CompiledTopics, body: string): RoleHolder {
  let introduced: { at: number; role: string; party: string | null }[] | undefined;
  return (role, end, otherThan) => {
    introduced ??= rolesOfNames(named(), topics, body);
    const asked = normalised(role);
    let found: string | null | undefined;
    for (const entry of introduced) {
      if (entry.at >= end) break;
      // "The president keeps pressing for Ukraine to …" is not Ukraine's president, whoever was introduced last.
      if (entry.party !== null && otherThan?.has(entry.party)) continue;
      if (entry.role === asked || entry.role.endsWith(` ${asked}`)) found = entry.party;
    }
    return found;
  };
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);

function rolesOfNames(named: readonly NamedAt[], topics: CompiledTopics, body: string) {
  const { before, after } = patterns(topics);
  const found: { at: number; role: string; party: string | null }[] = [];
  for (const name of named) {
    const title = before.exec(body.slice(Math.max(0, name.start - 60), name.start));
    // Only given names may stand between the title and the name, and a case-blind regex cannot tell them.
    const givenNames = (title?.[2] ?? '').trim().split(/\s+/u).filter(Boolean);
    const role =
      (givenNames.every(isCapitalised) ? title?.[1] : undefined) ??
      after.exec(body.slice(name.end, name.end + 60))?.[1];
    if (role) found.push({ at: name.start, role: normalised(role), party: name.party });
  }
  return found;
}
