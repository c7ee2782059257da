import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../lambda/answers/command.js';

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
      command: { kind: 'too-long', length: 201 },
      visibility: 'ephemeral',
    });
    expect(parseCommand(`topic ${'b'.repeat(2100)} public`).visibility).toBe('in_channel');
  });
});
