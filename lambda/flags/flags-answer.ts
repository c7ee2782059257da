import { type Answer, type FactGroup, sourcesById, talksCommand, textPart } from '../answers/answer.js';
import { plural } from '../answers/plural.js';
import { factKey } from '../facts/fact-ref.js';
import {
  type FactStatus,
  FLAG_REASONS,
  type FlaggedFact,
  type FlagPolicy,
  factStatus,
  isOpenEntry,
} from './flag-book.js';
import type { FlagList } from './flag-store.js';

/** Flagged facts `/talks flags` shows, newest first; more are counted ("… and N more"). */
export const FLAGGED_FACTS_LISTED = 25;

const STATE_LABELS = {
  hidden: 'hidden from answers',
  disputed: 'shown as disputed',
  clear: 'restored',
} as const;

function flaggedGroup(flagged: FlaggedFact, status: FactStatus): FactGroup {
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

/** `/talks flags`: the flagged facts, newest first, with their evidence, the flags' reasons and notes, and state. */
export function flagsAnswer({ index, facts }: FlagList, policy: FlagPolicy): Answer {
  const open = index.facts.filter(isOpenEntry);
  const entries = new Map(open.map((entry) => [entry.key, entry]));
  const groups = facts.flatMap((fact) => {
    const entry = entries.get(factKey(fact.ref));
    return entry ? [flaggedGroup(fact, factStatus(entry, policy))] : [];
  });
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
        groups,
        totalGroups: open.length,
        emptyText: 'No fact is flagged.',
      },
    ],
    sources: sourcesById(facts.flatMap((f) => f.fact.sources)),
    visibility: 'ephemeral',
  };
}
