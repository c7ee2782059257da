import { personKey, speakerKey, surnameOf } from '../facts/speaker-key.js';
import { hasSpoken, type SpeakerEntry } from '../facts/views.js';
import { editDistance, editDistanceWithin, toleratedEdits } from './edit-distance.js';

export type SpeakerResolution =
  | { kind: 'found'; speaker: SpeakerEntry }
  /** Several people fit equally well (two Johnsons): the user must say which. */
  | { kind: 'ambiguous'; candidates: SpeakerEntry[] }
  /** Nobody fits; `closest` are the nearest known names, best first. */
  | { kind: 'unknown'; closest: SpeakerEntry[] };

/** How many near names an unknown-name answer suggests. */
const SUGGESTIONS = 3;

/** Lower-case words without diacritics or punctuation, so "Vadim  Torinsky," equals "vadim torinsky". */
function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function namesOf(speaker: SpeakerEntry): string[] {
  return [speaker.name, ...speaker.aliases];
}

/** Speakers win over people who are only mentioned: "Johnson" is the one quoted, not one named in passing. */
function resolved(matches: SpeakerEntry[]): SpeakerResolution | null {
  const speakers = matches.filter(hasSpoken);
  const candidates = speakers.length ? speakers : matches;
  if (candidates.length === 0) return null;
  const [only] = candidates;
  return candidates.length === 1 && only ? { kind: 'found', speaker: only } : { kind: 'ambiguous', candidates };
}

/**
 * Resolves what a user typed after `who` to a known person, trying the strictest reading first:
 * an exact name or alias ("Vadim Torinsky", any case or accents), then the transliteration-folded
 * surname key ("Lomahia", "belenskyy") with a given name that fits, then any one word of a name ("Nodar").
 * A stricter step that matches wins, so "Boris Johnson" is not ambiguous with another Johnson; within a
 * step, speakers win over people who are only mentioned. A name that is none of these ("Medinksy", or
 * "Boris Tovbelgarkaov" beside a stored Marta Dorbelgarkaov) answers with nobody: the nearest names are
 * offered instead, since a typing slip and a different person look the same to an edit distance.
 */
export function resolveSpeaker(query: string, directory: readonly SpeakerEntry[]): SpeakerResolution {
  const wanted = normalizeName(query);
  const key = speakerKey(query);
  if (!wanted || !key) return { kind: 'unknown', closest: [] };

  const byKey = directory.filter((s) => s.key === key || namesOf(s).some((n) => speakerKey(n) === key));
  const wantedWords = wanted.split(' ');
  // A bare surname that several people share names none of them, even one an article named that way.
  const sharedSurname = wantedWords.length === 1 && byKey.filter(hasSpoken).length > 1;

  // Filtering keeps the directory's ranking (most statements first) in every list of candidates.
  const byName = sharedSurname
    ? null
    : resolved(directory.filter((s) => namesOf(s).some((n) => normalizeName(n) === wanted)));
  if (byName) return byName;

  // A full name that shares the surname key with several people picks the one whose given name fits too;
  // failing that, one whose given name has the same folded initial (Volodymyr / Vladimir), or whose given
  // name is unknown. "Ivan Johnson" is not Boris Johnson.
  const wantedPerson = personKey(query);
  const byKeyAndGivenName =
    wantedWords.length > 1
      ? byKey.filter((s) => namesOf(s).some((n) => wantedWords.every((w) => normalizeName(n).split(' ').includes(w))))
      : [];
  const givenNameFits = (s: SpeakerEntry) =>
    wantedPerson === key || s.key === key || namesOf(s).some((n) => personKey(n) === wantedPerson);
  const byKeyResolution = resolved(byKeyAndGivenName.length ? byKeyAndGivenName : byKey.filter(givenNameFits));
  if (byKeyResolution) return byKeyResolution;

  // A lone given name ("Nodar") is still a name the user saw in the news.
  const byWord =
    wantedWords.length === 1
      ? directory.filter((s) => namesOf(s).some((n) => normalizeName(n).split(' ').includes(wanted)))
      : [];
  const byWordResolution = resolved(byWord);
  if (byWordResolution) return byWordResolution;

  return { kind: 'unknown', closest: nearestSpeakers(query, wanted, directory) };
}

/** Letters at the start of a typed word that, written as a surname starts, make it near: "Torinskovich" (Torinsky). */
const SHARED_START = 6;

/**
 * Whether a speaker offered for a name nobody has is near it, as a typing slip is: a typed word within the edits
 * it tolerates (toleratedEdits, as commands and topics are suggested) of a surname, or starting as the surname does
 * (endings are what transliteration and memory change), or the whole name within its own tolerated edits. Offered
 * speakers that are not near ("Nobody Atall" beside Torinsky and Lomakhia) are no "closest" speakers.
 */
export function isNearName(query: string, speaker: SpeakerEntry): boolean {
  const wanted = normalizeName(query);
  if (!wanted) return false;
  const words = wanted.split(' ');
  const names = namesOf(speaker).map(normalizeName);
  const surnames = namesOf(speaker).map((n) => normalizeName(surnameOf(n)));
  const wordNear = (w: string, s: string) =>
    editDistance(w, s) <= toleratedEdits(w) || (w.length >= SHARED_START && s.startsWith(w.slice(0, SHARED_START)));
  return (
    words.some((w) => surnames.some((s) => wordNear(w, s))) ||
    names.some((n) => editDistance(wanted, n) <= toleratedEdits(wanted))
  );
}

interface Suggestion {
  speaker: SpeakerEntry;
  nearness: number;
  distance: number;
}

/**
 * The speakers nearest a name nobody has, best first: by how far any typed word is from their surname (good
 * enough to suggest, not to answer), then by how far the name as typed is from theirs (what a typing slip
 * may bridge); the directory's ranking breaks ties. Each person is measured only as far as they could still
 * beat the last of the nearest found so far (`editDistanceWithin`), so most of the ~2,000 listed people cost
 * a length check or a few rows, not whole comparisons: the same suggestions in a fraction of the time.
 */
function nearestSpeakers(query: string, wanted: string, directory: readonly SpeakerEntry[]): SpeakerEntry[] {
  const wantedWords = wanted.split(' ');
  const wantedSurname = normalizeName(surnameOf(query));
  const kept: Suggestion[] = [];
  for (const speaker of directory) {
    // Suggestions are people who said something: the directory's long tail of names mentioned once is no help.
    if (!hasSpoken(speaker)) continue;
    const last = kept.length === SUGGESTIONS ? kept.at(-1) : undefined;
    const surnames = namesOf(speaker).map((n) => normalizeName(surnameOf(n)));
    const nearness = nearestWithin(wantedWords, surnames, last?.nearness ?? Number.POSITIVE_INFINITY);
    if (last && nearness > last.nearness) continue;
    // As near as the last one kept: only a name closer as typed takes its place (ties keep the ranking).
    const tied = last !== undefined && nearness === last.nearness;
    const limit = tied ? last.distance - 1 : Number.POSITIVE_INFINITY;
    const distance = Math.min(
      nearestWithin([wanted], namesOf(speaker).map(normalizeName), limit),
      nearestWithin([wantedSurname], surnames, limit),
    );
    if (tied && distance >= last.distance) continue;
    const at = kept.findIndex((k) => k.nearness > nearness || (k.nearness === nearness && k.distance > distance));
    kept.splice(at === -1 ? kept.length : at, 0, { speaker, nearness, distance });
    kept.length = Math.min(kept.length, SUGGESTIONS);
  }
  return kept.map((k) => k.speaker);
}

/** The least edit distance between any of `words` and any of `names`, or `limit + 1` when none is within it. */
function nearestWithin(words: readonly string[], names: readonly string[], limit: number): number {
  let best = limit + 1;
  for (const word of words) for (const name of names) best = Math.min(best, editDistanceWithin(word, name, best - 1));
  return best;
}
