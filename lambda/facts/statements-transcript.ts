import { memoizeLast } from '../shared/memoize.js';
import { speechWords, words } from './lexicon.js';
import { isStaffLabel } from './non-people.js';
import { countryOfWord } from './people-affiliation.js';
import { CAPITALISED_FUNCTION_WORDS, ROLE_HEADS, speechVerbLemma, TITLE_WORDS } from './speakers-lexicon.js';
import { tokenize } from './speakers-mentions.js';

/*
 * Broadcast transcripts: each turn is a paragraph that opens with its speaker in capitals and a colon.
 * The first turn of a person names them in full, with a role for the programme's own journalists
 * ("ANNA REYES, HOST:", "TOM HALE, BYLINE:"), later turns by surname ("HALE:"). A newsmaker's turn
 * ("VADIM TORINSKY: (Through interpreter) …", or "ORLENKO: …" for someone the text introduces) is a
 * direct statement, to the end of its line; a journalist's turn ("HOST:", "CORRESPONDENT:", "HALE:") is
 * read as ordinary reporting, which may itself report what someone said.
 */

/** One newsmaker's turn: the name as the transcript gives it, and the body offsets of the words. */
export interface TranscriptTurn {
  name: string;
  start: number;
  end: number;
}

/** Labels of voices that are nobody in particular. */
const ANONYMOUS = /^(?:UNIDENTIFIED|CROWD|VOICE|VOICES|AUDIENCE|GROUP|PROTESTERS?|SPEAKER)\b/u;

/** A turn label at the start of a line: words in capitals, optionally a role after a comma, then a colon. */
const TURN_SOURCE = String.raw`^([\p{Lu}][\p{Lu}'.\- ]{1,60}?)(?:, ([\p{Lu}][\p{Lu} ,-]{1,40}))?:[ \t]*`;
const TURN = new RegExp(TURN_SOURCE, 'gmu');
const LEADING_TURN = new RegExp(TURN_SOURCE, 'u');

/** A text without the turn label it may open with ("SYBIL: We refuse." → "We refuse."): the label is not said. */
export const withoutTurnLabel = (text: string): string => text.replace(LEADING_TURN, '');

/** Stage directions before a turn's words: "(Through interpreter)", "(SOUNDBITE OF …)". */
const DIRECTIONS = /^(?:\([^)\n]{1,80}\)\s*)+/u;

const titleCase = (capitals: string) =>
  capitals
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());

/**
 * The newsmakers' turns of a transcript, or none when the body is not one: only a body that labels at
 * least one staff turn ("…, HOST:", "PRESENTER:") is read as a transcript, so that "NOTE:" or "UPDATE:"
 * in an article gives no speaker.
 */
export function transcriptTurns(body: string): readonly TranscriptTurn[] {
  return readTranscript(body).turns;
}

/**
 * The lines of a transcript's own journalists, as body offsets: what they say is reporting, and a
 * question of theirs ("So Kyiv refuses to discuss it?") is nobody's position.
 */
export function staffTurns(body: string): readonly { start: number; end: number }[] {
  return readTranscript(body).staff;
}

interface Transcript {
  readonly turns: readonly TranscriptTurn[];
  readonly staff: readonly { start: number; end: number }[];
}

/** Read once an article: its statements ask for the turns, then its positions for the staff's lines. */
const readTranscript = memoizeLast((body: string): Transcript => readTranscriptOf(body));

function readTranscriptOf(body: string): Transcript {
  const labels = [...body.matchAll(TURN)];
  // A role the transcript gives its own staff, after the name ("TOM HALE, CNN ANCHOR:") or as the label ("HOST:").
  const labelsStaff = labels.some((m) => isStaffLabel(m[2] ?? m[1] ?? ''));
  // A programme's host labelled by name alone ("TINA MOOR:") is the one who opens a two-voice exchange (R13).
  const host = labelsStaff ? null : hostByName(labels);
  const isStaff = (m: RegExpMatchArray) => isStaffLabel(m[2] ?? m[1] ?? '') || surnameOf(m) === host;
  if (!labelsStaff && !host) {
    const interview = readInterview(body);
    return interview.turns.length ? interview : readSpeech(body);
  }
  const staff = new Set<string>();
  const newsmakers = new Map<string, string>();
  const turns: TranscriptTurn[] = [];
  const staffLines: { start: number; end: number }[] = [];
  for (const m of labels) {
    // "FOREIGN MINISTER IVO HOLM:", then "MINISTER HOLM:": the office is no part of the name.
    const label = withoutOffice((m[1] ?? '').trim());
    const surname = label.split(/\s+/u).at(-1) ?? '';
    const lineEnd = lineEndAfter(body, m.index);
    if (isStaff(m) || staff.has(surname)) {
      staff.add(surname);
      // A label alone on its line ("ANNA REYES, HOST:") speaks on the next.
      const alone = !body.slice(m.index + m[0].length, lineEnd).trim();
      const spoken = alone ? lineEnd + Math.max(0, body.slice(lineEnd).search(/\S/u)) : lineEnd;
      staffLines.push({ start: m.index, end: lineEndAfter(body, spoken) });
      continue;
    }
    if (ANONYMOUS.test(label)) continue;
    // A full name introduces a newsmaker; a surname alone continues one, or names someone the text introduces. A
    // word that is neither ("CRIMEA: We will …", a heading over a quote) is no one's label.
    const known = newsmakers.get(surname);
    if (!label.includes(' ') && !known && !introducedInText(body, titleCase(surname))) continue;
    const name = label.includes(' ') ? titleCase(label) : (known ?? titleCase(surname));
    newsmakers.set(surname, name);
    const end = trimmedEnd(body, m.index, lineEnd);
    const wordsFrom = m.index + m[0].length;
    const start = wordsFrom + (DIRECTIONS.exec(body.slice(wordsFrom, end))?.[0].length ?? 0);
    if (end > start) turns.push({ name, start, end });
  }
  return { turns, staff: staffLines };
}

/** The last word of a turn's label, its surname. */
const surnameOf = (m: RegExpMatchArray) => (m[1] ?? '').trim().split(/\s+/u).at(-1) ?? '';

/** A label without the office words it opens with ("FOREIGN MINISTER IVO HOLM" → "IVO HOLM"); a lone office stays. */
function withoutOffice(label: string): string {
  const words = label.split(/\s+/u);
  let last = -1;
  for (let i = 0; i < words.length - 1; i++) {
    const lower = (words[i] ?? '').toLowerCase();
    if (TITLE_WORDS.has(lower) || ROLE_HEADS.has(lower)) last = i;
  }
  return words.slice(last + 1).join(' ');
}

/** The fewest turns a two-voice exchange needs before its opener is taken for the host. */
const HOSTED_TURNS = 4;

/**
 * The surname of a transcript's host when no label names a staff role: the labels are two people's, each with two
 * turns or more, alternating, and the one who speaks first is the host (a broadcast interview opens with the
 * question). Null otherwise: headings in capitals ("BACKGROUND:", "WHAT NEXT:") each come once.
 */
function hostByName(labels: readonly RegExpMatchArray[]): string | null {
  const voices = labels.filter((m) => !ANONYMOUS.test((m[1] ?? '').trim())).map(surnameOf);
  if (voices.length < HOSTED_TURNS) return null;
  const counts = new Map<string, number>();
  for (const v of voices) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (counts.size !== 2 || [...counts.values()].some((n) => n < 2)) return null;
  if (voices.some((v, i) => i > 0 && voices[i - 1] === v)) return null;
  return voices[0] ?? null;
}

/**
 * Whether the text writes `surname` as a person's: after a given name or a title ("Defence Minister Ivan Petrenko",
 * "Mr Petrenko") or before a verb of saying ("Petrenko said"). A place ("in Crimea", "Northern Tarsk") is neither.
 */
function introducedInText(body: string, surname: string): boolean {
  for (let at = body.indexOf(surname); at >= 0; at = body.indexOf(surname, at + 1)) {
    if (/^\p{L}/u.test(body.charAt(at + surname.length))) continue;
    const given = /(?:^|[^\p{L}])(\p{Lu}\p{Ll}+) $/u.exec(body.slice(Math.max(0, at - 30), at))?.[1];
    if (given && !CAPITALISED_FUNCTION_WORDS.has(given.toLowerCase()) && countryOfWord(given) === null) return true;
    const next = /^\s+(\p{Ll}+)/u.exec(body.slice(at + surname.length, at + surname.length + 30))?.[1];
    if (next && speechVerbLemma(next, surname) !== null) return true;
  }
  return false;
}

/**
 * An interview printed as questions and answers: "Q:" or "Question:" opens the interviewer's lines, "A:" or
 * "Answer:" the interviewee's (a turn with no name: the person the article introduced), and "Vladimir Orlov:"
 * in title case a named answer. Read only when the text labels at least one question and one answer.
 */
function readInterview(body: string): Transcript {
  if (!MAY_LABEL_QUESTION.test(body)) return { turns: [], staff: [] };
  const labels = [...body.matchAll(INTERVIEW_TURN)];
  const isQuestion = (m: RegExpMatchArray) => QUESTION_LABELS.has((m[1] ?? '').toLowerCase());
  if (!labels.some(isQuestion)) return { turns: [], staff: [] };
  const turns: TranscriptTurn[] = [];
  const staff: { start: number; end: number }[] = [];
  for (const m of labels) {
    const label = m[1] ?? '';
    const end = trimmedEnd(body, m.index, lineEndAfter(body, m.index));
    if (isQuestion(m)) staff.push({ start: m.index, end });
    else if (ANSWER_LABELS.has(label.toLowerCase()) || namesPerson(label)) {
      const start = m.index + m[0].length;
      const name = ANSWER_LABELS.has(label.toLowerCase()) ? '' : label;
      if (end > start) turns.push({ name, start, end });
    }
  }
  return turns.length ? { turns, staff } : { turns: [], staff: [] };
}

/**
 * A label in title case at the start of a line, an office's words first: "President of Ruritania Ivo Holm: …",
 * "Ivo Holm: …". Tried only on a line's first 80 characters before a colon.
 */
const SPEECH_LABEL =
  /^(\p{Lu}[\p{L}'\u2019.-]*(?:[ \t]+(?:(?:of|the|for)[ \t]+)*\p{Lu}[\p{L}'\u2019.-]*){1,7}):[ \t]*/u;
/** The longest label `SPEECH_LABEL` is tried on, colon included. */
const SPEECH_LABEL_CHARS = 80;
/**
 * A first-person word: a speech's paragraphs are in its speaker's voice. Written in lower case or capitalised, "I"
 * only in capitals: "US" is a country.
 */
const FIRST_PERSON = new RegExp(
  `(?:^|[^\\p{L}])(?:${speechWords.firstPersonWords
    .flatMap((w) => (w === 'i' ? ['I'] : [w, w.charAt(0).toUpperCase() + w.slice(1)]))
    .join('|')})(?![\\p{L}])`,
  'u',
);
/** A greeting on the label's line, skipped: "Friends,", "Dear colleagues!" (a few words and a comma or "!"). */
const GREETING = /^(?:[\p{L}'\u2019-]+\s+){0,3}[\p{L}'\u2019-]+\s*[,!]$/u;
/** A quote inside a line: the first person of someone the writer quotes is not the line's own voice. */
const QUOTED = /["\u201c\u00ab][^"\u201c\u201d\u00ab\u00bb\n]*["\u201d\u00bb]/gu;

/**
 * A speech or a stenogram printed under one speaker's label and no other (round 15's S15-1, R13): "President of
 * Ruritania Ivo Holm: Friends," and the speech's paragraphs, or "Ivo Holm: … A …(p.5)" and excerpts on the next
 * lines. The label's name, its office words left out, is a full name the text writes elsewhere too; each paragraph
 * from the label's own words on is one turn while it speaks in the first person outside any quote it holds, and the
 * first that does not ends the speech (a greeting on the label's line, "Friends,", is skipped). A body with two such labels is a
 * dialogue, which this does not read; a subheading "Holm: …" over the writer's paragraphs gives nothing.
 */
function readSpeech(body: string): Transcript {
  let label: { name: string; from: number } | null = null;
  // Only a line with a colon may be a label: the lines are walked from colon to colon, not one by one (most bodies read
  // here are no transcript, and every line of every one was sliced and searched).
  for (let colonAt = body.indexOf(':'); colonAt >= 0; ) {
    // The line's first colon: the search starts at a line's start, or finds the body's first colon.
    const at = body.lastIndexOf('\n', colonAt) + 1;
    const lineEnd = lineEndAfter(body, colonAt);
    const colon = colonAt - at;
    if (colon > 0 && colon < SPEECH_LABEL_CHARS) {
      const m = SPEECH_LABEL.exec(body.slice(at, at + colon + 2));
      const name = m ? speakerOfLabel(m[1] ?? '') : '';
      if (m && namesPerson(name) && introducedElsewhere(body, name, at, lineEnd)) {
        if (label) return { turns: [], staff: [] };
        label = { name, from: at + m[0].length };
      }
    }
    colonAt = lineEnd < body.length ? body.indexOf(':', lineEnd + 1) : -1;
  }
  if (!label) return { turns: [], staff: [] };
  const turns: TranscriptTurn[] = [];
  for (let at = label.from; at < body.length; ) {
    const lineEnd = lineEndAfter(body, at);
    const start = Math.min(lineEnd, at + body.slice(at, lineEnd).length - body.slice(at, lineEnd).trimStart().length);
    const end = trimmedEnd(body, start, lineEnd);
    const line = body.slice(start, end);
    const speaks = FIRST_PERSON.test(line.replace(QUOTED, ' '));
    if (end > start && speaks) turns.push({ name: label.name, start, end });
    // "Ivo Holm: The bridge will be rebuilt": a subheading over the writer's paragraphs, no speech.
    else if (end > start && at === label.from && !GREETING.test(line)) return { turns: [], staff: [] };
    else if (end > start && at !== label.from) break;
    at = lineEnd + 1;
  }
  return { turns, staff: [] };
}

/**
 * The name a speech's label ends with, past its office: "President of Norway Ivo Holm" → "Ivo Holm" (the words after
 * the last lower-case, title or country word).
 */
function speakerOfLabel(label: string): string {
  const words = label.split(/\s+/u);
  let last = -1;
  words.forEach((w, i) => {
    const lower = w.toLowerCase();
    if (w === lower || TITLE_WORDS.has(lower) || ROLE_HEADS.has(lower) || countryOfWord(w) !== null) last = i;
  });
  return words.slice(last + 1).join(' ');
}

/** Whether `name` occurs in the body outside the line `[from, to)` that labels it. */
function introducedElsewhere(body: string, name: string, from: number, to: number): boolean {
  const before = body.lastIndexOf(name, from - 1);
  return (before >= 0 && before + name.length <= from) || body.indexOf(name, to) >= 0;
}

const QUESTION_LABELS = new Set(speechWords.questionLabels);
const ANSWER_LABELS = new Set(speechWords.answerLabels);
/** A label of one word, or a name of two to four capitalised words, then a colon, at the start of a line. */
const INTERVIEW_TURN = /^(\p{L}+|\p{Lu}[\p{Ll}'\u2019-]+(?: \p{Lu}[\p{Ll}'\u2019-]+){1,3}):[ \t]+/gmu;
/**
 * A question label right before a colon, anywhere: the cheap test before the labels are read, since a text without one
 * is no interview. `INTERVIEW_TURN`, tried at every position of every body for its line starts, was about 1% of
 * extraction. Case-insensitive with `u`, it matches every label that lower-cases to a question label, and more.
 */
const MAY_LABEL_QUESTION = new RegExp(`${words(speechWords.questionLabels)}:`, 'iu');

/** Whether a label names a person: every word may be part of a name ("Read More:", "Related Stories:" do not). */
const namesPerson = (label: string) => label.includes(' ') && tokenize(label, () => false).every((t) => t.nameLike);

/** The offset of the end of the line holding `from`. */
function lineEndAfter(body: string, from: number): number {
  const at = body.indexOf('\n', Math.min(from, body.length));
  return at < 0 ? body.length : at;
}

function trimmedEnd(body: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/u.test(body[e - 1] ?? '')) e--;
  return e;
}
