import { type Answer, type FactGroup, sourcesById, talksCommand, textPart } from '../answers/answer.js';
import { plural } from '../answers/plural.js';
import { FLAG_REASONS, type FlagBook, type FlaggedFact } from '../store/flag-book-schema.js';
import { type FlagPolicy, factStatus } from './flag-book.js';

const STATE_LABELS = {
  hidden: 'hidden from answers',
  disputed: 'shown as disputed',
  clear: 'restored',
} as const;

function flaggedGroup(flagged: FlaggedFact, policy: FlagPolicy): FactGroup {
  const status = factStatus(flagged, policy);
  const reasons = [...new Set(flagged.flags.map((f) => FLAG_REASONS[f.reason]))].join(', ');
  const notes = flagged.flags.flatMap((f) => (f.note ? [`“${f.note}” (${f.userId})`] : []));
  const review = flagged.review ? ` · ${flagged.review.decision} by ${flagged.review.userId}` : '';
  const { fact } = flagged;
  return {
    title: `${plural(new Set(flagged.flags.map((f) => f.userId)).size, 'flag')}: ${reasons}`,
    detail: [`${STATE_LABELS[status.state]}${review}`, ...notes].join(' · '),
    lines: [
      {
        ...(fact.lead ? { lead: fact.lead } : {}),
        text: fact.text,
        quoted: fact.quoted,
        citations: fact.citations,
        fact: flagged.ref,
      },
    ],
    total: 1,
  };
}

/** `/talks flags`: every flagged fact with its evidence, the flags' reasons and notes, and its state. */
export function flagsAnswer(book: FlagBook, policy: FlagPolicy): Answer {
  const open = book.facts.filter((f) => f.review?.decision !== 'restored' || factStatus(f, policy).flaggedBy > 0);
  const reviewers = policy.reviewers.length ? 'A reviewer can' : 'Anyone can';
  return {
    title: `Flagged facts: ${open.length}`,
    factControls: 'review',
    parts: [
      textPart(
        `A fact leaves the answers when a reviewer flags it or ${policy.threshold === 1 ? 'one person does' : `${policy.threshold} people do`}. ${reviewers} confirm a flag (the fact stays hidden) or restore the fact. `,
        { command: talksCommand('summary') },
        ' shows what remains.',
      ),
      {
        kind: 'facts',
        heading: 'Flagged',
        groups: open.map((f) => flaggedGroup(f, policy)),
        totalGroups: open.length,
        emptyText: 'No fact is flagged.',
      },
    ],
    sources: sourcesById(book.facts.flatMap((f) => f.fact.sources)),
    visibility: 'ephemeral',
  };
}
