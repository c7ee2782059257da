import type { MentionedPerson } from './fact.js';
import { countryOfWord } from './people-affiliation.js';
import type { PeopleRegistry } from './people-registry.js';
import { isHeadline, type Sentence } from './sentences.js';
import { speakerKey, surnameOf } from './speaker-key.js';
import { ROLE_HEADS, TITLE_WORDS } from './speakers-lexicon.js';
import { gapBetween, type Mention, type MentionContext, PARTICLES } from './speakers-mentions.js';

/*
 * The people an article mentions, read from the names the statement pass already recorded (a full
 * name, or a surname with a title: see `collectNames` in statements.ts), so no second name detector
 * runs and no word is tokenised twice. Each person cites the sentences that name them, verbatim.
 */

/**
 * Words after which an untitled capitalised run is most often a place or an organisation ("analysts at
 * Harbor Analytics", "residents of Bila Tserkva", "the Red Cross"). People come after them too ("talks
 * between Volnov and …"), but news writing introduces a person once with a title or as a subject, so
 * this costs little recall and keeps towns and companies out.
 */
const BEFORE_PLACES = new Set(
  (
    'the a an at in on near outside inside along across around toward towards into onto throughout within ' +
    'beyond between of from for to with by via through among amid and or'
  ).split(' '),
);

const hasTitleWord = (descriptor: string) =>
  descriptor
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((w) => TITLE_WORDS.has(w) || ROLE_HEADS.has(w));

/**
 * Whether a name the statement pass found in a sentence (`mention`, ending at token `last` of the
 * sentence's tokens; `appositive`, a role phrase after it) introduces a person: a full name or a name
 * with a title or role ("Russian President Arkady Volnov", "Vadim Torinsky, Russia's chief
 * negotiator"), not a country ("South Africa"), not a name cut short at an initial or a particle ("James
 * T.", "Katharina" of "Katharina von Albrechtsberg"), and, untitled, neither at the start of the sentence,
 * where every word is capitalised ("Outside Kharkiv, …", "Despite Western pressure"), nor after "the" or
 * a place preposition. Precision over recall: a person only ever named in doubtful places is left out.
 */
export function introducesPerson(
  ctx: MentionContext,
  last: number,
  mention: Extract<Mention, { kind: 'name' }>,
  appositive: string,
): boolean {
  const { tokens, body } = ctx;
  const titled = hasTitleWord(`${mention.descriptor} ${appositive}`);
  if (!titled && !mention.name.includes(' ')) return false;
  const surname = surnameOf(mention.name);
  if (surname.length < 2 || speakerKey(mention.name).length < 2 || countryOfWord(mention.name) !== null) return false;
  const next = tokens[last + 1];
  // A name that stops right before a particle goes on: "Katharina" of "Katharina von Albrechtsberg".
  if (next && PARTICLES.has(next.text) && tokens[last + 2]?.nameLike) return false;
  if (mention.descriptor || titled) return titled;
  const first = tokens.findIndex((t) => t.start === mention.start);
  const before = tokens[first - 1];
  if (!before) return false;
  return !(BEFORE_PLACES.has(before.lower) && /^[ \t]+$/u.test(gapBetween(body, before, tokens[first])));
}

/**
 * Sentences cited per person and article: the first one usually introduces the person in full with
 * their role; a second shows them in the article's story. More would repeat what the article says.
 */
const EVIDENCE_PER_ARTICLE = 2;

/**
 * The mentioned people among `keys`, each with up to two sentences that name them, in article order.
 * Headlines are no evidence (a title-case line is where names are least reliable), so a person named
 * only in one is left out.
 */
export function mentionedPeople(
  articleId: string,
  body: string,
  sentences: readonly Sentence[],
  registry: PeopleRegistry,
  keys: Iterable<string>,
): MentionedPerson[] {
  return [...keys].flatMap((key) => {
    const person = registry.toPerson(key);
    const evidence = [...registry.sentencesOf(key)]
      .sort((a, b) => a - b)
      .flatMap((index) => {
        const sentence = sentences[index];
        return sentence && !isHeadline(sentence) ? [body.slice(sentence.start, sentence.end)] : [];
      })
      .slice(0, EVIDENCE_PER_ARTICLE);
    if (!person || evidence.length === 0) return [];
    return [{ ...person, citations: evidence.map((sentence) => ({ articleId, evidence: sentence })) }];
  });
}
