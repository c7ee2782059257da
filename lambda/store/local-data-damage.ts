/*
 * How a damaged local DynamoDB folder is reported, apart from the embedded server so that the CLI can
 * recognise the error without loading dynalite.
 */

/** How every message about damaged local data starts: the SDK error of a failed request carries it too. */
export const DAMAGED_DATA_MESSAGE = 'The local DynamoDB data is damaged';

/** Thrown when the LevelDB folder of a persisted embedded DynamoDB cannot be opened (damaged files). */
export class DamagedLocalDataError extends Error {
  override name = 'DamagedLocalDataError';
}
