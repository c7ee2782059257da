import type { Prediction } from '../../lambda/facts/prediction.js';

/*
 * The project's own implementation of the matching rules in the eval README (../shared/eval/README.md),
 * so the quality guarantee travels with the project: per article, each gold fact matches at most one
 * predicted fact that cites that article.
 *   statements: same speaker (last names equal, or within edit distance 2 for 5+ letters) and text
 *     token F1 >= 0.5, or 80% of the gold text's tokens in the evidence cited for that article;
 *   guarantors: same country after aliasing;
 *   positions: same topic and party, and cited evidence with token F1 >= 0.5 or 80% containment.
 */

export interface GoldFile {
  statements?: { speaker: string; affiliation?: string | null; kind: string; text: string }[];
  guarantors?: { country: string; proposed_by?: string | null; evidence: string }[];
  positions?: { topic: string; party: string; stance: string; evidence: string }[];
}
export type Gold = Record<string, GoldFile>;

export interface CategoryScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  missed: string[];
  extra: string[];
}

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

export const tokens = (s: string) =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

export function tokenF1(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.length || !tb.length) return 0;
  const left = new Map<string, number>();
  for (const t of tb) left.set(t, (left.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = left.get(t) ?? 0;
    if (n) {
      common++;
      left.set(t, n - 1);
    }
  }
  return common ? (2 * common) / (ta.length + tb.length) : 0;
}

/** Share of `a`'s tokens that occur in `b`. */
export function containment(a: string, b: string): number {
  const ta = tokens(a);
  const tb = new Set(tokens(b));
  return ta.length ? ta.filter((t) => tb.has(t)).length / ta.length : 0;
}

/** The shared scorer's position match: overlapping evidence, or a cited sentence of 5+ words inside a longer one. */
export const evidenceMatches = (reference: string, cited: string): boolean =>
  tokenF1(reference, cited) >= 0.5 ||
  containment(reference, cited) >= 0.8 ||
  (tokens(cited).length >= 5 && containment(cited, reference) >= 0.9);

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export function sameSpeaker(a: string, b: string): boolean {
  const x = tokens(a).at(-1) ?? '';
  const y = tokens(b).at(-1) ?? '';
  if (!x || !y) return false;
  return x === y || (Math.min(x.length, y.length) >= 5 && editDistance(x, y) <= 2);
}

const COUNTRY_ALIASES: Record<string, string> = {
  us: 'united states',
  'u s': 'united states',
  usa: 'united states',
  america: 'united states',
  'united states of america': 'united states',
  'the united states': 'united states',
  'the us': 'united states',
  uk: 'united kingdom',
  'u k': 'united kingdom',
  britain: 'united kingdom',
  'great britain': 'united kingdom',
  'the uk': 'united kingdom',
  turkiye: 'turkey',
  'russian federation': 'russia',
};
/** A country's name after the scorer's aliasing ("U.S." and "America" are "united states"). */
export const country = (s: string) => {
  const n = tokens(s).join(' ');
  return COUNTRY_ALIASES[n] ?? n;
};
/** A party's name after the scorer's aliasing ("Kremlin" and "Russian" are "russia"). */
export const party = (s: string) => {
  const n = tokens(s).join(' ');
  if (/^russia(n)?( federation)?$/.test(n) || n === 'moscow' || n === 'kremlin') return 'russia';
  if (/^ukrain(e|ian)$/.test(n) || n === 'kyiv' || n === 'kiev') return 'ukraine';
  return country(s);
};

type Item = { citations: { articleId: string; evidence: string }[] };

function scoreCategory<G, P extends Item>(
  gold: Gold,
  goldOf: (file: GoldFile) => G[],
  predicted: P[],
  filesOf: (articleId: string) => string[],
  match: (g: G, p: P, evidence: string[]) => boolean,
  label: (x: G | P) => string,
): CategoryScore {
  let tp = 0;
  const missed: string[] = [];
  const extra: string[] = [];
  for (const [file, labels] of Object.entries(gold)) {
    const inFile = predicted.filter((p) => p.citations.some((c) => filesOf(c.articleId).includes(file)));
    const used = new Set<number>();
    for (const g of goldOf(labels)) {
      const j = inFile.findIndex(
        (p, k) =>
          !used.has(k) &&
          match(
            g,
            p,
            p.citations.filter((c) => filesOf(c.articleId).includes(file)).map((c) => c.evidence),
          ),
      );
      if (j < 0) missed.push(`${file}: ${label(g)}`);
      else {
        used.add(j);
        tp++;
      }
    }
    inFile.forEach((p, k) => {
      if (!used.has(k)) extra.push(`${file}: ${label(p)}`);
    });
  }
  const fp = extra.length;
  const fn = missed.length;
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1, missed, extra };
}

/** Scores a prediction against gold labels, per category. */
export function scorePrediction(gold: Gold, prediction: Prediction) {
  const files = new Map(prediction.articles.map((a) => [a.id, [a.file, ...a.files]]));
  const filesOf = (articleId: string) => files.get(articleId) ?? [];
  const overlaps = (goldEvidence: string, evidence: string[]) =>
    evidence.some((e) => tokenF1(goldEvidence, e) >= 0.5 || containment(goldEvidence, e) >= 0.8);
  return {
    statements: scoreCategory(
      gold,
      (f) => f.statements ?? [],
      prediction.statements,
      filesOf,
      (g, p, evidence) =>
        sameSpeaker(g.speaker, p.speaker) &&
        (tokenF1(g.text, p.text) >= 0.5 || evidence.some((e) => containment(g.text, e) >= 0.8)),
      (x) => `${x.speaker}: ${x.text.slice(0, 80)}`,
    ),
    guarantors: scoreCategory(
      gold,
      (f) => f.guarantors ?? [],
      prediction.guarantors,
      filesOf,
      (g, p) => country(g.country) === country(p.country),
      (x) => x.country,
    ),
    positions: scoreCategory(
      gold,
      (f) => f.positions ?? [],
      prediction.positions,
      filesOf,
      (g, p, evidence) => g.topic === p.topic && party(g.party) === party(p.party) && overlaps(g.evidence, evidence),
      (x) => `${x.topic}/${x.party}: ${x.stance.slice(0, 80)}`,
    ),
  };
}
