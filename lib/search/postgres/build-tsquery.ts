import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { boolArray, intArray, textArray } from '@/db/sql-arrays';
import type { SearchTerm } from '../query-syntax';
import { configsForWord } from './text-configs';
import { typoBudget, typoDistance } from './typo-distance';

/** A query word with its stems in each configuration it may be written in, and how many posts hold each stem. */
type Word = {
  term: SearchTerm;
  prefix: boolean;
  stems: Map<string, string[]>;
  phrases: string[];
  documents: Map<string, number>;
  corrections: string[];
};

export type BuiltQuery = {
  /** The tsquery text, or null when nothing is left to look for (only stop words, or only exclusions). */
  tsquery: string | null;
  /** About how many posts match, from the stems' post counts. */
  estimatedMatches: number;
  /** How many posts hold the rarest word looked for (any of its stems): how long a list the word index reads at least. */
  rarestWordPosts: number;
  /** Posts in the index, about. */
  indexedPosts: number;
  /** Some word also matches close spellings. */
  widened: boolean;
};

/** Quoted for tsquery text: lexemes come from the stemmer, but may hold quotes or backslashes. */
function lexemeQuery(lexeme: string, { prefix, title }: { prefix: boolean; title: boolean }): string {
  const quoted = `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const flags = `${prefix ? '*' : ''}${title ? 'A' : ''}`;
  return flags ? `${quoted}:${flags}` : quoted;
}

type Stemmed = { i: number; config: string; lexemes: string[]; documents: number[]; phrase: string | null; indexed: number };

/** Every (word, configuration) pair stemmed, with the index's post count of each stem, in one round trip. */
async function analyse(db: Db, terms: SearchTerm[], prefixLast: boolean): Promise<{ words: Word[]; indexedPosts: number }> {
  const rows: { index: number; config: string; text: string; phrase: boolean; prefix: boolean }[] = [];
  const isPrefix = (term: SearchTerm, index: number) => prefixLast && index === terms.length - 1 && !term.phrase && !term.excluded;
  terms.forEach((term, index) => {
    for (const config of configsForWord(term.text).all) rows.push({ index, config, text: term.text, phrase: term.phrase, prefix: isPrefix(term, index) });
  });
  if (rows.length === 0) return { words: [], indexedPosts: 0 };
  const stemmed = await db.execute<Stemmed>(sql`
    select x.i, x.config, a.lexemes,
      -- A prefix counts the posts of every stem it begins (the trigram index serves "like"), so
      -- a typeahead of a common word is known to be common before it runs.
      array(select case when x.prefix
        then (select coalesce(sum(l.documents), 0)::int from search_lexemes l where l.lexeme like replace(replace(replace(e, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
        else coalesce((select l.documents from search_lexemes l where l.lexeme = e), 0) end
        from unnest(a.lexemes) e) as documents,
      case when x.phrase then phraseto_tsquery(x.config::regconfig, cercle_search_text(x.t))::text end as phrase,
      (select greatest(reltuples, 0)::bigint from pg_class where oid = 'search_posts'::regclass) as indexed
    from unnest(${intArray(rows.map((r) => r.index))}, ${textArray(rows.map((r) => r.config))}, ${textArray(rows.map((r) => r.text))}, ${boolArray(rows.map((r) => r.phrase))}, ${boolArray(rows.map((r) => r.prefix))})
      as x(i, config, t, phrase, prefix)
    cross join lateral (select tsvector_to_array(to_tsvector(x.config::regconfig, cercle_search_text(x.t))) as lexemes) a`);
  const words = terms.map((term, index) => {
    const mine = stemmed.filter((row) => row.i === index);
    return {
      term,
      prefix: isPrefix(term, index),
      stems: new Map(mine.map((row) => [row.config, row.lexemes])),
      phrases: mine.map((row) => row.phrase).filter((p): p is string => Boolean(p)),
      documents: new Map(mine.flatMap((row) => row.lexemes.map((lexeme, i) => [lexeme, Number(row.documents[i] ?? 0)] as const))),
      corrections: [],
    };
  });
  return { words, indexedPosts: Number(stemmed[0]?.indexed ?? 0) };
}

/** A word too common to index in one of its languages ("the", "les", "и") is left out of the query. */
function isStopWord(word: Word): boolean {
  return configsForWord(word.term.text).stemmed.some((config) => (word.stems.get(config) ?? []).length === 0);
}

/** Index stems sharing trigrams with any of `stems`, most alike first, with their post counts. */
function similarLexemes(db: Db, stems: string[]): Promise<{ stem: string; lexeme: string; documents: number }[]> {
  return db.transaction(async (tx) => {
    // Short words share few trigrams with their misspellings; the typo distance decides after.
    await tx.execute(sql`set local pg_trgm.similarity_threshold = 0.2`);
    const perStem = stems.map(
      (stem) => sql`(select ${stem} as stem, lexeme, documents from search_lexemes where lexeme % ${stem} order by similarity(lexeme, ${stem}) desc limit 20)`,
    );
    return tx.execute<{ stem: string; lexeme: string; documents: number }>(sql.join(perStem, sql` union all `));
  });
}

/**
 * Close spellings, within the word's typo budget, of a word none of whose stems is in the
 * index: "netwrok" finds "network". Only unknown words are widened, so a correct word is
 * never diluted by its neighbours, unless `widen` asks (when the search found nothing).
 */
async function correct(db: Db, word: Word, widen: boolean): Promise<void> {
  const budget = typoBudget(word.term.text);
  if (word.term.phrase || word.term.excluded || word.prefix || budget === 0) return;
  if (!widen && [...word.documents.values()].some((count) => count > 0)) return;
  for (const { stem, lexeme, documents } of await similarLexemes(db, [...word.documents.keys()])) {
    if (typoDistance(stem, lexeme) > budget || word.corrections.length >= 5 || word.corrections.includes(lexeme)) continue;
    word.corrections.push(lexeme);
    word.documents.set(lexeme, documents);
  }
}

function wordQuery(word: Word, title: boolean): string {
  const options = { prefix: word.prefix, title };
  const alternatives = new Set<string>();
  for (const lexemes of word.term.phrase ? [] : word.stems.values()) {
    if (lexemes.length > 0) alternatives.add(lexemes.map((l) => lexemeQuery(l, options)).join(' & '));
  }
  for (const phrase of word.phrases) if (phrase) alternatives.add(phrase);
  for (const lexeme of word.corrections) alternatives.add(lexemeQuery(lexeme, options));
  return [...alternatives].map((a) => `(${a})`).join(' | ');
}

/** A phrase is far rarer than its words all present anywhere in a post. */
const PHRASE_SHARE = 0.1;

/** About how many posts hold the word (any of its stems, or of the stems a prefix begins). */
function postsOf(word: Word): number {
  return [...word.documents.values()].reduce((sum, count) => sum + count, 0);
}

/** The share of posts holding the word, about. */
function shareOf(word: Word, indexedPosts: number): number {
  return Math.min(1, postsOf(word) / Math.max(1, indexedPosts)) * (word.term.phrase ? PHRASE_SHARE : 1);
}

/**
 * About how many posts hold all the words. Words of one post are seldom independent (people
 * who write "social" often write "network"), so past the rarest word each further word
 * narrows by the square root of its share, not by the share itself.
 */
function estimate(words: Word[], indexedPosts: number): number {
  const [rarest = 1, ...others] = words.map((word) => shareOf(word, indexedPosts)).sort((a, b) => a - b);
  return Math.round(indexedPosts * rarest * others.reduce((product, share) => product * Math.sqrt(share), 1));
}

/** The tsquery for a search: each word matches any of its stems, or a close spelling when it has none. */
export async function buildTsquery(
  db: Db,
  terms: SearchTerm[],
  { prefix, inTitle, widen = false }: { prefix: boolean; inTitle: boolean; widen?: boolean },
): Promise<BuiltQuery> {
  const { words, indexedPosts } = await analyse(db, terms, prefix);
  const meaningful = words.filter((w) => w.term.phrase || w.prefix || !isStopWord(w));
  const positive = meaningful.filter((w) => !w.term.excluded && [...w.stems.values()].some((l) => l.length > 0));
  if (positive.length === 0) return { tsquery: null, estimatedMatches: 0, rarestWordPosts: 0, indexedPosts, widened: false };
  for (const word of positive) await correct(db, word, widen);
  const parts: string[] = [];
  for (const word of meaningful) {
    const query = wordQuery(word, inTitle && !word.term.excluded);
    if (query) parts.push(word.term.excluded ? `!(${query})` : `(${query})`);
  }
  const widened = positive.some((word) => word.corrections.length > 0);
  const rarestWordPosts = Math.min(...positive.map(postsOf));
  return { tsquery: parts.join(' & '), estimatedMatches: estimate(positive, indexedPosts), rarestWordPosts, indexedPosts, widened };
}
