/** "1 statement", "3 statements": counts in answers read as English in every renderer. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
