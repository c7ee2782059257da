import { describe, expect, it } from 'vitest';
import { decodeFactRef, encodeFactRef, type FactRef, factKey } from '../../lambda/facts/fact-ref.js';
import { addFlag, FlagReviewError, factStatus, reviewFact } from '../../lambda/flags/flag-book.js';
import { EMPTY_FLAG_BOOK, type FactSnapshot, type FlagBook } from '../../lambda/store/flag-book-schema.js';

const statement: FactRef = { kind: 'statement', id: 'a1b2c3d4e5f60718', speakerKey: 'hrytsenko' };
const snapshot: FactSnapshot = { lead: 'A speaker', text: 'words', quoted: true, citations: [], sources: [] };
const policy = { reviewers: ['UREVIEW'], threshold: 2 };

function flagged(...users: [string, string][]): FlagBook {
  return users.reduce(
    (book, [userId, at]) => addFlag(book, statement, snapshot, { userId, reason: 'misquoted', at }),
    EMPTY_FLAG_BOOK,
  );
}

const statusOf = (book: FlagBook) => factStatus(book.facts[0] as FlagBook['facts'][number], policy);

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

describe('flag book', () => {
  it('shows a fact flagged by fewer people than the threshold as disputed', () => {
    expect(statusOf(flagged(['U1', '2026-11-01T00:00:00Z']))).toEqual({ state: 'disputed', flaggedBy: 1 });
  });

  it('counts a person once however often they flag, and hides the fact at the threshold', () => {
    const twiceByOne = flagged(['U1', '2026-11-01T00:00:00Z'], ['U1', '2026-11-02T00:00:00Z']);
    expect(statusOf(twiceByOne)).toEqual({ state: 'disputed', flaggedBy: 1 });
    expect(twiceByOne.facts[0]?.flags).toHaveLength(1);
    expect(statusOf(flagged(['U1', '2026-11-01T00:00:00Z'], ['U2', '2026-11-02T00:00:00Z'])).state).toBe('hidden');
  });

  it("hides a fact on a reviewer's one flag", () => {
    expect(statusOf(flagged(['UREVIEW', '2026-11-01T00:00:00Z'])).state).toBe('hidden');
  });

  it('keeps a confirmed fact hidden, and shows a restored one until it is flagged again', () => {
    const book = flagged(['U1', '2026-11-01T00:00:00Z'], ['U2', '2026-11-02T00:00:00Z']);
    const key = factKey(statement);
    const confirmed = reviewFact(
      book,
      key,
      { decision: 'confirmed', userId: 'UREVIEW', at: '2026-11-03T00:00:00Z' },
      policy,
    );
    expect(statusOf(confirmed).state).toBe('hidden');
    const restored = reviewFact(
      book,
      key,
      { decision: 'restored', userId: 'UREVIEW', at: '2026-11-03T00:00:00Z' },
      policy,
    );
    expect(statusOf(restored)).toEqual({ state: 'clear', flaggedBy: 0 });
    const again = addFlag(restored, statement, snapshot, { userId: 'U3', reason: 'other', at: '2026-11-04T00:00:00Z' });
    expect(statusOf(again)).toEqual({ state: 'disputed', flaggedBy: 1 });
  });

  it('lets only a configured reviewer review, and anyone when none is configured', () => {
    const book = flagged(['U1', '2026-11-01T00:00:00Z']);
    const review = { decision: 'restored' as const, userId: 'U1', at: '2026-11-02T00:00:00Z' };
    expect(() => reviewFact(book, factKey(statement), review, policy)).toThrow(FlagReviewError);
    expect(reviewFact(book, factKey(statement), review, { reviewers: [], threshold: 2 }).facts[0]?.review).toEqual(
      review,
    );
    expect(() => reviewFact(book, 'statement:other', review, { reviewers: [], threshold: 2 })).toThrow(
      'no longer flagged',
    );
  });
});
