import type { SourceRef } from '../articles/article.js';
import { compareStrings } from '../facts/group-by.js';
import {
  type GuarantorsView,
  hasSpoken,
  type SourcesView,
  type SpeakerDirectory,
  type SpeakerView,
  type SummaryView,
  type TopicView,
} from '../facts/views.js';
import { VIEW_LIMITS } from './limits.js';
import { capCitations, sourcesFor, utf8Bytes } from './ranking.js';
import type { Scored } from './records.js';

/*
 * The summary item, pure: the top speakers with their key statements, the guarantors, a few positions per
 * party on every topic, and the sources they cite, cut to the summary's byte budget by trying smaller shapes
 * (how many of each) until one fits. lambda/views/update-views.ts builds it as one item of a batch's update.
 */

/** What the summary is built from: the batch's updated views, the old summary for what the batch left alone. */
export interface SummaryInputs {
  old: SummaryView | null;
  directory: SpeakerDirectory;
  totalSpeakers: number;
  speakers: Scored<SpeakerView>[];
  topics: Scored<TopicView>[];
  guarantors: GuarantorsView;
  /** Every guarantor known, listed in `guarantors` or not. */
  totalGuarantors: number;
  sources: SourcesView;
  refs: Map<string, SourceRef>;
  /** Configured topics in display order (id → label). */
  topicLabels: ReadonlyMap<string, string>;
}

/** How much of each list the summary keeps: tried from the first, the first that fits the byte budget wins. */
const SUMMARY_SHAPES = [
  { ...VIEW_LIMITS.summary, citations: VIEW_LIMITS.citationsPerViewFact },
  { ...VIEW_LIMITS.summary, citations: 2 },
  { ...VIEW_LIMITS.summary, citations: 1 },
  { speakers: 5, statementsPerSpeaker: 1, guarantors: 5, positionsPerParty: 1, citations: 1 },
];

type SummaryShape = (typeof SUMMARY_SHAPES)[number];

/** The summary item: the largest shape of it that fits its byte budget. */
export function buildSummary(inputs: SummaryInputs): SummaryView {
  let summary: SummaryView | undefined;
  for (const shape of SUMMARY_SHAPES) {
    summary = summaryOfShape(inputs, shape);
    if (utf8Bytes(summary) <= VIEW_LIMITS.bytes.summary) return summary;
  }
  // Even the smallest shape is over budget only when single facts are huge: keep the counts, drop the lists.
  return { ...(summary as SummaryView), speakers: [], guarantors: [], positions: [], sources: [] };
}

function summaryOfShape(inputs: SummaryInputs, shape: SummaryShape): SummaryView {
  const { old, directory, totalSpeakers, speakers, topics, guarantors, totalGuarantors, sources, refs, topicLabels } =
    inputs;
  const updatedSpeakers = new Map(speakers.map((s) => [s.view.person.key, s.view.statements]));
  const oldSpeakers = new Map((old?.speakers ?? []).map((s) => [s.key, s.statements]));
  const summarySpeakers = directory.speakers
    .filter(hasSpoken)
    .slice(0, shape.speakers)
    .map((entry) => ({
      ...entry,
      statements: (updatedSpeakers.get(entry.key) ?? oldSpeakers.get(entry.key) ?? [])
        .slice(0, shape.statementsPerSpeaker)
        .map((s) => capCitations(s, shape.citations)),
    }));

  const updatedTopics = new Map(topics.map((t) => [t.view.topic, t.view]));
  const topicIds = orderTopics(topicLabels, [
    ...(old?.topics.map((t) => t.id) ?? []),
    ...topics.map((t) => t.view.topic),
  ]);
  const positions = topicIds.flatMap((id) => {
    const view = updatedTopics.get(id);
    const ranked = view ? view.positions : (old?.positions.filter((p) => p.topic === id) ?? []);
    const perParty = new Map<string, number>();
    return ranked
      .filter((p) => {
        const n = perParty.get(p.party) ?? 0;
        perParty.set(p.party, n + 1);
        return n < shape.positionsPerParty;
      })
      .map((p) => capCitations(p, shape.citations));
  });
  const labels = new Map([
    ...(old?.topics.map((t) => [t.id, t.label] as const) ?? []),
    ...topics.map((t) => [t.view.topic, t.view.label] as const),
    ...topicLabels,
  ]);

  const summaryGuarantors = guarantors.guarantors
    .slice(0, shape.guarantors)
    .map((g) => capCitations(g, shape.citations));
  const cited = [...summarySpeakers.flatMap((s) => s.statements), ...summaryGuarantors, ...positions];
  return {
    articleCount: sources.total,
    speakers: summarySpeakers,
    totalSpeakers,
    guarantors: summaryGuarantors,
    totalGuarantors,
    positions,
    topics: topicIds.map((id) => ({ id, label: labels.get(id) ?? id })),
    sources: sourcesFor(cited, refs),
  };
}

/** Configured topics first, in their order, then any other topic the facts name, alphabetically. */
function orderTopics(topicLabels: ReadonlyMap<string, string>, seen: string[]): string[] {
  const configured = [...topicLabels.keys()];
  const others = [...new Set(seen)].filter((t) => !topicLabels.has(t)).sort(compareStrings);
  return [...configured, ...others];
}
