import type { PersonLine } from './answer.js';
import { plural } from './plural.js';

/** What a list of people says of each: what they said, or for someone never quoted, where they are named. */
export function personCounts(person: PersonLine): string {
  return person.statementCount > 0
    ? `${plural(person.statementCount, 'statement')} in ${plural(person.articleCount, 'article')}`
    : `mentioned in ${plural(person.mentionCount, 'article')}, no statement`;
}
