import type { AnswerFeatures } from '../answers/answer-command.js';
import type { FlagReader } from '../store/flag-store.js';
import { applyFlags } from './apply-flags.js';
import { type FlagPolicy, statusByKey } from './flag-book.js';
import { flagsAnswer } from './flags-answer.js';

/** Flags and the policy that says what they hide. */
export interface FlagsContext {
  reader: FlagReader;
  policy: FlagPolicy;
}

/**
 * The flags' part in every answer, as the hooks the answers call: `/talks flags` lists the flagged facts,
 * and every answer that shows facts hides or marks the flagged ones (the book is one read).
 */
export function flagFeatures({ reader, policy }: FlagsContext): AnswerFeatures {
  return {
    flagsAnswer: async () => flagsAnswer(await reader.getFlagBook(), policy),
    async readFactFilter() {
      const statuses = statusByKey(await reader.getFlagBook(), policy);
      return (answer) => applyFlags(answer, statuses);
    },
  };
}
