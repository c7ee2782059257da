import type { Article } from '../lambda/articles/article.js';
import { createArticleReader, settleCorpusFacts } from '../lambda/facts/extract.js';
import type { ArticleFacts } from '../lambda/facts/fact.js';
import type { Rejection } from '../lambda/facts/rejection-trace.js';
import { defaultTopicsConfig, type TopicsConfig } from '../lambda/facts/topics.js';
import { containment, country, evidenceMatches, type Gold, party } from '../test/facts/seed-scoring.js';

/*
 * The candidate accounting (issue 17: "generate candidates at least as widely as the baseline does, then
 * reject with explicit rules"). Every guarantor and position the naive baseline (../shared/eval/baseline.mjs)
 * proposes is a candidate; for each it says whether the extractor kept it (a fact it extracted covers it, as
 * the scorer would match them) or rejected it, and by which rule (the extractor's rejection trace,
 * lambda/facts/rejection-trace.ts). A candidate the gold labels and the extractor rejected is a recall leak,
 * charged to its rule. Matching follows the eval README's rules (test/facts/seed-scoring.ts).
 */

/** What the baseline prints, as far as the accounting reads it: its article ids are file names. */
export interface BaselineCandidates {
  guarantors: { country: string; citations: { articleId: string; evidence: string }[] }[];
  positions: { topic: string; party: string; citations: { articleId: string; evidence: string }[] }[];
}

export type Category = 'guarantors' | 'positions';

/** One candidate of the baseline and what became of it. */
export interface CandidateVerdict {
  category: Category;
  file: string;
  /** The country, or `topic/party`. */
  label: string;
  sentence: string;
  /** `kept`, or the name of the rule that rejected it. */
  verdict: string;
  /** The gold labels this candidate (a fact the scorer would match to it). */
  gold: boolean;
}

/** Verdicts no rule of the extractor names, given by the accounting itself. */
export const DERIVED_VERDICTS = {
  /** The extractor gave the sentence's topic to the other party. */
  otherParty: 'held-by-other-party',
  /** The extractor read no such candidate: another sentence split, a country or topic it does not recognise. */
  unread: 'never-a-candidate',
} as const;

/** The sentence of a rejection is the candidate's: one holds most of the other's words (the splitters differ). */
const sameSentence = (a: string, b: string) => containment(a, b) >= 0.8 || containment(b, a) >= 0.8;

/** A gold fact that no baseline candidate matches: the recall that wider candidates would have to find. */
export interface GoldOutside {
  category: Category;
  file: string;
  label: string;
  evidence: string;
  /** The extractor finds it all the same. */
  found: boolean;
}

export interface Accounting {
  verdicts: CandidateVerdict[];
  outside: GoldOutside[];
}

interface Extracted {
  facts: ArticleFacts;
  rejections: Rejection[];
}

/**
 * Extracts every article with the rejection trace on, through the eval's own corpus pass (`settleCorpusFacts`: a
 * second reading with what the corpus knows of people, then the guarantors the corpus knows), and judges each
 * baseline candidate against the facts the eval scores. Candidates are keyed by file, as the baseline and the gold
 * are; an article read from several files answers for each.
 */
export function accountCandidates(
  articles: readonly Article[],
  baseline: BaselineCandidates,
  gold: Gold,
  topicsConfig: TopicsConfig = defaultTopicsConfig,
): Accounting {
  // Each reading's rejections: an article read a second time (its people placed by the corpus) keeps the second's.
  const traces = new Map<Article, Rejection[]>();
  let rejections: Rejection[] = [];
  const read = createArticleReader(topicsConfig, (rejection) => rejections.push(rejection));
  const settled = settleCorpusFacts(
    articles,
    (article, corpus) => {
      rejections = [];
      traces.set(article, rejections);
      return read(article, corpus);
    },
    topicsConfig,
  );
  const byFile = new Map<string, Extracted>();
  for (const [i, article] of articles.entries()) {
    const extracted = { facts: settled[i] as ArticleFacts, rejections: traces.get(article) ?? [] };
    for (const file of article.files) byFile.set(file, extracted);
  }
  const verdicts: CandidateVerdict[] = [];
  const seen = new Set<string>();
  const push = (verdict: CandidateVerdict) => {
    const key = `${verdict.category}\u0000${verdict.file}\u0000${verdict.label}\u0000${verdict.sentence}`;
    if (seen.has(key)) return;
    seen.add(key);
    verdicts.push(verdict);
  };
  for (const candidate of baseline.guarantors) {
    for (const { articleId: file, evidence: sentence } of candidate.citations) {
      const name = country(candidate.country);
      const extracted = byFile.get(file);
      const isGold = (gold[file]?.guarantors ?? []).some((g) => country(g.country) === name);
      push({
        category: 'guarantors',
        file,
        label: name,
        sentence,
        verdict: extracted ? guarantorVerdict(name, sentence, extracted) : DERIVED_VERDICTS.unread,
        gold: isGold,
      });
    }
  }
  for (const candidate of baseline.positions) {
    for (const { articleId: file, evidence: sentence } of candidate.citations) {
      const side = party(candidate.party);
      const extracted = byFile.get(file);
      const isGold = (gold[file]?.positions ?? []).some(
        (g) => g.topic === candidate.topic && party(g.party) === side && evidenceMatches(g.evidence, sentence),
      );
      push({
        category: 'positions',
        file,
        label: `${candidate.topic}/${side}`,
        sentence,
        verdict: extracted ? positionVerdict(candidate.topic, side, sentence, extracted) : DERIVED_VERDICTS.unread,
        gold: isGold,
      });
    }
  }
  return { verdicts, outside: goldOutside(gold, baseline, byFile) };
}

function goldOutside(gold: Gold, baseline: BaselineCandidates, byFile: ReadonlyMap<string, Extracted>): GoldOutside[] {
  const cited = <T extends { citations: { articleId: string; evidence: string }[] }>(items: T[], file: string) =>
    items.flatMap((item) =>
      item.citations.filter((c) => c.articleId === file).map((c) => ({ item, sentence: c.evidence })),
    );
  const outside: GoldOutside[] = [];
  for (const [file, labels] of Object.entries(gold)) {
    const facts = byFile.get(file)?.facts;
    const guarantors = cited(baseline.guarantors, file);
    for (const g of labels.guarantors ?? []) {
      const name = country(g.country);
      if (guarantors.some(({ item }) => country(item.country) === name)) continue;
      const found = (facts?.guarantors ?? []).some((f) => country(f.country) === name);
      outside.push({ category: 'guarantors', file, label: name, evidence: g.evidence, found });
    }
    const positions = cited(baseline.positions, file);
    for (const g of labels.positions ?? []) {
      const side = party(g.party);
      const same = (topic: string, holder: string) => topic === g.topic && party(holder) === side;
      if (
        positions.some(({ item, sentence }) => same(item.topic, item.party) && evidenceMatches(g.evidence, sentence))
      ) {
        continue;
      }
      const found = (facts?.positions ?? []).some(
        (p) => same(p.topic, p.party) && p.citations.some((c) => evidenceMatches(g.evidence, c.evidence)),
      );
      outside.push({ category: 'positions', file, label: `${g.topic}/${side}`, evidence: g.evidence, found });
    }
  }
  return outside;
}

/** Kept when the article has a guarantor of that country (the scorer matches by country); else the rule that dropped it here. */
function guarantorVerdict(name: string, sentence: string, { facts, rejections }: Extracted): string {
  if (facts.guarantors.some((g) => country(g.country) === name)) return 'kept';
  const rejection = rejections.find(
    (r) => r.category === 'guarantors' && country(r.country) === name && sameSentence(r.sentence, sentence),
  );
  return rejection?.rule ?? DERIVED_VERDICTS.unread;
}

/** Kept when a position of that topic and party cites this sentence; else the rule that dropped it, or the party that took it. */
function positionVerdict(topic: string, side: string, sentence: string, { facts, rejections }: Extracted): string {
  const here = facts.positions.filter(
    (p) => p.topic === topic && p.citations.some((c) => evidenceMatches(sentence, c.evidence)),
  );
  if (here.some((p) => party(p.party) === side)) return 'kept';
  const judged = rejections.filter(
    (r): r is Extract<Rejection, { category: 'positions' }> =>
      r.category === 'positions' && r.topic === topic && sameSentence(r.sentence, sentence),
  );
  const rejection =
    judged.find((r) => r.party !== null && party(r.party) === side) ?? judged.find((r) => r.party === null);
  if (rejection) return rejection.rule;
  return here.length ? DERIVED_VERDICTS.otherParty : (judged[0]?.rule ?? DERIVED_VERDICTS.unread);
}

/** Per category: candidates, kept, and per rule how many it rejected and how many of those the gold labels. */
export interface AccountingSummary {
  category: Category;
  candidates: number;
  kept: number;
  goldCandidates: number;
  goldKept: number;
  /** Rule name → rejected candidates, and the gold ones among them (the recall leaks), most rejections first. */
  rules: { rule: string; rejected: number; gold: number }[];
}

export function summarise(verdicts: readonly CandidateVerdict[], category: Category): AccountingSummary {
  const mine = verdicts.filter((v) => v.category === category);
  const rules = new Map<string, { rule: string; rejected: number; gold: number }>();
  for (const v of mine) {
    if (v.verdict === 'kept') continue;
    const entry = rules.get(v.verdict) ?? { rule: v.verdict, rejected: 0, gold: 0 };
    entry.rejected++;
    if (v.gold) entry.gold++;
    rules.set(v.verdict, entry);
  }
  return {
    category,
    candidates: mine.length,
    kept: mine.filter((v) => v.verdict === 'kept').length,
    goldCandidates: mine.filter((v) => v.gold).length,
    goldKept: mine.filter((v) => v.gold && v.verdict === 'kept').length,
    rules: [...rules.values()].sort(
      (a, b) => b.rejected - a.rejected || b.gold - a.gold || a.rule.localeCompare(b.rule),
    ),
  };
}

/** The report's lines: counts per category and rule; with `verbose`, every rejected candidate and its sentence. */
export function formatAccounting({ verdicts, outside }: Accounting, verbose: boolean): string[] {
  const lines: string[] = [];
  for (const category of ['guarantors', 'positions'] as const) {
    const s = summarise(verdicts, category);
    lines.push(
      `${category}: ${s.candidates} baseline candidates, ${s.kept} kept, ${s.candidates - s.kept} rejected; ` +
        `${s.goldCandidates} match gold, ${s.goldKept} kept, ${s.goldCandidates - s.goldKept} lost (recall leaks)`,
    );
    if (s.rules.length) lines.push(`  ${'rejected by rule'.padEnd(40)} ${'all'.padStart(5)} ${'gold'.padStart(5)}`);
    for (const r of s.rules)
      lines.push(`  ${r.rule.padEnd(40)} ${String(r.rejected).padStart(5)} ${String(r.gold).padStart(5)}`);
    const beyond = outside.filter((o) => o.category === category);
    lines.push(
      `  gold beyond the baseline's candidates: ${beyond.length}, found anyway ${beyond.filter((o) => o.found).length}, ` +
        `missed ${beyond.filter((o) => !o.found).length}`,
    );
    if (!verbose) continue;
    const rejected = verdicts.filter((v) => v.category === category && v.verdict !== 'kept');
    for (const v of rejected.sort((a, b) => Number(b.gold) - Number(a.gold) || a.verdict.localeCompare(b.verdict))) {
      lines.push(`    ${v.gold ? 'LEAK ' : '     '}${v.verdict}  ${v.file}  ${v.label}: ${v.sentence}`);
    }
    for (const o of beyond.filter((b) => !b.found))
      lines.push(`    BEYOND missed  ${o.file}  ${o.label}: ${o.evidence}`);
  }
  return lines;
}
