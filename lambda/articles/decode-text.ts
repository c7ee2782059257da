/** Inputs above this size are rejected before they are read: no news article comes near it. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export type DecodedText = { text: string } | { reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/** "5.0 MB" */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Decodes an input file as text, refusing what is not text: empty, too large, binary (NUL bytes) or
 * invalid UTF-8. UTF-16 with a byte-order mark (what some Windows editors save) is accepted; the BOM
 * itself is dropped by the decoder.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { reason: 'empty file' };
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return { reason: `file too large: ${formatMegabytes(bytes.length)} (limit ${formatMegabytes(MAX_ARTICLE_BYTES)})` };
  }
  const decoder =
    bytes[0] === 0xff && bytes[1] === 0xfe ? utf16le : bytes[0] === 0xfe && bytes[1] === 0xff ? utf16be : utf8;
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { reason: 'not UTF-8 text (binary data or another encoding)' };
  }
  // NUL is valid UTF-8 but never part of an article: its presence means a binary file.
  if (text.includes('\u0000')) return { reason: 'binary file (contains NUL bytes)' };
  if (text.trim() === '') return { reason: 'only whitespace' };
  return { text };
}
