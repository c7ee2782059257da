import { DAMAGED_DATA_MESSAGE } from '../store/local-data-damage.js';
import { DataFolderError } from './data-folder.js';

/*
 * What the CLI and `npm start` say when the local store cannot be used: one line naming the problem, and
 * what to do about it. Recognised by name and message, so that the CLI need not load the store's modules
 * (the AWS SDK, dynalite) to explain an error.
 */

/** The recovery for damaged local data: the store is a cache of the default corpus and the files ingested. */
export const RECOVER_DAMAGED_DATA =
  'To recover, delete .talks/dynamodb (or $TALKS_HOME/dynamodb) and run again: the default corpus is ingested ' +
  'into a new store. Then ingest your own files again.';

export interface LocalStoreProblem {
  /** The problem, on one line. */
  problem: string;
  /** What to do, or null when the problem says it. */
  recovery: string | null;
}

const firstLine = (error: Error) => error.message.split('\n')[0] ?? '';

/** The problem a local-store error is, or null for an error that is none of the known ones. */
export function localStoreProblem(error: unknown): LocalStoreProblem | null {
  if (!(error instanceof Error)) return null;
  if (error instanceof DataFolderError) return { problem: error.message, recovery: null };
  if (error.name === 'LocalStoreBusyError')
    return {
      problem: error.message,
      recovery:
        'Stop the other talks process (npm start, or a running npm run talks), or set TALKS_HOME to another folder.',
    };
  if (error.message.startsWith(DAMAGED_DATA_MESSAGE) || error.name === 'DamagedItemError')
    return { problem: firstLine(error), recovery: RECOVER_DAMAGED_DATA };
  // Items written by another version of the store fail validation on read.
  if (error.name === 'StoreItemError')
    return {
      problem: firstLine(error),
      recovery:
        'The local store was written by another version of talks-bot: delete .talks/ (or $TALKS_HOME) to rebuild it.',
    };
  return null;
}
