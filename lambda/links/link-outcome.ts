import { type Answer, type AnswerPart, type Span, talksCommand, textPart } from '../answers/answer.js';
import { guarantorGroups } from '../answers/group-facts.js';
import { plural } from '../answers/plural.js';
import { topicCommand } from '../answers/topic-answer.js';
import type { SourceRef } from '../articles/article.js';
import type { Guarantor } from '../facts/fact.js';
import type { LinkRefusal } from './link-refusals.js';

/**
 * What a page added to the corpus: the names and topics a reader can ask about next, and the guarantors it
 * proposes as facts (with their evidence in `source`), so that flags mark or hide them as in every answer.
 */
export interface FoundFacts {
  speakers: string[];
  guarantors: Guarantor[];
  positions: { topic: string; parties: string[] }[];
  /** The page as read: what the guarantors' citations point at. */
  source: SourceRef;
}

export interface ArticleLabel {
  id: string;
  title: string | null;
  outlet: string | null;
}

/** What became of one shared link. */
export type LinkOutcome =
  | { link: string; outcome: 'stored'; article: ArticleLabel; found: FoundFacts }
  /** The page is an article already stored (the same text, or nearly): `article` is that one. */
  | { link: string; outcome: 'merged'; article: ArticleLabel; found: FoundFacts }
  /** `reason` is for the person who shared the link; `refusal` its kind, for operators. */
  | { link: string; outcome: 'rejected'; refusal: LinkRefusal; reason: string };

function articleName({ title, outlet, id }: ArticleLabel): string {
  if (title && outlet) return `"${title}" (${outlet})`;
  return title ? `"${title}"` : (outlet ?? id);
}

function foundParts({ speakers, guarantors, positions }: FoundFacts): AnswerPart[] {
  if (!speakers.length && !guarantors.length && !positions.length) {
    return [textPart('No statement, guarantor or position was found in it.')];
  }
  const parts: AnswerPart[] = [];
  if (speakers.length) {
    const spans: Span[] = [`${plural(speakers.length, 'speaker')}: `];
    speakers.forEach((name, index) => {
      spans.push(index ? ', ' : '', { command: talksCommand(`who ${name}`) });
    });
    parts.push(textPart(...spans));
  }
  if (guarantors.length) {
    // Fact lines, as `/talks guarantors` shows them: the flags' filter finds them by the same keys.
    const groups = guarantorGroups(guarantors);
    parts.push({
      kind: 'facts',
      heading: 'Proposed guarantors',
      groups,
      totalGroups: groups.length,
      emptyText: `Flags hide every guarantor it names, as wrong: ${talksCommand('flags')} lists them for review.`,
    });
  }
  for (const { topic, parties } of positions) {
    parts.push(textPart(`Positions on ${topic}: ${parties.join(', ')} · `, { command: topicCommand(topic) }));
  }
  return parts;
}

function outcomeParts(outcome: LinkOutcome): AnswerPart[] {
  switch (outcome.outcome) {
    case 'stored':
      return [
        textPart({ strong: outcome.link }, ` stored as a new article: ${articleName(outcome.article)}.`),
        ...foundParts(outcome.found),
      ];
    case 'merged':
      return [
        textPart(
          { strong: outcome.link },
          ` is an article already stored, ${articleName(outcome.article)}: the link was added to it.`,
        ),
        ...foundParts(outcome.found),
      ];
    case 'rejected':
      return [textPart({ strong: outcome.link }, ` was not added: ${outcome.reason}.`)];
  }
}

/**
 * The reply to `/talks add`: per link, what became of it and what to ask next. Its guarantors are fact lines
 * citing the page, so the flags' filter (the one every answer goes through) hides or marks them.
 */
export function linksAnswer(outcomes: readonly LinkOutcome[]): Answer {
  const added = outcomes.flatMap((o) => (o.outcome === 'rejected' ? [] : [o]));
  return {
    title: `Added ${added.length} of ${plural(outcomes.length, 'link')}`,
    parts: outcomes.flatMap(outcomeParts),
    sources: Object.fromEntries(added.map(({ found }) => [found.source.id, found.source])),
    visibility: 'ephemeral',
  };
}

/** The immediate acknowledgement, before any page is read. */
export function readingLinksText(count: number): string {
  return `Reading ${plural(count, 'link')}… I'll reply here when ${count === 1 ? 'it is' : 'they are'} in.`;
}
