import { describe, expect, it } from 'vitest';
import { decodeFactRef, encodeFactRef, type FactRef, factKey } from '../../lambda/facts/fact-ref.js';
import {
  addFlag,
  EMPTY_FLAG_INDEX,
  type FactSnapshot,
  type FlaggedFact,
  type FlagIndex,
  FlagIndexFullError,
  FlagReviewError,
  factStatus,
  flagStatuses,
  indexEntry,
  MAX_FLAG_INDEX_BYTES,
  reviewFact,
  withIndexEntry,
} from '../../lambda/flags/flag-book.js';

const statement: FactRef = { kind: 'statement', id: 'a1b2c3d4e5f60718', speakerKey: 'hrytsenko' };
const snapshot: FactSnapshot = { lead: 'A speaker', text: 'words', quoted: true, citations: [], sources: [] };
const policy = { reviewers: ['UREVIEW'], threshold: 2 };

function flagged(...users: [string, string][]): FlaggedFact {
  return users.reduce<FlaggedFact | null>(
    (fact, [userId, at]) => addFlag(fact, statement, snapshot, [], { userId, reason: 'misquoted', at }),
    null,
  ) as FlaggedFact;
}

const statusOf = (fact: FlaggedFact) => factStatus(indexEntry(fact), policy);

/** A fact's entry as the index holds it, for the statement with this id. */
function entryOf(id: string, users: string[], review?: 'confirmed' | 'restored') {
  const ref: FactRef = { kind: 'statement', id, speakerKey: 'someone' };
  let fact = users.reduce<FlaggedFact | null>(
    (f, userId, i) =>
      addFlag(f, ref, snapshot, [`anchor-${id}`], {
        userId,
        reason: 'other',
        at: `2026-11-01T00:00:${String(i).padStart(2, '0')}Z`,
      }),
    null,
  ) as FlaggedFact;
  if (review) fact = reviewFact(fact, { decision: review, userId: 'UREVIEW', at: '2026-11-01T00:01:00Z' }, policy);
  return indexEntry(fact);
}

describe('addFlag', () => {
  it("keeps a person's latest flag by when it was made, even when an older one is written after it", () => {
    const newer = flagged(['UANNA', '2026-11-01T00:00:05Z']);
    const olderLandingLast = addFlag(newer, statement, snapshot, [], {
      userId: 'UANNA',
      reason: 'misquoted',
      at: '2026-11-01T00:00:02Z',
    });
    expect(olderLandingLast.flags.map((f) => f.at)).toEqual(['2026-11-01T00:00:05Z']);
    expect(
      flagged(['UANNA', '2026-11-01T00:00:02Z'], ['UANNA', '2026-11-01T00:00:05Z']).flags.map((f) => f.at),
    ).toEqual(['2026-11-01T00:00:05Z']);
  });
});

describe('fact refs', () => {
  it.each<FactRef>([
    statement,
    { kind: 'position', id: '0011223344556677', topic: 'crimea' },
    { kind: 'guarantor', country: 'Norway', proposedBy: 'Ukraine' },
    { kind: 'guarantor', country: 'Norway', proposedBy: null },
  ])('round-trips %j through an option value', (ref) => {
    expect(decodeFactRef(encodeFactRef(ref))).toEqual(ref);
  });

  it.each(['', 'x|1|2', 's|only-id', 'p||crimea'])('decodes %j as no fact', (value) => {
    expect(decodeFactRef(value)).toBeNull();
  });

  it('keys a statement by its content id, whatever article it came from', () => {
    expect(factKey(statement)).toBe('statement:a1b2c3d4e5f60718');
  });
});

describe('flagged facts', () => {
  it('shows a fact flagged by fewer people than the threshold as disputed', () => {
    expect(statusOf(flagged(['U1', '2026-11-01T00:00:00Z']))).toEqual({ state: 'disputed', flaggedBy: 1 });
  });

  it('counts a person once however often they flag, and hides the fact at the threshold', () => {
    const twiceByOne = flagged(['U1', '2026-11-01T00:00:00Z'], ['U1', '2026-11-02T00:00:00Z']);
    expect(statusOf(twiceByOne)).toEqual({ state: 'disputed', flaggedBy: 1 });
    expect(twiceByOne.flags).toHaveLength(1);
    expect(statusOf(flagged(['U1', '2026-11-01T00:00:00Z'], ['U2', '2026-11-02T00:00:00Z'])).state).toBe('hidden');
  });

  it("hides a fact on a reviewer's one flag", () => {
    expect(statusOf(flagged(['UREVIEW', '2026-11-01T00:00:00Z'])).state).toBe('hidden');
  });

  it('keeps a confirmed fact hidden, and shows a restored one until it is flagged again', () => {
    const fact = flagged(['U1', '2026-11-01T00:00:00Z'], ['U2', '2026-11-02T00:00:00Z']);
    const confirmed = reviewFact(
      fact,
      { decision: 'confirmed', userId: 'UREVIEW', at: '2026-11-03T00:00:00Z' },
      policy,
    );
    expect(statusOf(confirmed).state).toBe('hidden');
    const restored = reviewFact(fact, { decision: 'restored', userId: 'UREVIEW', at: '2026-11-03T00:00:00Z' }, policy);
    expect(statusOf(restored)).toEqual({ state: 'clear', flaggedBy: 0 });
    const again = addFlag(restored, statement, snapshot, [], {
      userId: 'U3',
      reason: 'other',
      at: '2026-11-04T00:00:00Z',
    });
    expect(statusOf(again)).toEqual({ state: 'disputed', flaggedBy: 1 });
  });

  it('lets only a configured reviewer review, and anyone when none is configured', () => {
    const fact = flagged(['U1', '2026-11-01T00:00:00Z']);
    const review = { decision: 'restored' as const, userId: 'U1', at: '2026-11-02T00:00:00Z' };
    expect(() => reviewFact(fact, review, policy)).toThrow(FlagReviewError);
    expect(reviewFact(fact, review, { reviewers: [], threshold: 2 }).review).toEqual(review);
    expect(() => reviewFact(null, review, { reviewers: [], threshold: 2 })).toThrow('no longer flagged');
  });
});

describe('flag index', () => {
  it('finds a fact by any of its anchors as well as by its key', () => {
    const index = withIndexEntry(EMPTY_FLAG_INDEX, entryOf('0001', ['UREVIEW']), policy);
    const statuses = flagStatuses(index, policy);
    expect(statuses.byKey.get('statement:0001')?.state).toBe('hidden');
    expect(statuses.byAnchor.get('anchor-0001')?.state).toBe('hidden');
  });

  /** An index just under its budget: `count` facts like `entryOf(prefix-i, users, review)`. */
  function fullIndex(prefix: string, users: string[], review?: 'confirmed' | 'restored'): FlagIndex {
    const one = entryOf(`${prefix}-0`, users, review);
    const count = Math.floor(MAX_FLAG_INDEX_BYTES / (JSON.stringify(one).length + 1)) - 2;
    return { facts: Array.from({ length: count }, (_, i) => entryOf(`${prefix}-${i}`, users, review)) };
  }

  it('stays within its byte budget by dropping disputed facts, never a hidden or confirmed one', () => {
    // Prepare: a confirmed fact and one hidden by its flaggers, the oldest of a full index of disputed facts.
    const full = fullIndex('old', ['U1']);
    let index: FlagIndex = {
      facts: [...full.facts, entryOf('hidden', ['U1', 'U2']), entryOf('confirmed', ['U1'], 'confirmed')],
    };

    // Act: one person flags 300 other facts.
    for (let i = 0; i < 300; i += 1) index = withIndexEntry(index, entryOf(`spam-${i}`, ['USPAM']), policy);

    // Assess
    const statuses = flagStatuses(index, policy);
    expect(Buffer.byteLength(JSON.stringify(index))).toBeLessThanOrEqual(MAX_FLAG_INDEX_BYTES);
    expect(statuses.byKey.get('statement:confirmed')?.state).toBe('hidden');
    expect(statuses.byKey.get('statement:hidden')?.state).toBe('hidden');
    expect(statuses.byKey.has('statement:spam-299')).toBe(true);
    expect(statuses.byKey.has(`statement:old-${full.facts.length - 1}`)).toBe(false);
  });

  it('drops restored facts before disputed ones', () => {
    const index: FlagIndex = {
      facts: [entryOf('disputed', ['U1']), ...fullIndex('restored', ['U1'], 'restored').facts],
    };
    const next = withIndexEntry(
      withIndexEntry(index, entryOf('new-1', ['U1']), policy),
      entryOf('new-2', ['U1']),
      policy,
    );
    expect(next.facts.some((f) => f.key === 'statement:disputed')).toBe(true);
    expect(next.facts.length).toBeLessThan(index.facts.length + 2);
  });

  it('refuses a flag, saying what to do, when hidden facts fill it', () => {
    const index = fullIndex('hidden', ['UREVIEW']);
    const flagAnother = () => {
      let next = index;
      for (let i = 0; i < 5; i += 1) next = withIndexEntry(next, entryOf(`new-${i}`, ['U1']), policy);
    };
    expect(flagAnother).toThrow(FlagIndexFullError);
    expect(flagAnother).toThrow(/review them with \/talks flags/);
  });
});
