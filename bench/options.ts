import { parseArgs } from 'node:util';
import { z } from 'zod';

/*
 * The options of `npm run bench` (bench/README.md says what each measures): parsed and checked here, so that a
 * mistyped option or a number that is not one stops the run with a message instead of measuring with NaN.
 */

/** Each option once: its default, what it takes (said when it gets something else) and what it sets. */
const OPTIONS = {
  sizes: {
    default: '0,100,1000,10000',
    takes: 'article counts separated by commas, e.g. 0,100 (0 is the seed corpus)',
    sets: 'corpus sizes in articles; 0 is the seed corpus (data/articles)',
  },
  calls: {
    default: '500',
    takes: 'a whole number above 0',
    sets: 'timed calls per command at the largest size and the seed corpus',
  },
  'scaling-calls': {
    default: '200',
    takes: 'a whole number above 0',
    sets: 'timed calls per command at the sizes between',
  },
  warmup: { default: '25', takes: 'a whole number, 0 or more', sets: 'untimed calls first' },
  'cold-starts': {
    default: '11',
    takes: 'a whole number above 0',
    sets: 'fresh processes per bundle for the cold start',
  },
  'batch-size': { default: '1000', takes: 'a whole number above 0', sets: 'inputs per ingest call' },
  'extract-limit': {
    default: '90',
    takes: 'a whole number of seconds above 0',
    sets: 'seconds before a slow extraction is stopped and projected',
  },
  'ingest-limit': {
    default: '240',
    takes: 'a whole number of seconds above 0',
    sets: 'seconds before a slow ingest is stopped and projected',
  },
  seed: { default: '20220329', takes: 'a whole number', sets: 'seed of the synthetic corpus' },
  out: { default: 'bench/results.json', takes: 'a file path', sets: 'where the results go' },
} as const;
type OptionName = keyof typeof OPTIONS;

export const BENCH_USAGE = [
  'npm run bench -- [options]   (bench/README.md)',
  ...Object.entries(OPTIONS).map(([name, o]) => `  ${`--${name} ${o.default}`.padEnd(27)}${o.sets}`),
  `  ${'--help'.padEnd(27)}this text`,
].join('\n');

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
} satisfies Record<OptionName, z.ZodType>);

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
    const options = Object.fromEntries(
      Object.entries(OPTIONS).map(([name, o]) => [name, { type: 'string' as const, default: o.default }]),
    );
    ({ values } = parseArgs({
      args: argv,
      options: { ...options, out: { type: 'string', default: defaultOut }, help: { type: 'boolean', default: false } },
    }));
  } catch (error) {
    return { kind: 'error', message: `${(error as Error).message}\n\n${BENCH_USAGE}` };
  }
  if (values.help) return { kind: 'help' };
  const parsed = BenchOptionsSchema.safeParse(values);
  if (!parsed.success) {
    const option = parsed.error.issues[0]?.path[0] as OptionName;
    return {
      kind: 'error',
      message: `--${option} takes ${OPTIONS[option].takes}, not "${values[option]}"\n\n${BENCH_USAGE}`,
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
