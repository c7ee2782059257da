import type { Article } from '../articles/article.js';
import { titleWithoutFurniture } from '../articles/metadata.js';
import type { MentionedPerson, Statement } from './fact.js';
import { speakerKey } from './speaker-key.js';
import { type ArticleStatements, statementId } from './statements.js';
import { textWords } from './text-lexicon.js';

/*
 * A headline that reports what someone said: "Leader says the country cannot give up the coast", "Leader: no
 * talks without a ceasefire", "“Nothing to discuss”: Leader rejects the plan". The body's sentences are read by
 * the statement rules; the title line, which has no final punctuation and often the outlet's name after a bar,
 * is read here, for a speaker the body names.
 */

const SAYING = new Set(textWords.headlineSpeechVerbs);
const LISTENERS = new Set(textWords.headlineListeners);
/** The fewest words a headline's reported clause or quote needs to say something. */
const MIN_WORDS = 2;
/** The most words a speaker phrase may have before the verb or the colon ("Kremlin spokesman Orlov"). */
const MAX_SPEAKER_WORDS = 4;

interface HeadlineSpeech {
  /** The words naming the speaker. */
  speaker: string;
  text: string;
  kind: Statement['kind'];
}

const wordsOf = (text: string) => text.split(/\s+/u).filter(Boolean);

/** `Name says [that] …`, `Name tells reporters …`. */
function saysShape(title: string): HeadlineSpeech | null {
  const words = wordsOf(title);
  const verb = words.findIndex((w, i) => i > 0 && i <= MAX_SPEAKER_WORDS && SAYING.has(w.toLowerCase()));
  if (verb < 0) return null;
  let from = verb + 1;
  if (words[verb]?.toLowerCase() === 'tells') {
    if (!LISTENERS.has((words[from] ?? '').toLowerCase())) return null;
    from++;
  }
  if (words[from]?.toLowerCase() === 'that') from++;
  // "Leader warns of a long war": a topic, not the words said.
  if (/^(?:of|about|against|on|for|with)$/iu.test(words[from] ?? '')) return null;
  return { speaker: words.slice(0, verb).join(' '), text: words.slice(from).join(' '), kind: 'reported' };
}

/** `Name: …` (a speaker's words after a colon) and `"…": Name …` (a quote, then who said it). */
function colonShape(title: string): HeadlineSpeech | null {
  const quoteFirst = /^["\u201c\u00ab]([^"\u201c\u201d\u00ab\u00bb]+)["\u201d\u00bb]\s*[:,\u2013\u2014-]\s*(.+)$/u.exec(
    title,
  );
  if (quoteFirst) {
    const speaker = wordsOf(quoteFirst[2] ?? '')
      .slice(0, MAX_SPEAKER_WORDS)
      .join(' ');
    return { speaker, text: (quoteFirst[1] ?? '').replace(/[\s,.]+$/u, ''), kind: 'direct' };
  }
  const colon = title.indexOf(': ');
  if (colon < 0 || wordsOf(title.slice(0, colon)).length > MAX_SPEAKER_WORDS) return null;
  const text = title.slice(colon + 2).replace(/^["\u201c\u00ab](.*)["\u201d\u00bb]$/u, '$1');
  return { speaker: title.slice(0, colon), text, kind: 'reported' };
}

/** The person of the body whose surname is a capitalised word of the speaker phrase, the last such word first. */
function speakerIn(phrase: string, people: readonly MentionedPerson[]): MentionedPerson | null {
  const words = wordsOf(phrase.replace(/['\u2019]s\b/gu, '')).filter((w) => /^\p{Lu}/u.test(w));
  for (const word of words.reverse()) {
    const key = speakerKey(word);
    const person = key && people.find((p) => [p.name, ...p.aliases].some((name) => speakerKey(name) === key));
    if (person) return person;
  }
  return null;
}

const tokens = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Whether the body's statements of that speaker already hold most of these words. */
function saidInBody(text: string, key: string, statements: readonly Statement[]): boolean {
  const words = tokens(text);
  return statements.some((s) => {
    if (s.speakerKey !== key) return false;
    const said = tokens(s.text);
    const shared = [...words].filter((w) => said.has(w)).length;
    return shared >= 0.5 * Math.min(words.size, said.size);
  });
}

/**
 * The article's statements with the one its headline reports, for a speaker the body names, unless the body's
 * statements of that speaker already say it; the speaker joins the people who said something. The title is cited
 * as it stands without the outlet's name or other furniture.
 */
export function withHeadlineStatement(article: Article, found: ArticleStatements): ArticleStatements {
  const title = article.title ? titleWithoutFurniture(article.title, article.outlet) : '';
  const speech = title ? (saysShape(title) ?? colonShape(title)) : null;
  if (!speech || wordsOf(speech.text).length < MIN_WORDS) return found;
  const person = speakerIn(speech.speaker, found.mentions);
  if (!person || saidInBody(speech.text, person.key, found.statements)) return found;
  const { citations: _named, ...speaker } = person;
  const statement: Statement = {
    id: statementId(person.key, speech.kind, speech.text),
    speakerKey: person.key,
    speaker: person.name,
    affiliation: person.affiliation,
    kind: speech.kind,
    text: speech.text,
    topics: [],
    citations: [{ articleId: article.id, evidence: title }],
  };
  const people = found.people.some((p) => p.key === person.key) ? found.people : [...found.people, speaker];
  return { ...found, people, statements: [...found.statements, statement] };
}
