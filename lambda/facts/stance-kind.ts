import stanceKindsJson from '../../config/stance-kinds.json' with { type: 'json' };

/*
 * What kind of move a party's stance is: a demand, an offer, a refusal, or a demand withdrawn. The phrases
 * are data (config/stance-kinds.json); a timeline compares the kinds of a party's successive stances to
 * mark where it moved (a refusal turned into an offer, a demand dropped).
 */

export const STANCE_KINDS = ['withdrawal', 'refusal', 'offer', 'demand'] as const;
export type StanceKind = (typeof STANCE_KINDS)[number];

interface StanceKindsConfig {
  kinds: { kind: string; phrases: string[] }[];
}

const CONFIG: StanceKindsConfig = stanceKindsJson;

/** Lower-case words of a text, apostrophes kept inside words ("won't"), typographic ones folded. */
function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/\u2019/gu, "'")
      .match(/[\p{L}\d]+(?:['-][\p{L}\d]+)*/gu) ?? []
  );
}

const PHRASES_BY_KIND: [StanceKind, string[][]][] = CONFIG.kinds.map(({ kind, phrases }) => {
  if (!(STANCE_KINDS as readonly string[]).includes(kind)) throw new Error(`Unknown stance kind "${kind}"`);
  return [kind as StanceKind, phrases.map(words)];
});

function containsPhrase(tokens: string[], phrase: string[]): boolean {
  return tokens.some((_, start) => phrase.every((word, k) => tokens[start + k] === word));
}

/** The kind of a stance's clause, the first kind in the lexicon's order whose phrase it contains; null if none. */
export function stanceKind(stance: string): StanceKind | null {
  const tokens = words(stance);
  for (const [kind, phrases] of PHRASES_BY_KIND) {
    if (phrases.some((phrase) => containsPhrase(tokens, phrase))) return kind;
  }
  return null;
}
