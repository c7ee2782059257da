import type { FactLine } from './answer.js';

/**
 * What a fact line says of its flags, in the words every renderer shows (Slack and the terminal set them
 * apart in their own way): null for a fact nobody disputes. Hidden facts never reach a renderer
 * (lambda/flags/apply-flags.ts takes them out of the answer).
 */
export function flagMark(line: FactLine): string | null {
  return line.disputedBy ? `disputed: flagged by ${line.disputedBy}` : null;
}
