import { memoizeByString } from '../shared/memoize.js';
import { CAPITAL_OPENING } from './char-tests.js';
import { canonicalCountry, countryMentions } from './countries.js';
import { ROLES } from './roles-lexicon.js';

/*
 * A person's affiliation comes from the words the article uses about them: "Russia's chief negotiator",
 * "Ukrainian negotiator", "Moscow's deputy foreign minister", "Turkish Foreign Minister". Country names
 * come from the maintained country list (countries.ts); demonyms and the capitals that stand for their
 * governments are general English usage, listed here because ISO 3166 does not carry them.
 */

/** Adjectives of nationality, by ISO short name as countries.ts canonicalises it. */
const DEMONYMS = new Map<string, string>(
  Object.entries({
    Russian: 'Russia',
    Ukrainian: 'Ukraine',
    Turkish: 'Turkey',
    American: 'United States',
    British: 'United Kingdom',
    English: 'United Kingdom',
    French: 'France',
    German: 'Germany',
    Chinese: 'China',
    Israeli: 'Israel',
    Polish: 'Poland',
    Italian: 'Italy',
    Canadian: 'Canada',
    Belarusian: 'Belarus',
    Belarussian: 'Belarus',
    Georgian: 'Georgia',
    Moldovan: 'Moldova',
    Kazakh: 'Kazakhstan',
    Indian: 'India',
    Japanese: 'Japan',
    Iranian: 'Iran',
    Syrian: 'Syria',
    Hungarian: 'Hungary',
    Romanian: 'Romania',
    Czech: 'Czech Republic',
    Slovak: 'Slovakia',
    Lithuanian: 'Lithuania',
    Latvian: 'Latvia',
    Estonian: 'Estonia',
    Finnish: 'Finland',
    Swedish: 'Sweden',
    Norwegian: 'Norway',
    Danish: 'Denmark',
    Dutch: 'Netherlands',
    Belgian: 'Belgium',
    Spanish: 'Spain',
    Portuguese: 'Portugal',
    Greek: 'Greece',
    Austrian: 'Austria',
    Swiss: 'Switzerland',
    Irish: 'Ireland',
    Australian: 'Australia',
    Saudi: 'Saudi Arabia',
    Qatari: 'Qatar',
    Emirati: 'United Arab Emirates',
    Egyptian: 'Egypt',
    Pakistani: 'Pakistan',
    Afghan: 'Afghanistan',
    Iraqi: 'Iraq',
    Brazilian: 'Brazil',
    Mexican: 'Mexico',
    Bulgarian: 'Bulgaria',
    Serbian: 'Serbia',
    Croatian: 'Croatia',
    Armenian: 'Armenia',
    Azerbaijani: 'Azerbaijan',
    Uzbek: 'Uzbekistan',
    Slovenian: 'Slovenia',
    Albanian: 'Albania',
    Indonesian: 'Indonesia',
    Nigerian: 'Nigeria',
    'South African': 'South Africa',
    'South Korean': 'South Korea',
    'North Korean': 'North Korea',
    Omani: 'Oman',
    Jordanian: 'Jordan',
    Lebanese: 'Lebanon',
    Kuwaiti: 'Kuwait',
    Bahraini: 'Bahrain',
    Yemeni: 'Yemen',
    Libyan: 'Libya',
    Tunisian: 'Tunisia',
    Algerian: 'Algeria',
    Moroccan: 'Morocco',
    Sudanese: 'Sudan',
    Ethiopian: 'Ethiopia',
    Kenyan: 'Kenya',
    Turkmen: 'Turkmenistan',
    Kyrgyz: 'Kyrgyzstan',
    Tajik: 'Tajikistan',
    Mongolian: 'Mongolia',
    Vietnamese: 'Vietnam',
    Thai: 'Thailand',
    Filipino: 'Philippines',
    Malaysian: 'Malaysia',
    Singaporean: 'Singapore',
    Argentine: 'Argentina',
    Argentinian: 'Argentina',
    Chilean: 'Chile',
    Colombian: 'Colombia',
    Venezuelan: 'Venezuela',
    Cuban: 'Cuba',
    Peruvian: 'Peru',
    Icelandic: 'Iceland',
    Maltese: 'Malta',
    Cypriot: 'Cyprus',
    Montenegrin: 'Montenegro',
    Bosnian: 'Bosnia and Herzegovina',
    Macedonian: 'North Macedonia',
    Luxembourgish: 'Luxembourg',
    Bangladeshi: 'Bangladesh',
    'Sri Lankan': 'Sri Lanka',
    Nepali: 'Nepal',
    Ghanaian: 'Ghana',
    Senegalese: 'Senegal',
    Rwandan: 'Rwanda',
    Cambodian: 'Cambodia',
    Laotian: 'Laos',
    Burmese: 'Myanmar',
    Nepalese: 'Nepal',
    Kosovar: 'Kosovo',
    Zimbabwean: 'Zimbabwe',
    Zambian: 'Zambia',
    Malian: 'Mali',
    Nigerien: 'Niger',
    Chadian: 'Chad',
    Cameroonian: 'Cameroon',
    Angolan: 'Angola',
    Mozambican: 'Mozambique',
    Burundian: 'Burundi',
    Congolese: 'Congo',
    Ugandan: 'Uganda',
    Tanzanian: 'Tanzania',
    Somali: 'Somalia',
    Eritrean: 'Eritrea',
    Palestinian: 'Palestine',
    'New Zealander': 'New Zealand',
  }),
);

/** Capitals and seats of government that the press uses for the government itself ("Moscow said"). */
const SEATS_OF_GOVERNMENT = new Map<string, string>(
  Object.entries({
    Moscow: 'Russia',
    Kremlin: 'Russia',
    Kyiv: 'Ukraine',
    Kiev: 'Ukraine',
    Washington: 'United States',
    'White House': 'United States',
    Ankara: 'Turkey',
    Beijing: 'China',
    London: 'United Kingdom',
    'Downing Street': 'United Kingdom',
    Paris: 'France',
    Berlin: 'Germany',
    Minsk: 'Belarus',
    Warsaw: 'Poland',
    Jerusalem: 'Israel',
    Rome: 'Italy',
    Ottawa: 'Canada',
    Tokyo: 'Japan',
    Tehran: 'Iran',
    Budapest: 'Hungary',
    Chisinau: 'Moldova',
    Tbilisi: 'Georgia',
    Vilnius: 'Lithuania',
    Riga: 'Latvia',
    Tallinn: 'Estonia',
    Helsinki: 'Finland',
    Stockholm: 'Sweden',
    Oslo: 'Norway',
    Copenhagen: 'Denmark',
    Madrid: 'Spain',
    Lisbon: 'Portugal',
    Athens: 'Greece',
    Vienna: 'Austria',
    Bern: 'Switzerland',
    Dublin: 'Ireland',
    Canberra: 'Australia',
    'New Delhi': 'India',
    Islamabad: 'Pakistan',
    Kabul: 'Afghanistan',
    Baghdad: 'Iraq',
    Damascus: 'Syria',
    Riyadh: 'Saudi Arabia',
    Doha: 'Qatar',
    'Abu Dhabi': 'United Arab Emirates',
    Cairo: 'Egypt',
    Seoul: 'South Korea',
    Pyongyang: 'North Korea',
    Prague: 'Czech Republic',
    Bratislava: 'Slovakia',
    Bucharest: 'Romania',
    Sofia: 'Bulgaria',
    Belgrade: 'Serbia',
    Yerevan: 'Armenia',
    Baku: 'Azerbaijan',
    Astana: 'Kazakhstan',
  }),
);

const stripPossessive = (word: string) => word.replace(/['\u2019]s?$/u, '');

/** The country an adjective of nationality stands for ("Hungarian"); null for any other word. */
export const countryOfDemonym = (word: string): string | null => DEMONYMS.get(word) ?? null;

/**
 * The country a single word stands for: a country name, a demonym or a seat of government
 * ("Russia's", "Ukrainian", "Moscow", "U.S."); null otherwise. Case-sensitive: proper nouns only.
 */
export const countryOfWord: (word: string) => string | null = memoizeByString((word) => {
  const bare = stripPossessive(word);
  return DEMONYMS.get(bare) ?? SEATS_OF_GOVERNMENT.get(bare) ?? canonicalCountry(bare);
});

/**
 * The first country that a descriptive phrase names or implies ("the head of Ukraine's delegation").
 * Remembered: role phrases repeat within and across articles, and matching them against every country name
 * is the costly part.
 */
export const affiliationOf: (phrase: string) => string | null = memoizeByString(findAffiliation);

/**
 * As `affiliationOf`, within an article: an office that implies its country only in that country's news ("Secretary
 * of State", `contextual` in lexicon/roles.json) gives it only when the article names the country (`namesCountry`);
 * the Vatican and the British government have secretaries of state too.
 */
export function affiliationIn(phrase: string, namesCountry: (country: string) => boolean): string | null {
  const named = namedCountryOf(phrase);
  if (named) return named;
  // "Chancellor" is Germany's or Austria's: of the countries sharing the earliest office's title, the one the
  // article names; none when it names none of them, or several.
  const fitting = officesOf(phrase).filter((office) => !office.contextual || namesCountry(office.country));
  const countries = new Set(fitting.map((office) => office.country));
  return countries.size === 1 ? (fitting[0]?.country ?? null) : null;
}

/**
 * Whether `text` names a country by name, demonym or seat of government ("Washington", "American"). Read once, on
 * the first question: most articles never ask.
 */
export function countryNamedIn(text: string): (country: string) => boolean {
  let named: Set<string> | null = null;
  return (country) => {
    named ??= new Set([
      ...countryMentions(text).map((m) => m.country),
      ...[...text.matchAll(CAPITALISED_RUN)].flatMap((run) =>
        run[0].split(/\s+/u).flatMap((word) => countryOfWord(word.replace(/\.$/u, '')) ?? []),
      ),
    ]);
    return named.has(country);
  };
}

/** Capitalised words, with the lower-case joiners of country names ("Bosnia and Herzegovina"). */
const CAPITALISED_RUN = new RegExp(
  String.raw`${CAPITAL_OPENING}[\p{L}.\u2019'-]*(?:\s+(?:(?:and|of|the)\s+)?\p{Lu}[\p{L}.\u2019'-]*)*`,
  'gu',
);

/**
 * The earliest country in the phrase: every run of capitalised words is tried whole and word by
 * word, as a country name, a demonym ("South Korean") or a seat of government; failing that, an
 * office whose title implies a country (lexicon/roles.json).
 */
function findAffiliation(phrase: string): string | null {
  return namedCountryOf(phrase) ?? officeOf(phrase)?.country ?? null;
}

/** "Secretary of State Jane Roe": offices that stand for one country's government though their title names none. */
const OFFICES = ROLES.offices.map(({ role, country, contextual, notFollowedBy, notPrecededBy }) => {
  const exception = notFollowedBy?.length ? `(?!\\s+(?:${notFollowedBy.join('|')})(?![\\p{L}]))` : '';
  // "Vice-Chancellor": words before the title that make it another office.
  const before = notPrecededBy?.length ? `(?<!(?<![\\p{L}])(?:${notPrecededBy.join('|')})[\\s-]+)` : '';
  return {
    pattern: new RegExp(`${before}(?<![\\p{L}])${role.replace(/\s+/gu, '\\s+')}(?![\\p{L}])${exception}`, 'u'),
    country,
    contextual: contextual ?? false,
  };
});

/**
 * The body that a single word naming an office or an alliance stands for ("Nato", "Pentagon"), or null. Asked of
 * every capitalised word before a title, each time against every office's pattern: remembered by word.
 */
export const officeAffiliation = memoizeByString(
  (word: string): string | null => OFFICES.find(({ pattern }) => pattern.test(word))?.country ?? null,
);

/** The earliest office in the phrase whose title implies a country, with that country. */
const officeOf = (phrase: string): { country: string; contextual: boolean } | null => officesOf(phrase)[0] ?? null;

/**
 * The offices of the earliest title in the phrase that implies a country: one, or one per country that shares the
 * title ("Chancellor": Germany, Austria), in the order of lexicon/roles.json.
 */
const officesOf = memoizeByString((phrase): { country: string; contextual: boolean }[] => {
  let found: { country: string; contextual: boolean }[] = [];
  let first = Number.POSITIVE_INFINITY;
  for (const { pattern, country, contextual } of OFFICES) {
    const at = pattern.exec(phrase)?.index;
    if (at === undefined || at > first) continue;
    if (at < first) found = [];
    first = at;
    found.push({ country, contextual });
  }
  return found;
});

const namedCountryOf = memoizeByString(namedCountry);

/** "special envoy for the", "ambassador to": what a run right after it names is where the holder is sent (`sentTo`). */
const SENT_TO_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:${ROLES.sentTo.roles.join('|')})\s+(?:to|for)\s+(?:the\s+)?$`,
  'iu',
);

/** The earliest country that a run of capitalised words names, not counting the one an envoy is sent to. */
function namedCountry(phrase: string): string | null {
  for (const run of phrase.matchAll(CAPITALISED_RUN)) {
    if (SENT_TO_BEFORE.test(phrase.slice(Math.max(0, run.index - 60), run.index))) continue;
    const words = run[0].split(/\s+/u);
    for (let from = 0; from < words.length; from++) {
      for (let to = words.length; to > from; to--) {
        const candidate = stripPossessive(words.slice(from, to).join(' '));
        const country = DEMONYMS.get(candidate) ?? SEATS_OF_GOVERNMENT.get(candidate) ?? canonicalCountry(candidate);
        if (country) return country;
      }
    }
  }
  return null;
}
