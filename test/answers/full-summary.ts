import type { SourceRef } from '../../lambda/articles/article.js';
import type { Citation, Guarantor, Position, Statement } from '../../lambda/facts/fact.js';
import { defaultTopicsConfig } from '../../lambda/facts/topics.js';
import type { SummaryView } from '../../lambda/facts/views.js';
import { VIEW_LIMITS } from '../../lambda/views/limits.js';

/*
 * A summary item filled to every limit it has, written for the summary's line budget: as many speakers, statements,
 * guarantors and positions as VIEW_LIMITS.summary lets the item hold, on every configured topic for every configured
 * party, each fact cited by VIEW_LIMITS.citationsPerViewFact articles of its own (so no footnote is shared) with an
 * evidence sentence longer than its words (so each citation would print a line of its own), guarantors spread over
 * every proposer a guarantor can have (each configured party, and none stated), every source with a URL. Invented
 * names and sentences throughout.
 */

const CITATIONS = VIEW_LIMITS.citationsPerViewFact;
let articles = 0;

/** `CITATIONS` citations from new articles, each sentence the fact's words and more. */
function citationsOf(words: string): Citation[] {
  return Array.from({ length: CITATIONS }, (_, i) => ({
    articleId: `a${String(++articles).padStart(4, '0')}`,
    evidence: `In report ${i + 1}, an envoy said ${words} before the delegations left the hall.`,
  }));
}

/** A topic of the summary: its id and label. */
type SummaryTopic = SummaryView['topics'][number];

const CONFIGURED_TOPICS: SummaryTopic[] = defaultTopicsConfig.topics.map((t) => ({ id: t.id, label: t.label ?? t.id }));

/**
 * The filled summary item, for the configured topics and parties, or for `topics` in their place (a configuration
 * with more topics: config/topics.json takes any number).
 */
export function fullSummary(topics: readonly SummaryTopic[] = CONFIGURED_TOPICS): SummaryView {
  articles = 0;
  const { speakers, statementsPerSpeaker, guarantors, positionsPerParty } = VIEW_LIMITS.summary;
  const parties = defaultTopicsConfig.parties.map((p) => p.name);
  const proposers = [...parties, null];
  const summarySpeakers = Array.from({ length: speakers }, (_, s) => {
    const name = `Speaker Number${s + 1}`;
    const statements: Statement[] = Array.from({ length: statementsPerSpeaker }, (_, n) => {
      const text = `the ferry line number ${n + 1} of speaker ${s + 1} would run again within weeks`;
      return {
        id: `s${s}-${n}`,
        speakerKey: `speaker${s}`,
        speaker: name,
        affiliation: parties[s % parties.length] ?? null,
        kind: 'reported',
        text,
        topics: [],
        citations: citationsOf(text),
      };
    });
    return {
      key: `speaker${s}`,
      name,
      aliases: [`Speaker Numbr${s + 1}`, `S. Number${s + 1}`],
      affiliation: parties[s % parties.length] ?? null,
      statementCount: 40 - s,
      directCount: 3,
      articleCount: 20,
      mentionCount: 25,
      statements,
    };
  });
  const summaryGuarantors: Guarantor[] = Array.from({ length: guarantors }, (_, g) => ({
    country: `Country ${g + 1}`,
    proposedBy: proposers[g % proposers.length] ?? null,
    citations: citationsOf(`country ${g + 1} could guarantee the settlement`),
  }));
  const positions: Position[] = topics.flatMap((topic) =>
    parties.flatMap((party) =>
      Array.from({ length: positionsPerParty }, (_, n) => {
        const stance = `${party} holds view ${n + 1} on ${topic.id}`;
        return { id: `${topic.id}-${party}-${n}`, topic: topic.id, party, stance, citations: citationsOf(stance) };
      }),
    ),
  );
  const sources: SourceRef[] = Array.from({ length: articles }, (_, i) => ({
    id: `a${String(i + 1).padStart(4, '0')}`,
    title: `Report number ${i + 1} on the talks`,
    outlet: `Outlet ${(i % 7) + 1}`,
    url: `https://news.example/report-${i + 1}`,
    date: '2026-03-02',
    files: [`report-${i + 1}.txt`],
  }));
  return {
    articleCount: 10_000,
    speakers: summarySpeakers,
    totalSpeakers: 2_000,
    guarantors: summaryGuarantors,
    positions,
    topics: [...topics],
    sources,
  };
}
