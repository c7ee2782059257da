import { personKey, speakerKey, surnameOf } from '../facts/speaker-key.js';
import { hasSpoken, type SpeakerEntry } from '../facts/views.js';
import { editDistance } from './edit-distance.js';

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

  const wantedSurname = normalizeName(surnameOf(query));
  const scored = directory.map((speaker) => {
    const names = namesOf(speaker).map(normalizeName);
    const surnames = namesOf(speaker).map((n) => normalizeName(surnameOf(n)));
    return {
      speaker,
      // How far the name as typed is from this person's: what a typing slip may bridge.
      distance: Math.min(
        ...names.map((n) => editDistance(wanted, n)),
        ...surnames.map((n) => editDistance(wantedSurname, n)),
      ),
      // How far any typed word is from their surname: good enough to suggest, not to answer.
      nearness: Math.min(...wantedWords.flatMap((w) => surnames.map((n) => editDistance(w, n)))),
    };
  });
  // Suggestions are people who said something: the directory's long tail of names mentioned once is no help.
  const closest = scored
    .filter((s) => hasSpoken(s.speaker))
    .sort((a, b) => a.nearness - b.nearness || a.distance - b.distance)
    .slice(0, SUGGESTIONS);
  return { kind: 'unknown', closest: closest.map((s) => s.speaker) };
}
