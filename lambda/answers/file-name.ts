/**
 * A file name as a line of output shows it: as is, or quoted and escaped when it holds a line break or
 * another control character (a name is whatever the uploader chose, and a raw line break would forge a line).
 */
export function shownFileName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  return /[\u0000-\u001f\u007f]/u.test(name) ? JSON.stringify(name) : name;
}
