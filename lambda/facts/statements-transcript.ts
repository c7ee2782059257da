/*
 * Broadcast transcripts: each turn is a paragraph that opens with its speaker in capitals and a colon.
 * The first turn of a person names them in full, with a role for the programme's own journalists
 * ("ANNA REYES, HOST:", "TOM HALE, BYLINE:"), later turns by surname ("HALE:"). A newsmaker's turn
 * ("VLADIMIR MEDINSKY: (Through interpreter) …") is a direct statement; a journalist's turn is read as
 * ordinary reporting, which may itself report what someone said.
 */

/** One newsmaker's turn: the name as the transcript gives it, and the body offsets of the words. */
export interface TranscriptTurn {
  name: string;
  start: number;
  end: number;
}

/** Roles a transcript gives its own staff. */
const STAFF_ROLES = /^(?:HOST|CO-HOST|BYLINE|ANCHOR|CORRESPONDENT|REPORTER|PRESENTER|MODERATOR)$/u;

/** A turn label: words in capitals, optionally a role after a comma, then a colon. */
const TURN = /^([\p{Lu}][\p{Lu}'.\- ]{1,60}?)(?:, ([\p{Lu}][\p{Lu} ,-]{1,40}))?:[ \t]+(?=\S)/gmu;

/** Stage directions before a turn's words: "(Through interpreter)", "(SOUNDBITE OF …)". */
const DIRECTIONS = /^(?:\([^)\n]{1,80}\)\s*)+/u;

const titleCase = (capitals: string) =>
  capitals
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());

/**
 * The newsmakers' turns of a transcript, or none when the body is not one: only a body that labels at
 * least one staff turn ("…, HOST:") is read as a transcript, so that "NOTE:" or "UPDATE:" in an article
 * gives no speaker. A turn's words run to the end of its paragraph.
 */
export function transcriptTurns(body: string): TranscriptTurn[] {
  const labels = [...body.matchAll(TURN)];
  if (!labels.some((m) => STAFF_ROLES.test((m[2] ?? '').trim()))) return [];
  const staff = new Set<string>();
  const newsmakers = new Map<string, string>();
  const turns: TranscriptTurn[] = [];
  for (const m of labels) {
    const label = (m[1] ?? '').trim();
    const surname = label.split(/\s+/u).at(-1) ?? '';
    if (STAFF_ROLES.test((m[2] ?? '').trim())) {
      staff.add(surname);
      continue;
    }
    // A newsmaker is introduced by a full name; a bare surname continues someone already introduced.
    const name = label.includes(' ') ? titleCase(label) : newsmakers.get(surname);
    if (!name || staff.has(surname)) continue;
    newsmakers.set(surname, name);
    const paragraphEnd = body.indexOf('\n\n', m.index);
    const end = trimmedEnd(body, m.index, paragraphEnd < 0 ? body.length : paragraphEnd);
    const wordsFrom = m.index + m[0].length;
    const start = wordsFrom + (DIRECTIONS.exec(body.slice(wordsFrom, end))?.[0].length ?? 0);
    if (end > start) turns.push({ name, start, end });
  }
  return turns;
}

function trimmedEnd(body: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/u.test(body[e - 1] ?? '')) e--;
  return e;
}
