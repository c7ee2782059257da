import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePayload, jsonPayloadItem, payloadItem } from '../../lambda/store/items.js';
import { keys } from '../../lambda/store/keys.js';

describe('item payloads', () => {
  it('hold their own deflated bytes only, not the 16 KB chunk zlib deflated them into', () => {
    // An applyFacts round holds the thousands of items it writes until they are written: a small view of a 16 KB
    // buffer each cost an ingest of 3,000 articles some 34 MB at its peak.
    const small = { articleCount: 3 };
    const large = { text: Array.from({ length: 20_000 }, (_, i) => `${i * 7919}`).join(' ') };
    const payloads = [
      encodePayload(small),
      encodePayload(large),
      payloadItem(keys.summary(), small).payload?.B as Uint8Array,
      jsonPayloadItem(keys.summary(), JSON.stringify(small)).payload?.B as Uint8Array,
    ];
    for (const bytes of payloads) expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    expect(JSON.parse(inflateRawSync(payloads[0] as Uint8Array).toString('utf8'))).toEqual(small);
    expect(JSON.parse(inflateRawSync(payloads[1] as Uint8Array).toString('utf8'))).toEqual(large);
    expect((payloads[1] as Uint8Array).byteLength).toBeGreaterThan(16 * 1024);
  });
});
