/** `text` as a regex source that matches it literally: every character with a meaning in a pattern escaped. */
export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
