import { escapeRegex } from '../shared/escape-regex.js';
import { memoizeByString } from '../shared/memoize.js';
import type { Person } from './fact.js';
import { comparableName, describesJournalist } from './non-people.js';
import { LEADER_OFFICE, type OfficeKey, officeKey, officeOf } from './offices.js';
import { affiliationIn, affiliationOf } from './people-affiliation.js';
import { isBareKey, isInitialKey, mayStandFor, personKey, speakerKey, surnameKeyOf, surnameOf } from './speaker-key.js';
import { COUNTERPART, LEADER_EPITHETS, RELATION_HEADS, ROLE_CLASSES, ROLE_HEADS } from './speakers-lexicon.js';

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
  /** Descriptors that are role phrases resolved to the person, not the article's introduction of them. */
  resolvedRoles: Set<string>;
  /** The country the descriptions give (`#describedCountry`), as counted over the first `count` of them. */
  described?: { count: number; country: string | null };
}

const GENDERED: [RegExp, 'm' | 'f'][] = [
  [/\b(Mr|spokesman|chairman|congressman|King|Prince|Sir|Lord)\b/u, 'm'],
  [/\b(Mrs|Ms|spokeswoman|chairwoman|congresswoman|Queen|Princess|Lady|Dame)\b/u, 'f'],
];

/** The role nouns of a description; a prime minister heads a government, as a premier does ("the British leader"). */
const roleHeadsOf = (descriptor: string) => {
  const lower = descriptor.toLowerCase();
  // "Russian dictator X" holds a leader's office under the press's epithet for it.
  const heads = lower
    .split(/[^\p{L}]+/u)
    .flatMap((w) => (ROLE_HEADS.has(w) ? [w] : LEADER_EPITHETS.has(w) ? ['leader'] : []));
  return /\bprime\s+minister\b/u.test(lower) ? ['premier', ...heads] : heads;
};

/** The role nouns of the offices the article itself gives a person (not a relation, not a role resolved to them). */
const officeHeads = (person: PersonRecord) =>
  person.descriptors.flatMap((d) => {
    const heads = person.resolvedRoles.has(d) ? [] : roleHeadsOf(d);
    return RELATION_HEADS.has(heads[0] ?? '') ? [] : heads;
  });

/**
 * Whether a role noun may stand for the person: they hold an office of the same kind ("spokesman" and
 * "representative"), or (unless `officeRequired`) none the article names; a relation ("an aide to …")
 * contradicts no role.
 */
function sameKindOfRole(person: PersonRecord, head: string, officeRequired = false): boolean {
  // "an aide to President Volnov" names the principal's office, not the person's.
  const offices = person.descriptors.flatMap((d) => {
    const heads = roleHeadsOf(d);
    return RELATION_HEADS.has(heads[0] ?? '') ? [] : heads;
  });
  const kind = ROLE_CLASSES.get(head);
  if (offices.length === 0) return !officeRequired;
  return !!kind && offices.some((h) => ROLE_CLASSES.get(h) === kind);
}

/** The one country the rest of the corpus gives the person of a key, or null (people-identity.ts, `corpusCountries`). */
export type CorpusCountry = (key: string) => string | null;

/**
 * The one person the corpus says holds each office of a country (people-identity.ts, `corpusOffices`), by office key
 * (offices.ts): plain data, so that it travels wherever the corpus's knowledge goes.
 */
export type CorpusOffices = Readonly<Record<OfficeKey, { key: string; name: string }>>;

/**
 * Longest name taken for a person. The longest real full names run to about 60 characters; a longer
 * "name" is markup or a hostile file, and a person's key goes into DynamoDB keys (at most 2,048 bytes).
 */
export const MAX_NAME_LENGTH = 100;

export class PeopleRegistry {
  /**
   * @param isNoPerson names that stand in a speaker's place but are no person (an outlet, a group in the
   * plural; see non-people.ts): never recorded. @default none
   */
  constructor(
    readonly isNoPerson: (name: string) => boolean = () => false,
    /** Whether the article names a country: an office that implies one only in its news needs it (`affiliationIn`). */
    readonly namesCountry: (country: string) => boolean = () => true,
    /**
     * The country the other articles of the corpus give a person this one gives none (`corpusCountries`): "Vell
     * said …" after another report's "Ruritanian President Anton Vell". @default none
     */
    readonly corpusCountry: CorpusCountry = () => null,
    /**
     * Who the other articles of the corpus say holds an office of a country (`corpusOffices`): "the Ruritanian
     * foreign minister said …" where another report has "Ruritania's foreign minister Mira Vell". @default none
     */
    readonly corpusOffices: CorpusOffices = {},
  ) {}

  /** The offices of a country that role phrases in a speaker's place asked for and the article could not fill. */
  readonly #askedOffices = new Set<OfficeKey>();

  readonly #people = new Map<string, PersonRecord>();
  /** Person keys by surname key: who a bare surname may stand for. */
  readonly #bySurname = new Map<string, Set<string>>();
  /** Person keys by the first word of a full name: whom "Azlan" or "Sir Alan" may stand for. */
  readonly #byFirstWord = new Map<string, Set<string>>();
  /** A bare surname's record, once absorbed into the one full name it turned out to belong to. */
  readonly #absorbed = new Map<string, string>();

  /**
   * Records a mention of a named person; returns the person's key, or null for a name without letters, too
   * long to be one, or that is no person.
   * A full name keys the person by surname and given-name initial, so two people who share a surname
   * stay two; a bare surname ("Johnson said") stands for the person of that surname named last.
   */
  addName(fullName: string, descriptor: string, sentence: number): string | null {
    // "Host Tina Moor", "Correspondent Paul Dern": a capitalised journalist's role opening the name is their description.
    const staff = /^(\S+)\s+(?=\S+\s+\S)/u.exec(fullName);
    const staffRole = staff && describesJournalist(staff[1] as string) ? (staff[1] as string) : '';
    const name = staffRole ? fullName.slice((staff as RegExpExecArray)[0].length) : fullName;
    if (name.length > MAX_NAME_LENGTH || this.isNoPerson(name)) return null;
    const key = this.#byHonorificGivenName(name, descriptor) ?? this.#keyOf(name, sentence);
    if (!key) return null;
    let person = this.#people.get(key);
    if (!person) {
      person = { key, forms: new Set(), descriptors: [], gender: null, sentences: new Set(), resolvedRoles: new Set() };
      this.#people.set(key, person);
      const namesakes = this.#bySurname.get(surnameKeyOf(key)) ?? new Set<string>();
      namesakes.add(key);
      this.#bySurname.set(surnameKeyOf(key), namesakes);
      this.#absorbBareSurname(person);
    }
    if (!person.forms.has(name) && name.includes(' ')) {
      const first = comparableName(name.split(/\s+/u)[0] ?? '');
      const holders = this.#byFirstWord.get(first) ?? new Set<string>();
      holders.add(key);
      this.#byFirstWord.set(first, holders);
    }
    person.forms.add(name);
    if (descriptor) this.describe(key, descriptor);
    if (staffRole) this.describe(key, staffRole);
    person.sentences.add(sentence);
    return key;
  }

  /**
   * "Sir Keir", "Dame Anna": British usage puts the honorific before the given name alone, so the one
   * word is the given name of someone the article names in full, not a surname.
   */
  #byHonorificGivenName(name: string, descriptor: string): string | null {
    if (name.includes(' ') || !/\b(sir|dame)$/iu.test(descriptor.trim())) return null;
    return this.#firstNameHolder(name);
  }

  /** The one person named in full whose name opens with `word`, or null when none or several are. */
  #firstNameHolder(word: string): string | null {
    const holders = [...(this.#byFirstWord.get(comparableName(word)) ?? [])].filter((k) => this.#people.has(k));
    return holders.length === 1 ? (holders[0] ?? null) : null;
  }

  /**
   * A bare surname, or a surname with an initial ("K. Novak"), stands for the person of that surname (and
   * initial) named last before it (or, failing that, next).
   */
  #keyOf(name: string, sentence: number): string {
    const key = personKey(name);
    if (!key || !(isBareKey(key) || isInitialKey(key))) return key;
    const named = [...(this.#bySurname.get(surnameKeyOf(key)) ?? [])].filter((k) => mayStandFor(key, k));
    // "Azlan said" after "Azlan Rahim", "Zhou said" after "Zhou Mingde": Malay and Indonesian usage shortens a
    // name to its first word, and Chinese, Korean and Khmer names put the family name first. A single word
    // that is no one's surname but opens the name of exactly one person named in full is that person.
    if (named.length === 0 && isBareKey(key)) return this.#firstNameHolder(name) ?? key;
    const distance = (k: string) =>
      Math.min(
        ...[...(this.#people.get(k)?.sentences ?? [])].map((s) => (s <= sentence ? sentence - s : s - sentence + 0.5)),
      );
    return named.sort((a, b) => distance(a) - distance(b))[0] ?? key;
  }

  /**
   * "President Johnson" in a lead recorded before the article names "Boris Johnson": once the first full
   * name of that surname arrives, the bare record is the same person. A second full name of the surname
   * takes nothing: the bare mentions stay with the first.
   */
  #absorbBareSurname(person: PersonRecord): void {
    const bareKey = surnameKeyOf(person.key);
    const bare = this.#people.get(bareKey);
    if (bareKey === person.key || !bare || this.#absorbed.has(bareKey)) return;
    for (const form of bare.forms) person.forms.add(form);
    person.descriptors.push(...bare.descriptors.filter((d) => !person.descriptors.includes(d)));
    for (const d of bare.resolvedRoles) person.resolvedRoles.add(d);
    person.described = undefined;
    person.gender ??= bare.gender;
    for (const s of bare.sentences) person.sentences.add(s);
    this.#people.delete(bareKey);
    this.#bySurname.get(bareKey)?.delete(bareKey);
    this.#absorbed.set(bareKey, person.key);
  }

  /** The key a person ends up under: a bare surname's key may have been absorbed into a full name's. */
  canonical(key: string): string {
    return this.#absorbed.get(key) ?? key;
  }

  #record(key: string): PersonRecord | undefined {
    return this.#people.get(this.canonical(key));
  }

  /**
   * Adds a description of the person. `resolved`: a role phrase the article used for them once resolved to them,
   * which tells the corpus nothing about their office (`officesOf`): it may be a guess.
   */
  describe(key: string, descriptor: string, resolved = false): void {
    const person = this.#record(key);
    if (!person || person.descriptors.includes(descriptor)) return;
    person.descriptors.push(descriptor);
    if (resolved) person.resolvedRoles.add(descriptor);
    for (const [pattern, gender] of GENDERED) if (pattern.test(descriptor)) person.gender ??= gender;
  }

  setGender(key: string, gender: 'm' | 'f'): void {
    const person = this.#record(key);
    if (person) person.gender ??= gender;
  }

  gender(key: string): 'm' | 'f' | null {
    return this.#record(key)?.gender ?? null;
  }

  /** Indexes of the sentences that name the person, in the order they were recorded. */
  sentencesOf(key: string): readonly number[] {
    return [...(this.#record(key)?.sentences ?? [])];
  }

  /**
   * The one person a sentence names, of a gender that does not contradict `gender`, or null when it names
   * nobody or several: "The envoys met X on Monday. \"…\"" and "… as X took the floor. \"…,\" she said."
   * Someone the sentence `notIn` names too is no candidate: "He said he would not give Varga any land" is not Varga.
   */
  soleNamedIn(sentence: number, gender: 'm' | 'f' | null = null, notIn = -1): string | null {
    let found: string | null = null;
    for (const [key, person] of this.#people) {
      if (!person.sentences.has(sentence) || (gender && person.gender && person.gender !== gender)) continue;
      if (person.sentences.has(notIn)) continue;
      if (found) return null;
      found = key;
    }
    return found;
  }

  /** Whether the article describes the person as one of the press ("NewsHour correspondent"): they report, they make no statement. */
  isJournalist(key: string): boolean {
    return this.#record(key)?.descriptors.some(describesJournalist) ?? false;
  }

  /**
   * Whether a single word is the surname of someone already named in full, in the article or, on a second reading, in
   * the corpus (`corpusCountry` places them): "Holm also hinted …" in a short report that never gives his
   * first name is the person other reports name in full.
   */
  isKnownSurname(word: string): boolean {
    const key = speakerKey(word);
    return !!key && ((this.#bySurname.get(key)?.size ?? 0) > 0 || this.corpusCountry(key) !== null);
  }

  /**
   * The person a definite role phrase stands for ("Moscow's deputy foreign minister"): someone the
   * article describes with the same role noun, nearest first; else, as a lead paragraph introduces a
   * role and names the person next, someone named in the next two sentences (or the one before) whom
   * the article gives no other role.
   */
  resolveRole(roleText: string, head: string, sentence: number, recentSpeakers: readonly string[] = []): string | null {
    const affiliation = affiliationIn(roleText, this.namesCountry);
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
    if (head === COUNTERPART) return affiliation ? this.#counterpart(affiliation, recentSpeakers, byDistance) : null;
    // "The US president said in a call with President Belenskyy …": someone of the role's own country
    // first, then someone of no known country.
    const ofOwnCountry = (p: PersonRecord) => (affiliation && this.affiliation(p.key) === affiliation ? 0 : 1);
    // "the deputy prime minister" (or "the DPM") when a prime minister and a deputy are both named: the one whose own
    // words for the office are the role's, and no deputy for a role that names none.
    const spelled = exactOffice(roleText);
    const ofSameWords = (p: PersonRecord) => (spelled && p.descriptors.some((d) => spelled.test(d)) ? 0 : 1);
    const sameRole = described.sort(
      (a, b) => ofSameWords(a) - ofSameWords(b) || ofOwnCountry(a) - ofOwnCountry(b) || byDistance(a, b),
    )[0];
    const continuing = this.#continuingSpeaker(sentence, recentSpeakers, affiliation);
    if (sameRole && continuing && !recentSpeakers.includes(sameRole.key)) return continuing.key;
    if (sameRole) return sameRole.key;
    const anywhere = affiliation
      ? null
      : this.#soleNamedHolder(head === LEADER_OFFICE ? LEADER_OFFICE : officeOf(roleText));
    if (anywhere) return anywhere;
    const office = affiliation ? (head === LEADER_OFFICE ? LEADER_OFFICE : officeOf(roleText)) : null;
    const holder = affiliation && office ? this.#corpusHolder(officeKey(affiliation, office)) : undefined;
    // The holder the corpus knows, when the article names them ("Vell" alone), before any guess from the sentences
    // around.
    const named = holder && this.#namedAs(holder.key);
    if (named) return named;
    // A holder the article never names stays out: labelled reports credit words to people the report itself names.
    return this.#roleNearby(head, sentence, recentSpeakers, affiliation, compatible, byDistance);
  }

  /**
   * "Holm spoke with his Norwegian counterpart": the person of `country` the article names in an office of the kind
   * the possessor holds (the last speaker, whom "his" points to), nearest first; failing that, anyone of `country` it
   * names in an office; failing that, the one the corpus says holds the possessor's office there, if the article names
   * them. Nobody rather than a guess: a counterpart is never the possessor, nor someone of no office.
   */
  #counterpart(
    country: string,
    recentSpeakers: readonly string[],
    byDistance: (a: PersonRecord, b: PersonRecord) => number,
  ): string | null {
    const possessor = recentSpeakers[0] === undefined ? undefined : this.#record(recentSpeakers[0]);
    const kinds = new Set(possessor ? officeHeads(possessor).map((h) => ROLE_CLASSES.get(h)) : []);
    const inOffice = [...this.#people.values()].filter(
      (p) => p !== possessor && this.affiliation(p.key) === country && officeHeads(p).length > 0,
    );
    const officeNames = (key: string) => this.officesOf(key).map((office) => office.slice(office.indexOf('|') + 1));
    const offices = possessor ? officeNames(possessor.key) : [];
    // The same office first ("foreign minister" for a foreign minister), then one of the same kind ("minister").
    const sameOffice = inOffice.filter((p) => officeNames(p.key).some((o) => offices.includes(o)));
    const sameKind = inOffice.filter((p) => officeHeads(p).some((h) => kinds.has(ROLE_CLASSES.get(h))));
    const found = [sameOffice, sameKind, inOffice].find((list) => list.length > 0)?.sort(byDistance)[0];
    if (found) return found.key;
    for (const office of offices) {
      const holder = this.#corpusHolder(officeKey(country, office));
      const named = holder && this.#namedAs(holder.key);
      if (named) return named;
    }
    return null;
  }

  /** The person a role stands for by the sentences around it, when no one the article describes holds it. */
  #roleNearby(
    head: string,
    sentence: number,
    recentSpeakers: readonly string[],
    affiliation: string | null,
    compatible: (p: PersonRecord) => boolean,
    byDistance: (a: PersonRecord, b: PersonRecord) => number,
  ): string | null {
    // Only a role that names its country ("Moscow's deputy foreign minister") is a lead's stand-in for a
    // person named next; "the governor of the Sumy region" with no named governor stays unresolved, and
    // "the diplomat" is the last speaker only if the article gave them an office of that kind.
    if (!affiliation) return this.#lastSpeakerInRole(head, recentSpeakers, compatible, true);
    // "The Omani senior official added …" while an Omani minister is the one speaking: the speaker goes on.
    const last = recentSpeakers[0] === undefined ? undefined : this.#record(recentSpeakers[0]);
    if (last && this.affiliation(last.key) === affiliation && sameKindOfRole(last, head, true)) return last.key;
    const unassigned = (p: PersonRecord) => compatible(p) && p.descriptors.every((d) => roleHeadsOf(d).length === 0);
    // Someone the role's own sentence names is another person ("The Ruritanian president said Varga wants …").
    const namedIn = (s: number) =>
      [...this.#people.values()].find((p) => p.sentences.has(s) && !p.sentences.has(sentence) && unassigned(p));
    const named = namedIn(sentence + 1) ?? namedIn(sentence + 2);
    if (named) return named.key;
    // "The US leader" after "US President Donald Trump": the nearest person of that country holding an
    // office of the same kind. Not someone the sentence before names with no role: "… a meeting between Reed and
    // Volnov. \"…,\" the Kremlin's spokesman said" is neither leader's (a spokesman or adviser is not the leader
    // the report is about).
    const sameKind = [...this.#people.values()].filter(
      (p) => this.affiliation(p.key) === affiliation && sameKindOfRole(p, head, true),
    );
    const holder = sameKind.sort(byDistance)[0];
    if (holder) return holder.key;
    // Or the first person the next paragraph introduces, when their role does not contradict this one:
    // "Russia's chief negotiator said …" then "Vadim Torinsky, an aide to President Volnov, told …".
    for (const s of [sentence + 1, sentence + 2]) {
      const introduced = [...this.#people.values()].find(
        (p) => [...p.sentences][0] === s && compatible(p) && sameKindOfRole(p, head),
      );
      if (introduced) return introduced.key;
    }
    return this.#lastSpeakerInRole(head, recentSpeakers, compatible);
  }

  /**
   * The person the corpus says holds `office` (`corpusOffices`). Without the corpus's word the office is noted as
   * asked, so that the corpus reads the article again once it knows the holder.
   */
  #corpusHolder(office: OfficeKey): { key: string; name: string } | undefined {
    const holder = this.corpusOffices[office];
    if (!holder) this.#askedOffices.add(office);
    return holder;
  }

  /**
   * "the Prime Minister said" with no country, in a report that names Sir Ivo Holm and a French president: the one
   * person the article names whom the corpus says holds that office of some country (`corpusOffices`), or null when
   * it names none or several.
   */
  #soleNamedHolder(office: string | null): string | null {
    if (!office) return null;
    const suffix = `|${office}`;
    const named = new Set<string>();
    for (const [key, holder] of Object.entries(this.corpusOffices)) {
      const at = key.endsWith(suffix) ? this.#namedAs(holder.key) : undefined;
      if (at) named.add(at);
    }
    return named.size === 1 ? ([...named][0] ?? null) : null;
  }

  /** The key under which the article names the person of `key`, if it does. */
  #namedAs(key: string): string | undefined {
    return [...this.#people.keys()].find((k) => k === key || mayStandFor(k, key));
  }

  /** The offices role phrases asked for that neither the article nor the corpus's knowledge so far could fill. */
  askedOffices(): OfficeKey[] {
    return [...this.#askedOffices];
  }

  /** The current offices the article gives a person with a country, as keys of the corpus's table. */
  officesOf(key: string): OfficeKey[] {
    const person = this.#record(key);
    const country = person ? this.affiliation(person.key) : null;
    if (!person || !country) return [];
    const offices = person.descriptors.flatMap((d) => (person.resolvedRoles.has(d) ? [] : (officeOf(d) ?? [])));
    return [...new Set(offices)].map((office) => officeKey(country, office));
  }

  /**
   * "Sir Alan claimed that … . The prime minister hinted that …": a role phrase with no country right
   * after a sentence whose speaker the article gives no office keeps that speaker, rather than jumping
   * to someone who holds the office but said nothing (an aside's "Jane Roe, the Italian prime minister").
   */
  #continuingSpeaker(sentence: number, recentSpeakers: readonly string[], affiliation: string | null) {
    const last = recentSpeakers[0] === undefined ? undefined : this.#record(recentSpeakers[0]);
    if (affiliation || !last?.sentences.has(sentence - 1)) return null;
    return last.descriptors.every((d) => roleHeadsOf(d).length === 0) ? last : null;
  }

  /**
   * `"…," the head of Turkish diplomacy stressed` after a paragraph quoting Kemal Ozturan: a role of the
   * same class as the last speaker's ("Kremlin spokesman" → "the Kremlin representative"), or a last
   * speaker the article gave no role, refers back to that speaker.
   */
  #lastSpeakerInRole(
    head: string,
    recentSpeakers: readonly string[],
    compatible: (p: PersonRecord) => boolean,
    officeRequired = false,
  ): string | null {
    const last = recentSpeakers[0] === undefined ? undefined : this.#record(recentSpeakers[0]);
    return last && compatible(last) && sameKindOfRole(last, head, officeRequired) ? last.key : null;
  }

  affiliation(key: string, seen = new Set<string>()): string | null {
    const person = this.#record(key);
    if (!person || seen.has(key)) return null;
    seen.add(key);
    const direct = this.#describedCountry(person);
    if (direct) return direct;
    // "an adviser to Belenskyy": the principal's affiliation, when the article gives it.
    for (const other of this.#principals(person)) {
      const principal = this.affiliation(other.key, seen);
      if (principal) return principal;
    }
    // Last, what the corpus knows: the article's own words, even about a principal, come first.
    return this.corpusCountry(person.key);
  }

  /**
   * The country the article's descriptions of the person give most often, the first of them on a tie: one slip ("the
   * Premier of Norway, Ivo Holm, met the President of Austria" read as Holm of Austria) does not outweigh the article's
   * other words on them. Role phrases resolved to the person (`resolvedRoles`, maybe guesses) count only when the
   * article's own descriptions give no country.
   */
  #describedCountry(person: PersonRecord): string | null {
    // Asked for every candidate of every role and pronoun: counted again only once the person has new descriptions.
    if (person.described?.count === person.descriptors.length) return person.described.country;
    const country = this.#countDescribedCountry(person);
    person.described = { count: person.descriptors.length, country };
    return country;
  }

  #countDescribedCountry(person: PersonRecord): string | null {
    const votes = new Map<string, number>();
    for (const own of [true, false]) {
      for (const descriptor of person.descriptors) {
        if (person.resolvedRoles.has(descriptor) === own) continue;
        const country = affiliationIn(descriptor, this.namesCountry);
        if (country) votes.set(country, (votes.get(country) ?? 0) + 1);
      }
      let best: string | null = null;
      for (const [country, count] of votes) if (best === null || count > (votes.get(best) ?? 0)) best = country;
      if (best) return best;
    }
    return null;
  }

  /**
   * The person a description of `key` names ("an adviser to Belenskyy"), when the article gives neither of them a
   * country: the corpus may know the principal's (`settleAffiliations`). Null when `key` has an affiliation.
   */
  principalOf(key: string): string | null {
    const person = this.#record(key);
    if (!person || this.affiliation(person.key)) return null;
    return this.#principals(person)[0]?.key ?? person.descriptors.map(principalNamed).find(Boolean) ?? null;
  }

  /** The other people whose surname a description of the person names, in the order of the descriptions. */
  #principals(person: PersonRecord): PersonRecord[] {
    return person.descriptors.flatMap((descriptor) =>
      [...this.#people.values()].filter(
        (other) => other.key !== person.key && [...other.forms].some((f) => surnameAsWord(f).test(descriptor)),
      ),
    );
  }

  /** The person as the facts show it: the fullest name seen, the other forms as aliases. */
  toPerson(key: string): Person | null {
    const person = this.#record(key);
    if (!person) return null;
    const forms = [...person.forms].sort((a, b) => b.length - a.length || a.localeCompare(b));
    const [name = person.key, ...aliases] = forms;
    return { key: person.key, name, aliases, affiliation: this.affiliation(person.key) };
  }
}

/**
 * The words of a definite role of two or more words ("the deputy prime minister", "the prime minister") as a pattern
 * that a description matches when it names the same office: not "Deputy Prime Minister" for "the prime minister".
 */
const exactOffice = memoizeByString((roleText: string): RegExp | null => {
  const words = roleText
    .toLowerCase()
    .replace(/^the\s+/u, '')
    .split(/\s+/u);
  if (words.length < 2 || !words.every((w) => /^\p{Ll}+$/u.test(w))) return null;
  // "deputy " alone refuses "first deputy prime minister" too.
  return new RegExp(`(?<!\\b(?:deputy|vice) )\\b${words.join('\\s+')}\\b`, 'iu');
});

/**
 * The key of the person a relation names by name alone ("an adviser to Belenskyy", "aide to President Belenskyy"),
 * someone the article never introduced; null for a relation to an office ("an adviser to the head of …").
 */
function principalNamed(descriptor: string): string | null {
  const words = descriptor.split(/[\s,]+/u).filter(Boolean);
  const at = words.findIndex(
    (w, i) => RELATION_HEADS.has(w.toLowerCase().replace(/s$/u, '')) && /^(?:to|of)$/u.test(words[i + 1] ?? ''),
  );
  if (at < 0) return null;
  let name: string | null = null;
  for (const word of words.slice(at + 2)) {
    if (!/^\p{Lu}/u.test(word)) break;
    if (!ROLE_HEADS.has(word.toLowerCase())) name = word;
  }
  return name && !affiliationOf(name) ? speakerKey(name.replace(/['\u2019]s$/u, '')) : null;
}

/** The surname of a form of a name as a whole word; compiled once per form, not once per person and descriptor. */
const surnameAsWord = memoizeByString((form) => new RegExp(`\\b${escapeRegex(surnameOf(form))}\\b`, 'u'));
