import type { Person } from './fact.js';
import { affiliationOf } from './people-affiliation.js';
import { speakerKey, surnameOf } from './speaker-key.js';
import { ROLE_HEADS } from './speakers-lexicon.js';

/*
 * The people of one article: every form of each name, what the article says about them, and where
 * they are mentioned, so that pronouns, roles and surname-only mentions resolve to one person.
 */

interface PersonRecord {
  key: string;
  forms: Set<string>;
  descriptors: string[];
  gender: 'm' | 'f' | null;
  /** Sentence indexes of the mentions, in the order recorded: a set, as a much-named person is named thousands of times. */
  sentences: Set<number>;
}

const GENDERED: [RegExp, 'm' | 'f'][] = [
  [/\b(Mr|spokesman|chairman|congressman|King|Prince|Sir|Lord)\b/u, 'm'],
  [/\b(Mrs|Ms|spokeswoman|chairwoman|congresswoman|Queen|Princess|Lady|Dame)\b/u, 'f'],
];

const roleHeadsOf = (descriptor: string) =>
  descriptor
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => ROLE_HEADS.has(w));

/**
 * Longest name taken for a person. The longest real full names run to about 60 characters; a longer
 * "name" is markup or a hostile file, and a person's key goes into DynamoDB keys (at most 2,048 bytes).
 */
export const MAX_NAME_LENGTH = 100;

export class PeopleRegistry {
  readonly #people = new Map<string, PersonRecord>();

  /** Records a mention of a named person; returns the person's key, or null for a name without letters or too long to be one. */
  addName(name: string, descriptor: string, sentence: number): string | null {
    if (name.length > MAX_NAME_LENGTH) return null;
    const key = speakerKey(name);
    if (!key) return null;
    let person = this.#people.get(key);
    if (!person) {
      person = { key, forms: new Set(), descriptors: [], gender: null, sentences: new Set() };
      this.#people.set(key, person);
    }
    person.forms.add(name);
    if (descriptor) this.describe(key, descriptor);
    person.sentences.add(sentence);
    return key;
  }

  describe(key: string, descriptor: string): void {
    const person = this.#people.get(key);
    if (!person || person.descriptors.includes(descriptor)) return;
    person.descriptors.push(descriptor);
    for (const [pattern, gender] of GENDERED) if (pattern.test(descriptor)) person.gender ??= gender;
  }

  setGender(key: string, gender: 'm' | 'f'): void {
    const person = this.#people.get(key);
    if (person) person.gender ??= gender;
  }

  gender(key: string): 'm' | 'f' | null {
    return this.#people.get(key)?.gender ?? null;
  }

  /** Indexes of the sentences that name the person, in the order they were recorded. */
  sentencesOf(key: string): readonly number[] {
    return [...(this.#people.get(key)?.sentences ?? [])];
  }

  /** Whether a single word is the surname of someone already named in full. */
  isKnownSurname(word: string): boolean {
    const key = speakerKey(word);
    return !!key && this.#people.has(key);
  }

  /**
   * The person a definite role phrase stands for ("Moscow's deputy defense minister"): someone the
   * article describes with the same role noun, nearest first; else, as a lead paragraph introduces a
   * role and names the person next, someone named in the next two sentences (or the one before) whom
   * the article gives no other role.
   */
  resolveRole(roleText: string, head: string, sentence: number): string | null {
    const affiliation = affiliationOf(roleText);
    const compatible = (p: PersonRecord) => {
      const own = this.affiliation(p.key);
      return !affiliation || !own || own === affiliation;
    };
    const distance = (p: PersonRecord) => {
      let nearest = Number.POSITIVE_INFINITY;
      for (const s of p.sentences) nearest = Math.min(nearest, s <= sentence ? sentence - s : s - sentence + 0.5);
      return nearest;
    };
    const described = [...this.#people.values()].filter(
      (p) => compatible(p) && p.descriptors.some((d) => roleHeadsOf(d).includes(head)),
    );
    const byDistance = (a: PersonRecord, b: PersonRecord) => distance(a) - distance(b);
    const sameRole = described.sort(byDistance)[0];
    if (sameRole) return sameRole.key;
    // Only a role that names its country ("Moscow's deputy defense minister") is a lead's stand-in for a
    // person named next; "the governor of the Sumy region" with no named governor stays unresolved.
    if (!affiliation) return null;
    const unassigned = (p: PersonRecord) => compatible(p) && p.descriptors.every((d) => roleHeadsOf(d).length === 0);
    for (const s of [sentence + 1, sentence + 2, sentence - 1]) {
      const named = [...this.#people.values()].find((p) => p.sentences.has(s) && unassigned(p));
      if (named) return named.key;
    }
    return null;
  }

  affiliation(key: string, seen = new Set<string>()): string | null {
    const person = this.#people.get(key);
    if (!person || seen.has(key)) return null;
    seen.add(key);
    for (const descriptor of person.descriptors) {
      const direct = affiliationOf(descriptor);
      if (direct) return direct;
    }
    // "an adviser to Zelenskyy": the principal's affiliation, when the article gives it.
    for (const descriptor of person.descriptors) {
      for (const other of this.#people.values()) {
        if (other.key === key) continue;
        const mentioned = [...other.forms].some((f) =>
          new RegExp(`\\b${escapeRegExp(surnameOf(f))}\\b`, 'u').test(descriptor),
        );
        const principal = mentioned ? this.affiliation(other.key, seen) : null;
        if (principal) return principal;
      }
    }
    return null;
  }

  /** The person as the facts show it: the fullest name seen, the other forms as aliases. */
  toPerson(key: string): Person | null {
    const person = this.#people.get(key);
    if (!person) return null;
    const forms = [...person.forms].sort((a, b) => b.length - a.length || a.localeCompare(b));
    const [name = key, ...aliases] = forms;
    return { key, name, aliases, affiliation: this.affiliation(key) };
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
