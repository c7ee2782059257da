import * as z from 'zod/mini';

/*
 * How a flag names a fact. Statements and positions have content ids (a hash of who said what, the same
 * from whichever article and at every re-ingest: lambda/facts/statements.ts, positions.ts); a guarantor
 * is its country and proposer. Each ref also carries where the fact's record lives (speaker, topic), so
 * its evidence can be read in one request when someone flags it.
 */

const NonEmpty = z.string().check(z.minLength(1));

export const FactRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('statement'), id: NonEmpty, speakerKey: NonEmpty }),
  z.object({ kind: z.literal('position'), id: NonEmpty, topic: NonEmpty }),
  z.object({ kind: z.literal('guarantor'), country: NonEmpty, proposedBy: z.nullable(NonEmpty) }),
]);
export type FactRef = z.infer<typeof FactRefSchema>;

/** The key flags are stored and matched under: stable across re-ingest and duplicate articles. */
export function factKey(ref: FactRef): string {
  switch (ref.kind) {
    case 'statement':
      return `statement:${ref.id}`;
    case 'position':
      return `position:${ref.id}`;
    case 'guarantor':
      return `guarantor:${ref.country}:${ref.proposedBy ?? ''}`;
  }
}

/**
 * Display names a country had before (lambda/facts/countries.ts), by its name now. A flag is stored under the fact's
 * key when it was made, and flags outlive a store format's rebuild, so a guarantor flagged under a former name is
 * still found under the name its facts now carry (store format 12 renamed Czechia).
 */
const FORMER_COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = { 'Czech Republic': ['Czechia'] };

/** The keys a flag on this fact may have been stored under: its own first, then under its countries' former names. */
export function flagKeysOf(ref: FactRef): string[] {
  if (ref.kind !== 'guarantor') return [factKey(ref)];
  const namesOf = (name: string) => [name, ...(FORMER_COUNTRY_NAMES[name] ?? [])];
  const proposers = ref.proposedBy === null ? [null] : namesOf(ref.proposedBy);
  return namesOf(ref.country).flatMap((country) =>
    proposers.map((proposedBy) => factKey({ kind: 'guarantor', country, proposedBy })),
  );
}

const SEPARATOR = '|';

/** A ref in a Slack option value (at most 150 characters, so compact, not JSON): `s|<id>|<speaker key>`. */
export function encodeFactRef(ref: FactRef): string {
  switch (ref.kind) {
    case 'statement':
      return ['s', ref.id, ref.speakerKey].join(SEPARATOR);
    case 'position':
      return ['p', ref.id, ref.topic].join(SEPARATOR);
    case 'guarantor':
      return ['g', ref.country, ref.proposedBy ?? ''].join(SEPARATOR);
  }
}

/** The ref an option value names, or null for a value that is not one (a payload is input like any other). */
export function decodeFactRef(value: string): FactRef | null {
  const [tag, first = '', ...rest] = value.split(SEPARATOR);
  const second = rest.join(SEPARATOR);
  const candidate =
    tag === 's'
      ? { kind: 'statement', id: first, speakerKey: second }
      : tag === 'p'
        ? { kind: 'position', id: first, topic: second }
        : tag === 'g'
          ? { kind: 'guarantor', country: first, proposedBy: second || null }
          : null;
  const parsed = FactRefSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
