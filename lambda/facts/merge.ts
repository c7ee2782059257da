import type {
  ArticleFacts,
  Citation,
  CorpusFacts,
  Guarantor,
  MentionedPerson,
  Person,
  Position,
  Statement,
} from './fact.js';
import { compareStrings, groupBy } from './group-by.js';

/*
 * Merging: the same statement, guarantor or position reported by several articles becomes one fact with
 * several citations, each citation keeping its own article's evidence and, where its wording differs
 * from the fact's, that wording (`quote`).
 *
 * - Statements: same speaker key and highly similar text (token overlap), unless the two disagree on a
 *   negation or a number ("will withdraw" / "will not withdraw"): then both facts stay.
 * - Positions: same topic and party and a similar stance, by the same rule.
 * - Guarantors: same country and same proposer; proposers that disagree stay separate facts.
 *
 * Every merged attribute is chosen by an associative rule (union of citations, the wording most
 * citations use, the smallest id, the fullest speaker name), so the result does not depend on the order
 * in which articles arrive, and merging a fact that is already there changes nothing.
 *
 * Speed: facts are grouped by speaker (or topic and party); a small group is compared pair by pair, a
 * large one only where texts share a MinHash key over content words (or the exact wording), so
 * thousands of statements per speaker stay near linear. For those large groups the clustering is
 * approximate (a rare similar pair may not meet); small groups, the usual case, are exact. Two items
 * compare their wordings pair by pair only where a wording shares enough tokens with the other item to
 * reach a threshold (merged facts carry a wording per citation: every pair would cost their product).
 */

// ---------- text similarity ----------

const STOPWORDS = new Set(
  'a an the of to and or in on at for from by with as is are was were be been it its this that these those will would has have had said says he she they we i you his her their our not'.split(
    ' ',
  ),
);
const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'without', 'nt', 'cannot']);

/** Lower-case ASCII word tokens, diacritics and quote marks folded, as the eval scorer reads text. */
export function textTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/n['\u2019]t\b/g, ' nt')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A wording prepared once for many comparisons. */
interface WordingProfile {
  tokens: readonly string[];
  counts: ReadonlyMap<string, number>;
  set: ReadonlySet<string>;
  negated: boolean;
  numbers: string;
}

function profileOf(tokens: readonly string[]): WordingProfile {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return {
    tokens,
    counts,
    set: new Set(tokens),
    negated: tokens.some((t) => NEGATIONS.has(t)),
    numbers: tokens
      .filter((t) => /\d/.test(t))
      .sort()
      .join(' '),
  };
}

/** Token F1 as the eval scorer computes it (multiset overlap). */
function tokenF1(a: WordingProfile, b: WordingProfile): number {
  if (!a.tokens.length || !b.tokens.length) return 0;
  let common = 0;
  for (const [token, n] of a.counts) common += Math.min(n, b.counts.get(token) ?? 0);
  return common ? (2 * common) / (a.tokens.length + b.tokens.length) : 0;
}

/** Share of the shorter text's tokens found in the longer one. */
function containment(a: WordingProfile, b: WordingProfile): number {
  const [short, long] = a.tokens.length <= b.tokens.length ? [a, b] : [b, a];
  if (!short.tokens.length) return 0;
  return short.tokens.filter((t) => long.set.has(t)).length / short.tokens.length;
}

/** A quote shorter than this many words is too short for "one contains the other" to mean "the same". */
const MIN_CONTAINED_TOKENS = 6;
/** Token F1 from which two wordings are the same; the share of the shorter inside the longer, likewise. */
const SAME_F1 = 0.6;
const SAME_CONTAINMENT = 0.9;

function sameProfile(a: WordingProfile, b: WordingProfile): boolean {
  if (a.negated !== b.negated || a.numbers !== b.numbers) return false;
  if (tokenF1(a, b) >= SAME_F1) return true;
  return Math.min(a.tokens.length, b.tokens.length) >= MIN_CONTAINED_TOKENS && containment(a, b) >= SAME_CONTAINMENT;
}

/** A wording and how many of its tokens (with repeats) occur anywhere in the item it is compared with. */
interface SharedTokens {
  profile: WordingProfile;
  shared: number;
  /** Its overlap with some wording of that item could reach SAME_F1. */
  mayOverlap: boolean;
  /** As the shorter of a pair, it could be contained in some wording of that item. */
  mayBeContained: boolean;
}

/** Below the thresholds by more than rounding: a bound that misses one this way proves the pair different. */
const ROUNDING = 1e-9;

function sharedTokens(profile: WordingProfile, shared: number): SharedTokens {
  const length = profile.tokens.length;
  return {
    profile,
    shared,
    // The overlap with a wording of n tokens is at most min(shared, n), so F1 peaks at n = shared.
    mayOverlap: (2 * shared) / (length + shared) >= SAME_F1 - ROUNDING,
    mayBeContained: length >= MIN_CONTAINED_TOKENS && shared / length >= SAME_CONTAINMENT - ROUNDING,
  };
}

/** Whether `sameProfile` can hold for a pair, from the shared-token counts: their overlap is at most either. */
function maySameProfile(a: SharedTokens, b: SharedTokens): boolean {
  const [p, q] = [a.profile, b.profile];
  if (p.negated !== q.negated || p.numbers !== q.numbers) return false;
  const [la, lb] = [p.tokens.length, q.tokens.length];
  if ((2 * Math.min(a.shared, b.shared)) / (la + lb) >= SAME_F1) return true;
  const short = la <= lb ? a : b;
  return short.mayBeContained;
}

/**
 * The tokens of one group's items as integers, so that counting a wording's tokens found in another item
 * is a few array reads: `anySameWording` counts them for every wording of both items of each pair.
 */
class GroupTokens {
  private readonly idOf = new Map<string, number>();
  /** Token ids of each item's wordings, made when the item is first compared. */
  private readonly items = new Map<number, Int32Array[]>();
  /** `marks[id] === stamp`: the token occurs in the item marked last. */
  private marks = new Int32Array(256);
  private stamp = 0;

  constructor(private readonly wordings: readonly Wording[][]) {}

  /** For each wording of item `i`, how many of its tokens (with repeats) occur in some wording of item `j`. */
  sharedWith(i: number, j: number): number[] {
    const [mine, theirs] = [this.tokensOf(i), this.tokensOf(j)];
    const stamp = ++this.stamp;
    for (const ids of theirs) for (const id of ids) this.marks[id] = stamp;
    return mine.map((ids) => {
      let shared = 0;
      for (const id of ids) if (this.marks[id] === stamp) shared++;
      return shared;
    });
  }

  private tokensOf(i: number): Int32Array[] {
    let ids = this.items.get(i);
    if (!ids) {
      ids = (this.wordings[i] ?? []).map((w) => Int32Array.from(w.profile.tokens, (token) => this.intern(token)));
      this.items.set(i, ids);
    }
    return ids;
  }

  private intern(token: string): number {
    let id = this.idOf.get(token);
    if (id === undefined) {
      id = this.idOf.size;
      this.idOf.set(token, id);
      if (id >= this.marks.length) {
        const grown = new Int32Array(this.marks.length * 2);
        grown.set(this.marks);
        this.marks = grown;
      }
    }
    return id;
  }
}

/**
 * Whether some wording of item `i` is `sameProfile` as some wording of item `j`. Items that say different
 * things are the common case and would cost every pair of their wordings, so each wording is first
 * bounded by the tokens it shares with the other item, and only pairs whose bounds can reach a threshold
 * are compared.
 */
function anySameWording(i: number, j: number, wordings: readonly Wording[][], tokens: GroupTokens): boolean {
  const theirShared = tokens.sharedWith(j, i);
  const others = (wordings[j] ?? []).map((w, k) => sharedTokens(w.profile, theirShared[k] ?? 0));
  const containable = others.filter((o) => o.mayBeContained);
  const overlapping = others.filter((o) => o.mayBeContained || o.mayOverlap);
  const myShared = tokens.sharedWith(i, j);
  for (const [k, { profile }] of (wordings[i] ?? []).entries()) {
    const mine = sharedTokens(profile, myShared[k] ?? 0);
    // A pair is the same by overlap (both may overlap) or by containing its shorter one.
    const candidates = mine.mayBeContained ? others : mine.mayOverlap ? overlapping : containable;
    for (const other of candidates) {
      if (maySameProfile(mine, other) && sameProfile(profile, other.profile)) return true;
    }
  }
  return false;
}

/**
 * Whether two wordings say the same thing: most words shared (token F1 >= 0.6), or the shorter (6+
 * words) almost wholly inside the longer (an outlet quoting part of a sentence); never when only one
 * is negated or their numbers differ, which is disagreement, not rewording.
 */
export function sameWording(a: string, b: string): boolean {
  return sameTokens(textTokens(a), textTokens(b));
}

/** `sameWording` of two texts already split by `textTokens`. */
export function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return sameProfile(profileOf(a), profileOf(b));
}

// ---------- candidate keys ----------

const MINHASH_SEEDS = [
  0x2545f491, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1, 0xd3a2646c, 0xfd7046c5, 0xb55a4f09,
  0x7feb352d, 0x846ca68b, 0x68e31da4,
];
/** MinHash values per band: two, so a key is shared only by texts that agree on both. */
const BAND_SIZE = 2;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number, seed: number): number {
  let x = Math.imul(h ^ seed, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Locality-sensitive keys over content words: the exact wording, plus six bands of two MinHash values.
 * Two wordings with Jaccard similarity J share a band with probability 1 - (1 - J^2)^6 (0.98 at
 * J = 0.7), so similar texts meet without comparing all pairs, while texts that share only a few
 * common words rarely do.
 */
function candidateKeys(tokens: readonly string[]): string[] {
  const exact = `=${tokens.join(' ')}`;
  const content = [...new Set(tokens.filter((t) => !STOPWORDS.has(t)))];
  if (!content.length) return [exact];
  const hashes = content.map(fnv1a);
  const mins = MINHASH_SEEDS.map((seed) => {
    let min = 0xffffffff;
    for (const h of hashes) min = Math.min(min, mix(h, seed));
    return min;
  });
  const keys = [exact];
  for (let band = 0; band < mins.length; band += BAND_SIZE) {
    keys.push(`${band}:${mins.slice(band, band + BAND_SIZE).join(',')}`);
  }
  return keys;
}

// ---------- clustering ----------

interface Wording {
  profile: WordingProfile;
  /** The wording's tokens, for its MinHash keys: computed only in a group too large to compare pair by pair. */
  tokens: string[];
}

/** Up to this many items in a group are compared pair by pair (exact); larger groups go through MinHash keys. */
const EXACT_GROUP_SIZE = 64;
/** Bounds the comparisons in one key bucket: a bucket this full holds one cluster already. */
const MAX_BUCKET_COMPARISONS = 16;

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    while (this.parent[i] !== root) {
      const next = this.parent[i] as number;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Up to this many pairs of wordings, two items are compared pair by pair, without bounds first. */
const FEW_WORDING_PAIRS = 4;

/** Links the items of one group whose wordings are `sameWording`: every pair when few, else pairs sharing a MinHash key. */
function linkGroup(indexes: readonly number[], wordings: readonly Wording[][], links: UnionFind): void {
  const tokens = new GroupTokens(wordings);
  const similar = (i: number, j: number) => {
    const [mine, theirs] = [wordings[i] ?? [], wordings[j] ?? []];
    // Bounding pays only when there are many pairs of wordings to spare.
    if (mine.length * theirs.length <= FEW_WORDING_PAIRS) {
      return mine.some((a) => theirs.some((b) => sameProfile(a.profile, b.profile)));
    }
    return anySameWording(i, j, wordings, tokens);
  };
  if (indexes.length <= EXACT_GROUP_SIZE) {
    indexes.forEach((i, n) => {
      for (const j of indexes.slice(0, n)) if (links.find(i) !== links.find(j) && similar(i, j)) links.union(i, j);
    });
    return;
  }
  const buckets = new Map<string, number[]>();
  for (const i of indexes) {
    const compared = new Set<number>();
    for (const key of new Set((wordings[i] ?? []).flatMap((w) => candidateKeys(w.tokens)))) {
      const bucket = buckets.get(key);
      if (!bucket) {
        buckets.set(key, [i]);
        continue;
      }
      // The same wording needs no comparison; a crowded bucket is compared with its latest entries only.
      if (key.startsWith('=')) links.union(i, bucket[0] as number);
      else {
        // One comparison per cluster already met: its other members were linked to it by similarity.
        for (let k = bucket.length - 1; k >= Math.max(0, bucket.length - MAX_BUCKET_COMPARISONS); k--) {
          const j = bucket[k] as number;
          const root = links.find(j);
          if (compared.has(root) || links.find(i) === root) continue;
          compared.add(root);
          if (similar(i, j)) links.union(i, j);
        }
      }
      bucket.push(i);
    }
  }
}

/**
 * Groups items into clusters of the same fact: items of one group (speaker, or topic and party) whose
 * wordings are `sameWording`, transitively. Items are visited in a canonical order, so the clusters
 * depend only on the set of items, not on the order they came in.
 */
function cluster<T>(
  items: readonly T[],
  groupOf: (item: T) => string,
  wordingsOf: (item: T) => string[],
  order: (a: T, b: T) => number,
): T[][] {
  const sorted = [...items].sort(order);
  const wordings = sorted.map((item) =>
    [...new Set(wordingsOf(item))].map((text): Wording => {
      const tokens = textTokens(text);
      return { profile: profileOf(tokens), tokens };
    }),
  );
  const groups = new Map<string, number[]>();
  sorted.forEach((item, i) => {
    const group = groupOf(item);
    const members = groups.get(group);
    if (members) members.push(i);
    else groups.set(group, [i]);
  });
  const links = new UnionFind(sorted.length);
  for (const indexes of groups.values()) linkGroup(indexes, wordings, links);
  const clusters = new Map<number, T[]>();
  sorted.forEach((item, i) => {
    const root = links.find(i);
    const members = clusters.get(root);
    if (members) members.push(item);
    else clusters.set(root, [item]);
  });
  return [...clusters.values()];
}

// ---------- citations ----------

const citationKey = (c: Citation) => `${c.articleId}\u0000${c.evidence}`;

/** A citation with this article's own wording of the fact. */
interface WordedCitation {
  citation: Citation;
  wording: string;
}

function wordedCitations<T extends { citations: Citation[] }>(
  facts: readonly T[],
  textOf: (fact: T) => string,
): WordedCitation[] {
  const byKey = new Map<string, WordedCitation>();
  for (const fact of facts) {
    const text = textOf(fact);
    for (const citation of fact.citations) {
      const key = citationKey(citation);
      const wording = citation.quote ?? text;
      const known = byKey.get(key);
      // The same sentence cited twice with two wordings (two statements in one sentence merged): keep the smaller, deterministically.
      if (!known || wording < known.wording) byKey.set(key, { citation, wording });
    }
  }
  return [...byKey.values()];
}

/** The wording most citations use; ties go to the alphabetically first. */
function majorityWording(cited: readonly WordedCitation[]): string {
  const counts = new Map<string, number>();
  for (const { wording } of cited) counts.set(wording, (counts.get(wording) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0] ?? '';
}

/**
 * The merged citations: those worded as the fact first (so the fact's text is verbatim in the first
 * cited article), then the others with their own wording as `quote`; each group by article and evidence.
 */
function citationsFor(cited: readonly WordedCitation[], text: string): Citation[] {
  return cited
    .map(({ citation, wording }): Citation => {
      const { quote: _ignored, ...rest } = citation;
      return wording === text ? rest : { ...rest, quote: wording };
    })
    .sort(
      (a, b) =>
        Number(a.quote !== undefined) - Number(b.quote !== undefined) ||
        compareStrings(a.articleId, b.articleId) ||
        compareStrings(a.evidence, b.evidence),
    );
}

const smallest = (values: readonly string[]) => [...values].sort(compareStrings)[0];

// ---------- statements ----------

const byId = (a: { id: string }, b: { id: string }) => compareStrings(a.id, b.id);

function mergeStatementCluster(members: readonly Statement[]): Statement {
  const cited = wordedCitations(members, (s: Statement) => s.text);
  const text = majorityWording(cited);
  const [first] = members as [Statement, ...Statement[]];
  const speaker =
    [...members.map((s) => s.speaker)].sort((a, b) => b.length - a.length || compareStrings(a, b))[0] ?? first.speaker;
  return {
    id: smallest(members.map((s) => s.id)) ?? first.id,
    speakerKey: first.speakerKey,
    speaker,
    affiliation: smallest(members.flatMap((s) => (s.affiliation ? [s.affiliation] : []))) ?? null,
    kind: members.some((s) => s.kind === 'direct') ? 'direct' : 'reported',
    text,
    topics: [...new Set(members.flatMap((s) => s.topics))].sort(compareStrings),
    citations: citationsFor(cited, text),
  };
}

/** Same speaker and the same words (allowing rewording) → one statement with every citation. */
export function mergeStatements(existing: Statement[], incoming: Statement[]): Statement[] {
  const wordings = (s: Statement) => [s.text, ...s.citations.flatMap((c) => (c.quote ? [c.quote] : []))];
  return cluster([...existing, ...incoming], (s) => s.speakerKey, wordings, byId)
    .map(mergeStatementCluster)
    .sort(byId);
}

// ---------- guarantors ----------

/** Same country and same proposer → one guarantor with every citation; different proposers stay apart. */
export function mergeGuarantors(existing: Guarantor[], incoming: Guarantor[]): Guarantor[] {
  return [...groupBy([...existing, ...incoming], (g) => `${g.country}\u0000${g.proposedBy ?? ''}`).entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([, members]) => {
      const [first] = members as [Guarantor, ...Guarantor[]];
      const citations = new Map(members.flatMap((g) => g.citations).map((c) => [citationKey(c), c]));
      return {
        country: first.country,
        proposedBy: first.proposedBy,
        citations: [...citations.values()].sort(
          (a, b) => compareStrings(a.articleId, b.articleId) || compareStrings(a.evidence, b.evidence),
        ),
      };
    });
}

// ---------- positions ----------

function mergePositionCluster(members: readonly Position[]): Position {
  const cited = wordedCitations(members, (p: Position) => p.stance);
  const stance = majorityWording(cited);
  const [first] = members as [Position, ...Position[]];
  return {
    id: smallest(members.map((p) => p.id)) ?? first.id,
    topic: first.topic,
    party: first.party,
    stance,
    citations: citationsFor(cited, stance),
  };
}

/** Same topic and party and a similar stance → one position with every citation. */
export function mergePositions(existing: Position[], incoming: Position[]): Position[] {
  const wordings = (p: Position) => [p.stance, ...p.citations.flatMap((c) => (c.quote ? [c.quote] : []))];
  return cluster([...existing, ...incoming], (p) => `${p.topic}\u0000${p.party}`, wordings, byId)
    .map(mergePositionCluster)
    .sort(byId);
}

// ---------- people ----------

/** Same key → one person: the fullest name, every other form as an alias. */
export function mergePeople(existing: Person[], incoming: Person[]): Person[] {
  return [...groupBy([...existing, ...incoming], (p) => p.key).entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([key, members]) => {
      const names = [...new Set(members.flatMap((p) => [p.name, ...p.aliases]))].sort(
        (a, b) => b.length - a.length || compareStrings(a, b),
      );
      const [name = key, ...aliases] = names;
      const affiliation = smallest(members.flatMap((p) => (p.affiliation ? [p.affiliation] : []))) ?? null;
      return { key, name, aliases: aliases.sort(compareStrings), affiliation };
    });
}

/**
 * Same key → one mentioned person with the sentences of every article. Citations are ordered by article
 * only, so each article's own sentences stay in its order and the result does not depend on arrival.
 */
export function mergeMentions(existing: MentionedPerson[], incoming: MentionedPerson[]): MentionedPerson[] {
  return [...groupBy([...existing, ...incoming], (p) => p.key).entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .flatMap(([, members]) =>
      mergePeople([], members).map((person) => {
        const citations = new Map(members.flatMap((p) => p.citations).map((c) => [citationKey(c), c]));
        return {
          ...person,
          citations: [...citations.values()].sort((a, b) => compareStrings(a.articleId, b.articleId)),
        };
      }),
    );
}

/** Merges every article's facts into corpus facts (in one pass, so a large corpus is clustered once). */
export function mergeArticleFacts(all: ArticleFacts[]): CorpusFacts {
  return {
    people: mergePeople(
      [],
      all.flatMap((f) => f.people),
    ),
    mentions: mergeMentions(
      [],
      all.flatMap((f) => f.mentions),
    ),
    statements: mergeStatements(
      [],
      all.flatMap((f) => f.statements),
    ),
    guarantors: mergeGuarantors(
      [],
      all.flatMap((f) => f.guarantors),
    ),
    positions: mergePositions(
      [],
      all.flatMap((f) => f.positions),
    ),
  };
}
