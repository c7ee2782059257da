import type { Position } from './fact.js';
import type { RejectionSink } from './rejection-trace.js';
import type { CompiledTopics } from './topics.js';

/*
 * A set of regions the article never names is not the topic (the gold guide's R-regions): "Russia claims the four
 * regions" or "Kyiv must cede the territories Moscow claims" speaks of the Donbas only in a report that names the
 * Donbas (or its parts) somewhere, in its headline or its body. The topic's `setPatterns` (config/topics.json) still
 * find such sets as mentions, so that a report naming the regions reads them there; a report naming the topic only
 * through them gives no position on it.
 */

/** The topics of `topics.setTopics` that the article names only as a set of regions. */
export function topicsNamedOnlyAsSets(title: string | null, body: string, topics: CompiledTopics): string[] {
  return topics.setTopics.filter(
    (topic) => !topics.namesTopicBeyondSets(topic, body) && !(title && topics.namesTopicBeyondSets(topic, title)),
  );
}

/**
 * The topics an article names only as sets, read once per article however often asked (the rules' positions, then the
 * scorer's): a scan of the whole body.
 */
export function unnamedSetTopics(
  article: { title: string | null; body: string },
  topics: CompiledTopics,
): () => readonly string[] {
  let unnamed: readonly string[] | undefined;
  return () => {
    unnamed ??= topicsNamedOnlyAsSets(article.title, article.body, topics);
    return unnamed;
  };
}

/** Positions without those on a topic the article names only as a set of regions, each rejection told to `sink`. */
export function withoutUnnamedSets(
  positions: Position[],
  unnamedTopics: () => readonly string[],
  topics: CompiledTopics,
  sink?: RejectionSink,
): Position[] {
  if (!positions.some((p) => topics.setTopics.includes(p.topic))) return positions;
  const unnamed = unnamedTopics();
  if (unnamed.length === 0) return positions;
  return positions.filter((p) => {
    if (!unnamed.includes(p.topic)) return true;
    for (const c of p.citations) {
      sink?.({
        category: 'positions',
        topic: p.topic,
        party: p.party,
        sentence: c.evidence,
        rule: 'region-set-unnamed',
      });
    }
    return false;
  });
}
