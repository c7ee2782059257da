import type { AnswerFeatures } from '../answers/answer-command.js';
import { applyFlags } from './apply-flags.js';
import { type FlagPolicy, flagStatuses } from './flag-book.js';
import type { FlagReader } from './flag-store.js';
import { FLAGGED_FACTS_LISTED, flagsAnswer } from './flags-answer.js';

/** Flags and the policy that says what they hide. */
export interface FlagsContext {
  reader: FlagReader;
  policy: FlagPolicy;
}

/**
 * The flags' part in every answer, as the hooks the answers call: `/talks flags` lists the newest flagged
 * facts, and every answer that shows facts hides or marks the flagged ones (the index is one read).
 */
export function flagFeatures({ reader, policy }: FlagsContext): AnswerFeatures {
  return {
    flagsAnswer: async () => flagsAnswer(await reader.listFlaggedFacts(FLAGGED_FACTS_LISTED), policy),
    async readFactFilter() {
      const statuses = flagStatuses(await reader.getFlagIndex(), policy);
      return (answer) => applyFlags(answer, statuses);
    },
  };
}
