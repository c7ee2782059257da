import { describe, expect, it } from 'vitest';
import { createArticleReader } from '../../lambda/facts/extract.js';
import { KEPT, type PositionCandidate, positionCandidates } from '../../lambda/facts/position-candidates.js';
import { candidateFeatures, FEATURE_NAMES, type FeatureName } from '../../lambda/facts/position-features.js';
import {
  defaultPositionScorer,
  type PositionScorer,
  PositionScorerError,
  parsePositionScorer,
} from '../../lambda/facts/position-scorer.js';
import { splitSentences } from '../../lambda/facts/sentences.js';
import { compileTopics, defaultTopicsConfig } from '../../lambda/facts/topics.js';
import { fitLogistic, predictLogistic } from '../../scripts/logistic-fit.js';
import { articleOf } from './article-of.js';

/*
 * The position scorer (issue 17, a learned reranker over baseline-wide candidates): the candidates, their features,
 * the weight file's validation, and what a purpose-made weight set keeps or drops. Every sentence is invented here.
 */

const topics = compileTopics(defaultTopicsConfig);

/** A weight set in the code's feature order: the given weights, every other one zero. */
function model(bias: number, thresholds: Partial<PositionScorer> = {}, set: Partial<Record<FeatureName, number>> = {}) {
  return parsePositionScorer({
    version: 1,
    features: [...FEATURE_NAMES],
    weights: FEATURE_NAMES.map((f) => set[f] ?? 0),
    bias,
    addThreshold: 0.5,
    dropThreshold: null,
    ...thresholds,
  });
}

/** The candidates of a body with no rule positions and no rejections: every one unjudged. */
function candidatesOf(body: string): PositionCandidate[] {
  return positionCandidates({
    title: null,
    sentences: splitSentences(body),
    topics,
    people: [],
    positions: [],
    rejections: [],
  });
}

function featuresOf(candidate: PositionCandidate, body: string): Record<string, number> {
  const values = candidateFeatures(candidate, {
    topics,
    positions: [],
    statements: [],
    sentenceCount: splitSentences(body).length,
  });
  return Object.fromEntries(FEATURE_NAMES.map((f, i) => [f, values[i] ?? 0]));
}

describe('position candidates', () => {
  it('makes one candidate per sentence, topic and party, a party named by an adjective included', () => {
    // Prepare: one sentence names a topic and both sides (one by its adjective), one names a topic and no side.
    const body =
      'The Ukrainian envoy said Moscow must leave Crimea and the Donbas alone. Crimea had a warm spring this year.';
    // Act
    const labels = candidatesOf(body).map((c) => `${c.topic}/${c.party}`);
    // Assess: both topics times both sides for the first sentence, nothing for the second.
    expect(labels.sort()).toEqual(['crimea/Russia', 'crimea/Ukraine', 'donbas/Russia', 'donbas/Ukraine']);
  });

  it('reads a person the article gives a side as that side', () => {
    // Prepare: a surname alone names the speaker; the article's people give her a side.
    const sentences = splitSentences('Velmora insisted that Crimea is not for sale.');
    // Act
    const candidates = positionCandidates({
      title: null,
      sentences,
      topics,
      people: [{ name: 'Ilse Velmora', affiliation: 'Ukraine' }],
      positions: [],
      rejections: [],
    });
    // Assess
    expect(candidates.map((c) => c.party)).toEqual(['Ukraine']);
    expect(candidates[0]?.named.byPerson.has('Ukraine')).toBe(true);
  });

  it('gives a list item naming a topic the side its lead names, and stops at the end of the list', () => {
    // Prepare: a lead ending in a colon names the side; its items name topics only; a sentence after the list too.
    const body =
      'The Kremlin listed its terms:\n- Recognition of Crimea as part of the federation.\n- A pullback from the Donetsk region.\nLater, the talks on Crimea went on.';
    // Act
    const candidates = candidatesOf(body);
    // Assess: the two items are the Kremlin's; the sentence after the list names no side and is no candidate.
    expect(candidates.map((c) => `${c.topic}/${c.party}/${c.listLead}`)).toEqual([
      'crimea/Russia/true',
      'donbas/Russia/true',
    ]);
  });

  it('reads a numbered item cut from its number as an item of the list', () => {
    const candidates = candidatesOf('Moscow set out its conditions:\n1. Crimea stays.\n2. Sanctions go.');
    expect(candidates.map((c) => `${c.topic}/${c.party}/${c.listLead}`)).toEqual(['crimea/Russia/true']);
  });

  it('takes the verdict from a rule’s named rejection of the sentence', () => {
    // Prepare: a rule rejected the sentence for Russia by name.
    const text = 'Moscow wants Crimea recognised.';
    // Act
    const [candidate] = positionCandidates({
      title: null,
      sentences: splitSentences(text),
      topics,
      people: [],
      positions: [],
      rejections: [{ category: 'positions', topic: 'crimea', party: 'Russia', sentence: text, rule: 'some-rule' }],
    });
    // Assess
    expect(candidate?.verdict).toBe('some-rule');
  });
});

describe('position features', () => {
  it('marks a side named only in a hyphen compound, a year, a question and quote marks', () => {
    // Prepare: invented sentences, each exercising one feature.
    const compound = 'Shelling went on near the Russian-held part of Donetsk.';
    const question = 'Will Kyiv ever talk about Crimea again?';
    const quoted = 'Since 2014 Moscow has said "Crimea is settled".';
    // Act
    const [c1] = candidatesOf(compound);
    const [c2] = candidatesOf(question);
    const [c3] = candidatesOf(quoted);
    const f1 = featuresOf(c1 as PositionCandidate, compound);
    const f2 = featuresOf(c2 as PositionCandidate, question);
    const f3 = featuresOf(c3 as PositionCandidate, quoted);
    // Assess
    expect(f1['party:hyphen-compound']).toBe(1);
    expect(f1['party:mention']).toBe(0);
    expect(f1['party:word-only']).toBe(1);
    expect(f2.question).toBe(1);
    expect(f2['party:mention']).toBe(1);
    expect(f3.history).toBe(1);
    expect(f3['quote-marks']).toBe(1);
    expect(f3['verdict:unjudged']).toBe(1);
  });

  it('reads the kind of move and a side before its stance verb', () => {
    // Prepare: a refusal with the side as its subject.
    const body = 'Kyiv refuses to cede Crimea.';
    // Act
    const [candidate] = candidatesOf(body);
    const f = featuresOf(candidate as PositionCandidate, body);
    // Assess
    expect(f['kind:refusal']).toBe(1);
    expect(f['party:before-stance-verb']).toBe(1);
    expect(f['lex:stance-verb']).toBe(1);
    expect(f.negation).toBe(0);
  });

  it('gives every feature a value between 0 and 1', () => {
    const body = 'The Kremlin, according to several analysts, may never give up Sevastopol, which it annexed in 2014.';
    for (const c of candidatesOf(body)) {
      for (const v of candidateFeatures(c, { topics, positions: [], statements: [], sentenceCount: 1 })) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('position scorer weight file', () => {
  it('loads the shipped weights', () => {
    expect(defaultPositionScorer().features).toEqual([...FEATURE_NAMES]);
  });

  it('refuses features in another order, a missing weight, a threshold out of range, a drop above the add', () => {
    const good = model(0);
    expect(() => parsePositionScorer({ ...good, features: [...good.features].reverse() })).toThrow(PositionScorerError);
    expect(() => parsePositionScorer({ ...good, features: good.features.slice(1) })).toThrow(/missing: verdict:kept/);
    expect(() => parsePositionScorer({ ...good, weights: good.weights.slice(1) })).toThrow(/weights for/);
    expect(() => parsePositionScorer({ ...good, addThreshold: 1.5 })).toThrow(PositionScorerError);
    expect(() => parsePositionScorer({ ...good, bias: Number.NaN })).toThrow(PositionScorerError);
    expect(() => parsePositionScorer({ ...good, addThreshold: 0.2, dropThreshold: 0.3 })).toThrow(/dropThreshold/);
    expect(() => parsePositionScorer({ ...good, version: 2 })).toThrow(PositionScorerError);
  });
});

describe('the scorer in the extractor', () => {
  // Prepare: a sentence the rules keep as a position, and one naming a topic and a side that they do not keep.
  const body = 'Moscow demands that Kyiv recognise Crimea as Russian. Crimea was the subject of a Moscow exhibition.';
  const read = (scorer: PositionScorer | null) =>
    createArticleReader(defaultTopicsConfig, undefined, { scorer })(articleOf(body)).facts.positions;
  const cited = (scorer: PositionScorer | null) =>
    read(scorer).map((p) => `${p.topic}/${p.party}: ${p.citations[0]?.evidence}`);

  it('keeps the rules’ positions alone with a weight set that adds nothing', () => {
    expect(cited(model(-10))).toEqual(cited(null));
  });

  it('adds a candidate scoring above the threshold, citing its sentence verbatim', () => {
    // Act: every candidate the rules did not keep scores 1 / (1 + e^-10).
    const positions = read(model(10));
    // Assess
    const added = positions.filter((p) => !read(null).some((r) => r.id === p.id));
    expect(added.map((p) => `${p.topic}/${p.party}`)).toContain('crimea/Russia');
    for (const p of added) {
      for (const c of p.citations) expect(body.includes(c.evidence)).toBe(true);
      expect(p.citations[0]?.evidence.includes(p.stance)).toBe(true);
    }
  });

  it('adds only what the weights favour: a rejected candidate with a negative weight stays out', () => {
    const unjudgedOnly = model(10, {}, { 'verdict:kept': 0, 'party:mention': -30, 'party:word-only': -30 });
    expect(cited(unjudgedOnly)).toEqual(cited(null));
  });

  it('drops a rule’s position whose every sentence scores below the drop threshold', () => {
    // Prepare: the rules keep at least one position here.
    expect(read(null).length).toBeGreaterThan(0);
    // Act: every candidate scores 1 / (1 + e^10), below 0.5; nothing is added (add threshold 0.9).
    const positions = read(model(-10, { addThreshold: 0.9, dropThreshold: 0.5 }));
    // Assess
    expect(positions).toEqual([]);
  });

  it('traces what it adds and the sets-of-regions check then removes, by that check’s name', () => {
    // Prepare: an article naming the Donbas only as a set of regions (R-regions); every candidate scores above the add.
    const sets =
      'The Kremlin said Kyiv must give up the four regions Moscow claims. Ukraine rejected talks on the four regions.';
    const candidates: string[] = [];
    const traced: string[] = [];
    // Act
    const positions = createArticleReader(
      defaultTopicsConfig,
      (r) => {
        if (r.category === 'positions') traced.push(`${r.topic}/${r.party}@${r.rule}: ${r.sentence}`);
      },
      {
        scorer: model(10),
        onCandidates: (_, found) =>
          candidates.push(...found.map((c) => `${c.topic}/${c.party}@region-set-unnamed: ${c.text}`)),
      },
    )(articleOf(sets)).facts.positions;
    // Assess: none stays, and each of the scorer's additions the check removed is in the trace.
    expect(positions).toEqual([]);
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) expect(traced).toContain(candidate);
  });

  it('counts the kept verdict for a rule position’s sentence', () => {
    const seen: string[] = [];
    createArticleReader(defaultTopicsConfig, undefined, {
      scorer: null,
      onCandidates: (_, candidates) => seen.push(...candidates.map((c) => `${c.party}:${c.verdict}`)),
    })(articleOf(body));
    expect(seen).toContain(`Russia:${KEPT}`);
  });
});

describe('logistic fit', () => {
  it('learns the sign of a separating feature, the same weights every run', () => {
    // Prepare: the label is the first feature; the second is noise.
    const x = [
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
      [1, 0],
      [0, 1],
    ];
    const y = [1, 1, 0, 0, 1, 0];
    // Act
    const a = fitLogistic(x, y, { l2: 0.01, iterations: 500, rate: 0.5 });
    const b = fitLogistic(x, y, { l2: 0.01, iterations: 500, rate: 0.5 });
    // Assess
    expect(a).toEqual(b);
    expect(a.weights[0]).toBeGreaterThan(1);
    expect(predictLogistic(a, [1, 0])).toBeGreaterThan(0.8);
    expect(predictLogistic(a, [0, 1])).toBeLessThan(0.2);
  });
});
