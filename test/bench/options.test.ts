import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../../bench/options.js';

/* `npm run bench`'s command line: defaults, --help, and a clear stop for an option that is mistyped or not a number. */

const parse = (...argv: string[]) => parseBenchOptions(argv, '/tmp/bench-results.json');

describe('parseBenchOptions', () => {
  it('runs the documented defaults when given nothing', () => {
    const options = parse();
    expect(options.kind).toBe('run');
    if (options.kind !== 'run') return;
    expect(options.settings).toMatchObject({ sizes: [0, 100, 1000, 10000], calls: 500, scalingCalls: 200 });
    expect(options.settings).toMatchObject({ coldStarts: 11, out: '/tmp/bench-results.json' });
  });

  it('reads sizes and counts as numbers', () => {
    const options = parse('--sizes', '0, 250', '--calls', '20', '--cold-starts', '21', '--warmup', '0');
    expect(options).toMatchObject({ kind: 'run', settings: { sizes: [0, 250], calls: 20, coldStarts: 21, warmup: 0 } });
  });

  it('answers --help with the usage', () => {
    expect(parse('--help')).toEqual({ kind: 'help' });
  });

  it('stops on an option it does not know, with the usage', () => {
    const options = parse('--cold-start', '21');
    expect(options.kind).toBe('error');
    if (options.kind === 'error') expect(options.message).toMatch(/cold-start[\s\S]*--cold-starts 11/u);
  });

  it('stops on a count that is not a whole number above 0, naming the option', () => {
    expect(parse('--calls', 'many')).toMatchObject({ kind: 'error', message: expect.stringMatching(/^--calls /u) });
    expect(parse('--cold-starts', '0')).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^--cold-starts /u),
    });
    expect(parse('--batch-size', '2.5')).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^--batch-size /u),
    });
  });

  it('stops on sizes that are not article counts', () => {
    expect(parse('--sizes', '100,lots')).toMatchObject({ kind: 'error', message: expect.stringMatching(/^--sizes /u) });
    expect(parse('--sizes=-5')).toMatchObject({ kind: 'error', message: expect.stringMatching(/^--sizes /u) });
  });
});
