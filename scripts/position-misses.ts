/**
 * What the position scorer does not reach (issue 17, branch fit): every gold position of the tune half, given or
 * missed, and why, from the cross-validation's own files, in counts only (no article text is printed).
 *
 *   npm run train:position-scorer -- --dump D.json --predictions P.json
 *   node --import tsx scripts/position-misses.ts D.json P.json GOLD.json [unread groups, default 89e]
 *
 * The dump's `.heldout.json` holds each candidate's held-out score and its fold's add threshold. A gold position is
 * given when a pooled held-out position of its topic and party cites matching evidence; else it is missed because its
 * best candidate (same topic and party, matching sentence) was scored below its threshold (by the rejecting rule),
 * scored over it and then filtered, kept by the rules and still not matched, or because it has no candidate of its
 * topic and party (`otherCandidate`: the sentence is a candidate for another topic or party only). Predicted positions
 * matching no gold are charged to a rule position whose sentence is a candidate, to the scorer's additions, or to a
 * rule position carried from context (its sentence is no candidate of its topic and party: a pronoun, a clause).
 */
import { readFileSync } from 'node:fs';
import { evidenceMatches, party } from '../test/facts/seed-scoring.js';

export interface MissRow {
  file: string;
  topic: string;
  party: string;
  verdict: string;
  text: string;
  score: number;
  threshold: number;
}

interface Side {
  topic: string;
  party: string;
}

export interface PredictedPosition extends Side {
  file: string;
  evidence: string;
}

export interface GoldPosition extends Side {
  evidence: string;
}

export type Outcome =
  | { kind: 'given' }
  | { kind: 'below'; verdict: string; margin: number }
  | { kind: 'filtered'; verdict: string }
  | { kind: 'kept-unmatched' }
  | { kind: 'other-candidate' }
  | { kind: 'no-candidate' };

const same = (a: Side, b: Side) => a.topic === b.topic && party(a.party) === party(b.party);

/** Why one gold position of a report was given or missed. */
export function goldOutcome(
  g: GoldPosition,
  predicted: readonly PredictedPosition[],
  candidates: readonly MissRow[],
): Outcome {
  if (predicted.some((p) => same(p, g) && evidenceMatches(g.evidence, p.evidence))) return { kind: 'given' };
  const mine = candidates.filter((c) => same(c, g) && evidenceMatches(g.evidence, c.text));
  if (mine.length === 0) {
    return candidates.some((c) => evidenceMatches(g.evidence, c.text))
      ? { kind: 'other-candidate' }
      : { kind: 'no-candidate' };
  }
  const best = mine.reduce((a, b) => (b.score > a.score ? b : a));
  if (best.verdict === 'kept') return { kind: 'kept-unmatched' };
  if (best.score >= best.threshold) return { kind: 'filtered', verdict: best.verdict };
  return { kind: 'below', verdict: best.verdict, margin: best.threshold - best.score };
}

/** Where a predicted position matching no gold came from. */
export function extraSource(p: PredictedPosition, candidates: readonly MissRow[]): 'rule' | 'scorer' | 'carried' {
  const mine = candidates.filter(
    (c) =>
      same(c, p) &&
      (c.text === p.evidence || evidenceMatches(c.text, p.evidence) || evidenceMatches(p.evidence, c.text)),
  );
  if (mine.some((c) => c.verdict === 'kept')) return 'rule';
  if (mine.some((c) => c.score >= c.threshold)) return 'scorer';
  return 'carried';
}

/** A margin below the threshold in three bands: near (under .1), mid, far (a score under .1). */
export const band = (o: { margin: number }, score: number) => (o.margin <= 0.1 ? 'near' : score >= 0.1 ? 'mid' : 'far');

function main(argv: readonly string[]): void {
  const [dumpFile, predictionFile, goldFile, unreadArg = '89e'] = argv;
  if (!dumpFile || !predictionFile || !goldFile) {
    console.error('usage: position-misses.ts DUMP.json PREDICTIONS.json GOLD.json [unread groups]');
    process.exit(2);
  }
  const read = (f: string) => JSON.parse(readFileSync(f, 'utf8'));
  const dump = read(dumpFile) as { rows: Omit<MissRow, 'score' | 'threshold'>[] };
  const held = read(`${dumpFile}.heldout.json`) as { score: number; addThreshold: number }[];
  const prediction = read(predictionFile) as {
    articles: { id: string; file: string }[];
    positions: (Side & { citations: { articleId: string; evidence: string }[] })[];
  };
  const gold = read(goldFile) as Record<string, { positions?: GoldPosition[] }>;
  const rows: MissRow[] = dump.rows.map((r, k) => ({
    ...r,
    score: held[k]?.score ?? 0,
    threshold: held[k]?.addThreshold ?? 1,
  }));
  const fileOf = new Map(prediction.articles.map((a) => [a.id, a.file]));
  const predictedOf = new Map<string, PredictedPosition[]>();
  for (const p of prediction.positions) {
    for (const c of p.citations) {
      const file = fileOf.get(c.articleId);
      if (file) predictedOf.set(file, [...(predictedOf.get(file) ?? []), { ...p, file, evidence: c.evidence }]);
    }
  }
  const rowsOf = new Map<string, MissRow[]>();
  for (const r of rows) rowsOf.set(r.file, [...(rowsOf.get(r.file) ?? []), r]);

  const counts = new Map<string, Map<string, number>>();
  const bump = (group: string, key: string) => {
    const c = counts.get(group) ?? new Map<string, number>();
    c.set(key, (c.get(key) ?? 0) + 1);
    counts.set(group, c);
  };
  for (const [file, facts] of Object.entries(gold)) {
    const group = file.charAt(0);
    const candidates = rowsOf.get(file) ?? [];
    for (const g of facts.positions ?? []) {
      bump(group, 'gold');
      const o = goldOutcome(g, predictedOf.get(file) ?? [], candidates);
      bump(group, o.kind);
      if (o.kind === 'below') {
        const best = candidates
          .filter((c) => same(c, g) && evidenceMatches(g.evidence, c.text))
          .reduce((a, b) => (b.score > a.score ? b : a));
        bump(group, `below:${band(o, best.score)}`);
        bump(group, `rule:${o.verdict}`);
      }
    }
    for (const p of predictedOf.get(file) ?? []) {
      const matched = (facts.positions ?? []).some((g) => same(p, g) && evidenceMatches(g.evidence, p.evidence));
      if (!matched) bump(group, `extra:${extraSource(p, candidates)}`);
    }
  }
  const groups = [...counts.keys()].sort();
  const sets: [string, string[]][] = [
    ...groups.map((g) => [g, [g]] as [string, string[]]),
    ['all', groups],
    [`unread ${unreadArg}`, [...unreadArg]],
    ['recent efg', ['e', 'f', 'g']],
  ];
  const total = (gs: readonly string[], key: string) => gs.reduce((s, g) => s + (counts.get(g)?.get(key) ?? 0), 0);
  console.log(
    '| group | gold | given | scored below threshold (near / mid / far) | filtered after scoring | kept, unmatched | ' +
      'a candidate only for another topic or party | no candidate | extras: rule / scorer / carried |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [name, gs] of sets) {
    const t = (k: string) => total(gs, k);
    console.log(
      `| ${name} | ${t('gold')} | ${t('given')} | ${t('below')} (${t('below:near')} / ${t('below:mid')} / ${t('below:far')}) | ` +
        `${t('filtered')} | ${t('kept-unmatched')} | ${t('other-candidate')} | ${t('no-candidate')} | ` +
        `${t('extra:rule')} / ${t('extra:scorer')} / ${t('extra:carried')} |`,
    );
  }
  const rules = [...new Set(groups.flatMap((g) => [...(counts.get(g)?.keys() ?? [])]))]
    .filter((k) => k.startsWith('rule:'))
    .sort((a, b) => total(groups, b) - total(groups, a));
  console.log(
    '\n| rejecting rule of a missed gold position scored below | all | other read groups | unread | recent efg | round 17 (g) |',
  );
  console.log('|---|---|---|---|---|---|');
  const earlier = groups.filter((g) => ![...unreadArg, 'e', 'f', 'g'].includes(g));
  for (const k of rules) {
    console.log(
      `| ${k.slice(5)} | ${total(groups, k)} | ${total(earlier, k)} | ${total([...unreadArg], k)} | ` +
        `${total(['e', 'f', 'g'], k)} | ${total(['g'], k)} |`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
