import { describe, expect, it } from 'vitest';
import { checkSlackMessage } from '../../bench/slack-limits.js';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('checkSlackMessage', () => {
  it('accepts a message within every limit and counts its blocks and text', () => {
    const body = JSON.stringify({ text: 'Summary', blocks: [section('abc'), { type: 'divider' }, section('de')] });

    expect(checkSlackMessage(body)).toEqual({ blocks: 3, blocksText: 5, bodyBytes: body.length, violations: [] });
  });

  it('reports more than 50 blocks and a section over 3,000 characters', () => {
    const blocks = [section('x'.repeat(3_001)), ...Array.from({ length: 50 }, () => ({ type: 'divider' }))];

    const { violations } = checkSlackMessage(JSON.stringify({ blocks }));

    expect(violations).toEqual(['51 blocks > 50', 'block 0: section text of 3001 characters > 3000']);
  });

  it('flags blocks holding more text than Slack accepts in one message', () => {
    const blocks = Array.from({ length: 5 }, () => section('y'.repeat(2_500)));

    expect(checkSlackMessage(JSON.stringify({ blocks })).violations).toEqual([
      '12500 characters in blocks > ~12000 (msg_blocks_too_long)',
    ]);
  });

  it('reports too many fields and context elements, and a long header', () => {
    const fields = Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' }));
    const elements = Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' }));
    const blocks = [
      { type: 'section', fields },
      { type: 'context', elements },
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
    ];

    expect(checkSlackMessage(JSON.stringify({ blocks })).violations).toEqual([
      'block 0: 11 fields > 10',
      'block 1: 11 context elements > 10',
      'block 2: header of 151 characters > 150',
    ]);
  });
});
