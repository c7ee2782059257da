import { describe, expect, it } from 'vitest';
import { linksOfCommand, linksOfMessage } from '../../lambda/answers/link-text.js';

describe('linksOfMessage', () => {
  it('finds links as Slack writes them, with or without a label, and bare ones, each once', () => {
    const text =
      'see <https://news.example/a|this report>, <http://news.example/b> and https://news.example/c — also <https://news.example/a>';
    expect(linksOfMessage(text)).toEqual(['https://news.example/a', 'http://news.example/b', 'https://news.example/c']);
  });

  it('ignores mentions, channels and mailto links', () => {
    expect(linksOfMessage('<@U123> in <#C123|general>: <mailto:a@example.com|mail>')).toEqual([]);
  });
});

describe('linksOfCommand', () => {
  it('takes each word as a link, without the angle brackets Slack may add', () => {
    expect(
      linksOfCommand(['<https://news.example/a>', 'https://news.example/b', '<https://news.example/c|c>']),
    ).toEqual(['https://news.example/a', 'https://news.example/b', 'https://news.example/c']);
  });
});
