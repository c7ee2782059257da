import * as z from 'zod/mini';

const NonEmpty = z.string().check(z.minLength(1));

/** Where a fact was read: the article and the sentence, verbatim from the stored body. */
export const CitationSchema = z.object({
  articleId: NonEmpty,
  /** The whole sentence (or quoted passage) the fact came from, a verbatim substring of the article body. */
  evidence: NonEmpty,
  /** For statements: this article's own wording of the statement, verbatim, when it differs from the fact's `text`. */
  quote: z.optional(NonEmpty),
});
export type Citation = z.infer<typeof CitationSchema>;

/** A party or country as the facts name it: a canonical country name ("Russia", "United States"). */
export const PartySchema = NonEmpty;

/** A named person who said something, resolved across spelling and transliteration variants. */
export const PersonSchema = z.object({
  /** Lookup key shared by every variant of the name (see `speakerKey`). */
  key: NonEmpty,
  /** The fullest form of the name seen ("Nodar Lomakhia"). */
  name: NonEmpty,
  /** Every other form seen ("Lomahia", "Nodar Lomahia"), for display and lookups. */
  aliases: z.array(z.string()),
  affiliation: z.nullable(PartySchema),
});
export type Person = z.infer<typeof PersonSchema>;

/**
 * A named person an article mentions, whether or not they said anything in it: what lets `who` answer
 * about someone the news talks about but never quotes.
 */
export const MentionedPersonSchema = z.extend(PersonSchema, {
  /** The sentences that name the person, verbatim, article order first; at most a few per article. */
  citations: z.array(CitationSchema).check(z.minLength(1)),
});
export type MentionedPerson = z.infer<typeof MentionedPersonSchema>;

export const StatementKindSchema = z.enum(['direct', 'reported']);

/** Who said what: a direct quote or a reported clause, verbatim. */
export const StatementSchema = z.object({
  /** Stable id: the same speaker saying the same words gives the same id, whichever article it is read from. */
  id: NonEmpty,
  speakerKey: NonEmpty,
  speaker: NonEmpty,
  affiliation: z.nullable(PartySchema),
  kind: StatementKindSchema,
  /** The quote or reported clause, a verbatim substring of (at least) the first cited article. */
  text: NonEmpty,
  /** Configured topics the statement touches ("crimea"), for the topic drill-down. */
  topics: z.array(z.string()),
  citations: z.array(CitationSchema).check(z.minLength(1)),
});
export type Statement = z.infer<typeof StatementSchema>;

/** A country named as a proposed or possible guarantor of Ukraine's security. */
export const GuarantorSchema = z.object({
  country: NonEmpty,
  proposedBy: z.nullable(PartySchema),
  citations: z.array(CitationSchema).check(z.minLength(1)),
});
export type Guarantor = z.infer<typeof GuarantorSchema>;

/** What a party wants, offers or refuses on a configured topic. */
export const PositionSchema = z.object({
  id: NonEmpty,
  topic: NonEmpty,
  party: PartySchema,
  /** The clause that states the position, verbatim from the first citation's evidence. */
  stance: NonEmpty,
  citations: z.array(CitationSchema).check(z.minLength(1)),
});
export type Position = z.infer<typeof PositionSchema>;

/**
 * A person the article gives no country, described by another it gives none either ("an adviser to X"): the
 * corpus may know the principal's country, which the adviser then shares (`settleAffiliations`).
 */
export const PrincipalSchema = z.object({ key: NonEmpty, principal: NonEmpty });
export type Principal = z.infer<typeof PrincipalSchema>;

/** A person the article gives an office of a country ("Ruritania's foreign minister Mira Vell"): `office` is its key. */
export const OfficeHolderSchema = z.object({ key: NonEmpty, name: NonEmpty, office: NonEmpty });
export type OfficeHolder = z.infer<typeof OfficeHolderSchema>;

/** Everything extracted from one article; every citation points at that article. */
export const ArticleFactsSchema = z.object({
  articleId: NonEmpty,
  /** The people who said something. */
  people: z.array(PersonSchema),
  /** Every person the article names (speakers too), with the sentences that name them. */
  mentions: z.array(MentionedPersonSchema),
  statements: z.array(StatementSchema),
  guarantors: z.array(GuarantorSchema),
  positions: z.array(PositionSchema),
  /** Whose country an unaffiliated person shares, for the corpus to settle; absent when there is none. */
  principals: z.optional(z.array(PrincipalSchema)),
  /** The offices of a country the article gives its people, for the corpus's table of holders; absent when none. */
  offices: z.optional(z.array(OfficeHolderSchema)),
  /** Offices of a country that a role phrase in a speaker's place asked for and nobody named filled; absent when none. */
  askedOffices: z.optional(z.array(NonEmpty)),
  /**
   * On an article's first reading, the person keys of the owners of possessives in its topic sentences ("Volnov's
   * demands") that name none of its people (corpus-placed-people.ts): the corpus may place one, and the article is then
   * read again; absent when none.
   */
  unlistedNames: z.optional(z.array(NonEmpty)),
});
export type ArticleFacts = z.infer<typeof ArticleFactsSchema>;

/** Facts merged across articles: one fact, several citations. */
export const CorpusFactsSchema = z.omit(ArticleFactsSchema, {
  articleId: true,
  principals: true,
  offices: true,
  askedOffices: true,
  unlistedNames: true,
});
export type CorpusFacts = z.infer<typeof CorpusFactsSchema>;
