import { parseArgs } from 'node:util';
import { z } from 'zod';

/*
 * The options of `npm run bench` (bench/README.md says what each measures): parsed and checked here, so that a
 * mistyped option or a number that is not one stops the run with a message instead of measuring with NaN.
 */

export const BENCH_USAGE = `npm run bench -- [options]   (bench/README.md)
  --sizes 0,100,1000,10000   corpus sizes in articles; 0 is the seed corpus (data/articles)
  --calls 500                timed calls per command at the largest size and the seed corpus
  --scaling-calls 200        timed calls per command at the sizes between
  --warmup 25                untimed calls first
  --cold-starts 11           fresh processes per bundle for the cold start
  --batch-size 1000          inputs per ingest call
  --extract-limit 90         seconds before a slow extraction is stopped and projected
  --ingest-limit 240         seconds before a slow ingest is stopped and projected
  --seed 20220329            seed of the synthetic corpus
  --out bench/results.json   where the results go
  --help                     this text`;

const count = z.coerce.number().int().positive();

const BenchOptionsSchema = z.object({
  sizes: z
    .string()
    .transform((list) => list.split(',').map((size) => (size.trim() === '' ? Number.NaN : Number(size))))
    .pipe(z.array(z.number().int().nonnegative()).min(1)),
  calls: count,
  'scaling-calls': count,
  warmup: z.coerce.number().int().nonnegative(),
  'cold-starts': count,
  'batch-size': count,
  'extract-limit': count,
  'ingest-limit': count,
  seed: z.coerce.number().int(),
  out: z.string().min(1),
});

/** What each option takes, for the message when it gets something else. */
const EXPECTED: Record<keyof z.input<typeof BenchOptionsSchema>, string> = {
  sizes: 'article counts separated by commas, e.g. 0,100 (0 is the seed corpus)',
  calls: 'a whole number above 0',
  'scaling-calls': 'a whole number above 0',
  warmup: 'a whole number, 0 or more',
  'cold-starts': 'a whole number above 0',
  'batch-size': 'a whole number above 0',
  'extract-limit': 'a whole number of seconds above 0',
  'ingest-limit': 'a whole number of seconds above 0',
  seed: 'a whole number',
  out: 'a file path',
};

export interface BenchSettings {
  sizes: number[];
  calls: number;
  /** Calls per command at the sizes other than the largest and the seed corpus: enough for p50 and a p99 trend. */
  scalingCalls: number;
  warmup: number;
  coldStarts: number;
  batchSize: number;
  extractLimitSeconds: number;
  ingestLimitSeconds: number;
  seed: number;
  out: string;
}

export type BenchOptions =
  | { kind: 'run'; settings: BenchSettings }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

/** Reads `npm run bench`'s command line; `defaultOut` is where results go unless `--out` says otherwise. */
export function parseBenchOptions(argv: string[], defaultOut: string): BenchOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string', default: '0,100,1000,10000' },
        calls: { type: 'string', default: '500' },
        'scaling-calls': { type: 'string', default: '200' },
        'ingest-limit': { type: 'string', default: '240' },
        'extract-limit': { type: 'string', default: '90' },
        warmup: { type: 'string', default: '25' },
        'cold-starts': { type: 'string', default: '11' },
        'batch-size': { type: 'string', default: '1000' },
        seed: { type: 'string', default: '20220329' },
        out: { type: 'string', default: defaultOut },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: `${(error as Error).message}\n\n${BENCH_USAGE}` };
  }
  if (values.help) return { kind: 'help' };
  const parsed = BenchOptionsSchema.safeParse(values);
  if (!parsed.success) {
    const option = parsed.error.issues[0]?.path[0] as keyof typeof EXPECTED;
    return {
      kind: 'error',
      message: `--${option} takes ${EXPECTED[option]}, not "${values[option]}"\n\n${BENCH_USAGE}`,
    };
  }
  const o = parsed.data;
  return {
    kind: 'run',
    settings: {
      sizes: o.sizes,
      calls: o.calls,
      scalingCalls: o['scaling-calls'],
      warmup: o.warmup,
      coldStarts: o['cold-starts'],
      batchSize: o['batch-size'],
      extractLimitSeconds: o['extract-limit'],
      ingestLimitSeconds: o['ingest-limit'],
      seed: o.seed,
      out: o.out,
    },
  };
}
