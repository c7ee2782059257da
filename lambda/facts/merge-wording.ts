/*
 * When two wordings say the same thing: token F1 or containment over folded word tokens, the rule
 * merging applies to statements and positions (and the eval scorer's way of reading text).
 */

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
export interface WordingProfile {
  tokens: readonly string[];
  counts: ReadonlyMap<string, number>;
  set: ReadonlySet<string>;
  negated: boolean;
  numbers: string;
}

export function profileOf(tokens: readonly string[]): WordingProfile {
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
export const MIN_CONTAINED_TOKENS = 6;
/** Token F1 from which two wordings are the same; the share of the shorter inside the longer, likewise. */
export const SAME_F1 = 0.6;
export const SAME_CONTAINMENT = 0.9;

export function sameProfile(a: WordingProfile, b: WordingProfile): boolean {
  if (a.negated !== b.negated || a.numbers !== b.numbers) return false;
  if (tokenF1(a, b) >= SAME_F1) return true;
  return Math.min(a.tokens.length, b.tokens.length) >= MIN_CONTAINED_TOKENS && containment(a, b) >= SAME_CONTAINMENT;
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

export interface Wording {
  profile: WordingProfile;
  /** The wording's tokens, for its MinHash keys: computed only in a group too large to compare pair by pair. */
  tokens: string[];
}
