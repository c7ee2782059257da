import { describe, expect, it } from 'vitest';
import { MAX_ADD_COMMAND_LENGTH, MAX_COMMAND_LENGTH, parseCommand } from '../../lambda/answers/command.js';

describe('parseCommand', () => {
  it('reads empty text as help, ephemeral', () => {
    expect(parseCommand('   ')).toEqual({ command: { kind: 'help' }, visibility: 'ephemeral' });
  });

  it('reads subcommands in any case, with synonyms', () => {
    expect(parseCommand('SUMMARY').command).toEqual({ kind: 'summary' });
    expect(parseCommand('guarantees').command).toEqual({ kind: 'guarantors' });
    expect(parseCommand('articles').command).toEqual({ kind: 'sources' });
  });

  it('keeps the whole name after who, without wrapping quotes', () => {
    expect(parseCommand('who  “Vladimir   Medinsky”').command).toEqual({ kind: 'who', name: 'Vladimir Medinsky' });
    expect(parseCommand('who').command).toEqual({ kind: 'who', name: '' });
  });

  it('posts to the channel when the text ends with public', () => {
    expect(parseCommand('who Medinsky public')).toEqual({
      command: { kind: 'who', name: 'Medinsky' },
      visibility: 'in_channel',
    });
    expect(parseCommand('summary Public').visibility).toBe('in_channel');
    expect(parseCommand('public').command).toEqual({ kind: 'help' });
  });

  it('passes an unknown first word on for topic shortcuts and suggestions', () => {
    expect(parseCommand('Crimea').command).toEqual({ kind: 'other', word: 'crimea', rest: '' });
    expect(parseCommand('sumary now').command).toEqual({ kind: 'other', word: 'sumary', rest: 'now' });
  });

  it('reads topic with its argument', () => {
    expect(parseCommand('topic Donbas').command).toEqual({ kind: 'topic', topic: 'Donbas' });
  });

  it('reads text past 200 characters as too long, keeping public, without splitting it', () => {
    expect(parseCommand(`who ${'a'.repeat(196)}`).command.kind).toBe('who');
    expect(parseCommand(`who ${'a'.repeat(197)}`)).toEqual({
      command: { kind: 'too-long', length: 201, limit: MAX_COMMAND_LENGTH },
      visibility: 'ephemeral',
    });
    expect(parseCommand(`topic ${'b'.repeat(2100)} public`).visibility).toBe('in_channel');
  });

  it("takes add with 5 long links in Slack's <url|url> form, and refuses longer text", () => {
    const long = `https://news.example/story?${'utm_campaign=talks&'.repeat(106)}x=1`;
    expect(long.length).toBeGreaterThan(2000);
    const links = Array.from({ length: 5 }, (_, i) => `${long}${i}`);
    const slackForm = `add ${links.map((link) => `<${link}|${link}>`).join(' ')} public`;
    expect(parseCommand(slackForm)).toEqual({ command: { kind: 'add', links }, visibility: 'in_channel' });
    const ordinary = Array.from(
      { length: 3 },
      (_, i) => `https://news.example/2026/11/01/delegations-meet-again-at-the-lakeside-${i}`,
    );
    expect(parseCommand(`add ${ordinary.join(' ')}`).command).toEqual({ kind: 'add', links: ordinary });
    expect(parseCommand(`add ${'x'.repeat(MAX_ADD_COMMAND_LENGTH)}`).command).toMatchObject({
      kind: 'too-long',
      limit: MAX_ADD_COMMAND_LENGTH,
    });
    expect(parseCommand(`who ${'x'.repeat(300)}`).command).toMatchObject({
      kind: 'too-long',
      limit: MAX_COMMAND_LENGTH,
    });
  });

  it('reads a trailing "page N" of a bare who, sources and since, before public', () => {
    expect(parseCommand('who page 2').command).toEqual({ kind: 'who', name: '', page: 2 });
    expect(parseCommand('sources page 3 public')).toEqual({
      command: { kind: 'sources', page: 3 },
      visibility: 'in_channel',
    });
    expect(parseCommand('since 7d page 4').command).toEqual({ kind: 'since', when: '7d', page: 4 });
    expect(parseCommand('since 2026-03-10').command).toEqual({ kind: 'since', when: '2026-03-10' });
    expect(parseCommand('sources page 0').command).toEqual({ kind: 'sources', page: 1 });
    // After a name, "page 2" is part of the name: only the bare list is paged.
    expect(parseCommand('who Vadim Page 2').command).toEqual({ kind: 'who', name: 'Vadim Page 2' });
  });
});
