/**
 * The closed word classes that speaker finding relies on: English function words and news-writing
 * vocabulary (verbs of saying, titles, institutions). General language knowledge, not facts about any
 * article: no person, quote or event of the corpus is listed here.
 */

import { actorWords, openingWords, speechWords } from './lexicon.js';
import { ROLES } from './roles-lexicon.js';

const words = (list: string) => new Set(list.trim().split(/\s+/u));

/** Verbs of saying, by lemma; every inflected form maps to its lemma (lexicon/speech.json). */
const SPEECH_VERB_FORMS = new Map<string, string>(
  speechWords.verbsOfSaying.flatMap((entry) => {
    const [lemma = '', ...forms] = entry.split(' ');
    return [lemma, ...forms].map((form): [string, string] => [form, lemma]);
  }),
);

/**
 * Base forms that are also common nouns ("state television", "a post", "the claim"): taken as verbs only
 * after "to" or an auxiliary. Their inflected forms are unambiguous enough.
 */
const NOUN_LIKE_FORMS = new Set(speechWords.nounLikeForms);

/** Verbs whose object rather than a clause carries the content ("described the talks as constructive"). */
export const CONTENT_IN_VERB_PHRASE = new Set(speechWords.contentInVerbPhrase);

/** Verbs that report words only through "that", a colon or a quote: their bare object is not what was said. */
export const CLAUSE_ONLY = new Set(speechWords.clauseOnly);

/** Verbs that report words only right after the quote they close: `"…," the minister continued.` */
export const AFTER_QUOTE_ONLY = new Set(speechWords.afterQuoteOnly);

/** Verbs with a listener before their "that": "assured reporters that …", "informed the council that …". */
export const LISTENER_VERBS = new Set(speechWords.listenerVerbs);

/** Verbs whose words are their verb phrase when "to" follows: "promised to veto the bill". */
export const INFINITIVE_VERBS = new Set(speechWords.infinitiveVerbs);

/** Nouns of words between "this" and a passive of saying: "This opinion was expressed by X" (`pointerNouns`). */
export const POINTER_NOUNS = new Set(speechWords.pointerNouns);

/** A verb's lemma and its particle that sum up an appeal: "called for more support", "called on allies to …". */
export const APPEAL_FRAMES = new Set(speechWords.appealFrames);

/** An office's initials, in lower case, to the office they stand for: "pm" → "prime minister" (`roleAbbreviations`). */
export const ROLE_ABBREVIATIONS = new Map(
  speechWords.roleAbbreviations.map((entry): [string, string] => {
    const [initials = '', ...office] = entry.split(' ');
    return [initials, office.join(' ')];
  }),
);

/** Labels a page sets before a quote it gives on its own: "Quote: \"…\"". */
export const QUOTE_LABELS = new Set(speechWords.quoteLabels);

/** Verbs that report words only with a predicate after "as": "praised the talks as a first step". */
export const AS_PREDICATE_ONLY = new Set(speechWords.asPredicateOnly);

/**
 * Verbs that report words only when they name their object ("called the offer a sham", "describing the talks as
 * frank"), as a main verb or as a participle after any main clause (`namesObject`, statements-subject.ts).
 */
export const NAMING_VERBS = new Set(speechWords.namingVerbs);

/** How a predicate adjective after "called" and its object ends, and common ones: "called the offer useful". */
export const PREDICATE_ADJECTIVE_ENDINGS = speechWords.predicateAdjectiveEndings;
export const PREDICATE_ADJECTIVES = new Set(speechWords.predicateAdjectives);

/**
 * Verbs whose words are a "that" clause, possibly after a short noun phrase ("expressed hope that …"), or a
 * quote: their bare nominal object ("expressed openness to talks") is no statement.
 */
export const NOMINAL_OBJECT_VERBS = new Set(speechWords.nominalObjectVerbs);

/** Numbers that announce an enumeration of a speaker's points: "agreed on four points:". */
export const COUNT_WORDS = new Map(speechWords.countWords.map((word, k) => [word, k + 2]));

/** Nouns that name the points a count announces: "three key points", "four conditions". */
export const ENUMERATION_NOUNS = new Set(speechWords.enumerationNouns);

/**
 * "his Norwegian counterpart", "her Austrian opposite number": the role's head word, with the words before it that
 * complete it ('number' ← 'opposite'). A counterpart holds for the named country the possessor's office.
 */
export const COUNTERPART_HEADS = new Map(
  speechWords.counterpartRoles.map((role) => {
    const words = role.split(' ');
    return [words.at(-1) ?? role, words.slice(0, -1)] as const;
  }),
);

/** The head a counterpart role gives its mention (`Mention.head`), resolved by who holds the possessor's office. */
export const COUNTERPART = 'counterpart';

/** The forms of "be" before a passive participle: "was told", "is being asked", "had been informed". */
export const BE_FORMS = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being']);

const AUXILIARY = /^(to|will|would|could|can|may|might|must|should|did|does|do|not|also)$/iu;

/**
 * Verbs of saying only with a particle after them: "pointed out", "as he put it", "\"…,\" she went on", "made (it)
 * clear that". `made it` is taken here and checked for its "clear that" where the words are found (`particleEnd`).
 */
const PARTICLE_VERBS = new Map([
  ['point', ['out']],
  ['put', ['it']],
  ['go', ['on']],
  ['make', ['clear', 'it']],
]);

/**
 * The lemma of a speech verb form (`lower`, in lower case), or null. `previous` is the word before it, to
 * tell verbs from nouns; `next` the word after it, for a verb that says something only with its particle
 * ("pointed out").
 */
export function speechVerbLemma(lower: string, previous: string, next = ''): string | null {
  const lemma = SPEECH_VERB_FORMS.get(lower);
  if (!lemma) return null;
  const particle = PARTICLE_VERBS.get(lemma);
  if (particle) return particle.includes(next) ? lemma : null;
  const ambiguous = lower === lemma || NOUN_LIKE_FORMS.has(lower);
  return ambiguous && !AUXILIARY.test(previous) ? null : lemma;
}

/**
 * The index of the last token of a verb's particle ("pointed out", "made it clear"), or of the verb itself;
 * -1 when a "made it" is no "made it clear that" ("made it to the final").
 */
export function particleEnd(lowerAt: (k: number) => string | undefined, v: number, lemma: string): number {
  if (lemma === 'point' || lemma === 'put' || lemma === 'go') return v + 1;
  if (lemma !== 'make') return v;
  const clear = lowerAt(v + 1) === 'clear' ? v + 1 : lowerAt(v + 2) === 'clear' ? v + 2 : -1;
  return clear > 0 && lowerAt(clear + 1) === 'that' ? clear : -1;
}

/** People someone speaks to: what follows "told" before the content. */
export const LISTENERS = new Set(speechWords.listeners);

/** Verbs that make ", adding that …" or ", who added …" a second statement of the speaker before. */
export const CONTINUATION_VERBS = new Set(speechWords.continuationVerbs);

/** Finite verbs that show a clause without "that": "stressed the talks would go on", "noted Kyiv remains open". */
export const CLAUSE_VERBS = new Set(speechWords.clauseVerbs);

export const PERSONAL_PRONOUNS = new Map<string, 'm' | 'f'>([
  ['he', 'm'],
  ['she', 'f'],
]);

/** Object and possessive pronouns that stand for a speaker in "according to him", "in her words". */
export const OBJECT_PRONOUNS = new Map<string, 'm' | 'f'>([
  ['him', 'm'],
  ['his', 'm'],
  ['her', 'f'],
]);

/** The words that name the person whose words are reported ("quoting X as saying", "citing X"). */
export const QUOTING_WORDS = words('quoted quoting cited citing');

/** Words in a title before a name or in a role ("Deputy Defense Minister", "top negotiator"). */
export const TITLE_WORDS = words(
  'president vice prime minister deputy first foreign defense defence interior finance economy justice ' +
    'secretary state chancellor premier king queen prince princess sheikh emir sultan pope patriarch cardinal ' +
    'ambassador envoy special representative spokesman spokeswoman spokesperson press adviser advisor aide ' +
    'chief head top lead leading senior junior assistant associate general gen lt col colonel major maj captain capt ' +
    'commander admiral sergeant officer lieutenant marshal mayor governor gov senator sen congressman congresswoman ' +
    'rep representative lawmaker legislator mp speaker chairman chairwoman chair director executive ceo founder ' +
    'negotiator mediator observer diplomat delegate delegation member leader opposition former acting interim outgoing incoming ' +
    'mr mrs ms dr prof sir lord lady dame his her hon excellency highness majesty eminence honourable honorable sheikha judge justice prosecutor attorney analyst expert ' +
    'ombudsman commissioner presidential ministerial official defense security national intelligence military ' +
    'economic political policy staff office affairs human rights kremlin white house ' +
    // The press's own roles, so that "NewsHour correspondent Jane Roe" keeps hers (non-people.ts: no statements).
    'correspondent reporter anchor columnist presenter ' +
    // Epithets that stand for a leader's title, so that "Russian dictator Jane Roe" keeps her country.
    'dictator autocrat strongman despot ruler',
);

/** Nouns that head a role: "the deputy defense minister", "Russia's top negotiator". */
export const ROLE_HEADS = words(
  'president minister secretary chancellor premier king queen prince emir sultan pope ambassador envoy ' +
    'representative spokesman spokeswoman spokesperson adviser advisor aide chief head leader commander admiral ' +
    'general mayor governor senator lawmaker legislator speaker chairman chairwoman director negotiator diplomat ' +
    'prosecutor ombudsman commissioner premier mediator observer monitor official',
);

/**
 * Words the press uses for a country's leader in place of the title: an epithet ("the dictator said",
 * `leaderEpithets` in lexicon/actor.json), or a chief named by the seat of government ("the Kremlin chief").
 */
export const LEADER_EPITHETS = new Set(actorWords.leaderEpithets);
export const SEAT_CHIEF_WORDS = words('chief boss');

/**
 * Role nouns that news writing uses for one another when it refers back to a person: "Kremlin spokesman
 * Lev Sarkov" becomes "the Kremlin representative", "Foreign Minister Kemal Ozturan" "the head of
 * Turkish diplomacy". Each role head maps to its class; heads outside these classes have none.
 */
export const ROLE_CLASSES = new Map<string, string>(
  [
    ['voice', 'spokesman spokeswoman spokesperson representative'],
    ['leader', 'president premier chancellor king queen prince emir sultan leader'],
    [
      'official',
      'minister diplomat head chief director chairman chairwoman negotiator envoy ambassador commissioner official',
    ],
  ].flatMap(([kind = '', heads = '']) => heads.split(' ').map((head): [string, string] => [head, kind])),
);

/** Diplomatic posts whose title holds "to" before the name: "Permanent Representative to the United Nations Ivo Holm". */
export const OFFICE_TO_HEADS = new Set(speechWords.officeToHeads);

/** Role heads that name a relation to someone ("an aide to the president"), not an office: no role contradicts them. */
export const RELATION_HEADS = words('aide adviser advisor assistant');

/** Words that make a capitalised sequence an institution, a place or a work, not a person. */
export const INSTITUTION_WORDS = words(
  'ministry exchequer department office agency service council committee party government administration house times news ' +
    'post press media television tv radio university institute bank fund union army forces force navy guard command ' +
    'kremlin pentagon parliament assembly congress senate duma rada court commission organization organisation ' +
    'alliance group company corporation inc ltd foundation centre center network channel embassy federation republic ' +
    'kingdom states nations airlines journal herald tribune gazette daily weekly review magazine reuters interfax tass ' +
    'ria novosti xinhua anadolu ukrinform bloomberg afp ap cnn bbc cbs nbc abc fox sky euronews aljazeera jazeera ' +
    'politico axios guardian telegraph independent economist monitor insider wire radio club summit talks treaty ' +
    'agreement accord protocol article clause act law constitution plan church mosque cathedral palace square street ' +
    'avenue bridge river sea ocean mountains region oblast province district city town village airport station port ' +
    'forum initiative programme program project mission office',
);

/** Plural place words that end a capitalised run naming places, not a person: "the Tarsk and Zenda Regions". */
export const PLURAL_PLACE_WORDS = words('regions republics oblasts provinces districts territories islands');

/** Plural nouns for groups of people: "Officials said" has no single speaker. */
export const GROUP_WORDS = words(
  'officials negotiators diplomats sources authorities residents witnesses critics observers people police troops ' +
    'soldiers analysts experts leaders lawmakers ministers spokesmen representatives delegates delegations members ' +
    'envoys aides advisers advisors journalists reporters protesters activists citizens voters investigators forces',
);

/** Capitalised words that start sentences or clauses without being names (with the openers below). */
const LISTED_FUNCTION_WORDS = words(
  'the a an this that these those it its he she they we i you his her their our there here but and or so yet ' +
    'in on at for from by with as if when while after before since although though however meanwhile also still ' +
    'some many most no one two both all each several under over into about against between during following ' +
    'according speaking asked separately earlier later instead then now today yesterday tomorrow last next ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december read watch sign support subscribe view follow share related author ' +
    'photo video editor reporting dear please thank once monthly annual continue open ' +
    'nobody everybody everyone someone somebody anyone anybody nothing everything something',
);

/**
 * Capitalised words that start sentences or clauses without being names: the list above, and every one-word head of
 * a sentence's opening phrase (lexicon/opening.json: prepositions such as "despite" and "amid", adverbs such as
 * "nevertheless"), which may run straight into a name with no comma ("Despite Varga's threats, …") and would
 * otherwise be read as its first name.
 */
export const CAPITALISED_FUNCTION_WORDS = new Set([
  ...LISTED_FUNCTION_WORDS,
  ...[...openingWords.settingHeads, ...openingWords.adverbialHeads].filter((w) => !w.includes(' ')),
]);

/** Time words and adverbs that may stand between a speaker and a verb, or right after the verb. */
export const ADVERBIALS = words(
  'also meanwhile then later earlier previously separately again reportedly has have had was is were will would ' +
    'could may might later repeatedly publicly once first initially further however too today yesterday tonight ' +
    'monday tuesday wednesday thursday friday saturday sunday recently quickly bluntly flatly late early on last ' +
    'this week night morning afternoon evening ' +
    // "has long argued that …", "has already said that …" (round 15's S15-4): adverbs not in -ly.
    'long already still often always',
);

/** "this month", "last year": the deictics and nouns of a time phrase (lexicon/speech.json). */
const TIME_PHRASE_DEICTICS = new Set(speechWords.timePhraseDeictics);
const TIME_PHRASE_NOUNS = new Set(speechWords.timePhraseNouns);

/**
 * Whether a deictic and a noun outside quotes make a time phrase ("this month", "last year"): what a subject
 * (statements-subject.ts) and a verb's "that" (statements-content.ts) are read past.
 */
export function isTimePhrase(
  deictic: { lower: string; quoted: boolean } | undefined,
  noun: { lower: string; quoted: boolean } | undefined,
): boolean {
  return (
    !!deictic &&
    !!noun &&
    !deictic.quoted &&
    !noun.quoted &&
    TIME_PHRASE_DEICTICS.has(deictic.lower) &&
    TIME_PHRASE_NOUNS.has(noun.lower)
  );
}

/**
 * How many of `words` (lower case) from `at` make a time phrase between a verb and its particle: "on Friday", "last
 * week", a bare "Sunday" (`timePhraseNouns`, `timePhraseDeictics`); 0 when none starts there.
 */
export function timePhraseLengthAt(words: readonly string[], at: number): number {
  const [first, second] = [words[at] ?? '', words[at + 1] ?? ''];
  if ((first === 'on' || TIME_PHRASE_DEICTICS.has(first)) && TIME_PHRASE_NOUNS.has(second)) return 2;
  return TIME_PHRASE_NOUNS.has(first) ? 1 : 0;
}

/**
 * Offices written as a title before their holder's name ("Taoiseach Ana Roe"; `title` in lexicon/roles.json): title
 * words and role heads, so the name starts after them and "the Taoiseach said" is a role.
 */
for (const office of ROLES.offices) {
  if (!office.title) continue;
  for (const word of office.role.toLowerCase().split(/\s+/u)) {
    TITLE_WORDS.add(word);
    ROLE_HEADS.add(word);
  }
}

/** Determiners that make a role phrase generic: "an official", "a Ukrainian negotiator". */
export const INDEFINITE = words('a an one some several many another any');
