/*
 * Article bodies go up to 5 MB, DynamoDB items to 400 KB (attribute names and values, UTF-8). Bodies are
 * split into chunks of at most 64 Ki UTF-16 code units: one code unit is at most 3 UTF-8 bytes (a
 * surrogate pair, 2 units, is 4 bytes), so a chunk is at most 192 KiB, well under the limit with its keys.
 */

export const BODY_CHUNK_UNITS = 64 * 1024;

/** Splits a body into chunks that join back to it, never cutting a surrogate pair in two. */
export function splitBody(body: string, chunkUnits = BODY_CHUNK_UNITS): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < body.length) {
    let end = Math.min(start + chunkUnits, body.length);
    const last = body.charCodeAt(end - 1);
    // A high surrogate at the cut would leave its low half in the next chunk: lone halves do not round-trip UTF-8.
    if (end < body.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(body.slice(start, end));
    start = end;
  }
  return chunks;
}
