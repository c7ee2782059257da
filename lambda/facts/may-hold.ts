/*
 * The cheap test a rule family asks before its regexes: may a text hold one of the family's words at all? A sentence
 * is asked by two or three families in a row (about 390,000 tests of 150,000 texts in 1,000 synthetic articles), and
 * each test was a case-insensitive regex scan of the whole text. Now the words of every family are looked for in one
 * pass over a text, by one automaton (Aho-Corasick over ASCII letters), and what it found is kept for the last few
 * texts: a family asking after another reads one bit.
 */

/** The families' words in one automaton: each family has a bit of `Automaton.output`, and a small integer holds 30. */
const MOST_FAMILIES = 30;

/** Letters a to z, the automaton's alphabet: any other character ends every word it was in. */
const LETTERS = 26;

interface Automaton {
  /** The next state after each state and letter, `state * LETTERS + letter`: every transition, so no failure links. */
  next: Int32Array;
  /** The families a word of which ends at each state. */
  output: Int32Array;
}

const families: string[][] = [];
let automaton: Automaton | null = null;

/** The texts read last with the families found in each, in a ring: the next text read replaces the oldest. */
const RECENT_TEXTS = 4;
const recent = Array.from({ length: RECENT_TEXTS }, () => ({ text: '', found: 0 }));
let oldest = 0;

/**
 * A test that a text may hold one of `entries`: each entry's longest word, without the \b and the phrase around it,
 * which would make V8 try the whole phrase at every position of every sentence. It answers as a case-insensitive
 * regex (no `u`) of those words would: only ASCII letters match ASCII letters in either case.
 */
export function mayHold(entries: readonly string[]): (text: string) => boolean {
  // Of words as long as each other the last, the head noun: "the sea" is looked for by "sea", not by "the".
  const longest = entries.map((e) =>
    e.split(/[^\p{L}]+/u).reduce((best, word) => (word.length >= best.length ? word : best), ''),
  );
  // A word that holds another ("reassurance", "assurance") is found by the shorter one.
  const needed = [
    ...new Set(
      longest.filter((word, i) => !longest.some((other, k) => k !== i && other !== word && word.includes(other))),
    ),
  ];
  // An entry with no letter is in every text, as the empty alternative of a regex would be.
  if (needed.includes('')) return () => true;
  // A letter outside ASCII matches its other case too, and past 30 families there is no bit left: a regex.
  if (needed.some((word) => /[^a-zA-Z]/u.test(word)) || families.length === MOST_FAMILIES) {
    const pattern = new RegExp(needed.join('|'), 'i');
    return (text) => pattern.test(text);
  }
  const bit = 1 << families.length;
  families.push(needed.map((word) => word.toLowerCase()));
  automaton = null;
  return (text) => (familiesIn(text) & bit) !== 0;
}

/** The families whose words `text` holds, one bit each, from the recent texts when it is one of them. */
function familiesIn(text: string): number {
  for (let k = 0; k < RECENT_TEXTS; k++) {
    const known = recent[k] as { text: string; found: number };
    if (known.text === text) return known.found;
  }
  if (!automaton) {
    automaton = build(families);
    // Read before a family was added: found again.
    for (const known of recent) known.text = '';
  }
  const found = scan(automaton, text);
  recent[oldest] = { text, found };
  oldest = (oldest + 1) % RECENT_TEXTS;
  return found;
}

function scan({ next, output }: Automaton, text: string): number {
  let state = 0;
  let found = 0;
  for (let i = 0; i < text.length; i++) {
    // Only an ASCII letter is a letter here once 0x20 is set: no other code has the same bits.
    const letter = (text.charCodeAt(i) | 0x20) - 0x61;
    if (letter < 0 || letter >= LETTERS) {
      state = 0;
      continue;
    }
    state = next[state * LETTERS + letter] as number;
    found |= output[state] as number;
  }
  return found;
}

/** The automaton of the families' words: a trie, then every transition filled in breadth first from the failure links. */
function build(words: readonly (readonly string[])[]): Automaton {
  const trie: number[][] = [[]];
  const ends: number[] = [0];
  words.forEach((family, f) => {
    for (const word of family) {
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const letter = word.charCodeAt(i) - 0x61;
        let to = trie[state]?.[letter];
        if (to === undefined) {
          to = trie.push([]) - 1;
          ends.push(0);
          (trie[state] as number[])[letter] = to;
        }
        state = to;
      }
      ends[state] = (ends[state] ?? 0) | (1 << f);
    }
  });
  const next = new Int32Array(trie.length * LETTERS);
  const output = Int32Array.from(ends);
  const failure = new Int32Array(trie.length);
  const queue: number[] = [];
  for (let letter = 0; letter < LETTERS; letter++) {
    const to = trie[0]?.[letter];
    if (to !== undefined) {
      next[letter] = to;
      queue.push(to);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    // A word ending at the longest suffix of this state's text ends here too.
    output[state] = (output[state] as number) | (output[failure[state] as number] as number);
    for (let letter = 0; letter < LETTERS; letter++) {
      const to = trie[state]?.[letter];
      const fallback = next[(failure[state] as number) * LETTERS + letter] as number;
      if (to === undefined) {
        next[state * LETTERS + letter] = fallback;
      } else {
        next[state * LETTERS + letter] = to;
        failure[to] = fallback;
        queue.push(to);
      }
    }
  }
  return { next, output };
}
