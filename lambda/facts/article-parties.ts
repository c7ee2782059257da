import type { Article } from '../articles/article.js';
import type { Person, Statement } from './fact.js';
import { namedInLaterCondition } from './position-rejections.js';
import { namedPeople } from './referents.js';
import type { RoleHolder } from './role-holders.js';
import { isHeadline, type Sentence } from './sentences.js';
import type { CompiledTopics, PartyMention } from './topics.js';
import {
  actorMentions,
  isSayer,
  type PeopleMentions,
  peopleMentions,
  speakerParty,
  takesStance,
} from './topics-parties.js';

/*
 * Whose claim a sentence states, read from the whole article rather than the sentence alone. Real
 * coverage often leaves the party out where the fact is: a bullet of a plan under "Ukraine's proposal:",
 * a quote whose speaker was named a paragraph earlier, a mediator reporting what one side wants, a
 * standfirst that names the delegation once. Guarantors (whose proposal) and positions (whose stance)
 * both ask this, in the order below, from the nearest evidence to the farthest.
 */

/** Shared by the fact extractors of one article; built once per article. */
export interface ArticleParties {
  /** The party the article's lead is about: the first party acting in the headline, standfirst or first sentence. */
  readonly lead: string | null;
  /** The party whose security guarantees are about (config `guaranteeBeneficiary`). */
  readonly beneficiary: string | null;
  /**
   * The side the whole article speaks for: an interview or a statement of one side (its lead says so and
   * names the side), or an article whose quoted people with a party all speak for one. Null otherwise.
   */
  readonly voice: string | null;
  /**
   * The lead's party as context for sentence `index`: only for a sentence after the one the lead was read
   * from (or any sentence, when it came from the title). An article's opening sentence takes no party
   * from a sentence that follows it. With `about`, only a lead on that subject.
   */
  leadFor(index: number, about?: RegExp): string | null;
  /** The party that speaks in sentence `index`: an extracted statement covering it, or "…, Ukrainian officials said". */
  speakerOf(index: number): string | null;
  /**
   * The party acting in sentence `index` before `offset` (a clause's subject, "Ukraine wants …"), also when
   * someone else reports it ("Ukraine wants …, the Turkish minister said": the subject, not the speaker).
   */
  subjectBefore(index: number, offset: number): string | null;
  /**
   * The party acting or speaking in the nearest of the few sentences before `index`; with `about`, only
   * in a sentence on that subject (a plan, guarantees), so that a party busy with something else lends none.
   */
  contextOf(index: number, about?: RegExp): string | null;
  /**
   * The party a pronoun or a bare role at body offset `end` stands for, by one rule: the person the article last
   * introduced with that role, else the subject of the last clause naming anyone (`referents.ts`); with nobody named
   * within reach, the party acting or speaking in the sentences before (`contextOf`). Null when it stands for an
   * outsider or for nobody the article places.
   */
  referentAt(end: number, role?: string): string | null;
  /** The party of the person last introduced with `role` before offset `end`, skipping `otherThan` (`RoleHolder`). */
  roleHolderAt: RoleHolder;
  /**
   * Whose claim sentence `index` states, from the nearest evidence: the subject before `offset`, the
   * speaker, the sentences just before, the lead. Null when the article never says.
   */
  partyOf(index: number, offset?: number): string | null;
}

export interface ArticlePartiesInput {
  sentences: readonly Sentence[];
  statements: readonly Statement[];
  people: readonly Person[];
  /** People the article names with an office but never quotes, who may be what a pronoun or a role stands for. */
  mentioned?: readonly Person[];
  topics: CompiledTopics;
}

/** How many sentences back a claim may take its party from: a paragraph of wire copy, rarely more. */
const CONTEXT_REACH = 3;

/** Reads the parties of one article once, for every extractor that asks whose a sentence is. */
export function articleParties(article: Article, input: ArticlePartiesInput): ArticleParties {
  const { sentences, statements, topics } = input;
  const people = peopleMentions(input.people, topics);
  const speakers = new Map<number, string | null>();
  const actors = new Map<number, PartyMention[]>();
  const actorsOf = (index: number): PartyMention[] => {
    let found = actors.get(index);
    if (!found) {
      found = actorMentions(sentences[index]?.text ?? '', topics, people);
      actors.set(index, found);
    }
    return found;
  };
  const speakerOf = (index: number): string | null => {
    if (speakers.has(index)) return speakers.get(index) ?? null;
    const sentence = sentences[index];
    const party = sentence
      ? (speakerParty(sentence, article.id, statements, topics) ??
        actorsOf(index).find((m) => isSayer(sentence.text, m))?.id ??
        null)
      : null;
    speakers.set(index, party);
    return party;
  };
  const subjectBefore = (index: number, offset: number): string | null => {
    const text = sentences[index]?.text ?? '';
    const before = actorsOf(index).filter((m) => m.end <= offset);
    return (before.filter((m) => takesStance(text, m)).at(-1) ?? before.at(-1))?.id ?? null;
  };
  const actingIn = (index: number): string | null => {
    const text = sentences[index]?.text ?? '';
    // A delegation or an official acting in any way speaks for its party ("the Ukrainian delegation set out …").
    // Not a party named only in a condition the sentence sets ("… by force if Kyiv did not pull back").
    const acting = actorsOf(index).find(
      (m) => (takesStance(text, m) || m.kind === 'member') && !namedInLaterCondition(text, m),
    );
    return speakerOf(index) ?? acting?.id ?? null;
  };
  const contextOf = (index: number, about?: RegExp): string | null => {
    for (let i = index - 1; i >= Math.max(0, index - CONTEXT_REACH); i--) {
      if (about && !about.test(sentences[i]?.text ?? '')) continue;
      const party = actingIn(i);
      if (party) return party;
    }
    return null;
  };
  // Most articles never need the lead (it is the last resort): read it on first use.
  let lead: Lead | undefined;
  const leadOf = (): Lead => {
    lead ??= leadParty(sentences, actingIn, actorsOf) ?? {
      party: titleParty(article.title, topics, people),
      index: -1,
    };
    return lead;
  };
  const leadFor = (index: number, about?: RegExp): string | null => {
    // The subject test is cheap and usually fails: try it before reading any party.
    const onSubject = (text: string | null | undefined) => !about || (!!text && about.test(text));
    if (
      !onSubject(article.title) &&
      !sentences.slice(0, Math.min(index, LEAD_SENTENCES)).some((s) => onSubject(s.text))
    )
      return null;
    const { party, index: from } = leadOf();
    const text = from < 0 ? article.title : sentences[from]?.text;
    return from < index && onSubject(text) ? party : null;
  };
  const named = namedPeople([...input.people, ...(input.mentioned ?? [])], topics, article.body);
  const referentAt = (end: number, role?: string): string | null => {
    const person = named.personAt(end, role);
    if (person !== undefined) return person;
    const index = sentences.findLastIndex((s) => s.start <= end);
    return index >= 0 ? contextOf(index) : null;
  };
  let voice: { party: string | null } | undefined;
  return {
    referentAt,
    roleHolderAt: named.holderOf,
    get lead() {
      return leadOf().party;
    },
    get voice() {
      voice ??= { party: articleVoice(sentences, statements, topics, () => leadOf().party) };
      return voice.party;
    },
    leadFor,
    beneficiary: topics.config.guaranteeBeneficiary ?? null,
    speakerOf,
    subjectBefore,
    contextOf,
    partyOf: (index, offset = sentences[index]?.text.length ?? 0) =>
      subjectBefore(index, offset) ?? speakerOf(index) ?? contextOf(index) ?? leadFor(index),
  };
}

/** How many quoted statements with a party make an article one side's voice when all are that side's. */
const VOICE_STATEMENTS = 2;

/** The lead of an interview or of one side's statement ("In an interview with …", "said in a statement"). */
const VOICE_FRAME = /\b(?:interview|press release|in a statement|statement (?:posted|published) on)\b/iu;

function articleVoice(
  sentences: readonly Sentence[],
  statements: readonly Statement[],
  topics: CompiledTopics,
  lead: () => string | null,
): string | null {
  if (sentences.slice(0, LEAD_SENTENCES).some((s) => VOICE_FRAME.test(s.text))) {
    const party = lead();
    if (party) return party;
  }
  // Every quoted person with a country: a mediator quoted beside one side makes it no one side's article.
  const sides = statements.flatMap((s) => (s.affiliation ? [s.affiliation] : []));
  const [first] = sides;
  const one = sides.length >= VOICE_STATEMENTS && sides.every((side) => side === first);
  return one && first && topics.partyNames.includes(first) ? first : null;
}

/** The headline, a standfirst and the first sentence of the body: where an outlet names whose news it is. */
const LEAD_SENTENCES = 3;

/** A lead party and the sentence it was read from (-1: the title). */
interface Lead {
  party: string | null;
  index: number;
}

function leadParty(
  sentences: readonly Sentence[],
  actingIn: (index: number) => string | null,
  actorsOf: (index: number) => PartyMention[],
): Lead | null {
  const lead = sentences.slice(0, LEAD_SENTENCES);
  for (const [index] of lead.entries()) {
    const party = actingIn(index);
    if (party) return { party, index };
  }
  // A headline names its subject without a verb of wanting ("Kyiv's list of guarantors").
  const headline = lead.findIndex((s) => isHeadline(s));
  const party = headline >= 0 ? (actorsOf(headline)[0]?.id ?? null) : null;
  return party ? { party, index: headline } : null;
}

/** The party the article's title puts first, when the body's lead names none. */
function titleParty(title: string | null, topics: CompiledTopics, people: PeopleMentions): string | null {
  return title ? (actorMentions(title, topics, people)[0]?.id ?? null) : null;
}
