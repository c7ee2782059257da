import { escapeRegex } from '../shared/escape-regex.js';
import { memoizeByString } from '../shared/memoize.js';
import type { Person, Position } from './fact.js';
import type { PositionRejection } from './rejection-trace.js';
import type { Sentence } from './sentences.js';
import { surnameOf } from './speaker-key.js';
import { type CompiledTopics, phrasesAlternatives } from './topics.js';

/*
 * Position candidates generated at least as widely as the naive baseline does (issue 17): every sentence of the
 * article, and its headline, that names a configured topic and a party — by a name, an adjective or a word that starts
 * like one ("Russian-held", "Kremlin's"), a mention the rules read as the party's (its officials, its proposal), or a
 * person the article gives that party. One candidate per (sentence, topic, party), each with what the rules made of it:
 * kept, rejected by a named rule (the rejection trace), given to the other party, or never judged. The position scorer
 * (position-scorer.ts) reads these; production and the training script build them the same way.
 */

/** What the rules made of a candidate: `kept`, a rejection rule's name, `held-by-other-party` or `unjudged`. */
type RuleVerdict = string;

export const KEPT = 'kept';
export const HELD_BY_OTHER_PARTY = 'held-by-other-party';
export const UNJUDGED = 'unjudged';

export interface PositionCandidate {
  topic: string;
  party: string;
  /** The sentence, verbatim: a body sentence, or the headline. */
  text: string;
  /** Index among the body's sentences; -1 for the headline. */
  index: number;
  headline: boolean;
  /** How the sentence names each party (for a list item whose lead names the party, how the lead does). */
  named: NamedParties;
  /** The party is named only by the sentence introducing the list the sentence is an item of. */
  listLead: boolean;
  verdict: RuleVerdict;
}

/** Lower-case word tokens, as the shared scorer compares evidence. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The share of `inner`'s tokens that occur in `outer`. */
function containment(inner: readonly string[], outer: ReadonlySet<string>): number {
  if (inner.length === 0) return 0;
  let hit = 0;
  for (const t of inner) if (outer.has(t)) hit++;
  return hit / inner.length;
}

interface Tokenized {
  list: string[];
  set: Set<string>;
}

/** Tokens of a text, remembered for the texts one reading compares again and again. */
export type Tokenizer = (text: string) => Tokenized;

const tokenize: Tokenizer = (text) => {
  const list = wordTokens(text);
  return { list, set: new Set(list) };
};

/** A tokenizer that remembers every text it read: one a reading, never shared, so that it holds no article long. */
export function memoTokenizer(): Tokenizer {
  const seen = new Map<string, Tokenized>();
  return (text) => {
    let t = seen.get(text);
    if (!t) {
      t = tokenize(text);
      seen.set(text, t);
    }
    return t;
  };
}

/** Two renderings of one sentence or clause: most of one's words are in the other (splitters and clauses differ). */
export function sameSentence(a: string, b: string, tokens: Tokenizer = tokenize): boolean {
  if (a === b || a.includes(b) || b.includes(a)) return true;
  const ta = tokens(a);
  const tb = tokens(b);
  return containment(ta.list, tb.set) >= 0.8 || containment(tb.list, ta.set) >= 0.8;
}

/** Per configured party, a wide pattern: any of its names or adjectives at a word start, any ending after it. */
interface WideParties {
  names: readonly string[];
  patterns: ReadonlyMap<string, RegExp>;
}

const wideCache = new WeakMap<CompiledTopics, WideParties>();

export function wideParties(topics: CompiledTopics): WideParties {
  const cached = wideCache.get(topics);
  if (cached) return cached;
  const patterns = new Map<string, RegExp>();
  for (const party of topics.config.parties) {
    const words = [...party.variants, ...(party.adjectives ?? [])].map((w) => w.replace(/^the\s+/iu, ''));
    patterns.set(party.name, new RegExp(`(?<![\\p{L}\\p{N}])${phrasesAlternatives(words)}`, 'iu'));
  }
  const wide = { names: topics.partyNames, patterns };
  wideCache.set(topics, wide);
  return wide;
}

/** A surname as a word between non-letters; compiled once per surname, not once per reading that places its person. */
const surnameAsWord = memoizeByString((last) => new RegExp(`(?<![\\p{L}])${escapeRegex(last)}(?![\\p{L}])`, 'u'));

/** A person the article gives a configured party, found by surname. */
interface PlacedSurname {
  party: string;
  pattern: RegExp;
}

/** The article's people whom its affiliations give a configured party, as surname patterns. */
function placedSurnames(
  people: readonly Pick<Person, 'name' | 'affiliation'>[],
  topics: CompiledTopics,
): PlacedSurname[] {
  const out: PlacedSurname[] = [];
  for (const p of people) {
    if (!p.affiliation || !topics.partyNames.includes(p.affiliation)) continue;
    const last = surnameOf(p.name);
    if (last.length < 2) continue;
    out.push({ party: p.affiliation, pattern: surnameAsWord(last) });
  }
  return out;
}

/** Which configured parties a sentence names widely, and how. */
interface NamedParties {
  /** By a name, an adjective or a word starting like one. */
  byWord: ReadonlySet<string>;
  /** By a mention the rules read as the party acting (its name, its officials, its proposal). */
  byMention: ReadonlySet<string>;
  /** Through a person the article gives the party. */
  byPerson: ReadonlySet<string>;
  /** Where the party's wide pattern (a name, an adjective or a word starting like one) first matches, for `byWord`. */
  wordAt: ReadonlyMap<string, number>;
  /** Where the sentence first names each party, by any of the three. */
  firstAt: ReadonlyMap<string, number>;
  all: readonly string[];
}

function partiesNamed(text: string, topics: CompiledTopics, placed: readonly PlacedSurname[]): NamedParties {
  const wide = wideParties(topics);
  const firstAt = new Map<string, number>();
  const at = (party: string, index: number) => {
    const seen = firstAt.get(party);
    if (seen === undefined || index < seen) firstAt.set(party, index);
  };
  const byWord = new Set<string>();
  const wordAt = new Map<string, number>();
  for (const name of wide.names) {
    const m = wide.patterns.get(name)?.exec(text);
    if (!m) continue;
    byWord.add(name);
    wordAt.set(name, m.index);
    at(name, m.index);
  }
  const byMention = new Set<string>();
  for (const m of topics.partyMentions(text)) {
    byMention.add(m.id);
    at(m.id, m.start);
  }
  const byPerson = new Set<string>();
  for (const p of placed) {
    const m = p.pattern.exec(text);
    if (!m) continue;
    byPerson.add(p.party);
    at(p.party, m.index);
  }
  const all = wide.names.filter((n) => firstAt.has(n));
  return { byWord, byMention, byPerson, wordAt, firstAt, all };
}

/** A reading's parts the candidates are judged against. */
interface CandidateContext {
  title: string | null;
  sentences: readonly Sentence[];
  topics: CompiledTopics;
  people: readonly Pick<Person, 'name' | 'affiliation'>[];
  /** The positions the rules kept for this reading. */
  positions: readonly Position[];
  /** The position rejections the rules named in this reading. */
  rejections: readonly PositionRejection[];
  /** The reading's tokenizer, when the scorer compares the same texts after (`applyPositionScorer`). */
  tokens?: Tokenizer;
}

/** Every (sentence, topic, party) candidate of a reading, with the rules' verdict on it. */
export function positionCandidates(context: CandidateContext): PositionCandidate[] {
  const { title, sentences, topics, people } = context;
  const lines: { text: string; index: number; headline: boolean }[] = [];
  if (title?.trim()) lines.push({ text: title.trim(), index: -1, headline: true });
  sentences.forEach((s, index) => {
    lines.push({ text: s.text, index, headline: false });
  });
  const placed = placedSurnames(people, topics);
  const tokens = context.tokens ?? memoTokenizer();
  const out: PositionCandidate[] = [];
  // The sentence that introduces the list a sentence belongs to ("… the following demands:" before its items).
  let lead: NamedParties | null = null;
  let afterMarker = false;
  for (const line of lines) {
    const text = line.text;
    if (!line.headline && !LIST_ITEM.test(text) && !afterMarker) lead = null;
    afterMarker = !line.headline && ITEM_MARKER.test(text);
    const topicIds = topics.topicsIn(text);
    const own = topicIds.length || LIST_LEAD.test(text) ? partiesNamed(text, topics, placed) : null;
    if (topicIds.length && own) {
      // A list item names its topic; its lead may name the side whose list it is.
      const fromLead = (lead?.all ?? []).filter((party) => !own.all.includes(party));
      for (const topic of topicIds) {
        for (const party of own.all) {
          out.push({
            topic,
            party,
            ...line,
            named: own,
            listLead: false,
            verdict: ruleVerdict(topic, party, text, context, tokens),
          });
        }
        for (const party of fromLead) {
          const named = lead as NamedParties;
          out.push({
            topic,
            party,
            ...line,
            named,
            listLead: true,
            verdict: ruleVerdict(topic, party, text, context, tokens),
          });
        }
      }
    }
    if (!line.headline && own && LIST_LEAD.test(text)) lead = own;
  }
  return out;
}

/** A sentence that opens a list: it ends in a colon (bullets after it on the same line included). */
const LIST_LEAD = /:\s*(?:[-\u2022*\u2013]\s|$)/u;
/** A list item: it opens with a bullet or a number. */
const LIST_ITEM = /^\s*(?:[-\u2022*\u2013]|\d{1,2}[.)])(?:\s|$)/u;
/** A number alone, which the splitter cuts from its item ("1." then "Crimea stays."). */
const ITEM_MARKER = /^\s*\d{1,2}[.)]\s*$/u;

/** Kept when a rule position of the topic and party cites the sentence; else the rule that rejected it, if any. */
function ruleVerdict(
  topic: string,
  party: string,
  text: string,
  context: CandidateContext,
  tokens: Tokenizer,
): RuleVerdict {
  const here = context.positions.filter(
    (p) => p.topic === topic && p.citations.some((c) => sameSentence(c.evidence, text, tokens)),
  );
  if (here.some((p) => p.party === party)) return KEPT;
  const judged = context.rejections.filter((r) => r.topic === topic && sameSentence(r.sentence, text, tokens));
  const rejection = judged.find((r) => r.party === party) ?? judged.find((r) => r.party === null);
  if (rejection) return rejection.rule;
  if (here.length) return HELD_BY_OTHER_PARTY;
  return judged[0]?.rule ?? UNJUDGED;
}
