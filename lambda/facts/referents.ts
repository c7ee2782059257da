import type { Person } from './fact.js';
import { type NamedAt, type RoleHolder, roleHolders } from './role-holders.js';
import { atPhraseStart, type CompiledTopics, eachMatch, phrasesAhead } from './topics.js';

/*
 * Whom a pronoun ("he", "she") or a bare role ("the president") stands for, one rule for every extractor: the person
 * the article last introduced with that role, else the subject of the last clause naming anyone. `articleParties`
 * (article-parties.ts) falls back from here to the party acting in the sentences before, so that a pronoun with no
 * person in reach still finds its side.
 */

/** How far back a pronoun or a role looks for the person it stands for. */
const ANTECEDENT_WINDOW = 600;

/**
 * Where a clause ends: a full stop, question or exclamation mark (closing quotes after it) before a space, a line
 * break, a semicolon, or a comma before a conjunction ("X spoke, then Y answered").
 */
const CLAUSE_END = /[.!?\u2026]["'\u201d\u2019\u00bb)]*\s|\n|;\s|,\s+(?:and|but|then|while|whereas)\s/gu;

/** Where the clause holding offset `at` starts, read back from `at` over at most `reach` characters. */
function clauseStartBefore(body: string, at: number, reach: number): number {
  const from = Math.max(0, at - reach);
  let start = from;
  for (const end of body.slice(from, at).matchAll(CLAUSE_END)) start = from + end.index + end[0].length;
  return start;
}

/**
 * Whom a pronoun or a role stands for, by the article's people. Nothing is built until the first question (most
 * articles ask none: compiling the names' pattern for each cost a twentieth of the extraction); then the body is
 * read for names once, and each question looks its offset up.
 */
export interface NamedPeople {
  /**
   * The party of the person a pronoun or role at offset `end` stands for: null when that person is no party's,
   * undefined when nobody is named within reach. Given a role ("president", "foreign minister"), the person the
   * article last introduced with it (`role-holders.ts`); else, or for a pronoun, the subject of the last clause
   * naming anyone, the first person that clause names ("X met Y in Geneva. Any deal, he argued, …" is X; "X spoke,
   * then Y answered. He …" is Y), as the statement pass resolves "he".
   */
  personAt(end: number, role?: string): string | null | undefined;
  /** The party of the person last introduced with a role before an offset (`RoleHolder`). */
  holderOf: RoleHolder;
}

export function namedPeople(people: readonly Person[], topics: CompiledTopics, body: string): NamedPeople {
  let named: NamedAt[] | undefined;
  const namesRead = () => {
    named ??= namesInBody(people, topics, body);
    return named;
  };
  const holderOf = roleHolders(namesRead, topics, body);
  const personAt = (end: number, role?: string) => {
    const holder = role ? holderOf(role, end) : undefined;
    if (holder !== undefined) return holder;
    const names = namesRead();
    let last = -1;
    for (const [index, name] of names.entries()) {
      if (name.end > end) break;
      if (name.start >= end - ANTECEDENT_WINDOW) last = index;
    }
    const lastName = names[last];
    if (!lastName) return undefined;
    const clauseStart = Math.max(end - ANTECEDENT_WINDOW, clauseStartBefore(body, lastName.start, ANTECEDENT_WINDOW));
    let subject = lastName;
    for (let index = last - 1; index >= 0; index--) {
      const name = names[index];
      if (!name || name.start < clauseStart) break;
      subject = name;
    }
    return subject.party;
  };
  return { personAt, holderOf };
}

/** Where the body names one of `people`, in order, with the party that form of the name stands for. */
function namesInBody(people: readonly Person[], topics: CompiledTopics, body: string) {
  const byForm = new Map<string, string | null>();
  for (const person of people) {
    for (const name of [person.name, ...person.aliases]) {
      for (const form of [name, name.split(/\s+/u).at(-1) ?? '']) {
        if (!/\p{Lu}/u.test(form)) continue;
        const party = person.affiliation && topics.partyNames.includes(person.affiliation) ? person.affiliation : null;
        // A surname two people share stands for neither.
        byForm.set(form, byForm.has(form) && byForm.get(form) !== party ? null : party);
      }
    }
  }
  if (!byForm.size) return [];
  // One search a form, then leftmost first and the longer form first where two start together, as one alternation
  // of the forms (longest first) would find them: V8 skips ahead to a single name's letters, but tries an alternation
  // of a dozen names at every character (that pass had become a tenth of the extraction).
  const hits: (NamedAt & { formLength: number })[] = [];
  for (const [form, party] of byForm) {
    const pattern = { id: 'name', regex: new RegExp(phrasesAhead([form]), 'gu'), startsAt: atPhraseStart };
    eachMatch(pattern, body, (m) => {
      hits.push({
        start: m.index,
        end: m.index + m[0].length,
        party: m[0] === form ? party : null,
        formLength: form.length,
      });
    });
  }
  hits.sort((a, b) => a.start - b.start || b.formLength - a.formLength);
  const found: NamedAt[] = [];
  let lastEnd = 0;
  for (const { start, end, party } of hits) {
    if (start < lastEnd) continue;
    found.push({ start, end, party });
    lastEnd = end;
  }
  return found;
}
